import type { ThursdayStatus } from '../../lib/working-calendar.ts'
import type { HolidayKind } from './calendar.model.ts'

export const HOLIDAY_KIND_LABELS: Record<HolidayKind, string> = {
  solar: 'خورشیدی',
  lunar: 'قمری',
  adhoc: 'تعطیلی موردی',
}

export const THURSDAY_STATUS_LABELS: Record<ThursdayStatus, string> = {
  working: 'روز کاری',
  closed: 'تعطیل',
}

export const msg = {
  publicTitle: 'تعطیلات رسمی',
  publicLead:
    'روزهای تعطیل رسمی کشور که در محاسبهٔ زمان انجام خدمات به حساب نمی‌آیند. جمعه‌ها همیشه تعطیل است.',
  adminTitle: 'تقویم کاری',
  adminLead:
    'تعطیلات رسمی و وضعیت پنجشنبه‌ها، که موعد انجام خدمات بر پایهٔ آن‌ها به روز کاری حساب می‌شود.',
  yearCaption: (year: string) => `تعطیلات رسمی سال ${year}`,
  yearNav: 'سال‌های دیگر',
  previousYear: (year: string) => `سال ${year}`,
  nextYear: (year: string) => `سال ${year}`,
  noHolidays: 'برای این سال تعطیلی ثبت نشده است.',
  count: (n: string) => `${n} روز تعطیل رسمی`,
  date: 'تاریخ',
  weekday: 'روز هفته',
  title: 'مناسبت',
  kind: 'نوع',
  status: 'وضعیت',
  actions: 'عملیات',
  tentative: 'قابل تغییر',
  tentativeHint:
    'تاریخ تعطیلات قمری به رؤیت هلال بستگی دارد و ممکن است یک روز جابه‌جا شود؛ روزهای «قابل تغییر» هنوز قطعی نشده‌اند.',
  confirmed: 'قطعی',
  remove: 'حذف',
  removeHidden: (date: string) => `تعطیلی ${date}`,
  addTitle: 'افزودن تعطیلی',
  addDate: 'تاریخ تعطیلی',
  addDateHint: 'به تقویم شمسی، مانند ۱ ۱ ۱۴۰۵',
  holidayTitle: 'عنوان مناسبت',
  holidayTitleHint: 'مانند «عید سعید فطر» یا «تعطیلی به دلیل آلودگی هوا»',
  kindLegend: 'نوع تعطیلی',
  tentativeLabel: 'تاریخ قطعی نیست (تعطیلی قمری پیش از رؤیت هلال)',
  add: 'افزودن تعطیلی',
  thursdayTitle: 'پنجشنبه‌ها',
  thursdayLegend: 'پنجشنبه‌ها در محاسبهٔ روز کاری',
  thursdayHint:
    'ادارات خارج از تهران پنجشنبه‌ها باز هستند و بسیاری از ستادهای تهران تعطیل‌اند. اگر پنجشنبه تعطیل باشد، در شمار روزهای کاری نمی‌آید.',
  thursdayPublic: (status: string) => `پنجشنبه‌ها در محاسبهٔ موعد خدمات: ${status}.`,
  thursdayPublicNote: 'ادارات خارج از تهران پنجشنبه‌ها باز هستند.',
  saveThursday: 'ذخیرهٔ وضعیت پنجشنبه',
  dateMissing: 'تاریخ تعطیلی را کامل وارد کنید: روز، ماه و سال.',
  dateNotNumber: 'روز، ماه و سال تاریخ تعطیلی باید عدد باشند.',
  dateInvalid:
    'تاریخ تعطیلی باید یک روز واقعی در تقویم شمسی باشد؛ مثلاً اسفند ۱۴۰۴ بیست‌ونه روز دارد.',
  dateRange: 'سال تعطیلی باید میان ۱۳۹۰ و ۱۵۰۰ باشد.',
  titleTooShort: 'عنوان مناسبت باید دست‌کم دو نویسه باشد.',
  kindRequired: 'نوع تعطیلی را انتخاب کنید.',
  thursdayRequired: 'وضعیت پنجشنبه‌ها را انتخاب کنید.',
  duplicate: 'این روز پیش‌تر تعطیل ثبت شده است؛ برای تغییر، نخست آن را حذف کنید.',
  notFound: 'این تعطیلی پیدا نشد.',
  forbidden: 'فقط مدیر سامانه می‌تواند تقویم کاری را تغییر دهد.',
  viewForbidden: 'فقط مدیر سامانه به این صفحه دسترسی دارد.',
  added: 'تعطیلی افزوده شد.',
  removed: 'تعطیلی حذف شد.',
  thursdaySaved: 'وضعیت پنجشنبه‌ها ذخیره شد.',
  adminLink: 'صفحهٔ عمومی تعطیلات',
  fixedByLaw: 'ثابت در قانون',
  fixedByLawHint: (date: string) =>
    `تعطیلی ${date} به حکم قانون است و با حذف این ردیف برداشته نمی‌شود`,
  lunarUnknownTitle: (year: string) => `تعطیلات قمری سال ${year} هنوز ثبت نشده است`,
  lunarUnknown: (year: string) =>
    `تعطیلات رسمی خورشیدی (نوروز، ۱۲ و ۱۳ فروردین، ۱۴ و ۱۵ خرداد، ۲۲ بهمن و ۲۹ اسفند) هر سال ثابت‌اند و در جدول آمده‌اند، اما تعطیلات قمری سال ${year} هنوز در تقویم ثبت نشده است. موعدهایی که به این سال می‌رسند این تعطیلات را به حساب نمی‌آورند و ممکن است دیرتر باشند.`,
  lunarTentativeYear: (year: string) =>
    `تعطیلات قمری سال ${year} برآوردی است و تا انتشار تقویم رسمی قطعی نیست.`,
  lunarKnownTitle: 'تعطیلات قمری ثبت‌شده',
  lunarKnownStatus: (year: string) => `تعطیلات قمری تا پایان سال ${year} در تقویم ثبت شده است.`,
  lunarKnownNone: 'هنوز هیچ تعطیلی قمری در تقویم ثبت نشده است.',
  lunarYearLabel: 'تعطیلات قمری تا پایان کدام سال ثبت شده است؟',
  lunarYearHint:
    'پس از ثبت همهٔ تعطیلات قمری یک سال، آن سال را اینجا بنویسید، مانند ۱۴۰۷. صفحه‌ها پس از پایان این سال می‌گویند که تعطیلات قمری هنوز معلوم نیست.',
  lunarYearInvalid: 'سال را با چهار رقم بنویسید، میان ۱۳۹۰ و ۱۵۰۰.',
  lunarYearEmpty: (year: string) =>
    `برای سال ${year} هنوز هیچ تعطیلی قمری ثبت نشده است؛ نخست تعطیلات قمری آن سال را بیفزایید.`,
  saveLunarYear: 'ذخیرهٔ سال',
  lunarYearSaved: 'سال تعطیلات قمری ثبت‌شده ذخیره شد.',
  horizonTitle: 'تقویم تعطیلات رو به پایان است',
  horizonSoon: (year: string, end: string) =>
    `تعطیلات قمری فقط تا پایان سال ${year} (${end}) در تقویم ثبت شده است. تعطیلات قمری سال بعد را وارد کنید تا موعد خدمات درست حساب شود.`,
  horizonPast: (year: string, end: string) =>
    `تعطیلات قمری فقط تا پایان سال ${year} (${end}) در تقویم ثبت شده بود و این تاریخ گذشته است. موعدهای پس از آن تعطیلات قمری را به حساب نمی‌آورند.`,
  horizonLink: (year: string) => `ثبت تعطیلات سال ${year}`,
  horizonSubject: (year: string) => `تعطیلات قمری سال ${year} را در تقویم کاری وارد کنید`,
} as const
