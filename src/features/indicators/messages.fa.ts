import { toPersianDigits } from '../../lib/fa/index.ts'
import type {
  Category,
  Direction,
  IndicatorDecisionAction,
  IndicatorState,
  Source,
  Unit,
} from './indicator.model.ts'
import type { Frequency } from './period.ts'

export const CATEGORY_LABELS: Record<Category, string> = {
  time: 'زمان',
  cost: 'هزینه',
  accuracy: 'صحت امور',
  satisfaction: 'رضایت مردم',
  e_service: 'خدمت الکترونیکی',
  transparency: 'شفافیت و اطلاع‌رسانی',
  other: 'سایر',
}

export const UNIT_LABELS: Record<Unit, string> = {
  percent: 'درصد',
  count: 'تعداد',
  days: 'روز',
  hours: 'ساعت',
  score_1_5: 'امتیاز ۱ تا ۵',
  level_1_5: 'سطح ۱ تا ۵',
  per_1000: 'در هر هزار',
  rial: 'ریال',
}

export const DIRECTION_LABELS: Record<Direction, string> = {
  higher: 'بیشتر بهتر است',
  lower: 'کمتر بهتر است',
}

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  monthly: 'ماهانه',
  quarterly: 'فصلی',
  yearly: 'سالانه',
}

export const SOURCE_LABELS: Record<Source, string> = {
  computed: 'محاسبه به دست پرتال',
  api: 'ارسال از سامانهٔ دستگاه (API)',
  manual: 'ورود دستی با مستند',
}

export const STATE_LABELS: Record<IndicatorState, string> = {
  draft: 'پیش‌نویس',
  submitted: 'در انتظار تصمیم مرکز',
  changes_requested: 'بازگشت برای اصلاح',
  approved: 'تصویب‌شده',
  rejected: 'ردشده',
  superseded: 'جایگزین‌شده با نسخهٔ تازه',
  withdrawn: 'پس‌گرفته',
}

export const ACTION_LABELS: Record<IndicatorDecisionAction, string> = {
  submitted: 'ارسال برای تصویب',
  approved: 'تصویب',
  rejected: 'رد',
  changes_requested: 'درخواست اصلاح',
  withdrawn: 'پس‌گرفتن',
  superseded: 'جایگزینی با نسخهٔ تازه',
}

export const indicatorsMsg = {
  notFound: 'این شاخص پیدا نشد.',
  notEditable:
    'این نسخه دیگر قابل ویرایش نیست؛ فقط پیش‌نویس یا نسخهٔ بازگشته برای اصلاح ویرایش می‌شود.',
  stale: 'این پیشنهاد پس از باز کردن صفحه به دست کس دیگری تغییر کرده است. صفحه را دوباره باز کنید.',
  notSubmitted: 'فقط پیشنهادی که برای تصویب فرستاده شده است تصمیم می‌گیرد.',
  openExists: 'این شاخص هم‌اکنون یک نسخهٔ باز (پیش‌نویس یا در انتظار تصمیم) دارد.',
  notApproved: 'نسخهٔ تازه فقط از شاخص تصویب‌شده ساخته می‌شود.',
  ownDecision: 'تصمیم دربارهٔ پیشنهادی که خودتان نوشته‌اید با همکار دیگری در مرکز است.',
  commentNeeded: 'برای بازگرداندن یا رد پیشنهاد، دلیل را بنویسید تا دستگاه بداند چه کند.',
  codeTaken: 'این کد شاخص پیش‌تر به کار رفته است.',
  serviceNotOwn: 'خدمت انتخاب‌شده از خدمات این دستگاه نیست.',
  nameFa: 'نام شاخص را به فارسی بنویسید (۳ تا ۲۰۰ نویسه).',
  definition: 'تعریف شاخص را بنویسید.',
  rationale: 'بنویسید چرا این شاخص عملکرد فرایندها را نشان می‌دهد.',
  numeratorFa: 'صورت کسر (یا آنچه شمرده می‌شود) را تعریف کنید.',
  maxAgeDays: 'بیشترین عمر مقدار باید عددی میان ۱ و ۱۱۰۰ روز باشد.',
  targets: 'هدف هر سال را به شکل «سال: مبنا، هدف» در یک سطر بنویسید، مانند «۱۴۰۵: ۶۰، ۸۰».',
  targetRange: (unit: string) => `مبنا و هدف باید در بازهٔ یکای «${unit}» باشند.`,
  choose: 'یکی از گزینه‌ها را انتخاب کنید.',
  decision: 'یکی از سه تصمیم را انتخاب کنید.',
  untilDay: 'تاریخ را به شکل ۱۴۰۵/۰۹/۳۰ بنویسید.',
  computedOnlyGeneral: 'شاخص‌های محاسبه‌شده به دست پرتال فقط شاخص‌های عمومی مرکزند.',
  notifySubmittedSubject: (name: string) => `پیشنهاد شاخص در انتظار تصمیم: ${name}`,
  notifySubmittedText: (agency: string, name: string, versionNo: number) =>
    `${agency} شاخص «${name}» (نسخهٔ ${toPersianDigits(versionNo)}) را برای تصویب فرستاد.`,
  notifyDecidedSubject: (name: string, action: string) => `${action}: شاخص «${name}»`,
  notifyDecidedText: (name: string, versionNo: number, action: string, comment: string | null) =>
    `تصمیم مرکز دربارهٔ شاخص «${name}» (نسخهٔ ${toPersianDigits(versionNo)}): ${action}.${comment ? ` توضیح: ${comment}` : ''}`,
} as const

