/**
 * Persian texts of the BPMN import: the notes in `unmapped` (what a modelling tool's file had
 * that the portal's process cannot hold, or had to guess) and the errors of unreadable files.
 * Each names the element's kind in Persian with its BPMN name in parentheses, so an editor and
 * a BPMN specialist both recognise it: «دروازهٔ موازی (parallelGateway) «تقسیم کار»».
 */

import { toPersianDigits } from '../../../lib/fa/digits.ts'

/** Persian names of BPMN element types (by their local name). */
export const BPMN_TYPE_LABELS: Record<string, string> = {
  task: 'کار',
  userTask: 'کار کاربری',
  manualTask: 'کار دستی',
  serviceTask: 'کار سامانه‌ای',
  scriptTask: 'کار اسکریپتی',
  businessRuleTask: 'کار قاعدهٔ کسب‌وکار',
  sendTask: 'کار ارسال',
  receiveTask: 'کار دریافت',
  subProcess: 'زیرفرایند',
  adHocSubProcess: 'زیرفرایند موردی',
  transaction: 'تراکنش',
  callActivity: 'فراخوانی فرایند',
  exclusiveGateway: 'دروازهٔ انحصاری',
  inclusiveGateway: 'دروازهٔ فراگیر',
  parallelGateway: 'دروازهٔ موازی',
  eventBasedGateway: 'دروازهٔ رویدادمحور',
  complexGateway: 'دروازهٔ پیچیده',
  startEvent: 'رویداد آغاز',
  endEvent: 'رویداد پایان',
  intermediateCatchEvent: 'رویداد میانی (دریافت)',
  intermediateThrowEvent: 'رویداد میانی (ارسال)',
  boundaryEvent: 'رویداد مرزی',
  dataObject: 'شیء داده',
  dataObjectReference: 'شیء داده',
  dataStoreReference: 'انبارهٔ داده',
  textAnnotation: 'یادداشت',
  group: 'گروه',
  lane: 'مسیر',
  participant: 'استخر',
  messageFlow: 'جریان پیام',
  process: 'فرایند',
  sequenceFlow: 'گذار',
  messageEventDefinition: 'پیام',
  timerEventDefinition: 'زمان‌سنج',
  signalEventDefinition: 'سیگنال',
  errorEventDefinition: 'خطا',
  escalationEventDefinition: 'تشدید',
  conditionalEventDefinition: 'شرطی',
  compensateEventDefinition: 'جبران',
  cancelEventDefinition: 'لغو',
  linkEventDefinition: 'پیوند',
  terminateEventDefinition: 'پایان فوری',
  standardLoopCharacteristics: 'تکرار',
  multiInstanceLoopCharacteristics: 'چندنمونه‌ای',
}

/** «دروازهٔ موازی (parallelGateway) «تقسیم کار»», or without the name when it has none. */
export function bpmnElementText(type: string, name: string | null | undefined): string {
  const local = type.includes(':') ? type.slice(type.indexOf(':') + 1) : type
  const local0 = local.charAt(0).toLowerCase() + local.slice(1)
  const label = BPMN_TYPE_LABELS[local0] ?? 'عنصر'
  const n = name?.trim()
  return `${label} (${local0})${n ? ` «${n}»` : ''}`
}

const list = (titles: string[]) => titles.map((t) => `«${t}»`).join('، ')

export const importMessages = {
  unreadable: 'پروندهٔ BPMN خوانده نشد.',
  notXml: (detail: string) => `پرونده XML درست نیست: ${detail}`,
  notBpmn: 'این پرونده یک سند BPMN 2.0 نیست (ریشهٔ آن definitions نیست).',
  noProcess: 'در این پرونده فرایندی (process) نیست.',
  tooLarge: (max: number) =>
    `فرایند این پرونده بیش از ${toPersianDigits(max)} عنصر دارد و وارد نمی‌شود.`,
  untitledStep: 'مرحلهٔ بی‌نام',
  defaultFlowLabel: 'در غیر این صورت',

  bridged: (element: string) => `${element} وارد نشد؛ گذارهای دو سوی آن مستقیم به هم وصل شدند.`,
  skipped: (element: string) => `${element} وارد نشد.`,
  collapsed: (element: string, inner: number) =>
    `${element} یک مرحله شد${inner > 0 ? ` و ${toPersianDigits(inner)} عنصر درون آن وارد نشد` : ''}.`,
  inclusive: (element: string) =>
    `${element} یک تصمیم شد؛ در پرتال از تصمیم فقط یک شاخه گذر می‌کند.`,
  eventKind: (element: string, kinds: string) =>
    `${element} از نوع ${kinds} بود؛ در پرتال آغاز و پایان نوع ندارند و این نوع نگه‌داری نشد.`,
  loop: (element: string, kind: string) => `${element}: ${kind} مرحله نگه‌داری نشد.`,
  otherProcess: (element: string) =>
    `${element} وارد نشد؛ از هر پرونده فقط بزرگ‌ترین فرایند وارد می‌شود.`,
  lane: (element: string) =>
    `${element}: نام آن با انجام‌دهنده‌های پرتال (متقاضی، دستگاه، دستگاه دیگر، سامانه) یکی نیست و وارد نشد.`,
  missingDetails: (titles: string[]) =>
    `زمان و انجام‌دهندهٔ این مراحل در پرونده نبود: ${list(titles)}. انجام‌دهنده از مسیر (lane) یا نوع کار برداشت شد و در غیر این صورت «دستگاه» فرض شد؛ زمان را وارد کنید.`,
  returnGuessed: (from: string, to: string) =>
    `گذار از «${from}» به «${to}» حلقه می‌ساخت و «بازگشت برای اصلاح» در نظر گرفته شد.`,
  readWarning: (detail: string) => `بخشی از پرونده خوانده نشد: ${detail}`,
} as const

/** Messages of the export and import routes (`api.routes.ts`). */
export const routeMessages = {
  noProcess: 'برای این خدمت هنوز مراحلی ثبت نشده است.',
  doesNotFit: 'فرایند این پرونده با قواعد پرتال جور نیست (شمار مراحل، شناسه‌ها یا طول متن‌ها).',
} as const
