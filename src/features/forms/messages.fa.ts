import type { FormLanguage } from '../services/index.ts'
import type { FormFileKind } from './form-file.model.ts'

export const FORM_KIND_LABELS: Record<FormFileKind, string> = {
  pdf: 'PDF',
  docx: 'Word',
  xlsx: 'Excel',
  odt: 'OpenDocument',
}

const ACCEPTED = 'PDF، Word (DOCX)، Excel (XLSX) یا OpenDocument (ODT)'

export const formsMsg = {
  sectionLabel: 'فرم‌ها',
  pageLead:
    'فرم‌هایی که مردم برای این خدمت دریافت و پر می‌کنند. پرونده‌ها در پیش‌نویس ذخیره می‌شوند و با انتشار نسخه عمومی می‌شوند.',
  none: 'هنوز فرمی پیوست نشده است.',
  addHeading: 'افزودن فرم',
  editHeading: 'ویرایش فرم',
  replaceHeading: 'جایگزینی پرونده',
  replaceLead: 'پروندهٔ تازه جای پروندهٔ کنونی این فرم را می‌گیرد؛ در تاریخچهٔ خدمت دیده می‌شود.',
  removeHeading: 'حذف فرم',
  add: 'افزودن فرم',
  save: 'ذخیرهٔ تغییرات',
  replace: 'جایگزینی پرونده',
  remove: 'حذف این فرم',
  edit: 'ویرایش',
  download: 'دریافت',
  backToService: 'بازگشت به صفحهٔ خدمت',
  title: 'عنوان فرم',
  code: 'شمارهٔ فرم (اختیاری)',
  codeHint: 'شماره‌ای که دستگاه به این فرم داده است، مانند F-101.',
  language: 'زبان فرم',
  file: 'پرونده',
  fileHint: `${ACCEPTED}؛ حداکثر ۱۰ مگابایت. نوع پرونده از محتوای آن شناخته می‌شود، نه از نامش.`,
  newFile: 'پروندهٔ تازه',
  colTitle: 'فرم',
  colCode: 'شماره',
  colLanguage: 'زبان',
  colKind: 'نوع',
  colSize: 'حجم',
  colActions: 'کارها',
  formNotFound: 'این فرم در پیش‌نویس نیست؛ شاید کس دیگری آن را حذف کرده باشد.',
  titleRequired: 'عنوان فرم را وارد کنید.',
  titleTooLong: 'عنوان فرم حداکثر ۲۰۰ نویسه است.',
  codeInvalid: 'شمارهٔ فرم حداکثر ۵۰ نویسه است.',
  languageInvalid: 'زبان فرم را از فهرست انتخاب کنید.',
  fileMissing: 'پروندهٔ فرم را انتخاب کنید.',
  fileEmpty: 'پروندهٔ فرستاده‌شده خالی است.',
  fileTooLarge: 'حجم پرونده بیش از ۱۰ مگابایت است. پرونده‌ای کوچک‌تر بفرستید.',
  fileWrongType: `نوع این پرونده پذیرفته نیست. فقط پرونده‌های ${ACCEPTED} پذیرفته می‌شوند.`,
  uploadTooLarge: 'حجم درخواست بیش از اندازهٔ مجاز است؛ پروندهٔ فرم حداکثر ۱۰ مگابایت است.',
  tooMany: 'هر خدمت حداکثر ۳۰ فرم دارد.',
  fileNotFound: 'این پرونده پیدا نشد.',
  conflict:
    'کس دیگری پیش‌نویس را در این فاصله تغییر داده است. فرم‌های تازه را ببینید و دوباره بفرستید.',
  done: {
    added: 'فرم افزوده شد.',
    saved: 'تغییرات فرم ذخیره شد.',
    replaced: 'پروندهٔ فرم جایگزین شد.',
    removed: 'فرم حذف شد.',
  },
  overviewEdit: 'ویرایش فرم‌ها',
  sizeUnits: { bytes: 'بایت', kb: 'کیلوبایت', mb: 'مگابایت' },
  publicHeading: 'فرم‌ها',
  publicLead: 'فرم‌های این خدمت را دریافت، پر و همراه مدارک ارائه کنید.',
  downloadOf: (title: string) => `دریافت ${title}`,
} as const

export const FORM_LANGUAGE_LABELS: Record<FormLanguage, string> = {
  fa: 'فارسی',
  en: 'انگلیسی',
  ar: 'عربی',
  ku: 'کردی',
  az: 'ترکی آذربایجانی',
}
