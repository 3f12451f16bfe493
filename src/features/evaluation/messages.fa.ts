import { toPersianDigits } from '../../lib/fa/index.ts'
import type { PeerGroup } from './compliance.model.ts'

const fa = (n: number) => toPersianDigits(n)

/** The compliance board's Persian text (issue 15 item 5). */
export const msg = {
  title: 'پایبندی دستگاه‌ها به بخشنامه',
  lead: 'برای هر دستگاه اجرایی، آنچه بخشنامه از آن خواسته است و آنچه تا امروز در پرتال انجام داده است. دستگاهی که کاری نکرده است هم در فهرست می‌آید و این را می‌گوید.',
  asOf: (when: string) => `شمارش در ${when}؛ این صفحه دست‌کم روزی یک بار از نو شمرده می‌شود.`,
  summary: (shown: number, total: number) =>
    `${fa(shown)} دستگاه از ${fa(total)} دستگاه ثبت‌شده در پرتال نمایش داده می‌شود.`,
  summaryCounts: (v: { credentials: number; signedIn: number; publishing: number; of: number }) =>
    `از این ${fa(v.of)} دستگاه، ${fa(v.credentials)} دستگاه رمز ورود گرفته‌اند، ${fa(v.signedIn)} دستگاه دست‌کم یک بار وارد شده‌اند و ${fa(v.publishing)} دستگاه دست‌کم یک خدمت منتشر کرده‌اند.`,
  filterHeading: 'پالایش',
  groupLabel: 'گروه هم‌تراز',
  allGroups: 'همهٔ گروه‌ها',
  provinceLabel: 'استان',
  provinceHint: 'فقط دستگاه‌های استانی و شهرستانی استان دارند.',
  allProvinces: 'همهٔ استان‌ها',
  show: 'نمایش',
  badGroup: 'گروه هم‌تراز را از فهرست برگزینید.',
  badProvince: 'استان را از فهرست برگزینید.',
  csvLink: 'دریافت همین جدول به‌صورت CSV',
  apiLink: 'همین داده در API',
  noRows: 'هیچ دستگاهی با این پالایش پیدا نشد.',
  caption: 'پایبندی هر دستگاه به بندهای بخشنامه',
  col: {
    agency: 'دستگاه',
    credentials: 'رمز ورود (بند ۳)',
    services: 'خدمات منتشرشده و شناسنامهٔ کامل (بند ۱)',
    reviews: 'بازبینی سه‌ساله (بند ۴)',
    proposal: 'پیشنهاد شاخص (بند ۵)',
    integration: `اتصال نظرسنجی در ${fa(90)} روز (بند ۶)`,
    eService: 'سهم مراحل الکترونیکی (بند ۷)',
  },
  groups: {
    ministry: 'وزارتخانه‌ها',
    national: 'سازمان‌های ملی',
    provincial: 'ادارات استانی',
  } satisfies Record<PeerGroup, string>,
  notParticipating: 'هنوز مشارکتی نکرده است',
  credentialsIssued: (date: string) => `صادر شد: ${date}`,
  credentialsNone: 'رمز ورود صادر نشده است',
  firstSignIn: (date: string) => `نخستین ورود: ${date}`,
  neverSignedIn: 'هیچ‌کس هنوز وارد نشده است',
  nonePublished: 'هیچ خدمتی منتشر نکرده است',
  published: (n: number) => `${fa(n)} خدمت منتشرشده`,
  share: (count: number, of: number) => `${fa(count)} از ${fa(of)}`,
  percent: (count: number, of: number) => `(${fa(Math.round((100 * count) / of))}٪)`,
  completeCards: (count: number, of: number) =>
    `شناسنامهٔ کامل با زمان هر مرحله: ${fa(count)} از ${fa(of)}`,
  reviewsNone: 'خدمتی برای بازبینی ندارد',
  reviews: (current: number, overdue: number, of: number) =>
    `به‌موقع: ${fa(current)} از ${fa(of)}؛ گذشته از موعد: ${fa(overdue)}`,
  proposal: {
    noCredentials: 'بدون رمز ورود، مهلتی آغاز نشده است',
    onTime: (date: string) => `به‌موقع پیشنهاد داد (${date})`,
    late: (date: string) => `با تأخیر پیشنهاد داد (${date})`,
    waiting: (deadline: string, days: number) =>
      `هنوز پیشنهادی نداده؛ مهلت تا ${deadline} (${fa(days)} روز مانده)`,
    overdue: (deadline: string, days: number) =>
      `پیشنهادی نداده؛ مهلت ${deadline} گذشته است (${fa(days)} روز)`,
  },
  integrationNone: 'خدمتی منتشر نکرده است',
  eServiceNone: 'خدمتی منتشر نکرده است',
  rulesHeading: 'این اعداد چگونه شمرده می‌شوند',
  rules: [
    'رمز ورود (بند ۳ بخشنامه): تاریخی که ستاد مرکزی رمز ورود دستگاه را صادر کرده است، و نخستین باری که یکی از کارکنان دستگاه وارد پرتال شده است.',
    'خدمات منتشرشده (بند ۱): خدماتی که اکنون نسخهٔ منتشرشده دارند و کنار گذاشته نشده‌اند. «شناسنامهٔ کامل» یعنی نسخهٔ جاری همهٔ بررسی‌های انتشار را می‌گذراند، فرایند دارد و برای هر مرحلهٔ کاری‌اش زمان نوشته شده است؛ همان قاعدهٔ شاخص عمومی «کامل بودن شناسنامهٔ خدمت».',
    'بازبینی سه‌ساله (بند ۴): برای هر خدمت منتشرشده، اگر موعد بازبینی‌اش هنوز نرسیده باشد «به‌موقع» است و اگر گذشته باشد «گذشته از موعد».',
    'پیشنهاد شاخص (بند ۵): هر دستگاه باید ظرف یک ماه پیشنهاد شاخص‌های اختصاصی خود را بفرستد؛ این یک ماه از تاریخ بخشنامه، یا برای دستگاهی که بعدها رمز گرفته از روز صدور رمز، شمرده می‌شود.',
    'اتصال نظرسنجی (بند ۶): از خدمات منتشرشدهٔ دستگاه، چند خدمت در ۹۰ روز گذشته دست‌کم یک تراکنش به پرتال فرستاده‌اند؛ فقط با همین تراکنش‌ها می‌توان از مردم نظر خواست.',
    'سهم مراحل الکترونیکی (بند ۷): هر خدمت چهار مرحله دارد (اطلاع‌رسانی، درخواست، پردازش، تحویل)؛ از همهٔ مراحل خدمات منتشرشده، چند مرحله الکترونیکی انجام می‌شود.',
    'هر عدد با پایه‌اش آمده است («۱۲ از ۱۵»). این‌ها شمارش کامل‌اند، نه نمونه: هر خدمت و هر دستگاه شمرده می‌شود، پس کمینه‌ای برای نمایش ندارند؛ جایی که پایه صفر است، عدد نمی‌آید و علتش نوشته می‌شود.',
  ],
} as const

