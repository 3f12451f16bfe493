import type { ChannelKind, ServiceStage, SignInMethod, StageMode } from '../services/index.ts'
import type { MaturityLevel } from './maturity.model.ts'

/** Persian strings of the channels feature. */
export const channelsMsg = {
  sectionLabel: 'راه‌های دسترسی',
  sectionLead:
    'راه‌هایی که مردم از آن‌ها به این خدمت می‌رسند (خدمت الکترونیکی، صفحهٔ وب، تلفن، برنامهٔ همراه، کد پیامکی، دفاتر پیشخوان) و اینکه هر مرحلهٔ خدمت الکترونیکی است یا حضوری.',
  channelsHeading: 'راه‌های دسترسی این خدمت',
  noChannels: 'هنوز راه دسترسی‌ای ثبت نشده است.',
  addHeading: 'افزودن راه دسترسی',
  editHeading: 'ویرایش راه دسترسی',
  add: 'افزودن',
  save: 'ذخیره',
  remove: 'حذف',
  edit: 'ویرایش',
  back: 'بازگشت به راه‌های دسترسی',
  backToOverview: 'بازگشت به نمای کلی خدمت',
  caption: 'راه‌های دسترسی',
  colTitle: 'عنوان',
  colKind: 'نوع',
  colWhere: 'نشانی، تلفن یا کد',
  colActions: 'کارها',
  kind: 'نوع راه دسترسی',
  title: 'عنوان',
  titleHint: 'مثلاً «سامانهٔ ثبت درخواست» یا «مرکز تماس ۱۱۱».',
  url: 'نشانی وب',
  urlHint: 'برای خدمت الکترونیکی، صفحهٔ وب و برنامهٔ همراه (صفحهٔ دریافت برنامه) لازم است.',
  phone: 'شمارهٔ تلفن',
  phoneHint: 'برای راه تلفنی لازم است، با پیش‌شماره.',
  code: 'کد پیامکی یا دستوری',
  codeHint: 'برای پیامک یا کد دستوری لازم است، مانند *4000#.',
  signIn: 'ورود به سامانه',
  signInHint: 'فقط برای خدمت الکترونیکی و برنامهٔ همراه.',
  signature: 'امضای الکترونیکی',
  signatureLabel: 'برای انجام خدمت امضای الکترونیکی لازم است',
  note: 'توضیح',
  kindRequired: 'نوع راه دسترسی را انتخاب کنید.',
  signInInvalid: 'روش ورود را از فهرست انتخاب کنید.',
  modeInvalid: 'برای هر مرحله «الکترونیکی»، «حضوری» یا «اعلام‌نشده» را انتخاب کنید.',
  channelsFull: 'این خدمت بیشترین تعداد راه دسترسی را دارد؛ پیش از افزودن، یکی را حذف کنید.',
  channelNotFound: 'این راه دسترسی در پیش‌نویس نیست؛ شاید کسی دیگر آن را حذف کرده است.',
  channelInUse: (stages: string) =>
    `این راه دسترسی در جدول مراحل (${stages}) آمده است و مرحلهٔ الکترونیکی بدون آن راه الکترونیکی دیگری ندارد. نخست جدول مراحل را تغییر دهید.`,
  stagesHeading: 'مراحل الکترونیکی و حضوری',
  stagesLead:
    'برای هر مرحله بگویید الکترونیکی است یا حضوری، و از کدام راه‌های دسترسی انجام می‌شود. مرحلهٔ الکترونیکی دست‌کم یک راه الکترونیکی (خدمت الکترونیکی، صفحهٔ وب، برنامهٔ همراه یا کد پیامکی) لازم دارد.',
  stagesSave: 'ذخیرهٔ جدول مراحل',
  modeUnstated: 'اعلام‌نشده',
  via: 'از راه',
  noChannelsToPick: 'نخست راه دسترسی‌ای بیفزایید.',
  problemUnknown: (stage: string, id: string) =>
    `مرحلهٔ «${stage}» به راه دسترسی‌ای اشاره می‌کند که در این خدمت نیست (${id}).`,
  problemNoElectronic: (stage: string) =>
    `مرحلهٔ «${stage}» الکترونیکی است؛ دست‌کم یک راه دسترسی الکترونیکی برای آن انتخاب کنید.`,
  problemWithoutMode: (stage: string) =>
    `برای مرحلهٔ «${stage}» راه دسترسی انتخاب شده است؛ بگویید الکترونیکی است یا حضوری.`,
  channelsChanged: 'تغییر راه‌های دسترسی',
  done: {
    added: 'راه دسترسی افزوده شد.',
    saved: 'راه دسترسی ذخیره شد.',
    removed: 'راه دسترسی حذف شد.',
    stages: 'جدول مراحل ذخیره شد.',
  },
  overviewMaturity: (level: string) => `سطح بلوغ الکترونیکی: ${level} از ۵`,
  // Public page
  onlineHeading: 'انجام خدمت به صورت برخط',
  onlineStart: 'شروع خدمت برخط',
  onlineSignIn: 'ورود:',
  onlineNoSignIn: 'برای این خدمت ورود به سامانه لازم نیست.',
  onlineSignature: 'برای انجام این خدمت امضای الکترونیکی لازم است.',
  onlineNoSignature: 'امضای الکترونیکی لازم نیست.',
  publicChannelsHeading: 'راه‌های دسترسی به خدمت',
  matrixCaption: 'هر مرحلهٔ خدمت چگونه انجام می‌شود',
  colStage: 'مرحله',
  colMode: 'شیوه',
  colVia: 'از راه',
  maturityBadge: (level: string) => `سطح بلوغ الکترونیکی: ${level} از ۵`,
  maturityHelpLink: 'سطح بلوغ چیست؟',
  helpTitle: 'سطح بلوغ خدمت الکترونیکی',
} as const

