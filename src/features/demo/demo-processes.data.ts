/**
 * Demo data for the processes (فرایند خدمت): a realistic workflow for every version of every
 * demo service, so the process graphs, timings and revision diffs have something real to show.
 *
 * A process is not written by hand for each of the 325 services. It is assembled from a handful
 * of Persian process patterns (an in-person application at a counter, an online application, an
 * instant online inquiry or payment, a licence with a site inspection and a committee, a benefit
 * with an eligibility check, a complaint, a utility connection, an emergency call, a
 * government-to-government connection…) chosen and adapted per service from its card:
 *
 * - the documents to bring appear (by name) at the submission step, the documents obtainable by
 *   inquiry at an inquiry step of their issuer, and the fees (by description) where they are paid;
 * - the first legal basis is cited at the decisive step;
 * - the citizen's attendance steps on the longest path equal the card's number of in-person visits;
 * - one «main» step per process absorbs the rest of the card's declared time, so the critical
 *   path always fits the declared time (checked with processTiming and timingMismatch);
 * - later versions follow the card's changes: a document dropped for an online inquiry becomes an
 *   inquiry step and shortens the submission, a shorter declared time makes the main step faster,
 *   fewer visits turn an in-person step into an online or postal one.
 *
 * Everything is deterministic: the only "random" choices come from a hash of the service key.
 */

import { processTiming, timingMismatch } from '../processes/index.ts'
import type {
  DeclaredTime,
  ProcessStep,
  ProcessVariant,
  ServiceProcess,
  StepActor,
  StepChannel,
  StepDuration,
  StepTimeUnit,
  Transition,
} from '../services/index.ts'
import { DEMO_AGENCIES, type DemoAgency } from './demo-agencies.data.ts'
import type { DemoService, DemoServiceVersion } from './demo-services.data.ts'

type Content = DemoServiceVersion['content']

// ---------------------------------------------------------------------------
// Reading the card
// ---------------------------------------------------------------------------

/** How the request is lodged, recognised from the channel sentence of the card's description. */
type Via =
  | 'online'
  | 'pishkhan'
  | 'police10'
  | 'judicial'
  | 'office'
  | 'notary'
  | 'post'
  | 'system'
  | 'g2g'
  | 'app'

const VIA_MARKERS: ReadonlyArray<readonly [Via, string]> = [
  ['online', 'درخواست به‌صورت برخط در درگاه الکترونیکی دستگاه'],
  ['pishkhan', 'پرداخت هزینه در دفاتر پیشخوان خدمات دولت'],
  ['police10', 'دفاتر خدمات الکترونیک انتظامی (پلیس +۱۰)'],
  ['judicial', 'دفاتر خدمات الکترونیک قضایی یا با حساب کاربری سامانه ثنا'],
  ['office', 'به نزدیک‌ترین اداره یا شعبه دستگاه مراجعه می‌کند'],
  ['notary', 'در دفاتر اسناد رسمی ثبت می‌شود و نتیجه از طریق پیامک'],
  ['post', 'در واحدهای پستی یا دفاتر پیشخوان پست ثبت'],
  ['system', 'این خدمت بدون نیاز به درخواست'],
  ['g2g', 'دستگاه متقاضی پس از عقد تفاهم‌نامه'],
  ['app', 'درخواست با برنامه همراه یا درگاه برخط دستگاه'],
]

/** The channel sentence comes after the service-specific text, so the last marker found wins. */
function viaOf(description: string): Via {
  let best: Via = 'online'
  let at = -1
  for (const [via, marker] of VIA_MARKERS) {
    const i = description.lastIndexOf(marker)
    if (i > at) {
      at = i
      best = via
    }
  }
  return best
}

/** Channels where the request is lodged at a counter. */
const COUNTER_VIAS: ReadonlySet<Via> = new Set([
  'pishkhan',
  'police10',
  'judicial',
  'office',
  'notary',
  'post',
])

