import type { StepKind, TransitionKind } from '../../services/index.ts'

/** Persian texts of the process editor (`/admin/services/:id/edit/process`). */

export const STEP_KIND_LABELS: Record<StepKind, string> = {
  task: 'کار (انجام یک کار)',
  decision: 'تصمیم (پرسشی با چند پاسخ)',
}

/** Short forms for the step table. */
export const STEP_KIND_SHORT: Record<StepKind, string> = { task: 'کار', decision: 'تصمیم' }

export const TRANSITION_KIND_LABELS: Record<TransitionKind, string> = {
  normal: 'مسیر عادی',
  return: 'بازگشت برای اصلاح',
}

export const processEditorMsg = {
  sectionLabel: 'مراحل انجام کار',
  pageLead:
    'مراحل خدمت را به ترتیب بنویسید و با گذارها به هم وصل کنید. تغییرات در پیش‌نویس ذخیره می‌شود و تا انتشار، مردم آن را نمی‌بینند.',
  noSteps: 'هنوز مرحله‌ای ثبت نشده است. نخستین مرحله را با فرم زیر بیفزایید.',
  stepsCaption: 'مراحل فرایند',

  colNumber: 'ردیف',
  colTitle: 'عنوان مرحله',
  colKind: 'نوع',
  colActor: 'انجام‌دهنده',
  colTime: 'زمان',
  colNext: 'مرحلهٔ بعد',
  colAttendance: 'حضور متقاضی',
  colVariant: 'حالت ویژه',
  colActions: 'کارها',
  noTime: 'بدون زمان',
  ending: 'پایان فرایند',
  returnTo: (n: string) => `بازگشت به ${n}`,
  stepRef: (n: string, title: string) => `${n}. ${title}`,
  attendanceYes: 'لازم است',
  attendanceNo: 'لازم نیست',
  allCases: 'همه',

  edit: 'ویرایش',
  remove: 'حذف',
  up: 'بالا',
  down: 'پایین',
  moveUpOf: (title: string) => `بردن مرحلهٔ «${title}» به بالا`,
  moveDownOf: (title: string) => `بردن مرحلهٔ «${title}» به پایین`,

  chartHeading: 'نمودار فرایند',
  chartTitle: (service: string) => `مراحل ${service}`,
  chartDescription: 'نمودار مراحل خدمت، به ترتیب:',
  chartEmpty: 'نمودار پس از افزودن نخستین مرحله نمایش داده می‌شود.',
  previewNote: 'پیش‌نمایش با تغییراتی که هنوز ذخیره نشده است.',
  previewUnavailable: (error: string) => `پیش‌نمایش پس از درست کردن این مورد به‌روز می‌شود: ${error}`,
  previewFailed: 'پیش‌نمایش به‌روز نشد. فرم را همچنان می‌توانید ذخیره کنید.',
  total: (range: string, shown: string) =>
    `زمان کل مراحل (طولانی‌ترین مسیر): ${range} — در صفحهٔ خدمت: «${shown}»`,
  totalUnavailable: (n: string) =>
    `زمان کل پس از رفع ایرادهای ساختاری فرایند (${n} مورد) حساب می‌شود.`,
  mayRepeat: 'زمان مراحلی که در حلقهٔ «بازگشت برای اصلاح» هستند ممکن است تکرار شود.',
  visits: (n: string) => `مراجعهٔ حضوری متقاضی: ${n} بار`,
  mismatch: (steps: string, declared: string) =>
    `زمان کل مراحل (${steps}) با زمان اعلام‌شده در شناسنامه (${declared}) هم‌خوان نیست.`,

  problemsTitle: 'فرایند هنوز ایراد دارد',
  problemsLead: 'پیش‌نویس با این ایرادها هم ذخیره می‌شود، ولی تا رفع آن‌ها خدمت منتشرشدنی نیست.',
  problemsLink: 'ایرادهای فرایند',

  addHeading: 'افزودن مرحله',
  add: 'افزودن مرحله',
  save: 'ذخیره در پیش‌نویس',
  editHeading: 'ویرایش مرحله',
  stepCaption: (n: string) => `مرحلهٔ ${n}`,
  backToProcess: 'بازگشت به مراحل انجام کار',
  backToService: 'بازگشت به شناسنامهٔ خدمت',
  processFull: (max: string) => `بیش از ${max} مرحله نمی‌توان ثبت کرد.`,

  title: 'عنوان مرحله',
  titleHint: 'کاری که در این مرحله انجام می‌شود، مانند «بررسی مدارک»؛ برای تصمیم، پرسش آن.',
  kind: 'نوع مرحله',
  actor: 'انجام‌دهنده',
  unit: 'واحد مسئول (اختیاری)',
  unitHint: 'مانند «واحد صدور».',
  description: 'توضیح (اختیاری)',
  durationHeading: 'زمان انجام مرحله',
  durationHint:
    'کمینه و بیشینه با رقم فارسی یا لاتین، مانند ۲ و ۳. برای زمان ثابت فقط یکی را بنویسید. تصمیم می‌تواند زمان نداشته باشد.',
  durationMin: 'کمینه',
  durationMax: 'بیشینه',
  durationUnit: 'واحد',
  channel: 'شیوهٔ انجام (اختیاری)',
  attendance: 'حضور متقاضی',
  requiresAttendance: 'متقاضی باید در این مرحله حضوری مراجعه کند',
  documents: 'مدارکی که در این مرحله به کار می‌رود',
  documentsNone: 'شناسنامه هنوز مدرکی ندارد.',
  documentMissing: (name: string) => `${name} (دیگر در فهرست مدارک شناسنامه نیست)`,
  fees: 'هزینه‌هایی که در این مرحله پرداخت می‌شود',
  feesNone: 'شناسنامه هنوز هزینه‌ای ندارد.',
  feeMissing: (name: string) => `${name} (دیگر در فهرست هزینه‌های شناسنامه نیست)`,
  legalBasis: 'مبنای قانونی (اختیاری)',
  legalBasisHint: 'از قوانین ثبت‌شده در بخش «قوانین و مقررات» شناسنامه.',
  noneChosen: 'هیچ‌کدام',
  variant: 'حالت ویژه',
  variantHint: 'اگر این مرحله فقط در یک حالت ویژه انجام می‌شود، آن را انتخاب کنید.',
  after: 'پس از کدام مرحله؟',
  afterHint: 'یک گذار عادی از آن مرحله به مرحلهٔ تازه ساخته می‌شود.',
  afterNone: 'بدون گذار (بعداً وصل می‌کنم)',
  chooseOne: 'انتخاب کنید',
  lawRemoved: 'قانون حذف‌شده',

  transitionsHeading: 'گذارهای خروجی این مرحله',
  transitionsLead:
    'پس از این مرحله، فرایند به کدام مرحله می‌رود؟ برای تصمیم، شرط هر شاخه را بنویسید.',
  transitionsNone: 'این مرحله هنوز گذار خروجی ندارد؛ یعنی فرایند پس از آن پایان می‌یابد.',
  transitionsCaption: 'گذارهای خروجی',
  incomingHeading: 'از این مراحل به این مرحله می‌رسیم',
  incomingNone: 'هیچ مرحله‌ای به این مرحله نمی‌رسد؛ پس این مرحله آغاز فرایند است.',
  colTarget: 'مرحلهٔ مقصد',
  colCondition: 'شرط',
  colTransitionKind: 'نوع گذار',
  noCondition: 'بی‌شرط',
  addTransitionHeading: 'افزودن گذار',
  addTransition: 'افزودن گذار',
  transitionTo: 'مرحلهٔ مقصد',
  transitionLabel: 'شرط (برای تصمیم)',
  transitionLabelHint: 'مانند «مدارک کامل است». برای گذار بازگشت، علت بازگشت.',
  transitionKind: 'نوع گذار',
  removeTransitionOf: (target: string) => `گذار به «${target}»`,

  variantsHeading: 'حالت‌های ویژه',
  variantsLead:
    'حالتی که مسیر جداگانه دارد، مانند «اتباع خارجی». مراحل ویژهٔ هر حالت را در صفحهٔ مرحله به آن نسبت دهید.',
  variantsNone: 'حالت ویژه‌ای تعریف نشده است.',
  variantLabel: 'نام حالت ویژه',
  addVariant: 'افزودن حالت ویژه',
  variantUsed: (n: string) => `${n} مرحله`,

  importHeading: 'بارگذاری فرایند از فایل BPMN',
  importLead:
    'فرایندی را که در ابزارهای مدل‌سازی (مانند Camunda یا bpmn.io) کشیده‌اید بارگذاری کنید؛ جایگزین مراحل کنونی پیش‌نویس می‌شود.',
  importLabel: 'فایل BPMN 2.0',
  importButton: 'بارگذاری و جایگزینی فرایند',
  importMissing: 'یک فایل BPMN انتخاب کنید.',
  importTooLarge: 'حجم فایل BPMN نباید بیش از ۱ مگابایت باشد.',
  importInvalid: (why: string) => `فرایند این فایل پذیرفتنی نیست: ${why}`,
  importDone: (steps: string) => `فرایند از فایل بارگذاری شد: ${steps} مرحله.`,
  importUnmapped: (items: string) => ` این موارد نگاشت نشد: ${items}`,
  done: {
    added: 'مرحلهٔ تازه افزوده شد.',
    saved: 'مرحله در پیش‌نویس ذخیره شد.',
    removed: 'مرحله و گذارهای آن حذف شد.',
    moved: 'ترتیب مراحل تغییر کرد.',
    'transition-added': 'گذار افزوده شد.',
    'transition-removed': 'گذار حذف شد.',
    'variant-added': 'حالت ویژه افزوده شد.',
    'variant-removed': 'حالت ویژه حذف شد و مراحل آن برای همهٔ حالت‌ها شد.',
  },

  stepNotFound: 'این مرحله در پیش‌نویس پیدا نشد؛ شاید کس دیگری آن را حذف کرده است.',
  previewOnlyScript: 'این نشانی فقط برای پیش‌نمایش زنده است.',

  // Field errors
  titleRequired: 'عنوان مرحله را وارد کنید.',
  titleTooLong: 'عنوان مرحله نباید بیش از ۲۰۰ نویسه باشد.',
  kindRequired: 'نوع مرحله (کار یا تصمیم) را انتخاب کنید.',
  actorRequired: 'انجام‌دهندهٔ مرحله را انتخاب کنید.',
  unitTooLong: 'نام واحد مسئول نباید بیش از ۲۰۰ نویسه باشد.',
  descriptionTooLong: 'توضیح نباید بیش از ۲۰۰۰ نویسه باشد.',
  numberInvalid: 'زمان را با عدد بنویسید، از ۰ تا ۱۰۰٬۰۰۰، مانند ۳ یا ۱٫۵.',
  durationOrder: 'کمینهٔ زمان نباید از بیشینه بیشتر باشد.',
  durationUnitRequired: 'واحد زمان مرحله را انتخاب کنید.',
  durationUnitWithoutNumber: 'واحد را انتخاب کرده‌اید؛ کمینه یا بیشینهٔ زمان را هم بنویسید.',
  choiceInvalid: 'یکی از گزینه‌های فهرست را انتخاب کنید.',
  documentUnknown: 'مدرک انتخاب‌شده در فهرست مدارک شناسنامه نیست.',
  feeUnknown: 'هزینهٔ انتخاب‌شده در فهرست هزینه‌های شناسنامه نیست.',
  legalBasisUnknown: 'مبنای قانونی را از قوانین ثبت‌شده در شناسنامه انتخاب کنید.',
  variantUnknown: 'این حالت ویژه تعریف نشده است.',
  afterUnknown: 'مرحلهٔ پیشین را از فهرست انتخاب کنید.',
  targetRequired: 'مرحلهٔ مقصد را انتخاب کنید.',
  targetSelf: 'مرحله نمی‌تواند به خودش برود.',
  transitionKindRequired: 'نوع گذار را انتخاب کنید.',
  transitionLabelTooLong: 'شرط نباید بیش از ۲۰۰ نویسه باشد.',
  transitionDuplicate: 'این گذار پیش‌تر ثبت شده است.',
  transitionsFull: 'بیش از ۶۰۰ گذار نمی‌توان ثبت کرد.',
  variantLabelRequired: 'نام حالت ویژه را وارد کنید.',
  variantLabelTooLong: 'نام حالت ویژه نباید بیش از ۲۰۰ نویسه باشد.',
  variantDuplicate: 'حالت ویژه‌ای با همین نام هست.',
  variantsFull: 'بیش از ۲۰ حالت ویژه نمی‌توان ثبت کرد.',
} as const

/** The publishing check's message (service.quality.ts): the first structural problem. */
export function processQualityMessage(firstProblem: string): string {
  return `فرایند خدمت ایراد دارد: ${firstProblem}`
}
