export const msg = {
  forbidden: 'فقط مدیر سامانه و ناظر مرکزی رویدادنامه را می‌بینند.',
  notFound: 'این رویداد پیدا نشد.',
  indexTitle: 'رویدادنامه',
  indexLead: 'هر تغییری که در پرتال ثبت شده است: چه کسی، چه زمانی، روی چه چیزی و چه کاری.',
  filterHeading: 'پالایش رویدادها',
  entityType: 'نوع موجودیت',
  entityId: 'شناسهٔ موجودیت',
  action: 'کنش',
  actor: 'انجام‌دهنده',
  actorHint: 'آغاز نام کاربری، مانند a10042',
  any: 'همه',
  from: 'از تاریخ',
  to: 'تا تاریخ',
  dateHint: 'برای نمونه ۱ ۹ ۱۴۰۵',
  show: 'نمایش',
  clear: 'پاک کردن پالایه‌ها',
  time: 'زمان',
  details: 'جزئیات',
  detailsOf: (id: string) => `رویداد ${id}`,
  total: (n: string) => `${n} رویداد`,
  none: 'رویدادی با این پالایه‌ها پیدا نشد.',
  dateMissing: (label: string) => `${label} را کامل وارد کنید: روز، ماه و سال.`,
  dateInvalid: (label: string) => `${label} باید یک تاریخ واقعی خورشیدی با سال چهاررقمی باشد.`,
  dateOrder: '«تا تاریخ» نباید پیش از «از تاریخ» باشد.',
  eventTitle: 'جزئیات رویداد',
  agency: 'دستگاه',
  changes: 'تغییرها',
  field: 'فیلد',
  before: 'پیش از تغییر',
  after: 'پس از تغییر',
  noChanges: 'این رویداد تغییری در فیلدها ثبت نکرده است.',
  empty: '—',
  yes: 'بله',
  no: 'خیر',
  backToList: 'بازگشت به رویدادنامه',
  system: 'سامانه',
} as const

/** Persian names of the entity types that features record; unknown ones are shown as stored. */
export const ENTITY_LABELS: Record<string, string> = {
  agency: 'دستگاه',
  user: 'کاربر',
  'api-token': 'توکن API',
  session: 'نشست',
  setting: 'تنظیمات',
  demo: 'دادهٔ نمایشی',
  holiday: 'تعطیلی',
  law: 'قانون',
  service: 'خدمت',
}

/** Persian names of the actions that features record; unknown ones are shown as stored. */
export const ACTION_LABELS: Record<string, string> = {
  create: 'ایجاد',
  update: 'ویرایش',
  'issue-credentials': 'صدور اعتبارنامه',
  'reset-password': 'بازنشانی رمز',
  'change-password': 'تغییر رمز',
  disable: 'غیرفعال‌سازی',
  enable: 'فعال‌سازی',
  revoke: 'باطل کردن',
  lock: 'قفل موقت',
  'sign-in': 'ورود',
  'sign-out': 'خروج',
  load: 'بارگذاری',
  delete: 'حذف',
  'start-draft': 'آغاز پیش‌نویس',
  'save-draft': 'ذخیرهٔ پیش‌نویس',
  'discard-draft': 'کنار گذاشتن پیش‌نویس',
  publish: 'انتشار',
  withdraw: 'لغو خدمت',
  restore: 'بازگرداندن خدمت',
  import: 'ورود از پروندهٔ کاتالوگ',
}

export function entityLabel(type: string): string {
  return ENTITY_LABELS[type] ?? type
}

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action
}

/** Persian names of snapshot fields, for the before → after table; others are shown as stored. */
export const FIELD_LABELS: Record<string, string> = {
  username: 'نام کاربری',
  displayName: 'نام و نام خانوادگی',
  email: 'رایانامه',
  role: 'نقش',
  agencyId: 'شناسهٔ دستگاه',
  mustChangePassword: 'باید رمز را تغییر دهد',
  disabledAt: 'زمان غیرفعال شدن',
  revokedAt: 'زمان باطل شدن',
  name: 'نام',
  prefix: 'پیشوند',
  userId: 'شناسهٔ کاربر',
  code: 'کد دستگاه',
  nameFa: 'نام فارسی',
  nameEn: 'نام انگلیسی',
  shortNameFa: 'نام کوتاه',
  level: 'سطح',
  parentId: 'شناسهٔ دستگاه بالادست',
  website: 'وب‌گاه',
  phone: 'تلفن',
  address: 'نشانی',
  provinceCode: 'کد استان',
  credentialsIssuedAt: 'زمان صدور اعتبارنامه',
  directiveDate: 'تاریخ بخشنامه',
  centralBodyName: 'نام نهاد ناظر مرکزی',
  reason: 'دلیل',
  failures: 'تلاش‌های ناموفق',
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field
}