function hash32(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

// ---------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------

const HOURS_PER: Record<StepTimeUnit, number> = {
  minute: 1 / 60,
  hour: 1,
  working_day: 24 * (7 / 5),
  calendar_day: 24,
}

/** The card's declared time as elapsed hours, with how step times should be expressed. */
interface Budget {
  maxH: number
  minH: number
  fixed: boolean
  between: boolean
  /** Days are working days unless the card counts calendar days, weeks or months. */
  dayUnit: 'working_day' | 'calendar_day'
  /** The unit the main step is written in first. */
  primary: StepTimeUnit
  /** A fixed time of a day or more: the other steps must take only minutes. */
  tight: boolean
  maxMinutes: number
}

function budgetOf(t: DeclaredTime | null): Budget {
  const d: DeclaredTime = t ?? { kind: 'up_to', max: 10, unit: 'working_day' }
  const per = {
    minute: 1 / 60,
    hour: 1,
    working_day: HOURS_PER.working_day,
    calendar_day: 24,
    week: 24 * 7,
    month: 24 * 30,
  }[d.unit]
  const maxH = (d.kind === 'fixed' ? d.value : d.max) * per
  const minH = d.kind === 'fixed' ? d.value * per : d.kind === 'between' ? d.min * per : 0
  const dayUnit = d.unit === 'working_day' ? 'working_day' : 'calendar_day'
  const primary: StepTimeUnit =
    d.unit === 'minute' ? 'minute' : d.unit === 'hour' ? 'hour' : dayUnit
  return {
    maxH,
    minH,
    fixed: d.kind === 'fixed',
    between: d.kind === 'between',
    dayUnit,
    primary,
    tight: d.kind === 'fixed' && maxH >= 8,
    maxMinutes: maxH * 60,
  }
}

const dur = (min: number, max: number, unit: StepTimeUnit): StepDuration => ({ min, max, unit })

/** A short step in minutes, scaled down for services that take only minutes in all. */
function quick(b: Budget, lo: number, hi: number): StepDuration {
  if (b.tight) {
    // Only about twenty minutes are left around the one day of the main step.
    const m = Math.max(1, Math.min(5, Math.round(lo / 3)))
    return dur(m, m, 'minute')
  }
  const scale = b.maxMinutes < 120 ? b.maxMinutes / 120 : 1
  let mx = Math.round(hi * scale)
  let mn = Math.round(lo * scale)
  if (b.maxMinutes >= 5 && mx < 1) mx = 1
  if (b.fixed) mn = mx
  mn = Math.min(mn, mx)
  return dur(mn, mx, 'minute')
}

function roundTo5(n: number): number {
  return n > 10 ? Math.floor(n / 5) * 5 : n
}

/** A share of the declared time, written in a natural unit; `capH` bounds it in hours. */
function span(b: Budget, frac: number, capH = Number.POSITIVE_INFINITY): StepDuration {
  if (b.tight) return dur(3, 3, 'minute')
  const hi = Math.min(frac * b.maxH, capH)
  const share = b.fixed ? hi : b.between ? Math.min(frac * b.minH, hi) : hi * 0.35
  const lo = frac * b.maxH > capH && !b.fixed ? Math.min(share, hi * 0.5) : share
  const clamp = (x: number, mx: number) => (b.fixed ? mx : Math.max(0, Math.min(mx, x)))
  if (b.dayUnit === 'working_day' && hi >= HOURS_PER.working_day) {
    const mx = Math.floor(hi / HOURS_PER.working_day)
    return dur(clamp(Math.max(1, Math.round(lo / HOURS_PER.working_day)), mx), mx, 'working_day')
  }
  if (b.dayUnit === 'calendar_day' && hi >= 24) {
    const mx = Math.floor(hi / 24)
    return dur(clamp(Math.max(1, Math.round(lo / 24)), mx), mx, 'calendar_day')
  }
  // «۹ تا ۲۵ ساعت» reads badly: most of a day is a day.
  if (hi >= 16 && !b.fixed) return dur(1, 1, b.dayUnit)
  if (hi >= 2) {
    const mx = Math.floor(hi)
    return dur(clamp(Math.max(1, Math.round(lo)), mx), mx, 'hour')
  }
  const mx = Math.max(b.maxMinutes >= 5 ? 1 : 0, roundTo5(Math.floor(hi * 60)))
  return dur(clamp(roundTo5(Math.round(lo * 60)), mx), mx, 'minute')
}

// ---------------------------------------------------------------------------
// Agencies: who does what, and where
// ---------------------------------------------------------------------------

interface Profile {
  /** Where a citizen goes in person. */
  office: string
  reception: string
  expert: string
  inspector: string
  issue: string
  /** The board that hears cases: medical commissions, dispute boards. */
  commission: string
  /** The committee that approves licences. */
  licensing: string
  portal: string
  app: string
  /** The agency's own name, for other agencies' steps. */
  name: string
}

const agencyByKey = new Map(DEMO_AGENCIES.map((a) => [a.key, a]))

/** The head organisation of a provincial or city office. */
function headOf(a: DemoAgency): DemoAgency {
  let at = a
  while (at.level !== 'ministry' && at.level !== 'organisation' && at.parentKey) {
    const parent = agencyByKey.get(at.parentKey)
    if (!parent) break
    at = parent
  }
  return at
}

type ProfileParts = Partial<Profile>

const UTILITY: ProfileParts = {
  office: 'دفتر امور مشترکین',
  reception: 'واحد خدمات مشترکین',
  expert: 'کارشناس فروش و خدمات مشترکین',
  inspector: 'مأمور فنی بازدید',
  issue: 'واحد اجرای انشعابات',
}

const PROFILES: Record<string, ProfileParts> = {
  'sabt-ahval': {
    office: 'اداره ثبت احوال محل سکونت',
    reception: 'واحد پذیرش ثبت احوال',
    expert: 'کارشناس امور سجلی',
    issue: 'واحد صدور اسناد هویتی',
    commission: 'هیئت حل اختلاف ثبت احوال',
    portal: 'سامانه خدمات الکترونیک ثبت احوال',
  },
  imo: {
    office: 'دفتر خدمات الکترونیک شهر',
    reception: 'دفتر خدمات الکترونیک شهر',
    expert: 'کارشناس شهرسازی منطقه',
    inspector: 'کارشناس فنی بازدید شهرداری',
    issue: 'معاونت شهرسازی و معماری منطقه',
    commission: 'کمیسیون ماده ۱۰۰',
    licensing: 'کمیته فنی شهرسازی منطقه',
    portal: 'سامانه شهرسازی الکترونیک شهرداری',
    app: 'برنامه همراه خدمات شهری',
  },
  tax: {
    office: 'اداره امور مالیاتی محل',
    reception: 'واحد پذیرش اداره امور مالیاتی',
    expert: 'ممیز کل مالیاتی',
    issue: 'اداره امور مالیاتی',
    commission: 'هیئت حل اختلاف مالیاتی',
    portal: 'درگاه ملی خدمات الکترونیک مالیاتی',
  },
  customs: {
    office: 'گمرک اجراکننده',
    reception: 'سالن ارزیابی گمرک',
    expert: 'کارشناس ارزیابی گمرک',
    inspector: 'ارزیاب گمرک',
    issue: 'گمرک اجراکننده',
    commission: 'کمیسیون رسیدگی به اختلافات گمرکی',
    licensing: 'کمیسیون صدور پروانه حق‌العمل‌کاری',
    portal: 'سامانه جامع امور گمرکی',
  },
  tamin: {
    office: 'شعبه تأمین اجتماعی محل',
    reception: 'واحد پذیرش شعبه',
    expert: 'کارشناس امور بیمه‌شدگان',
    inspector: 'بازرس تأمین اجتماعی',
    issue: 'واحد مستمری‌های شعبه',
    commission: 'کمیسیون پزشکی استان',
    licensing: 'کمیته بررسی و صدور مجوز',
    portal: 'سامانه خدمات غیرحضوری تأمین اجتماعی',
    app: 'برنامه همراه تأمین من',
  },
  behzisti: {
    office: 'اداره بهزیستی شهرستان',
    reception: 'واحد پذیرش و مددکاری',
    expert: 'مددکار اجتماعی',
    inspector: 'کارشناس نظارت بهزیستی',
    issue: 'معاونت توانبخشی',
    commission: 'کمیسیون پزشکی بهزیستی',
    licensing: 'کمیسیون صدور مجوز مراکز بهزیستی',
    portal: 'سامانه خدمات الکترونیک بهزیستی',
  },
  emdad: {
    office: 'کمیته امداد شهرستان',
    reception: 'واحد پذیرش و مددکاری',
    expert: 'مددکار اجتماعی',
    inspector: 'مددکار اجتماعی',
    issue: 'معاونت حمایت و سلامت خانواده',
    commission: 'شورای مددکاری',
    portal: 'سامانه خدمات الکترونیک کمیته امداد',
  },
  mohme: {
    office: 'معاونت درمان دانشگاه علوم پزشکی',
    reception: 'دبیرخانه معاونت درمان',
    expert: 'کارشناس صدور پروانه‌ها',
    inspector: 'کارشناس نظارت بر درمان',
    issue: 'اداره صدور پروانه‌ها',
    commission: 'کمیسیون قانونی ماده ۲۰',
    portal: 'سامانه صدور پروانه‌های وزارت بهداشت',
  },
  fda: {
    office: 'معاونت غذا و دارو دانشگاه علوم پزشکی',
    reception: 'دبیرخانه معاونت غذا و دارو',
    expert: 'کارشناس امور دارویی و غذایی',
    inspector: 'کارشناس نظارت غذا و دارو',
    issue: 'اداره صدور پروانه‌های غذا و دارو',
    commission: 'کمیسیون قانونی ماده ۲۰',
    portal: 'سامانه جامع نظارت بر محصولات سلامت‌محور',
  },
  medu: {
    office: 'مدرسه محل ثبت‌نام',
    reception: 'دفتر مدرسه',
    expert: 'کارشناس اداره آموزش و پرورش منطقه',
    inspector: 'کارشناس نظارت اداره آموزش و پرورش',
    issue: 'اداره آموزش و پرورش منطقه',
    commission: 'کمیسیون مدارس غیردولتی',
    portal: 'سامانه خدمات الکترونیک آموزش و پرورش',
  },
  msrt: {
    expert: 'کارشناس اداره کل دانش‌آموختگان',
    issue: 'اداره کل دانش‌آموختگان',
    commission: 'شورای گسترش آموزش عالی',
    portal: 'سامانه جامع امور دانشجویان (سجاد)',
  },
  'sabt-asnad': {
    office: 'اداره ثبت اسناد و املاک محل',
    reception: 'دبیرخانه اداره ثبت',
    expert: 'کارشناس ثبتی',
    inspector: 'نقشه‌بردار اداره ثبت',
    issue: 'واحد صدور اسناد مالکیت',
    commission: 'هیئت نظارت ثبت',
    portal: 'سامانه جامع املاک',
  },
  mimt: {
    office: 'سازمان صنعت، معدن و تجارت استان',
    expert: 'کارشناس صنعتی و بازرگانی',
    inspector: 'کارشناس بازدید صمت',
    issue: 'اداره صدور مجوزها',
    commission: 'کارگروه صدور مجوز',
    portal: 'درگاه ملی مجوزهای کشور',
  },
  mcls: {
    office: 'اداره کل تعاون، کار و رفاه اجتماعی استان',
    expert: 'کارشناس روابط کار',
    inspector: 'بازرس کار',
    commission: 'هیئت تشخیص اداره کار',
    portal: 'سامانه جامع روابط کار',
  },
  isaar: {
    office: 'بنیاد شهید و امور ایثارگران شهرستان',
    expert: 'کارشناس امور ایثارگران',
    commission: 'کمیسیون پزشکی بنیاد',
    portal: 'سامانه خدمات الکترونیک ایثار',
  },
  'health-insurance': {
    office: 'اداره کل بیمه سلامت استان',
    expert: 'کارشناس بیمه‌گری',
    commission: 'کمیته بیماران خاص',
    portal: 'سامانه بیمه سلامت ایرانیان',
  },
  inso: {
    office: 'اداره کل استاندارد استان',
    expert: 'کارشناس ارزیابی انطباق',
    inspector: 'بازرس استاندارد',
    commission: 'کمیته فنی صدور پروانه',
    portal: 'سامانه جامع خدمات استاندارد',
  },
  doe: {
    office: 'اداره کل حفاظت محیط زیست استان',
    expert: 'کارشناس ارزیابی محیط زیست',
    inspector: 'کارشناس پایش محیط زیست',
    commission: 'کمیته ارزیابی اثرات زیست‌محیطی',
    licensing: 'کمیته صدور مجوزهای محیط زیست',
    portal: 'سامانه خدمات الکترونیک محیط زیست',
  },
  tavanir: { ...UTILITY, portal: 'سامانه خدمات مشترکین برق', app: 'برنامه همراه برق من' },
  abfa: { ...UTILITY, portal: 'سامانه خدمات مشترکین آبفا', app: 'برنامه همراه آبفا' },
  nigc: { ...UTILITY, portal: 'سامانه خدمات مشترکین گاز', app: 'برنامه همراه گاز من' },
  wrm: { ...UTILITY, office: 'امور منابع آب شهرستان', inspector: 'کارشناس منابع آب' },
  post: {
    office: 'واحد پستی',
    reception: 'باجه پستی',
    expert: 'کارشناس امور پستی',
    issue: 'واحد پستی',
    portal: 'سامانه خدمات الکترونیک پست',
  },
  sanjesh: {
    expert: 'کارشناس پذیرش سازمان سنجش',
    issue: 'سازمان سنجش آموزش کشور',
    portal: 'سامانه ثبت‌نام سازمان سنجش',
  },
  lmo: {
    office: 'مرکز پزشکی قانونی شهرستان',
    reception: 'واحد پذیرش پزشکی قانونی',
    expert: 'پزشک متخصص پزشکی قانونی',
    issue: 'مرکز پزشکی قانونی',
  },
  moj: {
    office: 'دادگستری شهرستان',
    expert: 'کارشناس امور حقوقی',
    commission: 'کانون مترجمان رسمی',
  },
  cbi: { expert: 'کارشناس اداره نظارت بر بانک‌ها', portal: 'سامانه خدمات الکترونیک بانک مرکزی' },
  investment: { licensing: 'هیئت سرمایه‌گذاری خارجی' },
  seo: { licensing: 'هیئت مدیره سازمان بورس و اوراق بهادار' },
  'central-insurance': { licensing: 'کمیسیون صدور پروانه نمایندگی بیمه' },
  mcth: { licensing: 'کمیته صدور مجوز تأسیسات گردشگری' },
  nipo: { expert: 'کارشناس ارزیابی بهره‌وری', commission: 'کارگروه ملی ارزیابی بهره‌وری' },
  pbo: {
    expert: 'کارشناس امور برنامه‌ریزی استان',
    commission: 'شورای برنامه‌ریزی و توسعه استان',
    licensing: 'کارگروه تشخیص صلاحیت پیمانکاران',
    portal: 'سامانه یکپارچه بودجه',
  },
  aro: {
    expert: 'کارشناس مرکز نوسازی و تحول اداری',
    commission: 'کارگروه شناسنامه خدمات',
    portal: 'سامانه ملی خدمات دولت',
  },
}

/** Units that depend on the service within one organisation. */
const BY_TITLE: Record<string, ReadonlyArray<readonly [RegExp, ProfileParts]>> = {
  imo: [[/تاکسی/, { licensing: 'سازمان مدیریت و نظارت بر تاکسیرانی' }]],
  mcls: [
    [/اتباع/, { licensing: 'کمیسیون اشتغال اتباع خارجی' }],
    [/تعاونی/, { licensing: 'کارگروه ثبت و نظارت بر تعاونی‌ها', expert: 'کارشناس امور تعاونی' }],
  ],
  doe: [[/اثرات/, { licensing: 'کمیته ارزیابی اثرات زیست‌محیطی' }]],
  mcig: [
    [/نشریه/, { licensing: 'هیئت نظارت بر مطبوعات' }],
    [/نشر|کتاب/, { licensing: 'کمیسیون صدور پروانه نشر' }],
  ],
  maj: [[/کاربری/, { licensing: 'کمیسیون تبصره ۱ ماده ۱ قانون حفظ کاربری اراضی' }]],
  cbi: [[/شکایت/, { portal: 'سامانه رسیدگی به شکایات بانکی (سرب)' }]],
  'sabt-asnad': [
    [
      /شرکت|مؤسسات غیرتجاری/,
      {
        expert: 'کارشناس ثبت شرکت‌ها',
        issue: 'اداره ثبت شرکت‌ها و مؤسسات غیرتجاری',
        portal: 'سامانه ثبت شرکت‌ها و مؤسسات غیرتجاری',
      },
    ],
    [
      /علامت تجاری|اختراع/,
      {
        expert: 'کارشناس مرکز مالکیت معنوی',
        issue: 'مرکز مالکیت معنوی',
        commission: 'هیئت عالی مالکیت معنوی',
        portal: 'سامانه مالکیت معنوی',
      },
    ],
    [
      /اجرائیه|اصالت اسناد|معاملات/,
      { portal: 'سامانه ثبت الکترونیک اسناد', issue: 'اداره اجرای اسناد رسمی' },
    ],
  ],
}

/** The police and interior units depend on the service. */
const MOI_UNITS: ReadonlyArray<readonly [RegExp, ProfileParts]> = [
  [
    /گذرنامه|اجازه‌نامه/,
    {
      office: 'دفتر پلیس +۱۰',
      expert: 'کارشناس پلیس مهاجرت و گذرنامه',
      issue: 'اداره کل گذرنامه',
      portal: 'سامانه گذرنامه الکترونیک',
      name: 'پلیس مهاجرت و گذرنامه فراجا',
    },
  ],
  [
    /گواهی‌نامه|جریمه|خودرو|پلاک|نمره منفی/,
    {
      office: 'مرکز آموزش و صدور گواهی‌نامه پلیس راهور',
      expert: 'کارشناس پلیس راهور',
      issue: 'مرکز صدور گواهی‌نامه پلیس راهور',
      commission: 'کمیسیون رسیدگی به اعتراضات راهور',
      portal: 'سامانه خدمات الکترونیک پلیس راهور',
      name: 'پلیس راهور فراجا',
    },
  ],
  [
    /اتباع|زناشویی/,
    {
      office: 'اداره کل امور اتباع و مهاجرین خارجی استان',
      expert: 'کارشناس امور اتباع',
      issue: 'اداره کل امور اتباع و مهاجرین خارجی',
      name: 'اداره کل امور اتباع و مهاجرین خارجی',
      commission: 'کمیسیون امور اتباع استانداری',
    },
  ],
  [
    /مردم‌نهاد|انتخابات/,
    {
      office: 'دفتر امور اجتماعی استانداری',
      expert: 'کارشناس امور اجتماعی',
      commission: 'هیئت نظارت بر سازمان‌های مردم‌نهاد',
    },
  ],
]

function profileOf(agencyKey: string, title: string): Profile {
  const agency = agencyByKey.get(agencyKey)
  const head = agency ? headOf(agency) : undefined
  const headKey = head?.key ?? agencyKey
  const name = head?.nameFa ?? 'دستگاه اجرایی'
  const short = head?.shortNameFa ?? name
  const local = agency && agency !== head ? agency.nameFa : null
  let parts: ProfileParts = PROFILES[headKey] ?? {}
  if (headKey === 'moi') {
    const match = MOI_UNITS.find(([re]) => re.test(title))
    parts = match ? match[1] : {}
  }
  const special = BY_TITLE[headKey]?.find(([re]) => re.test(title))
  if (special) parts = { ...parts, ...special[1] }
  return {
    office: local ?? parts.office ?? `واحد استانی ${name}`,
    reception: parts.reception ?? 'دبیرخانه و واحد پذیرش',
    expert: parts.expert ?? 'کارشناس فنی',
    inspector: parts.inspector ?? 'کارشناس بازدید',
    issue: parts.issue ?? 'واحد صدور',
    commission: parts.commission ?? 'کمیته بررسی و صدور مجوز',
    licensing: parts.licensing ?? parts.commission ?? 'کمیته بررسی و صدور مجوز',
    portal: parts.portal ?? `درگاه الکترونیکی ${name}`,
    app: parts.app ?? (headKey === 'moi' ? 'برنامه همراه پلیس من' : `برنامه همراه ${short}`),
    name: parts.name ?? name,
  }
}

// ---------------------------------------------------------------------------
// The context a pattern works from
// ---------------------------------------------------------------------------

interface InquiryGroup {
  issuer: string
  docs: string[]
}

interface Dropped {
  name: string
  via: string
  /** The version (1-based) from which it is no longer asked for. */
  since: number
}

interface Ctx {
  key: string
  seed: number
  title: string
  output: string
  /** The output without its trailing qualifiers, for step titles. */
  thing: string
  content: Content
  via: Via
  visits: number
  b: Budget
  p: Profile
  /** Names of the documents the citizen brings or uploads. */
  bring: string[]
  inquiries: InquiryGroup[]
  dropped: Dropped[]
  /** Descriptions of the fees that are actually charged. */
  paid: string[]
  legal: { lawId: string; article: string | null } | null
  business: boolean
  physical: boolean
  versionNo: number
  /** The longest declared time of any version, in hours: the shape of the process follows it. */
  longest: number
}

const DROP_NOTE = /حذف «([^»]+)» از مدارک لازم با استعلام برخط از ([^؛]+)/g

/** Documents removed by earlier versions' changes because they are now obtained by inquiry. */
function droppedUpTo(service: DemoService, versionIndex: number, current: Content): Dropped[] {
  const out: Dropped[] = []
  const present = new Set(current.documents.map((d) => d.name))
  service.versions.slice(1, versionIndex + 1).forEach((v, i) => {
    for (const m of v.changeNote.matchAll(DROP_NOTE)) {
      const name = m[1]
      const via = m[2]?.trim()
      if (name && via && !present.has(name)) out.push({ name, via, since: i + 2 })
    }
  })
  return out
}

const PHYSICAL = /کارت|گذرنامه|شناسنامه|سند|گواهی‌نامه|پلاک|دفترچه/

/** Outputs that already name an action («برقراری بیمه…», «انتقال سهام…»). */
const ACTION_WORDS = new Set([
  'ثبت',
  'ثبت‌نام',
  'برقراری',
  'پذیرش',
  'رفع',
  'حضور',
  'انتقال',
  'اصلاح',
  'واریز',
  'موافقت',
  'تخصیص',
  'تحویل',
  'انجام',
  'اعمال',
  'احراز',
  'عضویت',
  'پرداخت',
  'مداخله',
  'فعال',
  'پوشش',
  'کمک',
  'تسهیلات',
  'سهمیه',
  'دسترسی',
])

/** The verb that produces an output named by a noun; «صدور» unless listed. */
const VERB_FOR: Record<string, string> = {
  نتیجه: 'اعلام',
  وضعیت: 'اعلام',
  نظریه: 'اعلام',
  نظر: 'اعلام',
  پاسخ: 'ارسال',
  نوبت: 'تعیین',
  پرونده: 'تشکیل',
  اشتراک: 'انتقال',
  اعتبار: 'فعال‌سازی',
  کارپوشه: 'فعال‌سازی',
  انشعاب: 'واگذاری',
  کنتور: 'نصب',
  ارز: 'فروش',
  وسیله: 'تحویل',
  نشان: 'اعطای',
  کد: 'تخصیص',
  شناسه: 'تخصیص',
  شماره: 'تخصیص',
  کالابرگ: 'تخصیص',
  گزارش: 'تهیهٔ',
  آگهی: 'انتشار',
  تصویر: 'تهیهٔ',
}

/** «صدور پروانه نشر», «تعیین نوبت حضوری», «برقراری بیمه صیاد»: the step that produces the output. */
function produce(ctx: Ctx): string {
  const first = ctx.thing.split(' ')[0] ?? ''
  if (ACTION_WORDS.has(first)) return ctx.thing
  return `${VERB_FOR[first] ?? 'صدور'} ${ctx.thing}`
}

function shortThing(output: string): string {
  const cut = output.split(/ با (?:اعتبار|کد|شماره|درج)/)[0] ?? output
  return cut.trim()
}

function contextOf(
  service: DemoService,
  versionIndex: number,
  content: Content,
  lawIdOf: (lawKey: string) => string,
): Ctx {
  const via = viaOf(content.description)
  const docs = content.documents
  const groups = new Map<string, string[]>()
  for (const d of docs.filter((x) => x.obtainableByInquiry)) {
    const issuer = d.issuer ?? 'سامانه دستگاه صادرکننده'
    groups.set(issuer, [...(groups.get(issuer) ?? []), d.name])
  }
  const first = content.legalBases[0]
  const output = content.output ?? content.title
  return {
    key: service.key,
    seed: hash32(service.key),
    title: content.title,
    output,
    thing: shortThing(output),
    content,
    via,
    visits: content.inPersonVisits ?? (COUNTER_VIAS.has(via) ? 1 : 0),
    b: budgetOf(content.declaredTime),
    p: profileOf(service.agencyKey, content.title),
    bring: docs.filter((d) => !d.obtainableByInquiry).map((d) => d.name),
    inquiries: [...groups].map(([issuer, names]) => ({ issuer, docs: names })),
    dropped: droppedUpTo(service, versionIndex, content),
    paid: content.fees.filter((f) => f.amount > 0).map((f) => f.description),
    legal: first ? { lawId: lawIdOf(first.lawKey), article: first.article } : null,
    business: content.audiences.includes('G2B'),
    physical: PHYSICAL.test(output),
    versionNo: versionIndex + 1,
    longest: Math.max(...service.versions.map((v) => budgetOf(v.content.declaredTime).maxH)),
  }
}

// ---------------------------------------------------------------------------
// Building a process
// ---------------------------------------------------------------------------

interface StepSpec {
  title: string
  actor: StepActor
  unit: string | null
  duration: StepDuration
  channel: StepChannel
  description?: string
  attend?: boolean
  documents?: string[]
  fees?: string[]
  /** Cite the service's first legal basis here. */
  legal?: boolean
  /** The main step that takes up the rest of the declared time. */
  main?: boolean
}

interface DecisionSpec {
  title: string
  unit: string | null
  actor?: StepActor
  description?: string
  legal?: boolean
}

const YES = 'بله'
const NO = 'خیر'

/**
 * Builds a process step by step: each new step follows the open ends of the path so far, and
 * decisions open labelled branches that either end (a rejection, a notice that returns for
 * correction) or join the main path again (a variant case).
 */
class Flow {
  readonly steps: ProcessStep[] = []
  readonly transitions: Transition[] = []
  readonly variants: ProcessVariant[] = []
  main: string | null = null
  private open: Array<{ from: string; label: string | null }> = []
  private readonly ctx: Ctx

  constructor(ctx: Ctx) {
    this.ctx = ctx
  }

  private push(step: Omit<ProcessStep, 'id'>): string {
    // Ids follow the title, so a step keeps its id across versions and the revision diff
    // matches it; a new step gets a new id.
    const id = `s-${hash32(step.title).toString(36)}`
    if (this.steps.some((s) => s.id === id)) throw new Error(`${this.ctx.key}: id clash ${id}`)
    if (this.steps.some((s) => s.title === step.title))
      throw new Error(`${this.ctx.key}: duplicate step title «${step.title}»`)
    this.steps.push({ id, ...step })
    for (const o of this.open)
      this.transitions.push({ from: o.from, to: id, label: o.label, kind: 'normal' })
    this.open = [{ from: id, label: null }]
    return id
  }

  private legalFor(flag: boolean | undefined): ProcessStep['legalBasis'] {
    return flag && this.ctx.legal ? { ...this.ctx.legal } : null
  }

  task(s: StepSpec, variantId: string | null = null): string {
    const id = this.push({
      kind: 'task',
      title: s.title,
      actor: s.actor,
      unit: s.unit,
      description: s.description ?? null,
      duration: s.duration,
      channel: s.channel,
      requiresAttendance: s.attend === true,
      documents: [...(s.documents ?? [])],
      fees: [...(s.fees ?? [])],
      legalBasis: this.legalFor(s.legal),
      variantId,
    })
    if (s.main) this.main = id
    return id
  }

  private decision(d: DecisionSpec): string {
    return this.push({
      kind: 'decision',
      title: d.title,
      actor: d.actor ?? 'agency',
      unit: d.unit,
      description: d.description ?? null,
      duration: null,
      channel: 'internal',
      requiresAttendance: false,
      documents: [],
      fees: [],
      legalBasis: this.legalFor(d.legal),
      variantId: null,
    })
  }

  /** «No» leads to a notice that returns to `back` for correction; «yes» goes on. */
  check(d: DecisionSpec, notice: StepSpec, back: string, backLabel: string): void {
    const id = this.decision(d)
    this.open = [{ from: id, label: NO }]
    const n = this.task(notice)
    this.transitions.push({ from: n, to: back, label: backLabel, kind: 'return' })
    this.open = [{ from: id, label: YES }]
  }

  /** «No» ends the process at `reject`; «yes» goes on. */
  gate(d: DecisionSpec, reject: StepSpec): void {
    const id = this.decision(d)
    this.open = [{ from: id, label: NO }]
    this.task(reject)
    this.open = [{ from: id, label: YES }]
  }

  /** «Yes» runs the variant's own steps, then both branches join the main path again. */
  variant(d: DecisionSpec, variant: ProcessVariant, steps: StepSpec[]): void {
    const id = this.decision(d)
    this.variants.push(variant)
    this.open = [{ from: id, label: YES }]
    for (const s of steps) this.task(s, variant.id)
    this.open = [...this.open, { from: id, label: NO }]
  }

  /** `before` is the previous version's process: its main step is not made slower for nothing. */
  build(before: ServiceProcess | null): ServiceProcess {
    const cited = this.steps.some((s) => s.legalBasis)
    const main = this.steps.find((s) => s.id === this.main)
    if (!cited && main) main.legalBasis = this.legalFor(true)
    const p: ServiceProcess = {
      steps: this.steps,
      transitions: this.transitions,
      variants: this.variants,
    }
    fitTime(p, this.main, this.ctx)
    // A faster inquiry should not make the main step slower when the declared time stayed.
    const now = p.steps.find((s) => s.id === this.main)
    const was = before?.steps.find((s) => s.id === this.main)?.duration
    if (now?.duration && was && was.unit === now.duration.unit && was.max < now.duration.max) {
      const fitted = now.duration
      now.duration = dur(Math.min(was.min, fitted.min), was.max, was.unit)
      const timing = processTiming(p)
      if (!timing || timingMismatch(timing, this.ctx.content.declaredTime)) now.duration = fitted
    }
    return p
  }
}

// ---------------------------------------------------------------------------
// Fitting the main step to the declared time
// ---------------------------------------------------------------------------

function stepHours(s: ProcessStep, bound: 'min' | 'max'): number {
  return s.duration ? s.duration[bound] * HOURS_PER[s.duration.unit] : 0
}

/** Longest weighted paths to and from every step along normal transitions (a DAG). */
function longestPaths(p: ServiceProcess, weight: (s: ProcessStep) => number) {
  const next = new Map<string, string[]>(p.steps.map((s) => [s.id, []]))
  const indegree = new Map<string, number>(p.steps.map((s) => [s.id, 0]))
  for (const t of p.transitions) {
    if (t.kind !== 'normal') continue
    next.get(t.from)?.push(t.to)
    indegree.set(t.to, (indegree.get(t.to) ?? 0) + 1)
  }
  const order: string[] = []
  const queue = p.steps.filter((s) => indegree.get(s.id) === 0).map((s) => s.id)
  while (queue.length > 0) {
    const id = queue.shift() as string
    order.push(id)
    for (const n of next.get(id) ?? []) {
      const d = (indegree.get(n) ?? 0) - 1
      indegree.set(n, d)
      if (d === 0) queue.push(n)
    }
  }
  const byId = new Map(p.steps.map((s) => [s.id, s]))
  const w = (id: string) => {
    const s = byId.get(id)
    return s ? weight(s) : Number.NEGATIVE_INFINITY
  }
  const to = new Map<string, number>()
  const start = order[0]
  if (start) to.set(start, w(start))
  for (const id of order) {
    const here = to.get(id)
    if (here === undefined) continue
    for (const n of next.get(id) ?? []) {
      const c = here + w(n)
      if (c > (to.get(n) ?? Number.NEGATIVE_INFINITY)) to.set(n, c)
    }
  }
  const from = new Map<string, number>()
  for (const id of [...order].reverse()) {
    const outs = next.get(id) ?? []
    const best = outs.length ? Math.max(...outs.map((n) => from.get(n) ?? 0)) : 0
    from.set(id, w(id) + best)
  }
  const ends = order.filter((id) => (next.get(id) ?? []).length === 0)
  return { to, from, ends }
}

/**
 * Sets the main step's duration so that the longest path fits the declared maximum and the
 * path at its minimum reaches the declared minimum; tries finer units when a coarse one
 * cannot fit. Throws when the pattern leaves no room (a bug in the patterns, caught by tests).
 */
function fitTime(p: ServiceProcess, mainId: string | null, ctx: Ctx): void {
  const { b } = ctx
  const main = p.steps.find((s) => s.id === mainId)
  if (!main) throw new Error(`${ctx.key}: the process has no main step`)
  main.duration = dur(0, 0, 'minute')
  const paths = (bound: 'min' | 'max') => {
    const through = longestPaths(p, (s) => stepHours(s, bound))
    const avoid = longestPaths(p, (s) =>
      s.id === main.id ? Number.NEGATIVE_INFINITY : stepHours(s, bound),
    )
    const thr = (through.to.get(main.id) ?? 0) + (through.from.get(main.id) ?? 0)
    const other = Math.max(
      0,
      ...avoid.ends.map((e) => avoid.to.get(e) ?? 0).filter(Number.isFinite),
    )
    return { through: thr, other }
  }
  // A fixed day leaves about twenty minutes around the main step: shorten the other steps
  // (never below a minute) until they fit, so the main step can be exactly one day.
  if (b.tight)
    for (let guard = 0; paths('max').through > b.maxH * 0.01 - 1e-9 && guard < 20; guard++)
      for (const s of p.steps)
        if (s.id !== main.id && s.duration?.unit === 'minute' && s.duration.max > 1)
          s.duration = dur(s.duration.max - 1, s.duration.max - 1, 'minute')
  const hi = paths('max')
  const lo = paths('min')
  const floor = b.minH * 0.99
  const finer: Record<StepTimeUnit, StepTimeUnit[]> = {
    calendar_day: ['calendar_day', 'hour', 'minute'],
    working_day: ['working_day', 'hour', 'minute'],
    hour: ['hour', 'minute'],
    minute: ['minute'],
  }
  // A fixed time is met exactly when the units allow, else within the 1% the check tolerates.
  // Coarse units come first («۱ روز کاری», not «۲۰۰۳ دقیقه»); readable amounts before odd ones.
  const caps = b.fixed ? [b.maxH, b.maxH * 1.01] : [b.maxH]
  const readable = (unit: StepTimeUnit, n: number) =>
    unit === 'minute' ? n <= 180 : unit === 'hour' ? n <= 48 : true
  for (const strict of [true, false])
    for (const unit of finer[b.primary])
      for (const cap of caps) {
        const per = HOURS_PER[unit]
        let aMax = Math.floor((cap - hi.through) / per + 1e-9)
        if (strict && !readable(unit, aMax)) continue
        if (unit === 'hour' && b.primary !== 'hour' && !b.fixed && !b.between)
          aMax = Math.min(aMax, 8)
        if (aMax < 1 && unit !== 'minute') continue
        if (aMax < 0) break
        const needed = Math.max(0, Math.ceil((floor - lo.through) / per - 1e-9))
        const natural = b.fixed ? aMax : Math.round(aMax * (b.between ? 0.3 : 0.4))
        const aMin = Math.max(needed, Math.min(natural, aMax), aMax >= 1 ? 1 : 0)
        if (aMin > aMax) continue
        main.duration = dur(b.fixed ? aMax : aMin, aMax, unit)
        const timing = processTiming(p)
        if (timing && !timingMismatch(timing, ctx.content.declaredTime) && hi.other <= cap) return
      }
  throw new Error(`${ctx.key} v${ctx.versionNo}: the process does not fit the declared time`)
}

// ---------------------------------------------------------------------------
// Shared segments
// ---------------------------------------------------------------------------

const ONLINE_NOTE =
  'متقاضی فرم درخواست را تکمیل و تصویر مدارک را بارگذاری می‌کند و کد رهگیری می‌گیرد.'

/** Counters where the fee is paid on the spot, by the card's channel. */
const PAID_AT_COUNTER: ReadonlySet<Via> = new Set(['pishkhan', 'police10', 'judicial', 'post'])

function submitStep(ctx: Ctx, attend: boolean): StepSpec {
  const { b, p, bring } = ctx
  const n = bring.length
  const counterFees = PAID_AT_COUNTER.has(ctx.via) && attend ? ctx.paid : []
  if (attend) {
    const d = quick(b, 10 + 5 * n, 20 + 10 * n)
    const base = {
      actor: 'citizen' as const,
      duration: d,
      attend: true,
      documents: bring,
      fees: counterFees,
    }
    switch (ctx.via) {
      case 'pishkhan':
        return {
          ...base,
          title: 'مراجعه به دفتر پیشخوان و ثبت درخواست',
          unit: 'دفتر پیشخوان خدمات دولت',
          channel: 'counter_office',
          description:
            'متصدی دفتر مدارک را اسکن و درخواست را در سامانه ثبت می‌کند و کد رهگیری به متقاضی می‌دهد.',
        }
      case 'police10':
        return {
          ...base,
          title: 'مراجعه به دفتر پلیس +۱۰ و ثبت درخواست',
          unit: 'دفتر خدمات الکترونیک انتظامی (پلیس +۱۰)',
          channel: 'counter_office',
          description: 'مدارک در دفتر اسکن و درخواست با پرداخت هزینه ثبت می‌شود.',
        }
      case 'judicial':
        return {
          ...base,
          title: 'مراجعه به دفتر خدمات الکترونیک قضایی و ثبت درخواست',
          unit: 'دفتر خدمات الکترونیک قضایی',
          channel: 'counter_office',
          description: 'درخواست با احراز هویت و حساب کاربری ثنا ثبت و هزینه در دفتر پرداخت می‌شود.',
        }
      case 'notary':
        return {
          ...base,
          title: 'مراجعه به دفتر اسناد رسمی و ثبت درخواست',
          unit: 'دفتر اسناد رسمی',
          channel: 'counter_office',
          description:
            'سردفتر هویت متقاضی را احراز و درخواست را در سامانه ثبت الکترونیک ثبت می‌کند.',
        }
      case 'post':
        return {
          ...base,
          title: 'مراجعه به واحد پستی و ثبت درخواست',
          unit: 'واحد پستی',
          channel: 'counter_office',
        }
      default:
        return {
          ...base,
          title: `مراجعه به ${p.office} و تحویل مدارک`,
          unit: p.reception,
          channel: 'in_person',
          description: 'کارشناس پذیرش مدارک را تحویل می‌گیرد و پرونده را با کد رهگیری تشکیل می‌دهد.',
        }
    }
  }
  const d = quick(b, 10 + 3 * n, 20 + 5 * n)
  if (ctx.via === 'notary')
    return {
      title: 'ثبت درخواست در سامانه توسط دفتر اسناد رسمی',
      actor: 'other_agency',
      unit: 'دفتر اسناد رسمی',
      duration: d,
      channel: 'online',
      documents: bring,
      description:
        'دفترخانه در جریان تنظیم سند، درخواست را در سامانه ثبت و برای دستگاه ارسال می‌کند.',
    }
  const app = ctx.via === 'app'
  return {
    title: app ? `ثبت درخواست در ${appName(ctx)}` : `ثبت درخواست در ${p.portal}`,
    actor: 'citizen',
    unit: null,
    duration: d,
    channel: 'online',
    documents: bring,
    description:
      n > 0 ? ONLINE_NOTE : 'متقاضی فرم درخواست را تکمیل و تأیید می‌کند و کد رهگیری می‌گیرد.',
  }
}

/** Where the citizen lodges the request in person. */
function placeOf(ctx: Ctx): string {
  switch (ctx.via) {
    case 'pishkhan':
      return 'دفتر پیشخوان'
    case 'police10':
      return 'دفتر پلیس +۱۰'
    case 'judicial':
      return 'دفتر خدمات الکترونیک قضایی'
    case 'notary':
      return 'دفتر اسناد رسمی'
    case 'post':
      return 'واحد پستی'
    default:
      return ctx.p.office
  }
}

function appName(ctx: Ctx): string {
  return ctx.p.app
}

/** «Are the documents complete?», returning to the submission when they are not. */
function documentCheck(f: Flow, ctx: Ctx, back: string, withReview: boolean): void {
  if (ctx.bring.length === 0) return
  if (withReview && !ctx.b.tight && ctx.longest >= 48)
    f.task({
      title: 'بررسی اولیه مدارک',
      actor: 'agency',
      unit: ctx.p.reception,
      duration: span(ctx.b, 0.04, 8),
      channel: 'internal',
      documents: ctx.bring,
    })
  f.check(
    { title: 'مدارک کامل و معتبر است؟', unit: ctx.p.reception },
    {
      title: 'اعلام نقص مدارک به متقاضی',
      actor: 'system',
      unit: ctx.p.reception,
      duration: quick(ctx.b, 5, 30),
      channel: 'online',
      description:
        'موارد نقص با پیامک و در کارتابل متقاضی اعلام می‌شود تا مدارک تکمیل و دوباره ارسال شود.',
    },
    back,
    'بازگشت برای تکمیل مدارک',
  )
}

function inquiryDuration(ctx: Ctx): StepDuration {
  return ctx.b.maxH >= 5 * HOURS_PER.working_day
    ? span(ctx.b, 0.08, 3 * HOURS_PER.working_day)
    : quick(ctx.b, 5, 60)
}

/** Inquiries of the documents the citizen no longer has to bring. */
function inquiries(f: Flow, ctx: Ctx, variant: VariantPlan | null = null): void {
  // A document the variant case inquires about is not inquired about twice.
  const claimed = new Set(variant?.steps.flatMap((s) => s.documents ?? []) ?? [])
  const groups = ctx.inquiries
    .map((g) => ({ ...g, docs: g.docs.filter((d) => !claimed.has(d)) }))
    .filter((g) => g.docs.length > 0)
    .slice(0, 3)
  for (const g of groups) {
    const [only] = g.docs
    f.task({
      title:
        g.docs.length === 1 && only
          ? `استعلام «${only}» از ${g.issuer}`
          : `استعلام مدارک از ${g.issuer}`,
      actor: 'other_agency',
      unit: g.issuer,
      duration: inquiryDuration(ctx),
      channel: 'online',
      documents: g.docs,
      description:
        'پاسخ استعلام از طریق گذرگاه خدمات دولت هوشمند دریافت می‌شود و متقاضی لازم نیست این مدرک را ارائه کند.',
    })
  }
  const byVia = new Map<string, Dropped[]>()
  for (const d of ctx.dropped) byVia.set(d.via, [...(byVia.get(d.via) ?? []), d])
  for (const [via, ds] of byVia) {
    const [only] = ds
    const names = ds.map((d) => `«${d.name}»`).join(' و ')
    const since = Math.min(...ds.map((d) => d.since))
    f.task({
      title:
        ds.length === 1 && only
          ? `استعلام برخط ${names} از ${via}`
          : `استعلام برخط مدارک از ${via}`,
      actor: 'system',
      unit: via,
      duration: quick(ctx.b, 1, 5),
      channel: 'online',
      description: `از نسخهٔ ${fa(since)} شناسنامهٔ خدمت، ${names} دیگر از متقاضی خواسته نمی‌شود و سامانه آن را به‌صورت برخط از ${via} دریافت می‌کند.`,
    })
  }
}

const FA_DIGITS = '۰۱۲۳۴۵۶۷۸۹'
function fa(n: number): string {
  return String(n).replace(/\d/g, (d) => FA_DIGITS[Number(d)] ?? d)
}

function payment(f: Flow, ctx: Ctx, alreadyPaid: boolean, duties = false): void {
  if (alreadyPaid) return
  // Customs duties are computed per consignment: the card describes them with no fixed amount.
  const fees = duties ? ctx.content.fees.map((x) => x.description) : ctx.paid
  if (fees.length === 0) return
  f.task({
    title: duties
      ? 'پرداخت حقوق ورودی و عوارض'
      : fees.length === 1
        ? 'پرداخت الکترونیکی هزینه'
        : 'پرداخت الکترونیکی هزینه‌ها',
    actor: 'citizen',
    unit: null,
    duration: quick(ctx.b, 5, 15),
    channel: 'online',
    fees,
    description: 'پرداخت از درگاه بانکی متصل به سامانه انجام و رسید آن خودکار در پرونده ثبت می‌شود.',
  })
}

type Delivery = 'pickup' | 'post' | 'notify'

function deliver(f: Flow, ctx: Ctx, how: Delivery): void {
  const { b, p, thing } = ctx
  if (how === 'pickup') {
    f.task({
      title: `مراجعه و دریافت ${thing}`,
      actor: 'citizen',
      unit: p.office,
      duration: quick(b, 10, 30),
      channel: 'in_person',
      attend: true,
      description: 'تحویل با ارائهٔ اصل کارت ملی و رسید درخواست انجام می‌شود.',
    })
    return
  }
  if (how === 'post') {
    f.task({
      title: `ارسال ${thing} با پست به نشانی متقاضی`,
      actor: 'other_agency',
      unit: 'شرکت ملی پست',
      duration:
        b.maxH >= 10 * HOURS_PER.working_day
          ? span(b, 0.1, 3 * HOURS_PER.working_day)
          : span(b, 0.1, 24),
      channel: 'mail',
      description: 'کد رهگیری مرسوله با پیامک برای متقاضی فرستاده می‌شود.',
    })
    return
  }
  f.task({
    title: 'اعلام نتیجه با پیامک و در کارتابل متقاضی',
    actor: 'system',
    unit: null,
    duration: quick(b, 1, 10),
    channel: 'online',
    description: 'نتیجهٔ درخواست در کارتابل متقاضی ثبت می‌شود و با کد رهگیری قابل پیگیری است.',
  })
}

// ---------------------------------------------------------------------------
// Variant cases
// ---------------------------------------------------------------------------

interface VariantPlan {
  question: string
  variant: ProcessVariant
  steps: StepSpec[]
}

const FOREIGNER_AGENCIES = new Set([
  'tamin',
  'health-insurance',
  'medu',
  'msrt',
  'mohme',
  'tvto',
  'nlai',
  'cbi',
  'post',
  'ito',
  'sanjesh',
  'mcth',
  'moi',
  'isipo',
  'mimt',
  'rmto',
])

function variantFor(ctx: Ctx, cls: Cls, headKey: string): VariantPlan | null {
  const { b, content, title } = ctx
  const names = content.documents.map((d) => d.name)
  const small = b.maxH < 8
  const d = small ? quick(b, 2, 10) : span(b, 0.05, 2 * HOURS_PER.working_day)
  const attorney = names.find((n) => n.includes('وکالت‌نامه'))
  if (attorney)
    return {
      question: 'درخواست را وکیل متقاضی ثبت کرده است؟',
      variant: { id: 'attorney', label: 'درخواست با وکالت' },
      steps: [
        {
          title: 'بررسی اعتبار وکالت‌نامه در سامانه ثبت الکترونیک اسناد',
          actor: 'agency',
          unit: ctx.p.expert,
          duration: d,
          channel: 'online',
          documents: [attorney],
          description: 'حدود اختیارات وکیل و اعتبار وکالت‌نامه با کد رهگیری آن استعلام می‌شود.',
        },
      ],
    }
  const military = names.find((n) => n.includes('پایان خدمت'))
  if (military)
    return {
      question: 'متقاضی مرد و مشمول قانون خدمت وظیفه عمومی است؟',
      variant: { id: 'conscript', label: 'آقایان مشمول خدمت وظیفه' },
      steps: [
        {
          title: 'استعلام وضعیت نظام وظیفه از سازمان وظیفه عمومی فراجا',
          actor: 'other_agency',
          unit: 'سازمان وظیفه عمومی فراجا',
          duration: d,
          channel: 'online',
          documents: [military],
          description:
            'برای آقایان، داشتن کارت پایان خدمت یا معافیت دائم یا مجوز خروج شرط ادامهٔ کار است.',
        },
      ],
    }
  if (title.includes('گذرنامه') && !title.includes('اجازه‌نامه'))
    return {
      question: 'متقاضی کمتر از ۱۸ سال دارد؟',
      variant: { id: 'minor', label: 'متقاضیان زیر ۱۸ سال' },
      steps: [
        {
          title: 'ثبت اجازه‌نامهٔ پدر یا ولی قهری در سامانه گذرنامه',
          actor: 'citizen',
          unit: null,
          duration: quick(b, 10, 30),
          channel: 'online',
          description: 'صدور گذرنامه برای افراد زیر ۱۸ سال با اجازهٔ کتبی ولی قهری انجام می‌شود.',
        },
      ],
    }
  const bit = (n: number) => ((ctx.seed >>> n) & 1) === 1
  if (
    ctx.business &&
    (cls === 'license' || cls === 'registration' || cls === 'certificate') &&
    !/ثبت شرکت|تغییرات شرکت|مؤسسات غیرتجاری/.test(title) &&
    bit(3) &&
    bit(5)
  ) {
    const company = names.filter((n) => n.includes('آگهی تأسیس') || n.includes('صاحبان امضا'))
    return {
      question: 'متقاضی شخص حقوقی است؟',
      variant: { id: 'legal-person', label: 'اشخاص حقوقی' },
      steps: [
        {
          title: 'استعلام آگهی تأسیس و صاحبان امضای مجاز از سامانه ثبت شرکت‌ها',
          actor: 'other_agency',
          unit: 'اداره کل ثبت شرکت‌ها و مؤسسات غیرتجاری',
          duration: d,
          channel: 'online',
          documents: company,
          description:
            'شناسهٔ ملی شخص حقوقی، آخرین تغییرات و اختیار امضاکنندگان از روزنامه رسمی استعلام می‌شود.',
        },
      ],
    }
  }
  if (
    FOREIGNER_AGENCIES.has(headKey) &&
    content.audiences.includes('G2C') &&
    !title.includes('اتباع') &&
    cls !== 'complaint' &&
    bit(7) &&
    bit(8)
  )
    return {
      question: 'متقاضی تبعهٔ خارجی است؟',
      variant: { id: 'foreign', label: 'اتباع خارجی' },
      steps: [
        {
          title: 'استعلام اعتبار مدرک اقامت از اداره کل امور اتباع و مهاجرین خارجی',
          actor: 'other_agency',
          unit: 'اداره کل امور اتباع و مهاجرین خارجی',
          duration: d,
          channel: 'online',
          description:
            'برای اتباع خارجی، اعتبار گذرنامه و پروانهٔ اقامت یا کارت آمایش با شناسهٔ فراگیر استعلام می‌شود.',
        },
      ],
    }
  if (
    headKey !== 'isaar' &&
    content.audiences.includes('G2C') &&
    /آزمون|کنکور|وام|مسکن|شهریه|بورس/.test(title) &&
    bit(9)
  )
    return {
      question: 'متقاضی از خانواده‌های شاهد و ایثارگر است؟',
      variant: { id: 'isargar', label: 'ایثارگران و خانواده‌های شاهد' },
      steps: [
        {
          title: 'استعلام وضعیت ایثارگری از بنیاد شهید و امور ایثارگران',
          actor: 'other_agency',
          unit: 'بنیاد شهید و امور ایثارگران',
          duration: d,
          channel: 'online',
          description: 'سهمیه یا معافیت ایثارگران پس از تأیید بنیاد در پرونده اعمال می‌شود.',
        },
      ],
    }
  return null
}

function addVariant(f: Flow, plan: VariantPlan | null, unit: string | null): void {
  if (plan) f.variant({ title: plan.question, unit }, plan.variant, plan.steps)
}

// ---------------------------------------------------------------------------
// Visits: which of a pattern's possible visits are in person
// ---------------------------------------------------------------------------

/** The first `n` available slots, in the pattern's order of preference. */
function chooseVisits(n: number, slots: ReadonlyArray<string | false>): Set<string> {
  const out = new Set<string>()
  for (const s of slots) {
    if (out.size >= n) break
    if (s) out.add(s)
  }
  return out
}

// ---------------------------------------------------------------------------
// Classes of service
// ---------------------------------------------------------------------------

type Cls =
  | 'instant'
  | 'hotline'
  | 'g2g'
  | 'automatic'
  | 'complaint'
  | 'quick_counter'
  | 'quick_online'
  | 'utility'
  | 'customs'
  | 'license'
  | 'card'
  | 'benefit'
  | 'certificate'
  | 'registration'

function classify(ctx: Ctx): Cls {
  const { title, via, b, content, visits } = ctx
  const t = title
  if (/\(۱[۰-۹]{2}\)/.test(t) && content.trigger === 'event') return 'hotline'
  if (b.maxH <= 0.5 && visits === 0) return 'instant'
  if (via === 'g2g' || (content.audiences.length === 1 && content.audiences[0] === 'G2G'))
    return 'g2g'
  if (via === 'system') return 'automatic'
  if (b.maxH <= 8) return visits > 0 ? 'quick_counter' : 'quick_online'
  if (/شکایت|اعتراض|تجدیدنظر|گزارش تخلف|گزارش قاچاق|تخلفات|کسر سوابق/.test(t)) return 'complaint'
  if (/انشعاب|کنتور/.test(t)) return 'utility'
  if (/ترخیص|اظهار کالا|اظهار و صدور|ورود موقت|ترانزیت/.test(t)) return 'customs'
  if (
    /مستمری|کمک|تسهیلات|وام|غرامت|یارانه|مقرری|بازپرداخت|حمایت|پوشش|استرداد|مشوق|کالابرگ|سهمیه|شهریه|فروش تضمینی|بورس تحصیلی|معرفی/.test(
      t,
    )
  )
    return 'benefit'
  if (
    /کارت|گذرنامه|شناسنامه|گواهی‌نامه|سند|پلاک|ثبت ولادت|واقعه|ازدواج|تغییر نام(?! مشترک)|اصلاح|المثنی|دفن|وکالت‌نامه/.test(
      t,
    )
  )
    return 'card'
  if (/پروانه|مجوز|جواز|صلاحیت|نماد|رتبه‌بندی|کد IRC|شناسه|فیپا|موافقت|تأسیس|طبقه‌بندی/.test(t))
    return 'license'
  if (
    /گواهی|تأییدیه|مفاصا|تأیید مدارک|ارزشیابی|استعلام|حسابرسی|ارزیابی|آزمایش|معاینه|تعیین/.test(t)
  )
    return 'certificate'
  return 'registration'
}

// ---------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------

/** Online inquiries, payments and declarations that take minutes. */
function instantPattern(f: Flow, ctx: Ctx): void {
  const { b, p, title } = ctx
  const where = ctx.via === 'app' ? appName(ctx) : p.portal
  if (ctx.via === 'g2g' || ctx.content.audiences.every((a) => a === 'G2G')) {
    f.task({
      title: 'ارسال درخواست استعلام از طریق گذرگاه خدمات دولت هوشمند',
      actor: 'other_agency',
      unit: 'دستگاه اجرایی متقاضی',
      duration: quick(b, 0, 0),
      channel: 'online',
      documents: ctx.bring,
    })
    f.gate(
      {
        title: 'دستگاه مجوز دسترسی به این سرویس را دارد؟',
        unit: 'گذرگاه خدمات دولت هوشمند',
        actor: 'system',
        legal: true,
      },
      {
        title: 'رد درخواست و ثبت در گزارش دسترسی‌ها',
        actor: 'system',
        unit: 'گذرگاه خدمات دولت هوشمند',
        duration: quick(b, 0, 0),
        channel: 'internal',
      },
    )
    f.task({
      title: 'تطبیق مشخصات با پایگاه اطلاعات مرجع',
      actor: 'system',
      unit: p.name,
      duration: quick(b, 1, 1),
      channel: 'internal',
      main: true,
    })
    f.task({
      title: 'ارسال پاسخ به دستگاه متقاضی',
      actor: 'system',
      unit: 'گذرگاه خدمات دولت هوشمند',
      duration: quick(b, 0, 0),
      channel: 'online',
    })
    return
  }
  f.task({
    title: `ورود به ${where} و احراز هویت`,
    actor: 'citizen',
    unit: null,
    duration: quick(b, 2, 3),
    channel: 'online',
    description:
      'ورود با شمارهٔ همراه به نام متقاضی و کد یک‌بارمصرف یا با حساب پنجره ملی خدمات دولت هوشمند.',
  })
  const fees = ctx.content.fees.map((x) => x.description)
  if (/پرداخت|خرید|عوارض|بارنامه|گواهی کد پستی/.test(title)) {
    f.task({
      title: 'محاسبهٔ مبلغ و صدور صورت‌حساب',
      actor: 'system',
      unit: p.name,
      duration: quick(b, 1, 1),
      channel: 'online',
      main: true,
      legal: true,
    })
    const pay = f.task({
      title: 'پرداخت از درگاه بانکی',
      actor: 'citizen',
      unit: null,
      duration: quick(b, 2, 5),
      channel: 'online',
      fees,
    })
    f.check(
      { title: 'پرداخت موفق بود؟', unit: null, actor: 'system' },
      {
        title: 'اعلام ناموفق بودن پرداخت',
        actor: 'system',
        unit: null,
        duration: quick(b, 0, 1),
        channel: 'online',
        description: 'اگر مبلغی از حساب کسر شده باشد، حداکثر تا ۷۲ ساعت به همان حساب بازمی‌گردد.',
      },
      pay,
      'بازگشت برای پرداخت دوباره',
    )
    f.task({
      title: `ثبت پرداخت و ${produce(ctx)}`,
      actor: 'system',
      unit: p.name,
      duration: quick(b, 0, 1),
      channel: 'online',
    })
    return
  }
  if (/اظهارنامه|فهرست|لیست|ثبت اطلاعات|ثبت‌نام|فعال‌سازی|ثبت و/.test(title)) {
    const form = f.task({
      title: /اظهارنامه/.test(title)
        ? 'تکمیل اظهارنامه در سامانه'
        : /فهرست|لیست/.test(title)
          ? 'تکمیل و بارگذاری فهرست'
          : 'تکمیل فرم و درج مشخصات',
      actor: 'citizen',
      unit: null,
      duration: quick(b, 10, 20),
      channel: 'online',
      documents: ctx.bring,
    })
    f.task({
      title: 'کنترل خودکار اطلاعات و تطبیق با سامانه‌های مرتبط',
      actor: 'system',
      unit: p.name,
      duration: quick(b, 1, 1),
      channel: 'internal',
      main: true,
    })
    f.check(
      { title: 'اطلاعات کنترل‌های سامانه را گذراند؟', unit: null, actor: 'system', legal: true },
      {
        title: 'نمایش خطاها و موارد نیازمند اصلاح',
        actor: 'system',
        unit: null,
        duration: quick(b, 0, 1),
        channel: 'online',
      },
      form,
      'بازگشت برای اصلاح اطلاعات',
    )
    payment(f, ctx, false)
    f.task({
      title: `ثبت نهایی و ${produce(ctx)}`,
      actor: 'system',
      unit: p.name,
      duration: quick(b, 0, 1),
      channel: 'online',
    })
    return
  }
  if (/نوبت/.test(title)) {
    const pick = f.task({
      title: 'انتخاب مرکز، روز و ساعت مراجعه',
      actor: 'citizen',
      unit: null,
      duration: quick(b, 1, 2),
      channel: 'online',
    })
    f.check(
      { title: 'نوبت خالی در زمان انتخاب‌شده وجود دارد؟', unit: null, actor: 'system' },
      {
        title: 'پیشنهاد نزدیک‌ترین نوبت‌های خالی',
        actor: 'system',
        unit: null,
        duration: quick(b, 0, 0),
        channel: 'online',
      },
      pick,
      'بازگشت برای انتخاب زمان دیگر',
    )
    f.task({
      title: 'ثبت نوبت و ارسال کد نوبت با پیامک',
      actor: 'system',
      unit: p.name,
      duration: quick(b, 1, 1),
      channel: 'online',
      main: true,
      legal: true,
    })
    return
  }
  // Inquiries, tracking and access to one's own records.
  const input = f.task({
    title: 'درج شناسهٔ مورد استعلام',
    actor: 'citizen',
    unit: null,
    duration: quick(b, 1, 2),
    channel: 'online',
    description: 'شمارهٔ ملی، کد رهگیری، شناسهٔ کالا یا شمارهٔ مرسوله، بسته به موضوع استعلام.',
  })
  f.task({
    title: `استعلام خودکار از پایگاه اطلاعات ${p.name}`,
    actor: 'system',
    unit: p.name,
    duration: quick(b, 1, 1),
    channel: 'internal',
    main: true,
    legal: true,
  })
  f.check(
    { title: 'اطلاعات مورد استعلام پیدا شد؟', unit: null, actor: 'system' },
    {
      title: 'اعلام نبود اطلاعات و راهنمایی متقاضی',
      actor: 'system',
      unit: null,
      duration: quick(b, 0, 0),
      channel: 'online',
    },
    input,
    'بازگشت برای اصلاح شناسه',
  )
  f.task({
    title: `نمایش ${ctx.thing}`,
    actor: 'system',
    unit: null,
    duration: quick(b, 0, 0),
    channel: 'online',
    description: 'نتیجه با کد رهگیری و امکان چاپ یا دریافت فایل نمایش داده می‌شود.',
  })
}

const HOTLINES: ReadonlyArray<readonly [string, string, string, string, string]> = [
  // number, what is reported, the dispatch unit, the team sent, the work on site
  [
    '۱۱۵',
    'شرح وضعیت بیمار',
    'مرکز پیام و هدایت عملیات اورژانس',
    'آمبولانس',
    'ارائهٔ خدمات فوریت پزشکی در محل',
  ],
  [
    '۱۲۱',
    'خاموشی یا حادثهٔ برق',
    'ستاد اتفاقات برق',
    'اکیپ اتفاقات',
    'رفع حادثه و برقراری مجدد برق',
  ],
  [
    '۱۲۲',
    'حادثه یا شکستگی شبکه آب',
    'ستاد حوادث آبفا',
    'اکیپ حوادث',
    'رفع شکستگی و برقراری مجدد آب',
  ],
  [
    '۱۲۳',
    'وضعیت فرد در معرض آسیب',
    'مرکز تماس اورژانس اجتماعی',
    'تیم سیار اورژانس اجتماعی',
    'مداخلهٔ تیم سیار در محل',
  ],
  ['۱۹۴', 'نشت یا بوی گاز', 'مرکز امداد گاز', 'اکیپ امداد', 'قطع جریان گاز، رفع نشت و ایمن‌سازی'],
]

function hotlinePattern(f: Flow, ctx: Ctx): void {
  const { b, title } = ctx
  const n = /\((۱[۰-۹]{2})\)/.exec(title)?.[1] ?? '۱۱۵'
  const [, what, unit, team, work] = HOTLINES.find(([x]) => x === n) ?? [
    n,
    'موضوع',
    'مرکز تماس',
    'گروه عملیاتی',
    'رسیدگی در محل',
  ]
  f.task({
    title: `تماس با ${n} و اعلام ${what}`,
    actor: 'citizen',
    unit: null,
    duration: quick(b, 1, 3),
    channel: 'phone',
  })
  f.task({
    title: 'ثبت گزارش و تعیین اولویت',
    actor: 'agency',
    unit,
    duration: quick(b, 1, 5),
    channel: 'internal',
    description: 'کارشناس مرکز با پرسش‌های استاندارد، فوریت موضوع را تعیین و نشانی را ثبت می‌کند.',
  })
  f.gate(
    { title: `اعزام ${team} لازم است؟`, unit, legal: true },
    {
      title: 'راهنمایی تلفنی و بستن گزارش',
      actor: 'agency',
      unit,
      duration: quick(b, 2, 10),
      channel: 'phone',
    },
  )
  f.task({
    title: `اعزام ${team} به محل`,
    actor: 'agency',
    unit,
    duration: quick(b, 5, 20),
    channel: 'in_person',
    main: true,
  })
  if (ctx.b.maxH > 1)
    f.task({
      title: work,
      actor: 'agency',
      unit: team,
      duration: span(b, 0.3),
      channel: 'in_person',
    })
  f.task({
    title: 'ثبت نتیجهٔ مأموریت در سامانه',
    actor: 'system',
    unit,
    duration: quick(b, 0, 2),
    channel: 'internal',
  })
}

function g2gPattern(f: Flow, ctx: Ctx): void {
  const { b, p, title } = ctx
  const connect = /اتصال|گذرگاه|استعلام/.test(title)
  const first = f.task({
    title: connect ? 'ارسال درخواست رسمی دستگاه متقاضی' : 'ارسال درخواست و مستندات توسط دستگاه',
    actor: 'other_agency',
    unit: 'دستگاه اجرایی متقاضی',
    duration: span(b, 0.03, 8),
    channel: 'online',
    documents: ctx.bring,
  })
  f.task({
    title: connect ? 'بررسی فنی و امنیتی درخواست' : 'بررسی کارشناسی مستندات',
    actor: 'agency',
    unit: p.expert,
    duration: span(b, 0.2),
    channel: 'internal',
  })
  f.check(
    {
      title: connect
        ? 'درخواست با ضوابط تبادل اطلاعات سازگار است؟'
        : 'مستندات کامل و با ضوابط سازگار است؟',
      unit: p.expert,
    },
    {
      title: 'اعلام اصلاحات لازم به دستگاه متقاضی',
      actor: 'agency',
      unit: p.expert,
      duration: span(b, 0.03, 8),
      channel: 'online',
    },
    first,
    'بازگشت برای اصلاح درخواست',
  )
  if (connect) {
    f.task({
      title: 'تنظیم و امضای تفاهم‌نامهٔ تبادل اطلاعات',
      actor: 'agency',
      unit: 'دفتر حقوقی',
      duration: span(b, 0.15),
      channel: 'internal',
      legal: true,
    })
    f.task({
      title: 'ایجاد دسترسی و صدور گواهی اتصال',
      actor: 'agency',
      unit: 'مرکز عملیات گذرگاه',
      duration: span(b, 0.3),
      channel: 'internal',
      main: true,
    })
    f.task({
      title: 'آزمون اتصال و آغاز بهره‌برداری',
      actor: 'other_agency',
      unit: 'دستگاه اجرایی متقاضی',
      duration: span(b, 0.08, 16),
      channel: 'online',
    })
    return
  }
  f.task({
    title: `ارزیابی و جمع‌بندی در ${p.commission}`,
    actor: 'agency',
    unit: p.commission,
    duration: span(b, 0.3),
    channel: 'internal',
    main: true,
    legal: true,
  })
  f.task({
    title: `ابلاغ ${ctx.thing} به دستگاه`,
    actor: 'agency',
    unit: p.reception,
    duration: span(b, 0.03, 16),
    channel: 'online',
  })
}

function automaticPattern(f: Flow, ctx: Ctx): void {
  const { b, p } = ctx
  f.task({
    title: 'دریافت خودکار اطلاعات از سامانه‌های مرتبط',
    actor: 'system',
    unit: p.name,
    duration: span(b, 0.05, 8),
    channel: 'internal',
    description: 'آغاز خدمت به درخواست متقاضی نیاز ندارد و با رویداد یا موعد مقرر انجام می‌شود.',
  })
  f.task({
    title: 'تطبیق با پایگاه اطلاعات و احراز شرایط',
    actor: 'system',
    unit: p.name,
    duration: span(b, 0.1, 24),
    channel: 'internal',
  })
  f.gate(
    { title: 'فرد مشمول دریافت خدمت است؟', unit: p.name, actor: 'system', legal: true },
    {
      title: 'ثبت عدم شمول و امکان اعتراض در سامانه',
      actor: 'system',
      unit: p.name,
      duration: quick(b, 5, 30),
      channel: 'online',
    },
  )
  f.task({
    title: produce(ctx),
    description: 'بدون نیاز به اقدام متقاضی و بر پایهٔ اطلاعات سامانه انجام می‌شود.',
    actor: 'system',
    unit: p.issue,
    duration: span(b, 0.5),
    channel: 'internal',
    main: true,
  })
  f.task({
    title: 'اطلاع‌رسانی با پیامک',
    actor: 'system',
    unit: null,
    duration: quick(b, 1, 5),
    channel: 'online',
  })
}

function complaintPattern(f: Flow, ctx: Ctx, variant: VariantPlan | null): void {
  const { b, p, title } = ctx
  const noun = /اعتراض|تجدیدنظر/.test(title)
    ? 'اعتراض'
    : /گزارش|تخلفات/.test(title)
      ? 'گزارش'
      : 'شکایت'
  const slots = chooseVisits(ctx.visits, [
    COUNTER_VIAS.has(ctx.via) && 'submit',
    'hearing',
    'expert',
    'ruling',
  ])
  const submit = f.task({
    ...submitStep(ctx, slots.has('submit')),
    title: slots.has('submit')
      ? `مراجعه به ${placeOf(ctx)} و ثبت ${noun}`
      : `ثبت ${noun} در ${ctx.via === 'app' ? appName(ctx) : p.portal}`,
  })
  f.gate(
    { title: `موضوع ${noun} در صلاحیت این مرجع است؟`, unit: p.reception },
    {
      title: 'ارجاع به مرجع صالح و اطلاع به متقاضی',
      actor: 'agency',
      unit: p.reception,
      duration: span(b, 0.03, 8),
      channel: 'online',
    },
  )
  if (ctx.bring.length > 0)
    f.check(
      { title: 'مستندات کافی است؟', unit: p.expert },
      {
        title: 'درخواست تکمیل مستندات',
        actor: 'agency',
        unit: p.expert,
        duration: span(b, 0.03, 8),
        channel: 'online',
      },
      submit,
      'بازگشت برای تکمیل مستندات',
    )
  addVariant(f, variant, p.reception)
  inquiries(f, ctx, variant)
  f.task({
    title: noun === 'اعتراض' ? 'اخذ نظر واحد صادرکنندهٔ تصمیم' : `اخذ پاسخ از طرف ${noun}`,
    actor: noun === 'اعتراض' ? 'agency' : 'other_agency',
    unit: noun === 'اعتراض' ? p.issue : `طرف ${noun}`,
    duration: span(b, 0.2),
    channel: 'online',
  })
  if (slots.has('hearing'))
    f.task({
      title: `حضور در جلسهٔ رسیدگی ${noun === 'اعتراض' ? `در ${p.commission}` : ''}`.trim(),
      actor: 'citizen',
      unit: noun === 'اعتراض' ? p.commission : p.expert,
      duration: quick(b, 30, 90),
      channel: 'in_person',
      attend: true,
    })
  if (slots.has('expert'))
    f.task({
      title: 'حضور در بازدید یا کارشناسی',
      actor: 'citizen',
      unit: p.inspector,
      duration: quick(b, 30, 120),
      channel: 'in_person',
      attend: true,
    })
  f.task({
    title:
      noun === 'اعتراض'
        ? `رسیدگی به اعتراض در ${p.commission}`
        : `بررسی کارشناسی و رسیدگی به ${noun}`,
    actor: 'agency',
    unit: noun === 'اعتراض' ? p.commission : p.expert,
    duration: dur(0, 0, 'minute'),
    channel: 'internal',
    main: true,
  })
  f.gate(
    { title: `${noun} وارد است؟`, unit: noun === 'اعتراض' ? p.commission : p.expert, legal: true },
    {
      title: `ابلاغ رد ${noun} و راه‌های اعتراض`,
      actor: 'agency',
      unit: p.reception,
      duration: span(b, 0.03, 8),
      channel: 'online',
    },
  )
  f.task({
    title:
      noun === 'اعتراض'
        ? 'صدور رأی و اصلاح تصمیم'
        : noun === 'گزارش'
          ? 'اقدام قانونی علیه متخلف'
          : 'صدور دستور جبران و پیگیری اجرا',
    actor: 'agency',
    unit: p.expert,
    duration: span(b, 0.08, 3 * HOURS_PER.working_day),
    channel: 'internal',
  })
  if (slots.has('ruling'))
    f.task({
      title: 'مراجعه و دریافت رأی',
      actor: 'citizen',
      unit: p.office,
      duration: quick(b, 10, 30),
      channel: 'in_person',
      attend: true,
    })
  else deliver(f, ctx, 'notify')
}

function quickCounterPattern(f: Flow, ctx: Ctx, variant: VariantPlan | null): void {
  const { b, p, title } = ctx
  if (ctx.via === 'online' || ctx.via === 'app')
    f.task({
      title: `ثبت درخواست و گرفتن نوبت در ${ctx.via === 'app' ? appName(ctx) : p.portal}`,
      actor: 'citizen',
      unit: null,
      duration: quick(b, 3, 10),
      channel: 'online',
    })
  const arrive = f.task({
    ...submitStep(ctx, true),
    title: /غربالگری|واکسیناسیون|اهدای|معاینه/.test(title)
      ? `مراجعه به ${p.office} و پذیرش`
      : submitStep(ctx, true).title,
  })
  if (ctx.bring.length === 0)
    f.gate(
      { title: 'شرایط لازم برای ارائهٔ خدمت فراهم است؟', unit: p.expert },
      {
        title: 'اعلام دلیل و ارجاع متقاضی',
        actor: 'agency',
        unit: p.expert,
        duration: quick(b, 2, 5),
        channel: 'in_person',
      },
    )
  else
    f.check(
      { title: 'مدارک و شرایط لازم فراهم است؟', unit: p.reception },
      {
        title: 'اعلام کمبود مدارک یا شرایط',
        actor: 'agency',
        unit: p.reception,
        duration: quick(b, 2, 5),
        channel: 'in_person',
      },
      arrive,
      'بازگشت برای تکمیل مدارک',
    )
  addVariant(f, variant, p.reception)
  inquiries(f, ctx, variant)
  const act = /غربالگری/.test(title)
    ? 'انجام آزمون غربالگری'
    : /واکسیناسیون|واکسن/.test(title)
      ? 'تزریق واکسن و ثبت در سامانه'
      : /اهدای/.test(title)
        ? 'معاینهٔ پزشکی و اهدا'
        : /ترخیص/.test(title)
          ? 'ارزیابی کالا و محاسبهٔ حقوق ورودی'
          : `بررسی و ثبت درخواست توسط ${p.expert}`
  f.task({
    title: act,
    actor: 'agency',
    unit: p.expert,
    duration: dur(0, 0, 'minute'),
    channel: 'in_person',
    main: true,
    legal: true,
  })
  payment(f, ctx, PAID_AT_COUNTER.has(ctx.via))
  f.task({
    title: `${produce(ctx)} و تحویل به متقاضی`,
    actor: 'agency',
    unit: p.issue,
    duration: quick(b, 2, 10),
    channel: 'in_person',
  })
}

function quickOnlinePattern(f: Flow, ctx: Ctx, variant: VariantPlan | null): void {
  const { b, p } = ctx
  const where = ctx.via === 'app' ? appName(ctx) : p.portal
  const form = f.task({
    title: `ورود به ${where} و تکمیل فرم`,
    actor: 'citizen',
    unit: null,
    duration: quick(b, 10, 20),
    channel: 'online',
  })
  if (ctx.bring.length > 0)
    f.task({
      title: 'بارگذاری مدارک',
      actor: 'citizen',
      unit: null,
      duration: quick(b, 5, 10),
      channel: 'online',
      documents: ctx.bring,
    })
  addVariant(f, variant, p.expert)
  inquiries(f, ctx, variant)
  payment(f, ctx, false)
  f.task({
    title: 'کنترل خودکار اطلاعات با سامانه‌های استعلام',
    actor: 'system',
    unit: p.name,
    duration: dur(0, 0, 'minute'),
    channel: 'internal',
    main: true,
  })
  f.check(
    { title: 'اطلاعات با استعلام‌ها مطابقت دارد؟', unit: null, actor: 'system', legal: true },
    {
      title: 'اعلام مغایرت و باز شدن امکان ویرایش',
      actor: 'system',
      unit: null,
      duration: quick(b, 1, 5),
      channel: 'online',
    },
    form,
    'بازگشت برای ویرایش اطلاعات',
  )
  f.task({
    title: produce(ctx),
    actor: 'system',
    unit: p.issue,
    duration: quick(b, 1, 5),
    channel: 'online',
  })
}

function utilityPattern(f: Flow, ctx: Ctx, variant: VariantPlan | null): void {
  const { b, p } = ctx
  const slots = chooseVisits(ctx.visits, [
    'contract',
    COUNTER_VIAS.has(ctx.via) && 'submit',
    'originals',
  ])
  const submit = f.task(submitStep(ctx, slots.has('submit')))
  documentCheck(f, ctx, submit, false)
  if (slots.has('originals'))
    f.task({
      title: 'مراجعه برای تطبیق اصل مدارک',
      actor: 'citizen',
      unit: p.office,
      duration: quick(b, 15, 30),
      channel: 'in_person',
      attend: true,
      documents: ctx.bring,
    })
  addVariant(f, variant, p.expert)
  inquiries(f, ctx, variant)
  f.task({
    title: 'بازدید مأمور فنی از محل و برآورد هزینه',
    actor: 'agency',
    unit: p.inspector,
    duration: span(b, 0.15),
    channel: 'in_person',
  })
  f.gate(
    { title: 'امکان فنی واگذاری وجود دارد؟', unit: p.expert, legal: true },
    {
      title: 'اعلام عدم امکان فنی و زمان‌بندی توسعهٔ شبکه',
      actor: 'agency',
      unit: p.expert,
      duration: span(b, 0.05, 16),
      channel: 'online',
    },
  )
  payment(f, ctx, false)
  f.task(
    slots.has('contract')
      ? {
          title: `مراجعه به ${p.office} و امضای قرارداد`,
          actor: 'citizen',
          unit: p.office,
          duration: quick(b, 20, 40),
          channel: 'in_person',
          attend: true,
        }
      : {
          title: 'پذیرش الکترونیکی قرارداد و تعهدنامه',
          actor: 'citizen',
          unit: null,
          duration: quick(b, 5, 10),
          channel: 'online',
        },
  )
  f.task({
    title: /کنتور/.test(ctx.title) ? 'تأمین و نصب کنتور' : 'اجرای انشعاب و نصب کنتور',
    actor: 'agency',
    unit: p.issue,
    duration: dur(0, 0, 'minute'),
    channel: 'in_person',
    main: true,
  })
  f.task({
    title: 'تخصیص شمارهٔ اشتراک و اطلاع‌رسانی',
    actor: 'system',
    unit: p.name,
    duration: quick(b, 1, 10),
    channel: 'online',
  })
}

/** Places where a licence needs an inspection of the premises. */
const PREMISES =
  /مطب|داروخانه|مهدکودک|آموزشگاه|باشگاه|اقامتگاه|واحد|کارگاه|ساختمان|چاه|مدرسه|مراکز|مؤسسه|فروشگاه|درمانگاه|پایان‌کار|دفتر|آزمایشگاه|پرورش|حفاری|تابلو|شناور|تأسیس|بهره‌برداری|عدم خلاف|حیات وحش|شهرک/

/** Deeds and industrial property that are advertised before they are registered. */
const ADVERTISED =
  /المثنی|قولنامه|فاقد سند|تحدید|تعیین تکلیف|باغ|اراضی|روستایی|تاریخی|شالیزاری|علامت تجاری|اختراع/

const SABT_AHVAL_BOARD = /تغییر نام|اصلاح تاریخ|فاقد شناسنامه|خارج از مهلت/

/** Licences that need an interview with the applicant in person. */
const PERSONAL =
  /مترجم|راهنمای گردشگری|نمایندگی بیمه|حق‌العمل‌کاری|اشتغال به کار|مطب|شکار|دریانوردی|مهارت|صنعتگری|سرپرستی/

const DISABILITY =
  /معلولیت|ازکارافتادگی|جانبازی|بیماران خاص|سلامت و آمادگی|صدمات|تعیین هویت|علت فوت/

/** What the process turns on, once the file has been reviewed. */
type Decisive =
  | 'board'
  | 'committee'
  | 'eligibility'
  | 'debt'
  | 'authenticity'
  | 'company'
  | 'registration'
  | 'approval'
  | 'none'

function decisiveOf(ctx: Ctx, cls: Cls, board: boolean, exam: boolean): Decisive {
  const { title } = ctx
  if (board) return 'board'
  if (cls === 'benefit') return 'eligibility'
  if (/ثبت شرکت|تغییرات شرکت|مؤسسات غیرتجاری/.test(title)) return 'company'
  if (
    (cls === 'license' || /کاربری|ارزیابی اثرات|درصد جانبازی/.test(title)) &&
    (ctx.longest >= 20 * HOURS_PER.working_day ||
      /تأسیس|صلاحیت|اکتشاف|حفر|کاربری|اثرات/.test(title))
  )
    return 'committee'
  if (/مفاصا|عدم بدهی/.test(title)) return 'debt'
  if (/ارزشیابی|تأیید مدارک|تأییدیه/.test(title)) return 'authenticity'
  if (cls === 'registration' && /ثبت‌نام|عضویت|بیمه|تشکیل پرونده|ثبت /.test(title))
    return 'registration'
  if (cls === 'card' || cls === 'customs' || exam) return 'none'
  return 'approval'
}

/** Applications at a counter or online: cards, licences, benefits, certificates, registrations. */
function standardPattern(
  f: Flow,
  ctx: Ctx,
  cls: Cls,
  headKey: string,
  variant: VariantPlan | null,
): void {
  const { b, p, title } = ctx
  const counter = COUNTER_VIAS.has(ctx.via)
  const driving =
    /گواهی‌نامه رانندگی|گواهی‌نامه موتورسیکلت|ارتقای پایه/.test(title) && !/تمدید|المثنی/.test(title)
  const exam = driving || (/آزمون/.test(title) && cls !== 'benefit')
  const biometric =
    /کارت ملی|گذرنامه|کارت هوشمند|امضای الکترونیکی/.test(title) && !/پیگیری|اجازه‌نامه/.test(title)
  const board = headKey === 'sabt-ahval' && SABT_AHVAL_BOARD.test(title)
  const deed = headKey === 'sabt-asnad' && /سند|تحدید|تفکیک|تعیین تکلیف/.test(title)
  const disability = DISABILITY.test(title)
  const separateExams = driving && ctx.visits >= 3
  const slots = chooseVisits(ctx.visits, [
    separateExams && 'exam1',
    separateExams && 'exam2',
    exam && !separateExams && 'exam',
    counter && 'submit',
    disability && 'medical',
    biometric && 'biometric',
    board && 'hearing',
    deed && 'survey',
    cls === 'card' && ctx.physical && 'pickup',
    !counter && ctx.bring.length > 0 && 'originals',
    cls === 'benefit' && /وام|تسهیلات|مسکن/.test(title) && 'contract',
    PERSONAL.test(title) && 'interview',
    ctx.physical && 'pickup',
    cls === 'license' && 'commitment',
    'interview',
    'followup',
    'course',
  ])
  const submit = f.task(submitStep(ctx, slots.has('submit')))
  documentCheck(f, ctx, submit, true)
  if (slots.has('originals'))
    f.task({
      title: 'مراجعه حضوری برای تطبیق اصل مدارک',
      actor: 'citizen',
      unit: p.office,
      duration: quick(b, 15, 40),
      channel: 'in_person',
      attend: true,
      documents: ctx.bring,
    })
  addVariant(f, variant, p.expert)
  inquiries(f, ctx, variant)

  if (cls === 'benefit' && /emdad|behzisti|mcls/.test(headKey))
    f.task({
      title: 'استعلام وضعیت اقتصادی خانوار از پایگاه رفاه ایرانیان',
      actor: 'other_agency',
      unit: 'وزارت تعاون، کار و رفاه اجتماعی',
      duration: inquiryDuration(ctx),
      channel: 'online',
    })

  if (slots.has('biometric'))
    f.task({
      title: 'ثبت عکس، اثر انگشت و امضا',
      actor: 'citizen',
      unit: counter ? submitStep(ctx, true).unit : p.office,
      duration: quick(b, 10, 20),
      channel: counter ? 'counter_office' : 'in_person',
      attend: true,
      description: 'اطلاعات زیست‌سنجی در نوبت تعیین‌شده و با حضور متقاضی ثبت می‌شود.',
    })

  if (exam) examSteps(f, ctx, driving, separateExams, slots)

  if (slots.has('medical'))
    f.task({
      title: /سلامت و آمادگی/.test(title)
        ? 'حضور نوآموز در پایگاه سنجش و انجام معاینات'
        : headKey === 'lmo'
          ? 'حضور در مرکز پزشکی قانونی برای معاینه یا نمونه‌برداری'
          : `حضور در ${p.commission}`,
      actor: 'citizen',
      unit: headKey === 'lmo' ? p.office : p.commission,
      duration: quick(b, 30, 90),
      channel: 'in_person',
      attend: true,
    })
  else if (disability)
    f.task({
      title: 'بررسی پروندهٔ پزشکی',
      actor: 'agency',
      unit: p.commission,
      duration: span(b, 0.1),
      channel: 'internal',
    })

  if (board && /تاریخ تولد/.test(title))
    f.task({
      title: 'استعلام نظر پزشکی قانونی دربارهٔ سن متقاضی',
      actor: 'other_agency',
      unit: 'سازمان پزشکی قانونی کشور',
      duration: span(b, 0.1),
      channel: 'online',
    })

  if (cls === 'benefit' && /emdad|behzisti/.test(headKey))
    f.task({
      title: 'بازدید مددکار از منزل و تکمیل گزارش مددکاری',
      actor: 'agency',
      unit: p.inspector,
      duration: span(b, 0.12),
      channel: 'in_person',
    })

  if (cls === 'license' && PREMISES.test(title)) {
    const visit = f.task({
      title: 'بازدید کارشناس از محل',
      actor: 'agency',
      unit: p.inspector,
      duration: span(b, 0.12),
      channel: 'in_person',
      description: 'کارشناس با هماهنگی قبلی از محل بازدید و گزارش آن را در سامانه ثبت می‌کند.',
    })
    const rules = /mohme|fda|ivo|behzisti|ppo|fisheries/.test(headKey)
      ? 'ضوابط فنی و بهداشتی'
      : /imo|isipo|mrud|mcth/.test(headKey)
        ? 'نقشه‌ها و ضوابط ساخت'
        : 'ضوابط فنی'
    f.check(
      { title: `محل با ${rules} مطابقت دارد؟`, unit: p.inspector },
      {
        title: 'اعلام نواقص و مهلت رفع آن',
        actor: 'agency',
        unit: p.inspector,
        duration: span(b, 0.03, 8),
        channel: 'online',
      },
      visit,
      'بازگشت برای بازدید مجدد پس از رفع نواقص',
    )
  }

  if (cls === 'customs') {
    const inspect = f.task({
      title: 'ارزیابی و بازرسی فیزیکی کالا',
      actor: 'agency',
      unit: p.inspector,
      duration: span(b, 0.15, 2 * HOURS_PER.working_day),
      channel: 'in_person',
      description:
        'مسیر سبز، زرد یا قرمز اظهارنامه را سامانه تعیین می‌کند؛ در مسیر قرمز کالا معاینه می‌شود.',
    })
    f.check(
      { title: 'کالا با اظهارنامه مطابقت دارد؟', unit: p.inspector },
      {
        title: 'تنظیم صورت‌جلسهٔ مغایرت و اعلام به صاحب کالا',
        actor: 'agency',
        unit: p.inspector,
        duration: span(b, 0.03, 8),
        channel: 'online',
      },
      inspect,
      'بازگشت برای اصلاح اظهارنامه',
    )
  }

  if (deed) {
    f.task({
      title: 'بازدید نقشه‌بردار و تهیهٔ نقشهٔ کاداستر',
      actor: 'agency',
      unit: p.inspector,
      duration: span(b, 0.12),
      channel: 'in_person',
    })
    if (slots.has('survey'))
      f.task({
        title: 'حضور مالک یا نماینده در اداره ثبت و امضای صورت‌مجلس',
        actor: 'citizen',
        unit: p.office,
        duration: quick(b, 20, 45),
        channel: 'in_person',
        attend: true,
      })
  }

  // The expert review, and whatever decides the request.
  const advertised = (deed || headKey === 'sabt-asnad') && ADVERTISED.test(title)
  const decisive = advertised && !board ? 'none' : decisiveOf(ctx, cls, board, exam)
  const mainAt: 'review' | 'board' | 'issue' = board
    ? 'board'
    : cls === 'card' || cls === 'customs'
      ? 'issue'
      : 'review'
  f.task({
    title:
      cls === 'benefit'
        ? 'بررسی پرونده و احراز شرایط'
        : cls === 'card'
          ? 'بررسی و تأیید درخواست'
          : cls === 'customs'
            ? 'ارزیابی نهایی و تعیین حقوق ورودی'
            : decisive === 'company'
              ? 'بررسی نام، اساسنامه و مدارک ثبتی'
              : /علامت تجاری|اختراع/.test(title)
                ? 'بررسی ماهوی و جست‌وجوی سوابق مشابه'
                : `بررسی کارشناسی ${cls === 'license' ? 'پرونده' : 'درخواست'}`,
    actor: 'agency',
    unit: p.expert,
    duration: mainAt === 'review' ? dur(0, 0, 'minute') : span(b, 0.1, 3 * HOURS_PER.working_day),
    channel: 'internal',
    main: mainAt === 'review',
  })
  if (slots.has('interview'))
    f.task({
      title:
        cls === 'benefit'
          ? 'حضور در جلسهٔ مصاحبهٔ مددکاری'
          : cls === 'license'
            ? 'حضور در جلسهٔ مصاحبهٔ تخصصی'
            : 'حضور برای مصاحبه و ارائهٔ توضیحات',
      actor: 'citizen',
      unit: p.expert,
      duration: quick(b, 30, 60),
      channel: 'in_person',
      attend: true,
    })
  if (advertised) {
    f.task({
      title: 'انتشار آگهی و انقضای مهلت اعتراض',
      actor: 'agency',
      unit: p.reception,
      duration: span(b, 0.2),
      channel: 'online',
      description:
        'آگهی در روزنامهٔ رسمی و روزنامهٔ کثیرالانتشار منتشر می‌شود و مهلت اعتراض از تاریخ انتشار است.',
    })
    f.gate(
      { title: 'در مهلت آگهی اعتراضی نرسید؟', unit: p.expert, legal: decisive === 'none' },
      {
        title: 'ارجاع اعتراض به مرجع قضایی و توقف رسیدگی',
        actor: 'agency',
        unit: p.expert,
        duration: span(b, 0.03, 16),
        channel: 'online',
      },
    )
  }
  decide(f, ctx, decisive, submit, slots.has('hearing'))

  payment(f, ctx, PAID_AT_COUNTER.has(ctx.via) && slots.has('submit'), cls === 'customs')
  if (slots.has('contract'))
    f.task({
      title: 'امضای قرارداد و معرفی ضامن',
      actor: 'citizen',
      unit: p.office,
      duration: quick(b, 30, 60),
      channel: 'in_person',
      attend: true,
    })
  if (slots.has('commitment'))
    f.task({
      title: 'مراجعه برای امضای تعهدنامه',
      actor: 'citizen',
      unit: p.office,
      duration: quick(b, 15, 30),
      channel: 'in_person',
      attend: true,
    })
  if (slots.has('course'))
    f.task({
      title: 'شرکت در جلسهٔ آموزشی و توجیهی',
      actor: 'citizen',
      unit: p.expert,
      duration: quick(b, 60, 120),
      channel: 'in_person',
      attend: true,
    })
  if (slots.has('followup'))
    f.task({
      title: 'مراجعه برای تکمیل پرونده',
      actor: 'citizen',
      unit: p.office,
      duration: quick(b, 20, 40),
      channel: 'in_person',
      attend: true,
    })

  // The outcome.
  if (cls === 'benefit') {
    benefitOutcome(f, ctx)
    return
  }
  f.task({
    title:
      decisive === 'company'
        ? 'ثبت در سامانه و انتشار آگهی در روزنامهٔ رسمی'
        : cls === 'registration' && !produce(ctx).startsWith('ثبت')
          ? `ثبت نهایی و ${produce(ctx)}`
          : produce(ctx),
    actor: 'agency',
    unit: p.issue,
    duration: mainAt === 'issue' ? dur(0, 0, 'minute') : span(b, 0.06, 2 * HOURS_PER.working_day),
    channel: 'internal',
    main: mainAt === 'issue',
    legal: mainAt === 'issue' && decisive === 'none' && !exam && !advertised,
  })
  deliver(
    f,
    ctx,
    slots.has('pickup')
      ? 'pickup'
      : ctx.physical && b.maxH >= 4 * HOURS_PER.working_day
        ? 'post'
        : 'notify',
  )
}

function examSteps(
  f: Flow,
  ctx: Ctx,
  driving: boolean,
  separate: boolean,
  slots: Set<string>,
): void {
  const { b, p } = ctx
  const unit = driving ? 'مرکز آزمون پلیس راهور' : `مرکز آزمون ${p.name}`
  const retake = (title: string) => ({
    title,
    actor: 'agency' as const,
    unit,
    duration: span(b, 0.1, 2 * HOURS_PER.working_day),
    channel: 'online' as const,
  })
  if (separate) {
    const theory = f.task({
      title: 'شرکت در آزمون آیین‌نامه',
      actor: 'citizen',
      unit,
      duration: quick(b, 30, 60),
      channel: 'in_person',
      attend: slots.has('exam1'),
    })
    f.check(
      { title: 'در آزمون آیین‌نامه پذیرفته شد؟', unit },
      retake('تعیین نوبت آزمون مجدد آیین‌نامه'),
      theory,
      'بازگشت برای آزمون مجدد',
    )
    const drive = f.task({
      title: 'شرکت در آزمون عملی رانندگی',
      actor: 'citizen',
      unit,
      duration: quick(b, 30, 60),
      channel: 'in_person',
      attend: slots.has('exam2'),
    })
    f.check(
      { title: 'در آزمون عملی پذیرفته شد؟', unit, legal: true },
      retake('تعیین نوبت آزمون عملی مجدد'),
      drive,
      'بازگشت برای آزمون مجدد',
    )
    return
  }
  const sitting = f.task({
    title: driving ? 'شرکت در آزمون‌های آیین‌نامه و عملی' : 'شرکت در آزمون کتبی و عملی',
    actor: 'citizen',
    unit,
    duration: quick(b, 60, 120),
    channel: 'in_person',
    attend: slots.has('exam'),
  })
  f.check(
    { title: 'در آزمون پذیرفته شد؟', unit, legal: true },
    retake('تعیین نوبت آزمون مجدد'),
    sitting,
    'بازگشت برای آزمون مجدد',
  )
}

function decide(f: Flow, ctx: Ctx, decisive: Decisive, submit: string, hearing: boolean): void {
  const { b, p } = ctx
  const notice = (title: string, unit: string = p.reception): StepSpec => ({
    title,
    actor: 'agency',
    unit,
    duration: span(b, 0.03, 8),
    channel: 'online',
  })
  switch (decisive) {
    case 'board':
      f.task({
        title: `طرح پرونده در ${p.commission}`,
        actor: 'agency',
        unit: p.commission,
        duration: dur(0, 0, 'minute'),
        channel: 'internal',
        main: true,
      })
      if (hearing)
        f.task({
          title: `حضور در جلسهٔ ${p.commission}`,
          actor: 'citizen',
          unit: p.commission,
          duration: quick(b, 30, 60),
          channel: 'in_person',
          attend: true,
        })
      f.gate(
        { title: `${p.commission} با درخواست موافقت کرد؟`, unit: p.commission, legal: true },
        notice('ابلاغ رأی رد و راه اعتراض'),
      )
      return
    case 'committee':
      f.task({
        title: `طرح پرونده در ${p.licensing}`,
        actor: 'agency',
        unit: p.licensing,
        duration: span(b, 0.12),
        channel: 'internal',
      })
      f.gate(
        { title: `${p.licensing} با درخواست موافقت کرد؟`, unit: p.licensing, legal: true },
        notice('ابلاغ رأی مخالفت و راه اعتراض'),
      )
      return
    case 'eligibility':
      f.gate(
        { title: 'متقاضی واجد شرایط است؟', unit: p.expert, legal: true },
        notice('اعلام عدم احراز شرایط و راه اعتراض'),
      )
      return
    case 'debt': {
      const owe = f.task({
        title: 'محاسبهٔ بدهی‌ها',
        actor: 'system',
        unit: p.expert,
        duration: quick(b, 5, 30),
        channel: 'internal',
      })
      f.check(
        { title: 'بدهی معوقی وجود ندارد؟', unit: p.expert, legal: true },
        {
          title: 'صدور برگ بدهی و پرداخت آن توسط متقاضی',
          actor: 'citizen',
          unit: null,
          duration: span(b, 0.1, 2 * HOURS_PER.working_day),
          channel: 'online',
        },
        owe,
        'بازگشت پس از تسویهٔ بدهی',
      )
      return
    }
    case 'authenticity':
      f.task({
        title: 'استعلام اصالت مدرک از مرجع صادرکننده',
        actor: 'other_agency',
        unit: 'دانشگاه یا مرجع صادرکنندهٔ مدرک',
        duration: span(b, 0.15),
        channel: 'online',
      })
      f.gate(
        { title: 'اصالت مدرک تأیید شد؟', unit: p.expert, legal: true },
        notice('اعلام عدم تأیید مدرک و دلایل آن'),
      )
      return
    case 'company':
      f.check(
        { title: 'نام و اساسنامه با قانون تجارت مطابقت دارد؟', unit: p.expert, legal: true },
        {
          title: 'اعلام ایرادات ثبتی به متقاضی',
          actor: 'system',
          unit: p.expert,
          duration: quick(b, 5, 30),
          channel: 'online',
        },
        submit,
        'بازگشت برای رفع ایرادات',
      )
      return
    case 'registration':
      f.check(
        { title: 'اطلاعات ثبت‌نام تأیید شد؟', unit: p.expert, legal: true },
        {
          title: 'اعلام مغایرت اطلاعات به متقاضی',
          actor: 'system',
          unit: p.expert,
          duration: quick(b, 5, 30),
          channel: 'online',
        },
        submit,
        'بازگشت برای اصلاح اطلاعات',
      )
      return
    case 'approval':
      f.gate(
        { title: 'درخواست تأیید شد؟', unit: p.expert, legal: true },
        notice('اعلام عدم تأیید و دلایل آن'),
      )
      return
    case 'none':
      return
  }
}

function benefitOutcome(f: Flow, ctx: Ctx): void {
  const { b, p, title } = ctx
  const loan = /وام|تسهیلات/.test(title)
  const pays = /مستمری|غرامت|کمک|بازپرداخت|استرداد|مشوق|وام|مقرری|یارانه|شهریه|تسهیلات|فروش/.test(
    title,
  )
  f.task({
    title: /مستمری|مقرری/.test(title)
      ? 'محاسبه و برقراری مستمری'
      : loan
        ? 'تصویب تسهیلات و معرفی به بانک عامل'
        : pays
          ? 'محاسبهٔ مبلغ و صدور دستور پرداخت'
          : produce(ctx),
    actor: 'agency',
    unit: p.issue,
    duration: span(b, 0.1, 3 * HOURS_PER.working_day),
    channel: 'internal',
  })
  const bank = ctx.content.documents.find((d) => d.name.includes('شبا'))
  if (pays)
    f.task({
      title: loan ? 'پرداخت تسهیلات توسط بانک عامل' : 'واریز به حساب متقاضی',
      actor: loan ? 'other_agency' : 'system',
      unit: loan ? 'بانک عامل' : p.name,
      duration: span(b, 0.05, 3 * HOURS_PER.working_day),
      channel: 'online',
      documents: bank ? [bank.name] : [],
    })
  else deliver(f, ctx, 'notify')
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/**
 * A realistic process for one version of a demo service, from its card: valid (processProblems
 * is empty), within the card's declared time, with as many in-person visits on its longest path
 * as the card declares. `lawIdOf` maps the card's law keys to the law registry's ids.
 */
export function demoProcessFor(
  service: DemoService,
  versionIndex: number,
  content: Content,
  lawIdOf: (lawKey: string) => string,
): ServiceProcess {
  const ctx = contextOf(service, versionIndex, content, lawIdOf)
  const agency = agencyByKey.get(service.agencyKey)
  const headKey = agency ? headOf(agency).key : service.agencyKey
  const cls = classify(ctx)
  const f = new Flow(ctx)
  const variant = variantFor(ctx, cls, headKey)
  switch (cls) {
    case 'instant':
      instantPattern(f, ctx)
      break
    case 'hotline':
      hotlinePattern(f, ctx)
      break
    case 'g2g':
      g2gPattern(f, ctx)
      break
    case 'automatic':
      automaticPattern(f, ctx)
      break
    case 'complaint':
      complaintPattern(f, ctx, variant)
      break
    case 'quick_counter':
      quickCounterPattern(f, ctx, variant)
      break
    case 'quick_online':
      quickOnlinePattern(f, ctx, variant)
      break
    case 'utility':
      utilityPattern(f, ctx, variant)
      break
    default:
      standardPattern(f, ctx, cls, headKey, variant)
  }
  const previous = service.versions[versionIndex - 1]
  const before =
    versionIndex > 0 && previous
      ? demoProcessFor(service, versionIndex - 1, previous.content, lawIdOf)
      : null
  return f.build(before)
}