export const valuesMsg = {
  period: 'دوره را به شکل ۱۴۰۵ (سالانه)، ۱۴۰۵-Q2 (فصلی) یا ۱۴۰۵-07 (ماهانه) بنویسید.',
  frequency: (f: string) => `این شاخص ${f} است؛ دورهٔ مقدار باید از همین نوع باشد.`,
  notEnded: 'مقدار دوره‌ای را که هنوز تمام نشده است نمی‌توان ثبت کرد.',
  numerator: 'صورت کسر (یا مقدار) را به عدد بنویسید.',
  denominatorNeeded: 'این شاخص مخرج دارد؛ مخرج کسر را بنویسید.',
  zeroDenominator:
    'مخرج کسر صفر است؛ با مخرج صفر شاخص تعریف نمی‌شود. اگر در این دوره موردی نبوده است، در یادداشت بنویسید و مقداری ثبت نکنید.',
  outOfRange: (unit: string) => `مقدار به‌دست‌آمده در بازهٔ یکای «${unit}» نیست.`,
  note: 'یادداشت نباید بیش از ۲۰۰۰ نویسه باشد.',
  evidenceNote: 'توضیح مستند نباید بیش از ۴۰۰۰ نویسه باشد.',
  evidenceNeeded: 'برای مقدار دستی، مستند (فایل یا توضیح منبع داده) لازم است.',
  notApproved: 'این شاخص هنوز تصویب نشده است؛ مقدار فقط برای شاخص تصویب‌شده ثبت می‌شود.',
  computed: 'مقدار این شاخص را پرتال خودش محاسبه می‌کند.',
  locked: 'این دوره پذیرفته و قفل شده است؛ مقدارهایش دیگر تغییر نمی‌کند.',
  underReview: 'این دوره برای بررسی مرکز فرستاده شده است؛ تا پاسخ مرکز مقدارها تغییر نمی‌کند.',
  forbidden: 'ثبت مقدار شاخص‌های یک دستگاه با کارشناسان و مدیر همان دستگاه است.',
  nothingToSubmit: 'در این دوره مقداری ثبت نشده است که فرستاده شود.',
  notSubmittedPeriod: 'این دوره برای بررسی فرستاده نشده است.',
  returnReason: 'برای بازگرداندن دوره، دلیل را بنویسید.',
  notifySubmittedSubject: (agency: string, period: string) =>
    `مقدار شاخص‌های ${agency} برای ${period} فرستاده شد`,
  notifyDecidedSubject: (period: string, accepted: boolean) =>
    accepted ? `مقدار شاخص‌های ${period} پذیرفته شد` : `مقدار شاخص‌های ${period} بازگردانده شد`,
} as const
