export const msg = {
  forbidden: 'فقط مدیر سامانه می‌تواند تنظیمات پرتال را تغییر دهد.',
  directiveDate: 'تاریخ بخشنامه',
  directiveDateMissing: 'تاریخ بخشنامه را کامل وارد کنید: روز، ماه و سال.',
  directiveDateNotNumber: 'روز، ماه و سال تاریخ بخشنامه باید عدد باشند.',
  directiveDateInvalid:
    'تاریخ بخشنامه باید یک تاریخ واقعی خورشیدی با سال چهاررقمی باشد، مانند ۱۷ ۱۲ ۱۳۸۸.',
  directiveDateRange: 'سال بخشنامه باید میان ۱۳۵۸ و ۱۴۵۰ باشد.',
  centralBodyName: 'نام نهاد ناظر مرکزی',
} as const
