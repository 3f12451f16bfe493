import type { ReviewState } from '../services/index.ts'
import type { ReviewAnswer, ReviewSection } from './review.model.ts'

export const SECTION_LABELS: Record<ReviewSection, string> = {
  description: 'شرح خدمت و مخاطبان',
  laws: 'قوانین و مقررات',
  documents: 'مدارک لازم',
  fees: 'هزینه‌ها',
  forms: 'فرم‌ها',
  process: 'مراحل فرایند و زمان‌ها',
  offices: 'محل‌های مراجعه و ساعات کار',
  channels: 'راه‌های دسترسی و خدمت الکترونیکی',
}

export const ANSWER_LABELS: Record<ReviewAnswer, string> = {
  unchanged: 'بدون تغییر',
  change_needed: 'تغییر لازم است',
}

export const STATE_LABELS: Record<ReviewState, string> = {
  current: 'به‌روز',
  due_soon: 'بازبینی نزدیک است',
  due: 'موعد بازبینی',
  overdue: 'بازبینی گذشته از موعد',
  escalated: 'گذشته از موعد (گزارش‌شده به ستاد)',
}

export const reviewsMsg = {
  listTitle: 'بازبینی‌ها',
  reviewTitle: (service: string) => `بازبینی «${service}»`,
  notFound: 'این بازبینی پیدا نشد.',
  notPublished: 'خدمتی که هنوز منتشر نشده بازبینی ندارد؛ نخست آن را منتشر کنید.',
  alreadyOpen: 'برای این خدمت یک بازبینی باز هست؛ همان را ادامه دهید.',
  notOpen: 'این بازبینی دیگر باز نیست.',
  conflict:
    'کس دیگری در همین فاصله این بازبینی را ذخیره یا تأیید کرده است. صفحه را دوباره باز کنید و پاسخ‌ها را ببینید.',
  answerRequired: 'برای این بخش «بدون تغییر» یا «تغییر لازم است» را انتخاب کنید.',
  noteTooLong: 'یادداشت حداکثر ۲۰۰۰ نویسه است.',
  unansweredSections: 'پیش از تأیید، همهٔ بخش‌ها را پاسخ دهید.',
  cannotSignOffUnchanged:
    'دست‌کم یک بخش «تغییر لازم است» دارد؛ این بازبینی فقط با انتشار نسخهٔ اصلاح‌شده پایان می‌یابد.',
  noDraft: 'برای پایان بازبینی با اصلاح، نخست پیش‌نویس را ویرایش کنید؛ پیش‌نویسی برای انتشار نیست.',
  changeNoteRequired: 'توضیح تغییرات نسخهٔ جدید را بنویسید.',
  forbiddenSignOff: 'فقط مدیر دستگاه بازبینی را تأیید می‌کند.',
  saved: 'پاسخ‌ها ذخیره شد.',
  signedOffUnchanged: 'بازبینی با نتیجهٔ «بدون تغییر تأیید شد» ثبت شد.',
  signedOffRevised: 'نسخهٔ اصلاح‌شده منتشر و بازبینی ثبت شد.',
  auditReasonRequired:
    'دلیل نپذیرفتن را (دست‌کم ۳ و حداکثر ۲۰۰۰ نویسه) بنویسید؛ برای دستگاه فرستاده می‌شود.',
  opened: 'بازبینی باز شد. هر بخش را بررسی و پاسخ دهید.',
} as const