/** What closing, correcting and objecting to an evaluation say (issue 15 item 3). */
export const evalMsg = {
  notCentral: 'بستن دوره و رسیدگی به اعتراض‌ها کار ناظران ستاد مرکزی است.',
  notAgencyAdmin: 'اعتراض به ارزیابی را مدیر دستگاه ثبت می‌کند.',
  badPeriod: 'دورهٔ ارزیابی یک سال شمسی چهاررقمی است، مانند ۱۴۰۴.',
  periodNotEnded: (jy: number) =>
    `سال ${fa(jy)} هنوز تمام نشده است؛ ارزیابی آن تا پایان سال موقت است و هر روز به‌روز می‌شود.`,
  noMethod:
    'هنوز روشی برای ارزیابی ثبت نشده است. نخست مدیر ستاد مرکزی باید روش ارزیابی را ثبت کند.',
  methodChanged:
    'روش ارزیابی هم‌زمان تغییر کرد؛ دوباره دکمهٔ بستن دوره را بزنید تا با روش تازه محاسبه شود.',
  alreadyClosed: (jy: number) =>
    `ارزیابی سال ${fa(jy)} پیش‌تر بسته و منتشر شده است. تغییر آن فقط با پذیرش اعتراض و انتشار ارزیابی اصلاح‌شده ممکن است.`,
  notPublished: (period: string) => `ارزیابی سال ${toPersianDigits(period)} هنوز منتشر نشده است.`,
  windowClosed: (until: string) => `مهلت اعتراض در ${until} به پایان رسیده است.`,
  notInEvaluation: 'این دستگاه در این ارزیابی نیست.',
  badComponent: 'جزء مورد اعتراض را از فهرست جزءهای همین ارزیابی برگزینید.',
  reasonLength: `دلیل اعتراض را دست‌کم در ${fa(10)} و حداکثر در ${fa(4000)} نویسه بنویسید.`,
  duplicateObjection: 'برای این جزء یک اعتراض رسیدگی‌نشده دارید؛ منتظر پاسخ آن بمانید.',
  answerLength: `پاسخ را دست‌کم در ${fa(10)} و حداکثر در ${fa(4000)} نویسه بنویسید.`,
  correctedNeeded: 'برای پذیرش اعتراض، مقدار و تعداد مشاهدهٔ درست را بنویسید.',
  alreadyAnswered: 'به این اعتراض پیش‌تر پاسخ داده شده است.',
  nothingToCorrect: 'هیچ اعتراض پذیرفته‌شده‌ای نیست که در ارزیابی اصلاح‌شده اعمال شود.',
  notFound: 'چنین ارزیابی یا اعتراضی پیدا نشد.',
  publishedSubject: (period: string) => `ارزیابی سال ${toPersianDigits(period)} دستگاه‌ها منتشر شد`,
  publishedText: (period: string, until: string) =>
    `کارنامهٔ ارزیابی سال ${toPersianDigits(period)} دستگاه شما در پرتال منتشر شد. اگر جزئی از آن را نادرست می‌دانید، تا ${until} می‌توانید به همان جزء اعتراض کنید.`,
  correctedSubject: (period: string) => `ارزیابی اصلاح‌شدهٔ سال ${toPersianDigits(period)} منتشر شد`,
  correctedText: (period: string) =>
    `پس از رسیدگی به اعتراض‌ها، ارزیابی اصلاح‌شدهٔ سال ${toPersianDigits(period)} منتشر شد. ارزیابی پیشین هم در پرتال دیده می‌شود.`,
  objectionSubject: (agency: string, period: string) =>
    `اعتراض ${agency} به ارزیابی سال ${toPersianDigits(period)}`,
  objectionText: (agency: string, component: string) =>
    `${agency} به جزء «${component}» کارنامهٔ خود اعتراض کرده است و منتظر پاسخ ستاد است.`,
  answeredSubject: (period: string) => `پاسخ اعتراض شما به ارزیابی سال ${toPersianDigits(period)}`,
  answeredText: (component: string, accepted: boolean) =>
    accepted
      ? `اعتراض شما به جزء «${component}» پذیرفته شد؛ در ارزیابی اصلاح‌شده اعمال می‌شود.`
      : `اعتراض شما به جزء «${component}» پذیرفته نشد. پاسخ ستاد را در پرتال ببینید.`,
} as const
