import { toPersianDigits } from '../../lib/fa/index.ts'
import type { MailStatus, NotificationFrequency } from './notification.model.ts'

/** Persian text of the notifications feature: pages and mail. */
export const msg = {
  inboxTitle: 'اعلان‌ها',
  inboxLead: 'پیام‌هایی که پرتال برای شما فرستاده است. هر پیام به جایی از پرتال پیوند دارد.',
  inboxEmpty: 'هنوز اعلانی برای شما نرسیده است.',
  inboxTotal: (n: number, unread: number) =>
    `${toPersianDigits(n)} اعلان، ${toPersianDigits(unread)} خوانده‌نشده`,
  unreadTag: 'خوانده‌نشده',
  open: 'مشاهده',
  openOf: (subject: string) => `: ${subject}`,
  markRead: 'خوانده شد',
  markAllRead: 'همه خوانده شد',
  markedRead: 'اعلان خوانده شد.',
  markedAllRead: (n: number) =>
    n === 0 ? 'اعلان خوانده‌نشده‌ای نبود.' : `${toPersianDigits(n)} اعلان خوانده شد.`,
  notFound: 'این اعلان پیدا نشد.',
  settingsLink: 'تنظیمات اعلان‌ها',

  preferencesTitle: 'تنظیمات اعلان‌ها',
  preferencesLead:
    'اعلان‌ها همیشه در صندوق اعلان‌های پرتال می‌مانند. اینجا انتخاب کنید رایانامه‌ها کی برایتان فرستاده شوند.',
  yourAddress: 'نشانی رایانامهٔ شما:',
  noAddress:
    'برای حساب شما نشانی رایانامه ثبت نشده است؛ تا نشانی ثبت نشود رایانامه‌ای فرستاده نمی‌شود و اعلان‌ها فقط در پرتال دیده می‌شوند.',
  frequencyLegend: 'رایانامهٔ اعلان‌ها',
  frequencyRequired: 'یکی از گزینه‌های زمان رایانامه را انتخاب کنید.',
  save: 'ذخیرهٔ تنظیمات',
  saved: 'تنظیمات اعلان‌ها ذخیره شد.',

  outboxTitle: 'صندوق رایانامه‌های خروجی',
  outboxLead: 'هر رایانامه‌ای که پرتال می‌فرستد، با وضعیت، شمار تلاش‌ها، آخرین خطا و زمان تلاش بعدی.',
  smtpOff:
    'سرور رایانامه (SMTP_URL) تنظیم نشده است: رایانامه‌ها فرستاده نمی‌شوند و همین‌جا نگه داشته می‌شوند.',
  smtpOn: 'سرور رایانامه تنظیم شده است و رایانامه‌های در صف، چند ثانیه یک بار فرستاده می‌شوند.',
  outboxEmpty: 'رایانامه‌ای در این فهرست نیست.',
  outboxTotal: (n: number) => `${toPersianDigits(n)} رایانامه`,
  statusFilter: 'وضعیت',
  any: 'همه',
  show: 'نمایش',
  colCreated: 'زمان ثبت',
  colTo: 'گیرنده',
  colSubject: 'موضوع',
  colStatus: 'وضعیت',
  colAttempts: 'تلاش‌ها',
  colError: 'آخرین خطا',
  colNext: 'تلاش بعدی',
  none: '—',
  forbiddenOutbox: 'صندوق رایانامه‌های خروجی را فقط مدیر سامانه می‌بیند.',

  // Mail
  portalName: 'پرتال مردم',
  viewInPortal: 'مشاهده در پرتال',
  mailFooter: 'این رایانامه را پرتال مردم به‌طور خودکار فرستاده است؛ به آن پاسخ ندهید.',
  mailSettings: 'تغییر زمان رایانامه‌ها',
  digestSubject: (n: number) => `خلاصهٔ اعلان‌های پرتال مردم: ${toPersianDigits(n)} مورد`,
  digestLead: (n: number) => `${toPersianDigits(n)} اعلان از آخرین خلاصه برای شما رسیده است:`,
} as const

export const FREQUENCY_LABELS: Record<NotificationFrequency, { text: string; hint: string }> = {
  immediately: { text: 'بی‌درنگ', hint: 'هر اعلان همان موقع با رایانامه فرستاده می‌شود.' },
  daily: {
    text: 'خلاصهٔ روزانه',
    hint: 'اعلان‌های هر روز در یک رایانامه، ساعت ۷ صبح روز بعد.',
  },
  weekly: {
    text: 'خلاصهٔ هفتگی',
    hint: 'اعلان‌های هر هفته در یک رایانامه، شنبه‌ها ساعت ۷ صبح.',
  },
  off: { text: 'بدون رایانامه', hint: 'اعلان‌ها فقط در صندوق اعلان‌های پرتال دیده می‌شوند.' },
}

export const STATUS_LABELS: Record<MailStatus, string> = {
  held: 'در انتظار خلاصه',
  pending: 'در صف ارسال',
  sent: 'فرستاده شد',
  failed: 'ناموفق',
  digested: 'در خلاصه فرستاده می‌شود',
}
