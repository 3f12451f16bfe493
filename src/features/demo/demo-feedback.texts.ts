/**
 * The Persian words of the demo's feedback story (issue 13 item 9): rating comments, the
 * answers to «چه چیزی نادرست بود یا کم بود؟», and the reports of wrong information with their
 * answers. Invented, about no real person; contacts use the reserved example.com domain.
 */

export const POSITIVE_COMMENTS: readonly string[] = [
  'کارم زودتر از زمانی که گفته بودند انجام شد. از همکاران دفتر ممنونم.',
  'راهنمای صفحهٔ خدمت کامل بود و مدارک را درست آماده کردم؛ یک بار مراجعه بس بود.',
  'کارمند باجه با حوصله همه‌چیز را توضیح داد.',
  'پیامک‌های پیگیری به‌موقع رسید و می‌دانستم کارم در چه مرحله‌ای است.',
]

export const NEGATIVE_COMMENTS: readonly string[] = [
  'مرحلهٔ بررسی خیلی بیشتر از زمان وعده‌داده‌شده طول کشید و کسی پاسخ تلفن را نمی‌داد.',
  'دو بار حضوری رفتم، چون فهرست مدارک در صفحهٔ خدمت کامل نبود.',
  'مبلغی که گرفتند با هزینهٔ اعلام‌شده در صفحهٔ خدمت فرق داشت.',
  'نوبت‌دهی برخط کار نمی‌کرد و مجبور شدم صبح زود در صف بایستم.',
]

/**
 * A comment with a mobile number in it, as people write one: the rating action masks it before
 * storing, and so does the demo, so the stored comment shows «[شمارهٔ حذف‌شده]» in its place.
 */
export const COMMENT_WITH_MOBILE =
  'پیامک پایان کار به دستم نرسید؛ لطفاً با شمارهٔ ۰۹۱۲ ۰۰۰ ۱۲۳۴ تماس بگیرید تا مدرک را تحویل بگیرم.'

/** What «خیر» voters answered to the follow-up question, with the section they named. */
export const VOTE_FOLLOW_UPS: readonly { missing: string; section: ReportSpec['section'] }[] = [
  { missing: 'نوشته نشده برای افراد زیر ۱۸ سال چه مدرکی لازم است.', section: 'documents' },
  { missing: 'مبلغ هزینه‌ها به‌روز نیست.', section: 'fees' },
  { missing: 'ساعت کار دفتر نزدیک خانهٔ من درست نوشته نشده است.', section: 'offices' },
  { missing: 'معلوم نیست نتیجه چند روز بعد آماده می‌شود.', section: 'process' },
  { missing: 'نشانی درگاه برخط را پیدا نکردم.', section: 'channels' },
]

export type ReportSpecState = 'received' | 'accepted' | 'rejected' | 'duplicate' | 'spam' | 'fixed'

export interface ReportSpec {
  state: ReportSpecState
  /**
   * Whose service: the agency whose accounts the demo prints, another agency with staff on the
   * portal (they answer), or one without (nobody answers: its report goes overdue).
   */
  at: 'showcase' | 'answering' | 'unanswered'
  /** Which of those services (by its place in the story). */
  pick: number
  /** How long before the demo was loaded it came in (for `fixed`: before the fixing version). */
  daysAgo: number
  /** Working days the agency took to answer; null while unanswered. */
  answerAfterDays: number | null
  section:
    | 'description'
    | 'laws'
    | 'documents'
    | 'fees'
    | 'forms'
    | 'process'
    | 'offices'
    | 'channels'
  whatWrong: string
  whatRight: string | null
  contactEmail: string | null
  /** Why it was not accepted (rejected only). */
  reason: string | null
}

export const REPORT_STORY: readonly ReportSpec[] = [
  {
    state: 'received',
    at: 'showcase',
    pick: 0,
    daysAgo: 8,
    answerAfterDays: null,
    section: 'fees',
    whatWrong: 'مبلغ هزینهٔ صدور در صفحه با مبلغی که در دفتر پیشخوان گرفتند یکی نیست.',
    whatRight: 'در دفتر پیشخوان مبلغ بیشتری بابت کارمزد دفتر گرفتند که در صفحه نیامده است.',
    contactEmail: 'shahrvand.yek@example.com',
    reason: null,
  },
  {
    state: 'duplicate',
    at: 'showcase',
    pick: 0,
    daysAgo: 6,
    answerAfterDays: 1,
    section: 'fees',
    whatWrong: 'کارمزد دفتر پیشخوان در بخش هزینه‌ها نوشته نشده است.',
    whatRight: null,
    contactEmail: null,
    reason: null,
  },
  {
    state: 'received',
    at: 'showcase',
    pick: 2,
    daysAgo: 40,
    answerAfterDays: null,
    section: 'documents',
    whatWrong: 'در فهرست مدارک لازم، اصل شناسنامه آمده ولی در اداره تصویر برابر اصل هم خواستند.',
    whatRight: null,
    contactEmail: null,
    reason: null,
  },
  {
    state: 'accepted',
    at: 'showcase',
    pick: 1,
    daysAgo: 20,
    answerAfterDays: 4,
    section: 'process',
    whatWrong: 'در مراحل انجام کار، ارسال با پست آمده ولی اکنون باید خودم از دفتر تحویل بگیرم.',
    whatRight: 'تحویل حضوری در همان دفتری که درخواست ثبت شده است.',
    contactEmail: 'shahrvand.do@example.com',
    reason: null,
  },
  {
    state: 'rejected',
    at: 'answering',
    pick: 0,
    daysAgo: 50,
    answerAfterDays: 9,
    section: 'offices',
    whatWrong: 'ساعت کار ادارهٔ مرکزی در روزهای پنجشنبه درست نیست.',
    whatRight: 'پنجشنبه‌ها تعطیل است.',
    contactEmail: null,
    reason:
      'ادارهٔ مرکزی بنا بر بخشنامهٔ ساعت کار، پنجشنبه‌ها تا ساعت ۱۲ باز است؛ ساعت درج‌شده درست است.',
  },
  {
    state: 'spam',
    at: 'answering',
    pick: 1,
    daysAgo: 15,
    answerAfterDays: 1,
    section: 'description',
    whatWrong: 'برای خرید و فروش امتیاز وام با ما تماس بگیرید.',
    whatRight: null,
    contactEmail: null,
    reason: null,
  },
  {
    state: 'fixed',
    at: 'answering',
    pick: 0,
    daysAgo: 25,
    answerAfterDays: 3,
    section: 'fees',
    whatWrong: 'مبلغ هزینه‌ها مربوط به تعرفهٔ سال گذشته است.',
    whatRight: 'تعرفهٔ امسال حدود یک‌چهارم بیشتر است.',
    contactEmail: null,
    reason: null,
  },
  {
    state: 'received',
    at: 'unanswered',
    pick: 0,
    daysAgo: 35,
    answerAfterDays: null,
    section: 'channels',
    whatWrong: 'پیوند درگاه برخط در بخش راه‌های دریافت خدمت به صفحهٔ خطا می‌رود.',
    whatRight: null,
    contactEmail: 'shahrvand.se@example.com',
    reason: null,
  },
]
