/** Persian text of the rating form and its refusals. */
export const ratingMsg = {
  title: 'نظر شما دربارهٔ این خدمت',
  intro:
    'درخواست شما انجام شده است. چند پرسش کوتاه: پاسخ شما بدون نام ثبت می‌شود و فقط یک بار می‌توانید با این پیوند نظر بدهید.',
  overallLegend: 'روی هم رفته چقدر از این خدمت راضی بودید؟',
  overallRequired: 'میزان رضایت کلی را انتخاب کنید.',
  dimensionsHeading: 'جزئیات (اختیاری)',
  scaleInvalid: 'یکی از گزینه‌های ۱ تا ۵ را انتخاب کنید.',
  notApplicable: 'مربوط نبود / نمی‌دانم',
  commentLabel: 'توضیح بیشتر (اختیاری)',
  commentHint:
    'شماره تلفن همراه، کد ملی یا هر شمارهٔ دیگری که بنویسید پیش از ثبت حذف می‌شود. نام کسی را ننویسید.',
  commentTooLong: 'توضیح نباید بیش از ۲٬۰۰۰ نویسه باشد.',
  submit: 'ثبت نظر',
  thanksTitle: 'نظر شما ثبت شد',
  thanks: 'از شما سپاسگزاریم. نظر شما در شاخص رضایت این خدمت به حساب می‌آید.',
  usedTitle: 'با این پیوند پیش‌تر نظر داده شده است',
  used: 'هر پیوند نظرسنجی فقط یک بار پذیرفته می‌شود و نظر این درخواست پیش‌تر ثبت شده است.',
  forgedTitle: 'پیوند نظرسنجی معتبر نیست',
  forged:
    'این پیوند را سامانهٔ مردم نساخته است یا ناقص کپی شده است. پیوند کامل را از پیامک یا صفحهٔ پایان خدمت دوباره باز کنید.',
  expiredTitle: 'مهلت این پیوند نظرسنجی گذشته است',
  expired: 'پیوند نظرسنجی تا ۳۰ روز پس از پایان درخواست معتبر است و این مهلت گذشته است.',
  rateLimited:
    'از این نشانی یا مرورگر نظرهای زیادی فرستاده شده است. لطفاً یک ساعت دیگر دوباره تلاش کنید.',
  unknownTitle: 'درخواست این پیوند پیدا نشد',
  unknown: 'درخواستی که این پیوند به آن اشاره می‌کند دیگر در سامانه نیست.',
} as const

export const SCALE_LABELS: Record<string, string> = {
  '1': '۱ — خیلی بد',
  '2': '۲ — بد',
  '3': '۳ — متوسط',
  '4': '۴ — خوب',
  '5': '۵ — خیلی خوب',
}

/**
 * The Iranian questionnaire's dimensions (طرح تکریم مردم; research persian-and-iran.md §4.5):
 * clarity of information, time against the promise, visits, staff conduct, cost, the online
 * channel. Keys are the form's field names and the ratings table's columns.
 */
export const DIMENSIONS = [
  { key: 'clarity', label: 'شفافیت اطلاعات: مراحل، مدارک و زمان انجام کار روشن گفته شده بود' },
  { key: 'promisedTime', label: 'زمان انجام کار در مقایسه با زمانی که وعده داده شده بود' },
  { key: 'visits', label: 'تعداد مراجعهٔ حضوری لازم (کمتر، بهتر)' },
  { key: 'staffConduct', label: 'رفتار و پاسخگویی کارکنان' },
  { key: 'cost', label: 'هزینه‌ای که پرداختید (منصفانه و مطابق تعرفهٔ اعلام‌شده)' },
  { key: 'onlineEase', label: 'آسانی انجام کار از راه اینترنت (خدمت الکترونیکی)' },
] as const

export type DimensionKey = (typeof DIMENSIONS)[number]['key']
