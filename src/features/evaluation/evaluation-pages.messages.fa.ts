import type { EvaluationStatus } from '../../db/schema.ts'
import { formatNumberFa, toPersianDigits } from '../../lib/fa/index.ts'
import type { ComponentKey } from './method.model.ts'

const fa = (n: number) => formatNumberFa(n)
/** A year or a version number: Persian digits without grouping («۱۴۰۴», not «۱٬۴۰۴»). */
const plain = (n: number | string) => toPersianDigits(n)

/** The public evaluation pages' Persian text (issue 15 item 4). */
export const pagesMsg = {
  title: 'ارزیابی دستگاه‌ها',
  lead: 'هر سال، دستگاه‌های اجرایی با یک روش منتشرشده و از روی آنچه در همین پرتال ثبت کرده‌اند ارزیابی می‌شوند و هر دستگاه فقط با هم‌ترازهای خود مقایسه می‌شود: وزارتخانه‌ها با وزارتخانه‌ها، سازمان‌های ملی با سازمان‌های ملی و ادارات هر استان با ادارات همان استان.',
  status: {
    provisional: 'موقت',
    published: 'منتشرشده',
    corrected: 'اصلاح‌شده',
  } satisfies Record<EvaluationStatus, string>,
  provisionalNote: 'موقت — هر روز به‌روز می‌شود',
  provisionalLead:
    'سال هنوز تمام نشده است؛ این رتبه‌بندی از دادهٔ تا امروز حساب شده است و تا پایان سال هر روز از نو محاسبه می‌شود. ارزیابی رسمی پس از پایان سال منتشر می‌شود.',
  periodsHeading: 'دوره‌های ارزیابی',
  periodsCaption: 'همهٔ دوره‌های ارزیابی و وضعیت هر یک',
  noPeriods:
    'هنوز هیچ ارزیابی‌ای حساب نشده است. نخستین ارزیابی موقت پس از ثبت روش ارزیابی حساب می‌شود.',
  col: {
    period: 'سال',
    status: 'وضعیت',
    method: 'روش',
    dates: 'تاریخ‌ها',
    rank: 'رتبه',
    agency: 'دستگاه',
    score: 'امتیاز از ۱۰۰',
    change: 'تغییر نسبت به سال پیش',
    weight: 'وزن سنجیده‌شده',
    reason: 'چرا مقایسه نمی‌شود',
  },
  periodLink: (period: string) => `ارزیابی سال ${plain(period)}`,
  methodVersion: (v: number) => `نسخهٔ ${plain(v)}`,
  computedAt: (d: string) => `محاسبه: ${d}`,
  publishedAt: (d: string) => `انتشار: ${d}`,
  objectionsUntil: (d: string) => `مهلت اعتراض دستگاه‌ها: تا ${d}`,
  earlierVersions: 'نسخه‌های پیشین',
  seqLabel: (seq: number) => (seq === 1 ? 'نخستین انتشار' : `اصلاحیهٔ ${plain(seq - 1)}`),
  latestHeading: (period: string) => `رتبه‌بندی سال ${plain(period)}`,
  latestStatus: (status: string) => `وضعیت: ${status}.`,
  noPublished:
    'هنوز هیچ ارزیابی‌ای منتشر نشده است؛ رتبه‌بندی پس از انتشار نخستین ارزیابی اینجا می‌آید.',
  fullPeriod: (period: string) => `همهٔ جزئیات ارزیابی سال ${plain(period)}، با نمودار هر گروه`,
  methodLink: 'روش ارزیابی: چه چیزی، با چه وزنی و چگونه سنجیده می‌شود',
  recomputeHeading: 'هر کسی می‌تواند این امتیازها را دوباره حساب کند',
  recompute: [
    'برای هر ارزیابی، داده‌هایی که امتیازها از آن‌ها حساب شده‌اند همان‌طور که در روز انتشار بوده‌اند نگه داشته می‌شوند و تغییر نمی‌کنند.',
    'با روش منتشرشده و این داده‌ها، هر کسی می‌تواند امتیاز هر دستگاه را دوباره حساب کند و باید دقیقاً به همین عددها برسد.',
    'چکیدهٔ SHA-256 داده‌ها هم منتشر می‌شود تا هر کسی بتواند مطمئن شود پرونده‌ای که دریافت کرده همان است که امتیازها از آن حساب شده‌اند.',
  ],
  digest: 'چکیدهٔ SHA-256 داده‌ها',
  downloadCsv: (period: string) => `امتیازهای سال ${plain(period)} (CSV)`,
  downloadJson: (period: string) => `امتیازهای سال ${plain(period)} (JSON)`,
  downloadInputs: (period: string) =>
    `داده‌های ورودی سال ${plain(period)} برای محاسبهٔ دوباره (JSON)`,
  downloadsHeading: 'دریافت داده‌ها',
  allEvaluationsApi: 'فهرست همهٔ ارزیابی‌ها در API',
  // The period page
  periodTitle: (period: string) => `ارزیابی دستگاه‌ها — سال ${plain(period)}`,
  snapshotTitle: (period: string, seq: number) =>
    `ارزیابی سال ${plain(period)} — ${seq === 1 ? 'نخستین انتشار' : `اصلاحیهٔ ${plain(seq - 1)}`}`,
  correctedNote:
    'این ارزیابی پس از رسیدگی به اعتراض دستگاه‌ها اصلاح شده است. ارزیابی پیش از اصلاح هم همچنان دیده می‌شود:',
  oldSnapshotNote: (period: string) =>
    `این نسخه‌ای پیشین از ارزیابی سال ${plain(period)} است و اصلاح شده است.`,
  currentLink: (period: string) => `ارزیابی کنونی سال ${plain(period)}`,
  correctionNote: (note: string) => `توضیح ستاد دربارهٔ اصلاح: ${note}`,
  agenciesCount: (n: number) => `${fa(n)} دستگاه ارزیابی شده‌اند.`,
  groupsHeading: 'رتبه‌بندی در هر گروه هم‌تراز',
  groupTitle: (group: string, province: string | null) =>
    province ? `${group} — استان ${province}` : group,
  groupCounts: (ranked: number, notComparable: number) =>
    notComparable > 0
      ? `${fa(ranked)} دستگاه رتبه گرفته‌اند؛ ${fa(notComparable)} دستگاه دادهٔ کافی نداشته‌اند و رتبه نگرفته‌اند.`
      : `${fa(ranked)} دستگاه رتبه گرفته‌اند.`,
  chartTitle: (group: string) => `امتیاز دستگاه‌های ${group}`,
  chartDesc: (ranked: number) =>
    `نمودار میله‌ای افقی؛ برای هر یک از ${fa(ranked)} دستگاه رتبه‌دار، امتیاز از ۱۰۰. همین عددها در جدول زیر نمودار آمده است.`,
  tableCaption: (group: string) => `رتبه و امتیاز دستگاه‌های ${group}`,
  notComparableCaption: (group: string) => `دستگاه‌های ${group} که مقایسه‌پذیر نبودند`,
  notComparableReason: (weight: number, total: number, needed: number) =>
    `فقط ${fa(weight)} از ${fa(total)} وزن جزءها برای این دستگاه دادهٔ کافی داشت؛ برای مقایسه دست‌کم ${fa(needed)} لازم است.`,
  noneRanked: 'هیچ دستگاهی در این گروه دادهٔ کافی برای رتبه نداشت.',
  sharedRank: 'هم‌رتبه',
  rankOf: (rank: number) => fa(rank),
  score: (s: number) => fa(Math.round(s * 100) / 100),
  change: (d: number | null) =>
    d === null ? '—' : d === 0 ? 'بدون تغییر' : d > 0 ? `${fa(d)} بیشتر` : `${fa(-d)} کمتر`,
  changeNone: 'سال پیش امتیاز نداشت',
  weightOf: (w: number, total: number) => `${fa(w)} از ${fa(total)}`,
  tiesNote:
    'دستگاه‌هایی که امتیاز برابر دارند رتبهٔ یکسان می‌گیرند و رتبهٔ بعدی به همان تعداد جلو می‌رود (۱، ۲، ۲، ۴).',
  notComparableNote:
    'دستگاهی که برای بخش بزرگی از وزن روش دادهٔ کافی نداشته باشد، «غیرقابل مقایسه» است: جداگانه فهرست می‌شود و آخر جدول نمی‌آید، چون نبودِ داده به معنای کارکرد بد نیست.',
  scorecardLink: (name: string) => `کارنامهٔ ${name}`,
  // The scorecard
  scorecardTitle: (name: string, period: string) => `کارنامهٔ ${name} — سال ${plain(period)}`,
  scorecardLead: (group: string) => `این دستگاه در گروه «${group}» با هم‌ترازهای خود مقایسه می‌شود.`,
  total: 'امتیاز نهایی',
  totalNotComparable: (weight: number, total: number, needed: number) =>
    `غیرقابل مقایسه: فقط ${fa(weight)} از ${fa(total)} وزن جزءها دادهٔ کافی داشت (دست‌کم ${fa(needed)} لازم است)؛ رتبه‌ای داده نمی‌شود.`,
  baseScore: 'امتیاز جزءها (پیش از رشد)',
  baseOf: (score: number, weight: number, total: number) =>
    `${fa(Math.round(score * 100) / 100)} از ۱۰۰، حساب‌شده روی ${fa(weight)} از ${fa(total)} وزن جزءها که دادهٔ کافی داشت`,
  rankInGroup: 'رتبه در گروه',
  rankText: (rank: number, of: number) => `${fa(rank)} از ${fa(of)} دستگاه رتبه‌دار`,
  noRank: 'ندارد (غیرقابل مقایسه)',
  growth: 'رشد نسبت به سال پیش',
  growthScore: (score: number, weight: number, ratio: number) =>
    `${fa(Math.round(score * 100) / 100)} از ${fa(weight)} امتیاز؛ ${fa(Math.round(ratio * 100))}٪ از فاصلهٔ سال پیش تا ۱۰۰ پر شده است`,
  growthNone: 'سال پیش ارزیابی مقایسه‌پذیری نداشت؛ امتیاز نهایی همان امتیاز جزءهاست.',
  growthOff: 'روش این ارزیابی برای رشد وزنی نگذاشته است.',
  yearOverYear: 'مقایسه با سال پیش',
  previousScore: (period: string, score: string, rank: string) =>
    `سال ${plain(period)}: امتیاز ${score}، رتبه ${rank}`,
  previousNone: 'این دستگاه در ارزیابی منتشرشدهٔ سال پیش نبود یا امتیاز مقایسه‌پذیری نداشت.',
  componentsHeading: 'جزءهای ارزیابی',
  componentsCaption: 'هر جزء: وزن، هدف، مقدار سنجیده با تعداد مشاهده و امتیاز',
  cc: {
    component: 'جزء',
    weight: 'وزن',
    target: 'هدف',
    value: 'مقدار سنجیده',
    data: 'داده',
    score: 'امتیاز',
    lastYear: 'سال پیش',
    evidence: 'شواهد',
  },
  n: (n: number) => `n = ${fa(n)}`,
  fraction: (num: number, den: number) => `${fa(Math.round(num * 100) / 100)} از ${fa(den)}`,
  noObservation: 'داده‌ای ثبت نشد',
  componentScore: (score: number, weight: number) =>
    `${fa(Math.round(score * 100) / 100)} از ${fa(weight)}`,
  notComparable: 'غیرقابل مقایسه',
  points: (p: number) => `سهم در امتیاز نهایی: ${fa(Math.round(p * 100) / 100)}`,
  reasons: {
    'no-value': 'داده‌ای برای سنجش نبود؛ این جزء نه امتیاز می‌دهد و نه امتیاز کم می‌کند.',
    'too-few': (n: number, minN: number) =>
      `فقط ${fa(n)} مشاهده؛ کمینه ${fa(minN)} است. با دادهٔ کمتر، عدد قابل اتکا نیست.`,
  },
  direction: { higher: 'بیشتر بهتر', lower: 'کمتر بهتر' },
  evidence: {
    services: 'خدمات دستگاه',
    agency: 'صفحهٔ دستگاه',
    indicators: 'شاخص‌های دستگاه',
    compliance: 'پایبندی به بخشنامه',
  },
  objectionsHeading: 'اعتراض‌های دستگاه به این ارزیابی',
  objectionsNone: 'این دستگاه به این ارزیابی اعتراضی ثبت نکرده است.',
  objectionsWindow: (until: string) =>
    `دستگاه‌ها تا ${until} می‌توانند به هر جزء کارنامهٔ خود اعتراض کنند.`,
  objection: {
    lodged: (d: string) => `ثبت: ${d}`,
    reason: 'دلیل دستگاه',
    answer: 'پاسخ ستاد',
    answeredAt: (d: string) => `پاسخ: ${d}`,
    waiting: 'در انتظار پاسخ ستاد',
    accepted: 'پذیرفته شد',
    rejected: 'پذیرفته نشد',
    corrected: (value: string, n: number) => `مقدار درست: ${value} (n = ${fa(n)})`,
    applied: 'در ارزیابی اصلاح‌شده اعمال شده است.',
    pendingApply: 'در ارزیابی اصلاح‌شدهٔ بعدی اعمال می‌شود.',
  },
  backToPeriod: (period: string) => `بازگشت به رتبه‌بندی سال ${plain(period)}`,
  notInEvaluation: 'این دستگاه در این ارزیابی نیست.',
  notFound: 'این ارزیابی پیدا نشد.',
  deletedAgency: 'دستگاه حذف‌شده',
  // The method page
  methodTitle: 'روش ارزیابی دستگاه‌ها',
  methodVersionTitle: (v: number) => `روش ارزیابی دستگاه‌ها — نسخهٔ ${plain(v)}`,
  methodDraft:
    'پیش‌نویس: هنوز روشی ثبت نشده است. آنچه در زیر می‌آید روش پیش‌فرض پرتال است که ستاد مرکزی پیش از نخستین ارزیابی آن را بازبینی و ثبت می‌کند.',
  methodUnfrozen:
    'این نسخه هنوز در هیچ ارزیابی منتشرشده‌ای به کار نرفته است و ستاد مرکزی ممکن است آن را تغییر دهد. ارزیابی‌های موقت با همین نسخه حساب می‌شوند.',
  methodFrozen: (d: string) =>
    `این نسخه از ${d} در ارزیابی منتشرشده به کار رفته و دیگر تغییر نمی‌کند؛ هر تغییری نسخهٔ تازه می‌شود.`,
  methodNotFound: 'این نسخه از روش ارزیابی پیدا نشد.',
  methodVersions: 'نسخه‌های روش',
  whatHeading: 'چه چیزی سنجیده می‌شود',
  whatLead:
    'همهٔ جزءها از آنچه دستگاه در همین پرتال ثبت کرده است حساب می‌شوند؛ هیچ عددی دستی وارد نمی‌شود، جز مقدار شاخص‌های اختصاصی که ستاد مرکزی پذیرفته است.',
  methodCaption: 'جزءهای روش، وزن، هدف و کمینهٔ داده',
  mc: {
    component: 'جزء',
    source: 'از کجا می‌آید',
    weight: 'وزن',
    target: 'هدف (امتیاز کامل)',
    direction: 'جهت',
    minN: 'کمینهٔ مشاهده',
  },
  growthRow: 'رشد نسبت به سال پیش',
  growthSource: 'امتیاز جزءهای همین دستگاه در ارزیابی منتشرشدهٔ سال پیش',
  weightsTotal: (w: number) => `جمع وزن‌ها: ${fa(w)}`,
  formulaHeading: 'امتیاز هر جزء چگونه حساب می‌شود',
  formula: [
    'برای جزئی که بیشتر بودنش بهتر است: امتیاز = کمینهٔ (مقدار سنجیده ÷ هدف) و ۱، ضرب در وزن. یعنی رسیدن به هدف امتیاز کامل آن جزء را می‌دهد و فراتر رفتن از هدف امتیاز بیشتری نمی‌دهد.',
    'برای جزئی که کمتر بودنش بهتر است (مانند گزارش‌های نادرستی اطلاعات در هر هزار بازدید): نسبت وارونه است: کمینهٔ (هدف ÷ مقدار سنجیده) و ۱، ضرب در وزن؛ مقدار صفر امتیاز کامل می‌گیرد.',
    'این همان قاعدهٔ فرم ارزیابی عملکرد دستگاه‌ها در آیین‌نامهٔ ۱۳۸۱ است.',
    'امتیاز جزءها روی ۱۰۰ = مجموع امتیاز جزءهای مقایسه‌پذیر × ۱۰۰ ÷ مجموع وزن همان جزءها. پس جزئی که برای دستگاه سنجیدنی نبود، نه به آن کمک می‌کند و نه به آن ضرر می‌زند.',
  ],
  formulaCode: 'امتیاز جزء = min(مقدار ÷ هدف، ۱) × وزن',
  growthHeading: 'رشد نسبت به سال پیش',
  growthText: (g: number) => [
    `رشد سهمی از فاصلهٔ باقی‌مانده تا ۱۰۰ است که دستگاه در این سال پر کرده است: (امتیاز امسال − امتیاز سال پیش) ÷ (۱۰۰ − امتیاز سال پیش)، میان صفر و یک، ضرب در ${fa(g)}. افت امتیاز رشد صفر دارد، نه منفی.`,
    `امتیاز نهایی = امتیاز جزءها × (۱۰۰ − ${fa(g)}) ÷ ۱۰۰ + امتیاز رشد.`,
    'دستگاهی که سال پیش امتیاز مقایسه‌پذیر نداشت، رشد ندارد و امتیاز نهایی‌اش همان امتیاز جزءهاست.',
  ],
  growthOffText: 'در این نسخه رشد وزنی ندارد؛ امتیاز نهایی همان امتیاز جزءهاست.',
  dataHeading: 'کمینهٔ داده: «غیرقابل مقایسه» به‌جای صفر',
  dataText: (share: number) => [
    'هر جزء کمینه‌ای از مشاهده دارد (ستون «کمینهٔ مشاهده» در جدول بالا). اگر داده‌ای نباشد یا مشاهده‌ها کمتر از این کمینه باشد، آن جزء «غیرقابل مقایسه» است و علتش در کارنامه نوشته می‌شود؛ هرگز صفر حساب نمی‌شود.',
    `اگر کمتر از ${fa(Math.round(share * 100))}٪ وزن جزءها برای دستگاهی مقایسه‌پذیر باشد، امتیاز کل آن دستگاه هم «غیرقابل مقایسه» است: رتبه نمی‌گیرد و جداگانه با علتش فهرست می‌شود، نه در آخر جدول.`,
  ],
  groupsHeading2: 'گروه‌های هم‌تراز',
  groupsText: [
    'وزارتخانه‌ها با وزارتخانه‌ها مقایسه می‌شوند.',
    'سازمان‌های ملی با سازمان‌های ملی.',
    'ادارات استانی و شهرستانی با ادارات همان استان؛ هر استان رتبه‌بندی جداگانه دارد.',
    'دستگاه‌هایی که امتیاز برابر دارند رتبهٔ یکسان می‌گیرند (۱، ۲، ۲، ۴).',
  ],
  objectionsHeading2: 'اعتراض',
  objectionsText: (days: number) => [
    `پس از انتشار ارزیابی سال، هر دستگاه ${fa(days)} روز فرصت دارد به هر جزء کارنامهٔ خود اعتراض کند. ستاد مرکزی به هر اعتراض پاسخ می‌دهد و پاسخ در کارنامهٔ دستگاه منتشر می‌شود.`,
    'اگر اعتراضی پذیرفته شود، ارزیابی اصلاح‌شده به‌صورت نسخهٔ تازه منتشر می‌شود و نسخهٔ پیش از اصلاح هم دیده می‌شود.',
    'در طول سال، ارزیابی موقت هر روز از دادهٔ تا آن روز حساب می‌شود؛ ارزیابی رسمی پس از پایان سال بسته و منتشر می‌شود و دیگر جز با اصلاحیه تغییر نمی‌کند.',
  ],
  percentOf: (share: number) => `${fa(Math.round(share * 100))}٪`,
} as const

