import type { EvaluationStatus, ObjectionStatus } from '../../db/schema.ts'
import { formatNumberFa, toPersianDigits } from '../../lib/fa/index.ts'

const fa = (n: number | string) => toPersianDigits(n)

/** The staff evaluation pages' Persian text (issue 15 items 1 and 3). */
export const staffMsg = {
  title: 'ارزیابی دستگاه‌ها',
  agencyTitle: 'کارنامهٔ ارزیابی دستگاه',
  periodTitle: (period: string) => `ارزیابی سال ${fa(period)}`,
  errorTitle: (title: string) => `خطا: ${title}`,
  home: 'پیشخوان',
  centralLead:
    'هر سال شمسی یک دورهٔ ارزیابی است. ارزیابی سالِ جاری موقت است و هر روز از نو محاسبه می‌شود؛ پس از پایان سال، ناظر ستاد دوره را می‌بندد و ارزیابی منجمد و منتشر می‌شود.',
  agencyLead:
    'کارنامهٔ دستگاه شما در هر دوره. تا پایان مهلت اعتراض می‌توانید به هر جزء کارنامهٔ منتشرشده اعتراض کنید.',
  links: {
    method: 'روش ارزیابی',
    editMethod: 'ویرایش روش ارزیابی',
    publicPage: 'صفحهٔ عمومی ارزیابی',
    compliance: 'تابلوی پایبندی دستگاه‌ها',
    openPeriod: (period: string) => `اعتراض‌ها و اصلاح ارزیابی سال ${fa(period)}`,
    openScorecard: (period: string) => `کارنامه و اعتراض سال ${fa(period)}`,
    back: 'بازگشت به ارزیابی دستگاه‌ها',
  },
  periodsCaption: 'دوره‌ها و ارزیابی‌های هر دوره',
  noPeriods: 'هنوز هیچ ارزیابی‌ای محاسبه نشده است.',
  col: {
    period: 'دوره',
    status: 'وضعیت',
    method: 'نسخهٔ روش',
    computed: 'محاسبه',
    published: 'انتشار',
    until: 'مهلت اعتراض',
    agencies: 'دستگاه‌ها',
    digest: 'چکیدهٔ داده‌ها (SHA-256)',
    agency: 'دستگاه',
    component: 'جزء',
    reason: 'دلیل اعتراض',
    lodged: 'تاریخ ثبت',
    answer: 'پاسخ ستاد',
    weight: 'وزن',
    value: 'مقدار',
    n: 'تعداد مشاهده',
    score: 'امتیاز',
    rank: 'رتبه',
    scorecard: 'کارنامه',
  },
  status: {
    provisional: 'موقت',
    published: 'منتشرشده',
    corrected: 'اصلاح‌شده',
  } satisfies Record<EvaluationStatus, string>,
  objectionStatus: {
    open: 'در انتظار پاسخ',
    accepted: 'پذیرفته شد',
    rejected: 'پذیرفته نشد',
  } satisfies Record<ObjectionStatus, string>,
  appliedIn: 'در ارزیابی اصلاح‌شده اعمال شد',
  acceptedPending: 'پذیرفته شد؛ در انتظار انتشار ارزیابی اصلاح‌شده',
  seq: (seq: number) => (seq <= 1 ? '' : ` (اصلاح ${fa(seq - 1)})`),
  none: '—',

  closeHeading: 'بستن دوره و انتشار ارزیابی',
  closeLead:
    'ارزیابی سالی که تمام شده است با روش ارزیابی در حال اجرا محاسبه، منجمد و منتشر می‌شود. هر سال یک بار بسته می‌شود.',
  closeYear: 'سال',
  closeYearHint: 'فقط سال‌هایی که تمام شده‌اند و هنوز بسته نشده‌اند.',
  closeButton: 'بستن دوره و انتشار ارزیابی',
  nothingToClose: 'همهٔ سال‌های پایان‌یافتهٔ اخیر بسته و منتشر شده‌اند.',
  confirmTitle: 'آیا مطمئن هستید؟',
  confirmText: (period: string) =>
    `آیا مطمئن هستید؟ ارزیابی سال ${fa(period)} با روش ارزیابی در حال اجرا محاسبه و منتشر می‌شود و دیگر جز با پذیرش اعتراض و انتشار ارزیابی اصلاح‌شده تغییر نمی‌کند. پس از انتشار، روش ارزیابی منجمد می‌شود؛ تغییر بعدی آن نسخهٔ تازه‌ای می‌سازد.`,
  confirmMethod: (version: number, name: string) =>
    `روش به کار رفته: نسخهٔ ${fa(version)} — ${name}`,
  confirmButton: (period: string) => `بله، ارزیابی سال ${fa(period)} را منتشر کن`,
  cancel: 'انصراف',
  refreshHeading: 'ارزیابی موقت سال جاری',
  refreshLead: (jy: number) =>
    `ارزیابی موقت سال ${fa(jy)} هر روز خودکار به‌روز می‌شود. برای دیدن اثر داده‌های امروز، همین حالا آن را از نو محاسبه کنید.`,
  refreshButton: 'به‌روزرسانی ارزیابی موقت',
  refreshNothing:
    'ارزیابی موقت محاسبه نشد: یا هنوز روشی برای ارزیابی ثبت نشده است، یا این سال پیش‌تر بسته شده است.',

  agencyNoCard: 'دستگاه شما در این ارزیابی نیست.',
  agencyPeriodsCaption: 'کارنامهٔ دستگاه در هر دوره',
  score: (n: number | null) => (n === null ? 'غیرقابل مقایسه' : formatNumberFa(n)),
  rank: (n: number | null) => (n === null ? '—' : fa(n)),
  notComparable: {
    'no-value': 'غیرقابل مقایسه: داده‌ای نیست',
    'too-few': 'غیرقابل مقایسه: کمتر از کمینهٔ داده',
  },
  scorecardCaption: (period: string) => `اجزای کارنامهٔ سال ${fa(period)}`,
  total: 'امتیاز کل',
  windowOpen: (until: string) => `مهلت اعتراض: تا ${until}`,
  windowClosed: (until: string) => `مهلت اعتراض در ${until} به پایان رسیده است.`,
  provisionalNote:
    'این ارزیابی موقت است و هر روز به‌روز می‌شود؛ پس از بستن دوره و انتشار، می‌توانید به آن اعتراض کنید.',
  objectHeading: 'اعتراض به اجزای کارنامه',
  objectSummary: (component: string) => `اعتراض به «${component}»`,
  objectReason: 'دلیل اعتراض',
  objectReasonHint:
    'بنویسید چه چیزی نادرست محاسبه شده و مقدار درست چیست؛ اگر سندی دارید، نشانی آن را بیاورید.',
  objectButton: (component: string) => `ثبت اعتراض به «${component}»`,
  objectionOpen: 'اعتراض شما به این جزء در انتظار پاسخ ستاد است.',
  ownObjectionsHeading: 'اعتراض‌های دستگاه و پاسخ‌ها',
  noObjections: 'هنوز اعتراضی ثبت نشده است.',

  objectionsHeading: 'اعتراض‌های دستگاه‌ها',
  answerHeading: (agency: string, component: string) =>
    `پاسخ به اعتراض ${agency} به «${component}»`,
  decision: 'تصمیم',
  accept: 'پذیرش اعتراض',
  acceptHint: 'مقدار و تعداد مشاهدهٔ درست در ارزیابی اصلاح‌شده به جای مقدار پیشین می‌نشیند.',
  reject: 'رد اعتراض',
  correctedValue: 'مقدار درست',
  correctedValueHint: 'خالی یعنی داده‌ای برای سنجش نیست.',
  correctedN: 'تعداد مشاهدهٔ درست',
  answerText: 'پاسخ به دستگاه',
  answerButton: 'ثبت پاسخ',
  decisionMissing: 'پذیرش یا رد اعتراض را برگزینید.',
  badNumber: 'مقدار را به عدد بنویسید.',
  badCount: 'تعداد مشاهده باید عدد صحیحی از ۰ به بالا باشد.',
  correctionHeading: 'انتشار ارزیابی اصلاح‌شده',
  correctionLead: (n: number) =>
    `${fa(n)} اعتراض پذیرفته شده و هنوز در ارزیابی منتشرشده اعمال نشده است. ارزیابی اصلاح‌شده با همان نسخهٔ روش از نو محاسبه می‌شود و ارزیابی پیشین هم دیده می‌ماند.`,
  correctionNote: 'یادداشت اصلاح (برای مردم)',
  correctionNoteHint: 'کوتاه بنویسید چه چیزی و چرا اصلاح شد.',
  correctionNoteLength: `یادداشت اصلاح حداکثر ${fa(2000)} نویسه است.`,
  correctionButton: 'انتشار ارزیابی اصلاح‌شده',
  snapshotHeading: 'ارزیابی در حال اجرا',
  earlierHeading: 'ارزیابی‌های پیشین این دوره',
  note: 'یادداشت اصلاح',
  noSnapshot: (period: string) => `برای سال ${fa(period)} هنوز ارزیابی‌ای محاسبه نشده است.`,

  done: {
    closed: (period: string) =>
      `ارزیابی سال ${fa(period)} بسته و منتشر شد. به دستگاه‌ها خبر داده شد.`,
    refreshed: 'ارزیابی موقت سال جاری از نو محاسبه شد.',
    objection: 'اعتراض شما ثبت شد و به ناظران ستاد خبر داده شد.',
    answered: 'پاسخ اعتراض ثبت شد و به دستگاه خبر داده شد.',
    corrected: (period: string) =>
      `ارزیابی اصلاح‌شدهٔ سال ${fa(period)} منتشر شد؛ ارزیابی پیشین هم دیده می‌ماند.`,
    method: 'روش ارزیابی ذخیره شد.',
  },
  formOnceMissing:
    'این فرم کهنه است یا کامل فرستاده نشده است. چیزی ثبت نشد؛ لطفاً صفحه را دوباره باز کنید و فرم را بفرستید.',
  forbidden: 'ارزیابی دستگاه‌ها را ناظران ستاد مرکزی و مدیران دستگاه‌ها می‌بینند.',
  forbiddenTitle: 'اجازهٔ دسترسی ندارید',
  forbiddenMethod: 'روش ارزیابی را مدیر ستاد مرکزی تعیین می‌کند.',

  methodTitle: 'روش ارزیابی',
  methodLead:
    'اجزای ارزیابی، وزن هر جزء از ۱۰۰، هدفی که امتیاز کامل می‌گیرد، و کمینهٔ داده‌ای که کمتر از آن جزء «غیرقابل مقایسه» است. جمع وزن‌ها با وزن رشد باید ۱۰۰ شود. جزئی که وزنش صفر یا خالی است در ارزیابی نمی‌آید.',
  methodVersion: (version: number) =>
    version === 0 ? 'هنوز روشی ذخیره نشده است؛ این روش پیش‌فرض است.' : `نسخهٔ ${fa(version)}`,
  methodFrozen: 'این نسخه در ارزیابی منتشرشده به کار رفته و منجمد است؛ ذخیره، نسخهٔ تازه می‌سازد.',
  methodEditable:
    'این نسخه هنوز در هیچ ارزیابی منتشرشده‌ای به کار نرفته است؛ ذخیره، همین نسخه را تغییر می‌دهد.',
  methodName: 'نام روش',
  componentsLegend: 'اجزا',
  methodCaption: 'وزن، هدف و کمینهٔ دادهٔ هر جزء',
  weight: (name: string) => `وزن «${name}»`,
  target: (name: string) => `هدف «${name}»`,
  minN: (name: string) => `کمینهٔ دادهٔ «${name}»`,
  directionLower: 'کمتر بهتر است',
  directionHigher: 'بیشتر بهتر است',
  growthWeight: 'وزن رشد نسبت به سال پیش',
  growthHint:
    'امتیاز رشد با امتیاز سال پیشِ همان دستگاه سنجیده می‌شود؛ صفر یعنی رشد در امتیاز نمی‌آید.',
  minShare: 'کمینهٔ سهم وزن قابل مقایسه (درصد)',
  minShareHint:
    'اگر جمع وزن اجزای قابل مقایسهٔ یک دستگاه کمتر از این درصد باشد، امتیاز کلش «غیرقابل مقایسه» است.',
  saveMethod: 'ذخیرهٔ روش ارزیابی',
  weightsSum: (sum: number) => `جمع وزن‌ها با وزن رشد اکنون ${formatNumberFa(sum)} است.`,
} as const