export const MATURITY_LABELS: Record<MaturityLevel, string> = {
  1: 'اطلاع‌رسانی',
  2: 'تعامل یک‌سویه',
  3: 'تعامل دوسویه',
  4: 'تراکنش',
  5: 'الکترونیکی کامل',
}

export const MATURITY_DESCRIPTIONS: Record<MaturityLevel, string> = {
  1: 'شرح خدمت، مدارک، هزینه و راه‌های دسترسی در این درگاه آمده است، اما درخواست به‌صورت الکترونیکی ثبت نمی‌شود و فرمی برای دریافت نیست.',
  2: 'افزون بر اطلاعات، فرم‌های خدمت را می‌توان از این درگاه دریافت کرد؛ ولی درخواست هنوز حضوری یا کاغذی است.',
  3: 'مرحلهٔ «درخواست» الکترونیکی است: درخواست از راه یک خدمت الکترونیکی، برنامهٔ همراه، صفحهٔ وب یا کد پیامکی ثبت می‌شود؛ رسیدگی حضوری است.',
  4: 'مرحله‌های «درخواست» و «پردازش» الکترونیکی‌اند: پیگیری، پرداخت و پاسخ برخط است؛ فقط تحویل نتیجه (یا اطلاع‌رسانی) هنوز الکترونیکی نیست.',
  5: 'هر چهار مرحله — اطلاع‌رسانی، درخواست، پردازش و تحویل — الکترونیکی است و در هیچ مرحله‌ای مراجعهٔ حضوری لازم نیست.',
}

export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  e_service: 'خدمت الکترونیکی',
  web_page: 'صفحهٔ وب',
  phone: 'تلفن',
  mobile_app: 'برنامهٔ همراه',
  sms_ussd: 'پیامک یا کد دستوری',
  counter_office: 'دفاتر پیشخوان دولت',
}

export const SIGN_IN_LABELS: Record<SignInMethod, string> = {
  none: 'بدون نیاز به ورود',
  national_sso: 'ورود یکپارچه (پنجرهٔ ملی خدمات دولت هوشمند)',
  mobile_otp: 'کد ملی و رمز یک‌بارمصرف پیامکی',
  agency_account: 'حساب کاربری همین سامانه',
  smart_card: 'کارت هوشمند ملی',
}

export const STAGE_LABELS: Record<ServiceStage, string> = {
  information: 'اطلاع‌رسانی',
  request: 'درخواست',
  processing: 'پردازش',
  delivery: 'تحویل',
}

export const STAGE_MODE_LABELS: Record<StageMode, string> = {
  electronic: 'الکترونیکی',
  in_person: 'حضوری',
}
