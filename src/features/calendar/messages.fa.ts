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
} as const
