import type {
  Audience,
  Currency,
  DocumentForm,
  LifeEvent,
  Nature,
  ServiceLevel,
  TimeUnit,
  Trigger,
} from './service.model.ts'

export const AUDIENCE_LABELS: Record<Audience, string> = {
  G2C: 'شهروندان',
  G2B: 'کسب‌وکارها',
  G2G: 'دستگاه‌های دولتی',
}

export const AUDIENCE_LONG_LABELS: Record<Audience, string> = {
  G2C: 'خدمات به شهروندان (G2C)',
  G2B: 'خدمات به کسب‌وکارها (G2B)',
  G2G: 'خدمات به دستگاه‌های دولتی (G2G)',
}

export const NATURE_LABELS: Record<Nature, string> = { sovereign: 'حاکمیتی', enterprise: 'تصدی‌گری' }

export const LEVEL_LABELS: Record<ServiceLevel, string> = {
  national: 'ملی',
  regional: 'منطقه‌ای',
  provincial: 'استانی',
  city: 'شهری',
  rural: 'روستایی',
}

export const LIFE_EVENT_LABELS: Record<LifeEvent, string> = {
  birth: 'تولد',
  education: 'آموزش',
  health: 'سلامت',
  tax: 'مالیات',
  business: 'کسب‌وکار',
  social_security: 'تأمین اجتماعی',
  property: 'ثبت مالکیت',
  urban_utilities: 'تأسیسات شهری',
  insurance: 'بیمه',
  marriage: 'ازدواج',
  retirement: 'بازنشستگی',
  documents: 'مدارک و گواهی‌نامه‌ها',
  death: 'وفات',
  other: 'سایر',
}

export const TRIGGER_LABELS: Record<Trigger, string> = {
  applicant_request: 'تقاضای خدمت‌گیرنده',
  scheduled_date: 'فرارسیدن زمانی مشخص',
  event: 'رخداد رویدادی مشخص',
  agency_decision: 'تشخیص دستگاه',
  other: 'سایر',
}

export const TIME_UNIT_LABELS: Record<TimeUnit, string> = {
  minute: 'دقیقه',
  hour: 'ساعت',
  working_day: 'روز کاری',
  calendar_day: 'روز',
  week: 'هفته',
  month: 'ماه',
}

export const DOCUMENT_FORM_LABELS: Record<DocumentForm, string> = {
  original: 'اصل',
  copy: 'رونوشت',
  original_and_copy: 'اصل و رونوشت',
}

export const CURRENCY_LABELS: Record<Currency, string> = { IRR: 'ریال', IRT: 'تومان' }

export const msg = {
  titleRequired: 'عنوان خدمت را وارد کنید.',
  summaryRequired: 'خلاصهٔ خدمت را وارد کنید.',
  descriptionRequired: 'شرح خدمت را وارد کنید.',
  audienceRequired: 'دست‌کم یک گروه مخاطب را انتخاب کنید.',
  natureRequired: 'ماهیت خدمت را انتخاب کنید.',
  levelRequired: 'سطح خدمت را انتخاب کنید.',
  triggerRequired: 'نحوهٔ آغاز خدمت را انتخاب کنید.',
  outputRequired: 'خروجی خدمت (آنچه خدمت‌گیرنده دریافت می‌کند) را بنویسید.',
  legalBasisRequired: 'دست‌کم یک مبنای قانونی (قانون و ماده) ثبت کنید.',
  documentsRequired: 'مدارک لازم را فهرست کنید، یا اعلام کنید که مدرکی لازم نیست.',
  declaredTimeRequired: 'زمان کل اعلام‌شدهٔ خدمت را وارد کنید.',
  lawRequired: 'قانون را از فهرست قوانین انتخاب کنید.',
  lawUnknown: 'این قانون در فهرست قوانین نیست.',
  documentNameRequired: 'نام مدرک را وارد کنید.',
  countInvalid: 'تعداد باید عددی صحیح بین ۱ و ۲۰ باشد.',
  amountInvalid: 'مبلغ باید عددی صحیح و نامنفی باشد (بدون اعشار).',
  feeDescriptionRequired: 'شرح هزینه را بنویسید.',
  numberInvalid: 'یک عدد مثبت وارد کنید.',
  betweenOrder: 'کمینه باید از بیشینه کمتر باشد.',
  visitsInvalid: 'تعداد مراجعهٔ حضوری باید عددی بین ۰ و ۲۰ باشد.',
  timesInvalid: 'تعداد دفعات باید عددی بین ۱ و ۱۰۰ باشد.',
  nationalCodeInvalid: 'شناسهٔ خدمت فقط رقم است (۴ تا ۲۰ رقم).',
  slugInvalid: 'نشانی کوتاه فقط حروف کوچک لاتین، رقم و خط تیره، مانند national-id-card.',
  slugTaken: 'این نشانی کوتاه پیش‌تر برای خدمت دیگری ثبت شده است.',
  changeNoteRequired: 'شرح تغییرات این نسخه را بنویسید؛ در تاریخچهٔ عمومی خدمت نمایش داده می‌شود.',
  withdrawReasonRequired: 'دلیل لغو خدمت را بنویسید.',
  forbiddenEdit: 'شما اجازهٔ ویرایش خدمات این دستگاه را ندارید.',
  forbiddenPublish: 'فقط مدیر دستگاه می‌تواند خدمت را منتشر یا لغو کند.',
  notFound: 'این خدمت پیدا نشد.',
  versionNotFound: 'این نسخه از خدمت پیدا نشد.',
  noDraft: 'این خدمت پیش‌نویسی برای ویرایش ندارد.',
  notReady: 'پیش‌نویس هنوز آمادهٔ انتشار نیست؛ موارد ناقص را تکمیل کنید.',
  withdrawn: 'این خدمت لغو شده است.',
  conflict: 'کس دیگری در همین فاصله این پیش‌نویس را ذخیره کرده است.',
} as const
