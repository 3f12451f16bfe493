import type { LawKind } from './law.model.ts'

export const LAW_KIND_LABELS: Record<LawKind, string> = {
  law: 'قانون',
  regulation: 'آیین‌نامه',
  bylaw: 'دستورالعمل',
  circular: 'بخشنامه',
}

export const msg = {
  indexTitle: 'قوانین و مقررات',
  indexLead: 'قوانین، آیین‌نامه‌ها، دستورالعمل‌ها و بخشنامه‌هایی که خدمات پرتال به آن‌ها استناد می‌کنند.',
  newTitle: 'افزودن قانون یا مقرره',
  editTitle: 'ویرایش قانون یا مقرره',
  title: 'عنوان',
  kind: 'نوع',
  number: 'شماره',
  approvedOn: 'تاریخ تصویب',
  url: 'پیوند متن',
  citedBy: 'خدمات مستند به این مقرره',
  titleRequired: 'عنوان قانون یا مقرره را وارد کنید.',
  kindRequired: 'نوع را انتخاب کنید.',
  dateInvalid: 'تاریخ تصویب درست نیست؛ روز، ماه و سال شمسی را وارد کنید، مانند ۱۷ / ۱۲ / ۱۳۸۸.',
  dateIncomplete: 'تاریخ تصویب را کامل وارد کنید یا هر سه خانه را خالی بگذارید.',
  duplicate: 'این قانون با همین عنوان و شماره پیش‌تر ثبت شده است.',
  forbidden: 'فقط مدیر سامانه و مدیران دستگاه‌ها می‌توانند قانون ثبت کنند.',
  forbiddenEdit: 'فقط مدیر سامانه یا دستگاهی که این مقرره را ثبت کرده می‌تواند آن را ویرایش کند.',
  notFound: 'این قانون پیدا نشد.',
  save: 'ذخیره',
  noResults: 'قانونی با این مشخصات پیدا نشد.',
} as const
