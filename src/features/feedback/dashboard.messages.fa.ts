import type { TransactionChannel } from '../../db/schema.ts'
import type { RatingDimension } from './dashboard.queries.ts'

/** The staff feedback dashboards' words (issue 13 item 7). */
export const dashboardMsg = {
  title: 'داشبورد بازخورد مردم',
  centralTitle: 'بازخورد مردم در دستگاه‌ها',
  forbidden: 'شما اجازهٔ دیدن داشبورد بازخورد این دستگاه را ندارید.',
  agencyNotFound: 'دستگاهی با این نشانی پیدا نشد.',
  helpfulHeading: 'آیا صفحه‌ها مفید بودند؟',
  helpfulChart: 'سهم پاسخ «بله» به «آیا این صفحه مفید بود؟» با بازهٔ ۹۵٪',
  reportStateHeading: 'گزارش‌های نادرستی اطلاعات بر پایهٔ وضعیت',
  reportAgeHeading: 'گزارش‌های بی‌پاسخ بر پایهٔ سن (روز کاری)',
  dimensionHeading: 'رضایت بر پایهٔ جنبه‌ها (۱ تا ۵)',
  channelHeading: 'رضایت کلی بر پایهٔ مسیر انجام کار (۱ تا ۵)',
  timeHeading: 'زمان وعده‌داده‌شده در برابر زمان واقعی، مرحله به مرحله',
  timeChart: 'سهم درخواست‌های انجام‌شده در زمان وعده‌داده‌شده، هر مرحله',
  minNote: (n: string) =>
    `هر عدد با n (شمار پاسخ‌ها) آمده است؛ زیر ${n} پاسخ به‌جای عدد «هنوز دادهٔ کافی نیست» نوشته می‌شود.`,
  timesComputed: (days: string, when: string) =>
    `از جمع‌بندی‌های ذخیره‌شدهٔ ${days} روز گذشته؛ قدیمی‌ترین محاسبه: ${when}.`,
  noTimes: 'هنوز تراکنشی از سامانهٔ این دستگاه گزارش نشده است.',
  wholeTransaction: 'کل درخواست',
  toAgencies: 'مقایسهٔ دستگاه‌ها',
  sortBy: 'مرتب‌سازی',
  rankNote: 'رتبه فقط به دستگاه‌هایی داده می‌شود که n آن‌ها دست‌کم به کمینه رسیده است.',
} as const

export const DIMENSION_LABELS: Record<RatingDimension, string> = {
  overall: 'رضایت کلی',
  clarity: 'شفافیت اطلاعات',
  promisedTime: 'زمان در برابر وعده',
  visits: 'شمار مراجعه',
  staffConduct: 'رفتار کارکنان',
  cost: 'هزینه',
  onlineEase: 'آسانی خدمت الکترونیکی',
}

export const CHANNEL_LABELS: Record<TransactionChannel, string> = {
  online: 'اینترنتی',
  counter_office: 'دفتر پیشخوان',
  in_person: 'حضوری در دستگاه',
}

export const AGE_LABELS = {
  young: '۰ تا ۵ روز کاری',
  middle: '۶ تا ۱۵ روز کاری',
  overdue: 'بیش از ۱۵ روز کاری (گذشته از موعد)',
} as const

/** The figures the centre's table can be sorted by. */
export const METRIC_LABELS = {
  satisfaction: 'رضایت (میانگین بیزی)',
  helpful: 'مفید بودن (کران پایین ویلسون)',
  ontime: 'انجام در زمان وعده',
} as const
