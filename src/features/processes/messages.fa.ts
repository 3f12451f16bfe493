import type { StepActor, StepChannel, StepTimeUnit } from '../services/index.ts'

export const ACTOR_LABELS: Record<StepActor, string> = {
  citizen: 'متقاضی',
  agency: 'دستگاه',
  other_agency: 'دستگاه دیگر',
  system: 'سامانه',
}

export const STEP_UNIT_LABELS: Record<StepTimeUnit, string> = {
  minute: 'دقیقه',
  hour: 'ساعت',
  working_day: 'روز کاری',
  calendar_day: 'روز',
}

export const CHANNEL_LABELS: Record<StepChannel, string> = {
  in_person: 'مراجعهٔ حضوری',
  online: 'برخط (اینترنتی)',
  phone: 'تلفن',
  mail: 'پست',
  counter_office: 'دفتر پیشخوان',
  internal: 'درون‌سازمانی',
}

export const rules = {
  duplicateId: (id: string) => `شناسهٔ مرحلهٔ «${id}» تکراری است.`,
  unknownStep: (id: string) => `گذار به مرحلهٔ ناموجود «${id}» اشاره می‌کند.`,
  selfLoop: (title: string) => `مرحلهٔ «${title}» نمی‌تواند به خودش برود.`,
  noStart: 'مرحلهٔ آغاز پیدا نشد: هر مرحله از مرحلهٔ دیگری می‌آید، پس گذارها حلقه ساخته‌اند.',
  manyStarts: (titles: string) =>
    `فرایند باید فقط یک مرحلهٔ آغاز داشته باشد؛ این مراحل ورودی ندارند: ${titles}.`,
  unreachable: (title: string) => `مرحلهٔ «${title}» از آغاز فرایند دست‌یافتنی نیست.`,
  noEnd: (title: string) => `از مرحلهٔ «${title}» راهی به پایان فرایند نیست.`,
  cycle: (titles: string) =>
    `گذارهای عادی حلقه ساخته‌اند (${titles}). بازگشت به مرحلهٔ پیشین را با گذار «بازگشت برای اصلاح» نشان دهید.`,
  decisionBranches: (title: string) => `تصمیم «${title}» باید دست‌کم دو گذار خروجی داشته باشد.`,
  decisionLabels: (title: string) =>
    `همهٔ گذارهای خروجی تصمیم «${title}» باید شرط (برچسب) داشته باشند.`,
  taskBranches: (title: string) =>
    `مرحلهٔ «${title}» بیش از یک گذار خروجی دارد؛ برای انشعاب از یک مرحلهٔ تصمیم استفاده کنید.`,
  returnForward: (from: string, to: string) =>
    `گذار بازگشت از «${from}» باید به مرحله‌ای پیش از آن برگردد، نه به «${to}».`,
  durationMissing: (title: string) => `زمان مرحلهٔ «${title}» را وارد کنید.`,
  durationOrder: (title: string) => `در مرحلهٔ «${title}» کمینهٔ زمان از بیشینه بیشتر است.`,
  unknownVariant: (title: string) => `حالت ویژهٔ مرحلهٔ «${title}» تعریف نشده است.`,
} as const

/** Why publishing is refused when the steps take longer than the card promises (R14). */
export function totalExceedsDeclaredMessage(total: string, declared: string): string {
  return `زمان کل مراحل فرایند (${total}) از زمان کل اعلام‌شده در شناسنامه (${declared}) بیشتر است. پیش از انتشار، زمان اعلام‌شده را در همین پیش‌نویس به‌روز کنید یا زمان مراحل را اصلاح کنید.`
}