/** What each component's unit looks like on the pages. */
export function valueText(value: number, unit: 'percent' | 'score_1_5' | 'per_1000'): string {
  const v = fa(Math.round(value * 100) / 100)
  if (unit === 'percent') return `${v}٪`
  if (unit === 'score_1_5') return `${v} از ۵`
  return `${v} در هر هزار بازدید`
}

/** The plain Persian of where a component's data comes from. */
export const SOURCE_FA: Record<ComponentKey, string> = {
  publication:
    'سهم خدمات منتشرشدهٔ دستگاه که شناسنامهٔ کامل دارند و برای هر مرحلهٔ کاری‌شان زمان نوشته شده است (شاخص عمومی G-CARD-COMPLETE)',
  reviews: 'سهم بازبینی‌های سه‌سالهٔ شناسنامه‌ها که به‌موقع انجام شده‌اند (شاخص عمومی G-REVIEW-ON-TIME)',
  indicatorsOnTime:
    'سهم مقدارهای شاخص‌های دستگاه که سررسیدشان در این سال بود و تا روز سررسید ثبت شدند',
  specificTargets: 'میانگین نزدیکی مقدارهای پذیرفته‌شدهٔ شاخص‌های اختصاصی تصویب‌شده به هدف همان سال',
  satisfaction: 'میانگین امتیاز ۱ تا ۵ مردم پس از دریافت خدمت (شاخص عمومی G-SATISFACTION)',
  accuracy:
    'گزارش‌های پذیرفته‌شدهٔ نادرستی اطلاعات در هر هزار بازدید از صفحهٔ خدمات (شاخص عمومی G-REPORTS-PER-1000)',
  eService:
    'سهم مراحل خدمات (اطلاع‌رسانی، درخواست، پردازش، تحویل) که الکترونیکی انجام می‌شوند (شاخص عمومی G-E-STAGES)',
  promises: 'سهم کارهایی که در زمان وعده‌داده‌شده انجام شدند (شاخص عمومی G-PROMISE-ON-TIME)',
}

/** The agency page's evaluation section. */
export const sectionMsg = {
  heading: 'ارزیابی دستگاه',
  none: 'این دستگاه هنوز در هیچ ارزیابی منتشرشده‌ای نیامده است.',
  line: (period: string, status: string) =>
    `در ارزیابی سال ${toPersianDigits(period)} (${status}):`,
  score: (s: number) => `امتیاز ${formatNumberFa(Math.round(s * 100) / 100)} از ۱۰۰`,
  rank: (rank: number, of: number, group: string) =>
    `رتبهٔ ${formatNumberFa(rank)} از ${formatNumberFa(of)} دستگاه رتبه‌دار در گروه «${group}»`,
  notComparable: (weight: number, total: number) =>
    `غیرقابل مقایسه: فقط ${formatNumberFa(weight)} از ${formatNumberFa(total)} وزن جزءها دادهٔ کافی داشت؛ رتبه‌ای داده نشد.`,
  link: (period: string) => `کارنامهٔ کامل سال ${toPersianDigits(period)}`,
  all: 'همهٔ ارزیابی‌ها و روش ارزیابی',
} as const
