import { toPersianDigits } from '../../lib/fa/index.ts'
import type { ReportSection, ReportState } from './report.model.ts'

/** Section names as the service page and the review name them. */
export const REPORT_SECTION_LABELS: Record<ReportSection, string> = {
  description: 'شرح خدمت و مخاطبان',
  laws: 'قوانین و مقررات',
  documents: 'مدارک لازم',
  fees: 'هزینه‌ها',
  forms: 'فرم‌ها',
  process: 'مراحل فرایند و زمان‌ها',
  offices: 'محل‌های مراجعه و ساعات کار',
  channels: 'راه‌های دسترسی و خدمت الکترونیکی',
}

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  received: 'دریافت شد؛ در انتظار پاسخ دستگاه',
  accepted: 'پذیرفته شد',
  rejected: 'پذیرفته نشد',
  duplicate: 'تکراری',
  spam: 'هرزنامه',
  fixed: 'اصلاح شد',
}

export const reportMsg = {
  formTitle: (service: string) => `گزارش نادرستی اطلاعات «${service}»`,
  statusTitle: 'پیگیری گزارش نادرستی اطلاعات',
  sectionRequired: 'بخشی از صفحه را که نادرست است انتخاب کنید.',
  whatWrongRequired: 'بنویسید چه چیزی نادرست است (دست‌کم ۳ و حداکثر ۴۰۰۰ نویسه).',
  whatRightTooLong: 'اطلاعات درست حداکثر ۴۰۰۰ نویسه است.',
  contactInvalid:
    'شمارهٔ همراه (مانند ۰۹۱۲۱۲۳۴۵۶۷) یا نشانی رایانامهٔ درست (مانند name@example.ir) بنویسید، یا خالی بگذارید.',
  received: 'گزارش شما ثبت شد.',
  receivedNoCode: 'گزارش شما دریافت شد. سپاس از اینکه به درستی اطلاعات کمک می‌کنید.',
  rateLimited: 'از این نشانی یا مرورگر گزارش‌های زیادی رسیده است؛ یک ساعت دیگر دوباره بفرستید.',
  codeHint: 'این کد را نگه دارید؛ با آن وضعیت گزارش را پیگیری می‌کنید.',
  notFound: 'گزارشی با این کد پیدا نشد. کد را دوباره بررسی کنید.',
  serviceNotFound: 'این خدمت پیدا نشد یا منتشر نشده است.',
  decisionRequired: 'یکی از پاسخ‌ها را انتخاب کنید.',
  fixVersionRequired: (current: number) =>
    `شمارهٔ نسخه‌ای را که اصلاح در آن منتشر می‌شود بنویسید (بزرگ‌تر از نسخهٔ فعلی، ${toPersianDigits(current)}).`,
  reasonRequired: 'دلیل نپذیرفتن را بنویسید (دست‌کم ۳ و حداکثر ۲۰۰۰ نویسه).',
  duplicateRequired: 'کد گزارشِ دیگرِ همین خدمت را بنویسید که این گزارش تکرار آن است.',
  duplicateSelf: 'گزارش نمی‌تواند تکرار خودش باشد.',
  alreadyAnswered: 'به این گزارش پیش‌تر پاسخ داده شده است.',
  answered: 'پاسخ ثبت شد.',
  forbidden: 'این گزارش از آنِ دستگاه دیگری است.',
  fixedIn: (n: string) => `در نسخهٔ ${n} اصلاح می‌شود`,
  fixedDone: (n: string) => `در نسخهٔ ${n} اصلاح شد`,
  notifySubject: (service: string) => `گزارش نادرستی اطلاعات: ${service}`,
  notifyText: (service: string, section: string, due: string) =>
    `یک شهروند گزارش داده است که بخش «${section}» خدمت «${service}» نادرست است. پاسخ تا ${due} لازم است.`,
  inboxTitle: 'گزارش‌های نادرستی اطلاعات',
  overdueTitle: 'گزارش‌های گذشته از موعد پاسخ',
  reviewLock: (section: string) =>
    `بخش «${section}»: گزارش صحت اطلاعاتِ پذیرفته‌شده‌ای هنوز باز است؛ این بخش را نمی‌توان «بدون تغییر» تأیید کرد تا نسخهٔ اصلاح‌شده منتشر شود.`,
  openReportFact: (code: string, state: string) => `گزارش صحت اطلاعات ${code}: ${state}`,
} as const
