import { toPersianDigits } from '../../lib/fa/index.ts'

/** Persian text of the CSV upload of values (issue 14 item 4) and its page. */

export const COLUMN_LABELS = {
  code: 'کد (code)',
  period: 'دوره (period)',
  numerator: 'صورت (numerator)',
  denominator: 'مخرج (denominator)',
  note: 'یادداشت (note)',
  evidence_note: 'مستند (evidence_note)',
} as const

const fa = (n: number) => toPersianDigits(n)

export const csvMsg = {
  tooLarge: (maxKb: number) =>
    `پرونده بزرگ‌تر از ${fa(maxKb)} کیلوبایت است؛ مقدارها را در چند پرونده بفرستید.`,
  tooManyRows: (max: number) =>
    `پرونده بیش از ${fa(max)} سطر مقدار دارد؛ مقدارها را در چند پرونده بفرستید.`,
  noRows: 'پرونده جز سطر سرستون سطری ندارد.',
  unknownColumn: (name: string) =>
    `ستون «${name}» شناخته نیست. ستون‌ها: code، period، numerator، denominator، note، evidence_note (یا کد، دوره، صورت، مخرج، یادداشت، مستند).`,
  duplicateColumn: (label: string) => `ستون ${label} دو بار در سطر سرستون آمده است.`,
  missingColumn: (label: string) =>
    `ستون ${label} در سطر سرستون نیست. سطر نخست پرونده باید نام ستون‌ها باشد؛ نمونه را از همین صفحه بگیرید.`,
  emptyHeader: (position: number) => `ستون ${fa(position)} سطر سرستون نام ندارد.`,
  unclosedQuote: 'نقل‌قولی («"») که در این سطر باز شده تا پایان پرونده بسته نشده است.',
  strayQuote: 'پس از نقل‌قول بسته («"») باید جداکننده یا پایان سطر بیاید.',
  extraCells: (cells: number, columns: number) =>
    `این سطر ${fa(cells)} خانه دارد و سطر سرستون ${fa(columns)} ستون.`,
  code: 'کد شاخص را به شکل کد پرتال بنویسید، مانند S-10042-01 یا G-CARD.',
  duplicateRow: (firstRow: number) =>
    `مقدار همین شاخص برای همین دوره در سطر ${fa(firstRow)} هم آمده است؛ هر شاخص و دوره یک سطر.`,
  notFound: (code: string) => `شاخصی با کد «${code}» پیدا نشد.`,
  forbidden: 'این شاخص از آنِ دستگاه شما نیست؛ مقدارش را فقط همان دستگاه ثبت می‌کند.',
  staffOnly: 'بارگذاری مقدار شاخص‌ها با کارشناسان و مدیر دستگاه است.',
} as const

export const uploadPageMsg = {
  title: 'بارگذاری مقدار شاخص‌ها از پروندهٔ CSV',
  errorTitle: 'پرونده ثبت نشد',
  intro:
    'مقدارهای چند شاخص و چند دوره را یک‌جا با یک پروندهٔ CSV بفرستید. همهٔ سطرها با هم ثبت می‌شوند: اگر حتی یک سطر ایراد داشته باشد هیچ مقداری ثبت نمی‌شود و ایراد هر سطر را همین‌جا می‌بینید.',
  columnsHeading: 'ستون‌های پرونده',
  columnsIntro:
    'سطر نخست نام ستون‌هاست (انگلیسی یا فارسی). جداکننده ویرگول، نقطه‌ویرگول یا Tab؛ رقم فارسی یا لاتین.',
  columns: [
    ['code', 'کد', 'کد شاخص، مانند S-10042-01 (لازم)'],
    ['period', 'دوره', '۱۴۰۵ (سالانه)، 1405-Q2 (فصلی) یا 1405-07 (ماهانه) (لازم)'],
    ['numerator', 'صورت', 'صورت کسر، یا خود مقدار برای شاخص بی‌مخرج (لازم)'],
    ['denominator', 'مخرج', 'مخرج کسر؛ برای شاخص کسری لازم و بزرگ‌تر از صفر'],
    ['note', 'یادداشت', 'توضیح دلخواه'],
    ['evidence_note', 'مستند', 'منبع داده؛ اگر خالی بماند توضیح مستند همین فرم به کار می‌رود'],
  ] as const,
  encodings:
    'رمزگذاری: UTF-8 (با یا بی BOM)، UTF-16 با BOM، یا Windows-1256 که Excel فارسی می‌نویسد.',
  template: 'دریافت پروندهٔ نمونه (CSV) با شاخص‌های دستگاه',
  templateHint:
    'نمونه برای هر شاخص تصویب‌شدهٔ دستگاه یک سطر با آخرین دورهٔ پایان‌یافته دارد؛ سطرهایی را که پر نمی‌کنید پاک کنید.',
  fileLabel: 'پروندهٔ CSV',
  fileHint: (maxKb: number, maxRows: number) =>
    `حداکثر ${fa(maxKb)} کیلوبایت و ${fa(maxRows)} سطر.`,
  fileMissing: 'پرونده‌ای انتخاب نشده است؛ پروندهٔ CSV مقدارها را انتخاب کنید.',
  evidenceLabel: 'توضیح مستند برای سطرهای بی‌مستند (اختیاری)',
  evidenceHint: 'مانند «گزارش سامانهٔ صدور پروانه، خروجی ۳ مهر».',
  submit: 'بارگذاری و ثبت',
  progressLabel: 'پیشرفت بارگذاری',
  recorded: (n: number) => `${fa(n)} مقدار ثبت شد`,
  recordedHint:
    'مقدارها ثبت شدند اما هنوز برای مرکز فرستاده نشده‌اند؛ پس از بازبینی، دوره را از صفحهٔ شاخص بفرستید.',
  again: 'بارگذاری پروندهٔ دیگر',
  back: 'بازگشت به شاخص‌ها',
  errorsHeading: (n: number) => `${fa(n)} ایراد؛ هیچ مقداری ثبت نشد`,
  errorsCaption: 'ایراد هر سطر پرونده',
  rowHeader: 'سطر',
  columnHeader: 'ستون',
  problemHeader: 'ایراد',
  wholeFile: 'کل پرونده',
  recordedCaption: 'مقدارهای ثبت‌شده',
  codeHeader: 'کد شاخص',
  periodHeader: 'دوره',
  valueHeader: 'مقدار',
  encodingNote: (name: string) => `رمزگذاری پرونده: ${name}`,
} as const
