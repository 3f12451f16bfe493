/** Persian strings of the open-data feature (page, API descriptions, import reports). */
export const opendataMsg = {
  apiJsonSummary: 'کل کاتالوگ منتشرشده به قالب JSON (mardom-catalogue نسخهٔ ۱)',
  apiCsvSummary: 'کل کاتالوگ منتشرشده به قالب CSV (UTF-8 با BOM، مناسب Excel)',
  apiJsonLdSummary: 'کل کاتالوگ منتشرشده به قالب CPSV-AP 3.2.0 (JSON-LD، یک گراف)',
  apiExportDescription:
    'پرونده به‌صورت جریانی ساخته و فرستاده می‌شود. ETag و Last-Modified دارد؛ با If-None-Match پاسخ ۳۰۴ می‌گیرید. خدمات برداشته‌شده در آن نیستند. مجوز: CC BY 4.0.',
  apiExportOk: 'پروندهٔ کاتالوگ',
  apiNotModified: 'از نسخه‌ای که دارید تغییری نکرده است',
} as const
