/**
 * Demo data for the agency hierarchy (ministry → organisation → provincial office → city office).
 *
 * Names, parents and websites of ministries and national organisations follow the real
 * structure of the Iranian executive (the 19 ministries of the 14th government, 2024); bodies
 * that report to the presidency, the judiciary or are public non-governmental institutions are
 * top-level organisations without a parent. Phone numbers, e-mail addresses and street
 * addresses are GENERATED (deterministically, from each key) and are not real contact details.
 * Provincial and city offices are generated from {@link PROVINCES}.
 */

import { toPersianDigits } from '../../lib/fa/digits.ts'
import {
  findProvince,
  PROVINCES,
  type Province,
  type ProvinceCode,
} from '../../lib/iran/provinces.ts'
import type { AgencyLevel } from '../agencies/index.ts'

/** Levels from the top of the hierarchy down; a parent always comes earlier than its child. */
export const DEMO_AGENCY_LEVELS: readonly AgencyLevel[] = [
  'ministry',
  'organisation',
  'provincial_office',
  'city_office',
]

export interface DemoAgency {
  /** Stable latin key, e.g. 'mohme', 'sabt-ahval', 'sabt-ahval-tehran'. */
  key: string
  parentKey?: string
  level: AgencyLevel
  nameFa: string
  nameEn: string
  shortNameFa?: string
  website?: string
  /** Landline in national format, e.g. '021-88888888' (generated). */
  phone?: string
  email?: string
  /** Persian street address (generated). */
  address?: string
  /** For provincial and city offices: a code from PROVINCES. */
  provinceCode?: string
}

// ---------------------------------------------------------------------------
// Deterministic generators for contact details
// ---------------------------------------------------------------------------

/** FNV-1a 32-bit hash: a stable seed per key, so regenerating the data never changes it. */
function hash32(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Small deterministic PRNG (mulberry32) returning integers in [0, n). */
function seededInts(key: string): (n: number) => number {
  let state = hash32(key)
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) % n
  }
}

/** `0XX-XXXXXXXX`: area code and an 8-digit subscriber number starting with 3–8. */
function demoPhone(key: string, areaCode: string): string {
  const next = seededInts(`phone:${key}`)
  let subscriber = String(3 + next(6))
  while (subscriber.length < 8) subscriber += String(next(10))
  return `${areaCode}-${subscriber}`
}

const STREETS = [
  'خیابان آزادی',
  'بلوار امام خمینی',
  'خیابان شهید بهشتی',
  'بلوار جمهوری اسلامی',
  'خیابان طالقانی',
  'خیابان شریعتی',
  'بلوار کشاورز',
  'خیابان انقلاب',
  'بلوار معلم',
  'خیابان شهید مطهری',
  'خیابان فردوسی',
  'بلوار پاسداران',
  'خیابان حافظ',
  'بلوار شهید چمران',
  'خیابان ولیعصر',
] as const

const LANES = [
  'کوچه بهار',
  'کوچه نسترن',
  'کوچه یاس',
  'کوچه لاله',
  'کوچه ارغوان',
  'کوچه صنوبر',
  'نبش کوچه سروستان',
  'روبه‌روی پارک شهر',
] as const

function pick<T>(items: readonly T[], next: (n: number) => number): T {
  const item = items[next(items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

/** «شهر، خیابان …، کوچه …، پلاک ۱۲۳» with Persian digits. */
function demoAddress(key: string, cityFa: string): string {
  const next = seededInts(`address:${key}`)
  const street = pick(STREETS, next)
  const lane = pick(LANES, next)
  const plaque = toPersianDigits(1 + next(240))
  return `${cityFa}، ${street}، ${lane}، پلاک ${plaque}`
}

// ---------------------------------------------------------------------------
// Ministries and national organisations (head offices, all in Tehran)
// ---------------------------------------------------------------------------

interface HeadOffice {
  key: string
  parentKey?: string
  nameFa: string
  nameEn: string
  shortNameFa?: string
  /** Registrable domain; the website is `https://www.<domain>`, e-mail `info@<domain>`. */
  domain: string
}

const TEHRAN_AREA_CODE = '021'

function headOffice(level: 'ministry' | 'organisation', o: HeadOffice): DemoAgency {
  const { domain, ...rest } = o
  return {
    ...rest,
    level,
    website: `https://www.${domain}`,
    phone: demoPhone(o.key, TEHRAN_AREA_CODE),
    email: `info@${domain}`,
    address: demoAddress(o.key, 'تهران'),
  }
}

/** The 19 ministries (وزارتخانه‌ها) of the Islamic Republic of Iran. */
const MINISTRIES: readonly HeadOffice[] = [
  {
    key: 'mfa',
    nameFa: 'وزارت امور خارجه',
    nameEn: 'Ministry of Foreign Affairs',
    shortNameFa: 'وزارت خارجه',
    domain: 'mfa.gov.ir',
  },
  { key: 'moi', nameFa: 'وزارت کشور', nameEn: 'Ministry of Interior', domain: 'moi.ir' },
  {
    key: 'mefa',
    nameFa: 'وزارت امور اقتصادی و دارایی',
    nameEn: 'Ministry of Economic Affairs and Finance',
    shortNameFa: 'وزارت اقتصاد',
    domain: 'mefa.ir',
  },
  { key: 'mois', nameFa: 'وزارت اطلاعات', nameEn: 'Ministry of Intelligence', domain: 'vaja.ir' },
  {
    key: 'mod',
    nameFa: 'وزارت دفاع و پشتیبانی نیروهای مسلح',
    nameEn: 'Ministry of Defence and Armed Forces Logistics',
    shortNameFa: 'وزارت دفاع',
    domain: 'mod.ir',
  },
  { key: 'moj', nameFa: 'وزارت دادگستری', nameEn: 'Ministry of Justice', domain: 'justice.ir' },
  {
    key: 'medu',
    nameFa: 'وزارت آموزش و پرورش',
    nameEn: 'Ministry of Education',
    domain: 'medu.ir',
  },
  {
    key: 'msrt',
    nameFa: 'وزارت علوم، تحقیقات و فناوری',
    nameEn: 'Ministry of Science, Research and Technology',
    shortNameFa: 'وزارت علوم',
    domain: 'msrt.ir',
  },
  {
    key: 'mohme',
    nameFa: 'وزارت بهداشت، درمان و آموزش پزشکی',
    nameEn: 'Ministry of Health and Medical Education',
    shortNameFa: 'وزارت بهداشت',
    domain: 'behdasht.gov.ir',
  },
  {
    key: 'mcls',
    nameFa: 'وزارت تعاون، کار و رفاه اجتماعی',
    nameEn: 'Ministry of Cooperatives, Labour and Social Welfare',
    shortNameFa: 'وزارت رفاه',
    domain: 'mcls.gov.ir',
  },
  {
    key: 'mcig',
    nameFa: 'وزارت فرهنگ و ارشاد اسلامی',
    nameEn: 'Ministry of Culture and Islamic Guidance',
    shortNameFa: 'وزارت ارشاد',
    domain: 'farhang.gov.ir',
  },
  {
    key: 'mict',
    nameFa: 'وزارت ارتباطات و فناوری اطلاعات',
    nameEn: 'Ministry of Information and Communications Technology',
    shortNameFa: 'وزارت ارتباطات',
    domain: 'ict.gov.ir',
  },
  { key: 'moe', nameFa: 'وزارت نیرو', nameEn: 'Ministry of Energy', domain: 'moe.gov.ir' },
  { key: 'mop', nameFa: 'وزارت نفت', nameEn: 'Ministry of Petroleum', domain: 'mop.ir' },
  {
    key: 'mimt',
    nameFa: 'وزارت صنعت، معدن و تجارت',
    nameEn: 'Ministry of Industry, Mine and Trade',
    shortNameFa: 'وزارت صمت',
    domain: 'mimt.gov.ir',
  },
  {
    key: 'maj',
    nameFa: 'وزارت جهاد کشاورزی',
    nameEn: 'Ministry of Agriculture Jihad',
    shortNameFa: 'وزارت جهاد',
    domain: 'maj.ir',
  },
  {
    key: 'mrud',
    nameFa: 'وزارت راه و شهرسازی',
    nameEn: 'Ministry of Roads and Urban Development',
    shortNameFa: 'وزارت راه',
    domain: 'mrud.ir',
  },
  {
    key: 'msy',
    nameFa: 'وزارت ورزش و جوانان',
    nameEn: 'Ministry of Sport and Youth',
    shortNameFa: 'وزارت ورزش',
    domain: 'msy.gov.ir',
  },
  {
    key: 'mcth',
    nameFa: 'وزارت میراث فرهنگی، گردشگری و صنایع‌دستی',
    nameEn: 'Ministry of Cultural Heritage, Tourism and Handicrafts',
    shortNameFa: 'وزارت میراث فرهنگی',
    domain: 'mcth.ir',
  },
]

/**
 * National organisations. Those with `parentKey` are affiliated with a ministry; the rest report
 * to the presidency (e.g. سازمان اداری و استخدامی کشور), the judiciary (e.g. سازمان ثبت اسناد و
 * املاک کشور) or are public non-governmental institutions (e.g. کمیته امداد).
 */
const ORGANISATIONS: readonly HeadOffice[] = [
  // --- Presidency, judiciary and independent bodies (top level) ---
  {
    key: 'aro',
    nameFa: 'سازمان اداری و استخدامی کشور',
    nameEn: 'Administrative and Recruitment Organization of Iran',
    shortNameFa: 'سازمان اداری و استخدامی',
    domain: 'aro.gov.ir',
  },
  {
    key: 'pbo',
    nameFa: 'سازمان برنامه و بودجه کشور',
    nameEn: 'Plan and Budget Organization of Iran',
    shortNameFa: 'سازمان برنامه و بودجه',
    domain: 'mporg.ir',
  },
  {
    key: 'sabt-asnad',
    nameFa: 'سازمان ثبت اسناد و املاک کشور',
    nameEn: 'Deeds and Properties Registration Organization of Iran',
    shortNameFa: 'ثبت اسناد',
    domain: 'ssaa.ir',
  },
  {
    key: 'lmo',
    nameFa: 'سازمان پزشکی قانونی کشور',
    nameEn: 'Legal Medicine Organization of Iran',
    shortNameFa: 'پزشکی قانونی',
    domain: 'lmo.ir',
  },
  {
    key: 'gio',
    nameFa: 'سازمان بازرسی کل کشور',
    nameEn: 'General Inspection Organization of Iran',
    shortNameFa: 'سازمان بازرسی',
    domain: 'bazresi.ir',
  },
  {
    key: 'inso',
    nameFa: 'سازمان ملی استاندارد ایران',
    nameEn: 'Iranian National Standards Organization',
    shortNameFa: 'استاندارد',
    domain: 'inso.gov.ir',
  },
  {
    key: 'doe',
    nameFa: 'سازمان حفاظت محیط زیست',
    nameEn: 'Department of Environment',
    shortNameFa: 'محیط زیست',
    domain: 'doe.ir',
  },
  {
    key: 'nipo',
    nameFa: 'سازمان ملی بهره‌وری ایران',
    nameEn: 'National Iranian Productivity Organization',
    shortNameFa: 'سازمان بهره‌وری',
    domain: 'nipo.gov.ir',
  },
  {
    key: 'nlai',
    nameFa: 'سازمان اسناد و کتابخانه ملی جمهوری اسلامی ایران',
    nameEn: 'National Library and Archives of the Islamic Republic of Iran',
    shortNameFa: 'کتابخانه ملی',
    domain: 'nlai.ir',
  },
  {
    key: 'isaar',
    nameFa: 'بنیاد شهید و امور ایثارگران',
    nameEn: 'Foundation of Martyrs and Veterans Affairs',
    shortNameFa: 'بنیاد شهید',
    domain: 'isaar.ir',
  },
  {
    key: 'cbi',
    nameFa: 'بانک مرکزی جمهوری اسلامی ایران',
    nameEn: 'Central Bank of the Islamic Republic of Iran',
    shortNameFa: 'بانک مرکزی',
    domain: 'cbi.ir',
  },
  {
    key: 'emdad',
    nameFa: 'کمیته امداد امام خمینی',
    nameEn: 'Imam Khomeini Relief Foundation',
    shortNameFa: 'کمیته امداد',
    domain: 'emdad.ir',
  },

  // --- وزارت کشور ---
  {
    key: 'sabt-ahval',
    parentKey: 'moi',
    nameFa: 'سازمان ثبت احوال کشور',
    nameEn: 'National Organization for Civil Registration',
    shortNameFa: 'ثبت احوال',
    domain: 'sabteahval.ir',
  },
  {
    key: 'imo',
    parentKey: 'moi',
    nameFa: 'سازمان شهرداری‌ها و دهیاری‌های کشور',
    nameEn: 'Municipalities and Rural Administrations Organization of Iran',
    domain: 'imo.org.ir',
  },
  {
    key: 'ndmo',
    parentKey: 'moi',
    nameFa: 'سازمان مدیریت بحران کشور',
    nameEn: 'National Disaster Management Organization',
    shortNameFa: 'مدیریت بحران',
    domain: 'ndmo.ir',
  },

  // --- وزارت امور اقتصادی و دارایی ---
  {
    key: 'tax',
    parentKey: 'mefa',
    nameFa: 'سازمان امور مالیاتی کشور',
    nameEn: 'Iranian National Tax Administration',
    shortNameFa: 'امور مالیاتی',
    domain: 'intamedia.ir',
  },
  {
    key: 'customs',
    parentKey: 'mefa',
    nameFa: 'گمرک جمهوری اسلامی ایران',
    nameEn: 'Islamic Republic of Iran Customs Administration',
    shortNameFa: 'گمرک',
    domain: 'irica.ir',
  },
  {
    key: 'privatization',
    parentKey: 'mefa',
    nameFa: 'سازمان خصوصی‌سازی',
    nameEn: 'Iranian Privatization Organization',
    domain: 'ipo.ir',
  },
  {
    key: 'seo',
    parentKey: 'mefa',
    nameFa: 'سازمان بورس و اوراق بهادار',
    nameEn: 'Securities and Exchange Organization',
    shortNameFa: 'سازمان بورس',
    domain: 'seo.ir',
  },
  {
    key: 'central-insurance',
    parentKey: 'mefa',
    nameFa: 'بیمه مرکزی جمهوری اسلامی ایران',
    nameEn: 'Central Insurance of the Islamic Republic of Iran',
    shortNameFa: 'بیمه مرکزی',
    domain: 'centinsur.ir',
  },
  {
    key: 'investment',
    parentKey: 'mefa',
    nameFa: 'سازمان سرمایه‌گذاری و کمک‌های اقتصادی و فنی ایران',
    nameEn: 'Organization for Investment, Economic and Technical Assistance of Iran',
    domain: 'investiniran.ir',
  },
  {
    key: 'audit',
    parentKey: 'mefa',
    nameFa: 'سازمان حسابرسی',
    nameEn: 'Audit Organization',
    domain: 'audit.org.ir',
  },

  // --- وزارت تعاون، کار و رفاه اجتماعی ---
  {
    key: 'tamin',
    parentKey: 'mcls',
    nameFa: 'سازمان تأمین اجتماعی',
    nameEn: 'Social Security Organization',
    shortNameFa: 'تأمین اجتماعی',
    domain: 'tamin.ir',
  },
  {
    key: 'behzisti',
    parentKey: 'mcls',
    nameFa: 'سازمان بهزیستی کشور',
    nameEn: 'State Welfare Organization of Iran',
    shortNameFa: 'بهزیستی',
    domain: 'behzisti.ir',
  },
  {
    key: 'tvto',
    parentKey: 'mcls',
    nameFa: 'سازمان آموزش فنی و حرفه‌ای کشور',
    nameEn: 'Technical and Vocational Training Organization',
    shortNameFa: 'فنی و حرفه‌ای',
    domain: 'irantvto.ir',
  },
  {
    key: 'health-insurance',
    parentKey: 'mcls',
    nameFa: 'سازمان بیمه سلامت ایران',
    nameEn: 'Iran Health Insurance Organization',
    shortNameFa: 'بیمه سلامت',
    domain: 'ihio.gov.ir',
  },

  // --- وزارت بهداشت، درمان و آموزش پزشکی ---
  {
    key: 'fda',
    parentKey: 'mohme',
    nameFa: 'سازمان غذا و دارو',
    nameEn: 'Iran Food and Drug Administration',
    shortNameFa: 'غذا و دارو',
    domain: 'fda.gov.ir',
  },
  {
    key: 'blood-transfusion',
    parentKey: 'mohme',
    nameFa: 'سازمان انتقال خون ایران',
    nameEn: 'Iranian Blood Transfusion Organization',
    shortNameFa: 'انتقال خون',
    domain: 'ibto.ir',
  },
  {
    key: 'emergency',
    parentKey: 'mohme',
    nameFa: 'سازمان اورژانس کشور',
    nameEn: 'Iran Emergency Medical Services Organization',
    shortNameFa: 'اورژانس',
    domain: 'ems.ir',
  },

  // --- وزارت آموزش و پرورش ---
  {
    key: 'school-renovation',
    parentKey: 'medu',
    nameFa: 'سازمان نوسازی، توسعه و تجهیز مدارس کشور',
    nameEn: 'Organization for Renovation, Development and Equipping of Schools',
    shortNameFa: 'نوسازی مدارس',
    domain: 'dres.ir',
  },
  {
    key: 'oerp',
    parentKey: 'medu',
    nameFa: 'سازمان پژوهش و برنامه‌ریزی آموزشی',
    nameEn: 'Organization for Educational Research and Planning',
    domain: 'oerp.ir',
  },

  // --- وزارت علوم، تحقیقات و فناوری ---
  {
    key: 'sanjesh',
    parentKey: 'msrt',
    nameFa: 'سازمان سنجش آموزش کشور',
    nameEn: 'National Organization of Educational Testing',
    shortNameFa: 'سنجش',
    domain: 'sanjesh.org',
  },
  {
    key: 'student-affairs',
    parentKey: 'msrt',
    nameFa: 'سازمان امور دانشجویان',
    nameEn: 'Student Affairs Organization',
    domain: 'saorg.ir',
  },

  // --- وزارت راه و شهرسازی ---
  {
    key: 'land-housing',
    parentKey: 'mrud',
    nameFa: 'سازمان ملی زمین و مسکن',
    nameEn: 'National Land and Housing Organization',
    shortNameFa: 'زمین و مسکن',
    domain: 'nlho.ir',
  },
  {
    key: 'rmto',
    parentKey: 'mrud',
    nameFa: 'سازمان راهداری و حمل‌ونقل جاده‌ای',
    nameEn: 'Road Maintenance and Transportation Organization',
    shortNameFa: 'راهداری',
    domain: 'rmto.ir',
  },
  {
    key: 'cao',
    parentKey: 'mrud',
    nameFa: 'سازمان هواپیمایی کشوری',
    nameEn: 'Civil Aviation Organization of Iran',
    shortNameFa: 'هواپیمایی کشوری',
    domain: 'cao.ir',
  },
  {
    key: 'pmo',
    parentKey: 'mrud',
    nameFa: 'سازمان بنادر و دریانوردی',
    nameEn: 'Ports and Maritime Organization',
    shortNameFa: 'بنادر و دریانوردی',
    domain: 'pmo.ir',
  },
  {
    key: 'irimo',
    parentKey: 'mrud',
    nameFa: 'سازمان هواشناسی کشور',
    nameEn: 'Iran Meteorological Organization',
    shortNameFa: 'هواشناسی',
    domain: 'irimo.ir',
  },
  {
    key: 'railways',
    parentKey: 'mrud',
    nameFa: 'شرکت راه‌آهن جمهوری اسلامی ایران',
    nameEn: 'Railways of the Islamic Republic of Iran',
    shortNameFa: 'راه‌آهن',
    domain: 'rai.ir',
  },

  // --- وزارت ارتباطات و فناوری اطلاعات ---
  {
    key: 'post',
    parentKey: 'mict',
    nameFa: 'شرکت ملی پست جمهوری اسلامی ایران',
    nameEn: 'Iran Post Company',
    shortNameFa: 'پست',
    domain: 'post.ir',
  },
  {
    key: 'ito',
    parentKey: 'mict',
    nameFa: 'سازمان فناوری اطلاعات ایران',
    nameEn: 'Information Technology Organization of Iran',
    domain: 'ito.gov.ir',
  },
  {
    key: 'cra',
    parentKey: 'mict',
    nameFa: 'سازمان تنظیم مقررات و ارتباطات رادیویی',
    nameEn: 'Communications Regulatory Authority',
    shortNameFa: 'رگولاتوری',
    domain: 'cra.ir',
  },
  {
    key: 'isa',
    parentKey: 'mict',
    nameFa: 'سازمان فضایی ایران',
    nameEn: 'Iranian Space Agency',
    domain: 'isa.ir',
  },

  // --- وزارت نیرو ---
  {
    key: 'tavanir',
    parentKey: 'moe',
    nameFa: 'شرکت مدیریت تولید، انتقال و توزیع نیروی برق ایران (توانیر)',
    nameEn: 'Iran Power Generation, Transmission and Distribution Management Company (Tavanir)',
    shortNameFa: 'توانیر',
    domain: 'tavanir.org.ir',
  },
  {
    key: 'abfa',
    parentKey: 'moe',
    nameFa: 'شرکت مهندسی آب و فاضلاب کشور',
    nameEn: 'National Water and Wastewater Engineering Company',
    shortNameFa: 'آبفا',
    domain: 'abfa.ir',
  },
  {
    key: 'wrm',
    parentKey: 'moe',
    nameFa: 'شرکت مدیریت منابع آب ایران',
    nameEn: 'Iran Water Resources Management Company',
    domain: 'wrm.ir',
  },

  // --- وزارت نفت ---
  {
    key: 'nioc',
    parentKey: 'mop',
    nameFa: 'شرکت ملی نفت ایران',
    nameEn: 'National Iranian Oil Company',
    domain: 'nioc.ir',
  },
  {
    key: 'nigc',
    parentKey: 'mop',
    nameFa: 'شرکت ملی گاز ایران',
    nameEn: 'National Iranian Gas Company',
    shortNameFa: 'شرکت گاز',
    domain: 'nigc.ir',
  },
  {
    key: 'niopdc',
    parentKey: 'mop',
    nameFa: 'شرکت ملی پخش فرآورده‌های نفتی ایران',
    nameEn: 'National Iranian Oil Products Distribution Company',
    domain: 'niopdc.ir',
  },

  // --- وزارت صنعت، معدن و تجارت ---
  {
    key: 'tpo',
    parentKey: 'mimt',
    nameFa: 'سازمان توسعه تجارت ایران',
    nameEn: 'Trade Promotion Organization of Iran',
    domain: 'tpo.ir',
  },
  {
    key: 'isipo',
    parentKey: 'mimt',
    nameFa: 'سازمان صنایع کوچک و شهرک‌های صنعتی ایران',
    nameEn: 'Iran Small Industries and Industrial Parks Organization',
    shortNameFa: 'شهرک‌های صنعتی',
    domain: 'isipo.ir',
  },
  {
    key: 'gsi',
    parentKey: 'mimt',
    nameFa: 'سازمان زمین‌شناسی و اکتشافات معدنی کشور',
    nameEn: 'Geological Survey and Mineral Explorations of Iran',
    domain: 'gsi.ir',
  },

  // --- وزارت جهاد کشاورزی ---
  {
    key: 'ivo',
    parentKey: 'maj',
    nameFa: 'سازمان دامپزشکی کشور',
    nameEn: 'Iran Veterinary Organization',
    shortNameFa: 'دامپزشکی',
    domain: 'ivo.ir',
  },
  {
    key: 'frw',
    parentKey: 'maj',
    nameFa: 'سازمان منابع طبیعی و آبخیزداری کشور',
    nameEn: 'Forests, Range and Watershed Management Organization',
    shortNameFa: 'منابع طبیعی',
    domain: 'frw.ir',
  },
  {
    key: 'ppo',
    parentKey: 'maj',
    nameFa: 'سازمان حفظ نباتات کشور',
    nameEn: 'Plant Protection Organization of Iran',
    domain: 'ppo.ir',
  },
  {
    key: 'nomads',
    parentKey: 'maj',
    nameFa: 'سازمان امور عشایر ایران',
    nameEn: 'Organization of Nomadic Affairs of Iran',
    shortNameFa: 'امور عشایر',
    domain: 'ashayer.ir',
  },
  {
    key: 'fisheries',
    parentKey: 'maj',
    nameFa: 'سازمان شیلات ایران',
    nameEn: 'Iran Fisheries Organization',
    shortNameFa: 'شیلات',
    domain: 'shilat.com',
  },

  // --- وزارت فرهنگ و ارشاد اسلامی ---
  {
    key: 'hajj',
    parentKey: 'mcig',
    nameFa: 'سازمان حج و زیارت',
    nameEn: 'Hajj and Pilgrimage Organization',
    shortNameFa: 'حج و زیارت',
    domain: 'haj.ir',
  },

  // --- وزارت دادگستری ---
  {
    key: 'tazirat',
    parentKey: 'moj',
    nameFa: 'سازمان تعزیرات حکومتی',
    nameEn: 'Government Discretionary Punishments Organization',
    shortNameFa: 'تعزیرات',
    domain: 'tazirat.gov.ir',
  },
]

// ---------------------------------------------------------------------------
// Provincial and city offices (generated from PROVINCES)
// ---------------------------------------------------------------------------

interface Names {
  fa: string
  en: string
}

interface DemoCity {
  provinceCode: ProvinceCode
  /** Latin slug, unique within the province. */
  slug: string
  nameFa: string
  nameEn: string
}

/** An organisation that has one general directorate (اداره کل) in every province. */
interface ProvincialNetwork {
  orgKey: string
  /** Provincial websites are `https://<province slug>.<domain>`. */
  domain: string
  provincial: (p: Province) => Names
  city: (c: DemoCity) => Names
  cities: readonly DemoCity[]
}

const PROVINCIAL_NETWORKS: readonly ProvincialNetwork[] = [
  {
    orgKey: 'sabt-ahval',
    domain: 'sabteahval.ir',
    provincial: (p) => ({
      fa: `اداره کل ثبت احوال استان ${p.nameFa}`,
      en: `General Directorate of Civil Registration of ${p.nameEn} Province`,
    }),
    city: (c) => ({
      fa: `اداره ثبت احوال شهرستان ${c.nameFa}`,
      en: `Civil Registration Office of ${c.nameEn} County`,
    }),
    cities: [
      { provinceCode: '08', slug: 'shemiranat', nameFa: 'شمیرانات', nameEn: 'Shemiranat' },
      { provinceCode: '08', slug: 'rey', nameFa: 'ری', nameEn: 'Rey' },
      { provinceCode: '04', slug: 'kashan', nameFa: 'کاشان', nameEn: 'Kashan' },
      { provinceCode: '25', slug: 'bandar-anzali', nameFa: 'بندر انزلی', nameEn: 'Bandar Anzali' },
    ],
  },
  {
    orgKey: 'tamin',
    domain: 'tamin.ir',
    provincial: (p) => ({
      fa: `اداره کل تأمین اجتماعی استان ${p.nameFa}`,
      en: `General Directorate of Social Security of ${p.nameEn} Province`,
    }),
    city: (c) => ({
      fa: `شعبه تأمین اجتماعی ${c.nameFa}`,
      en: `Social Security Branch of ${c.nameEn}`,
    }),
    cities: [
      { provinceCode: '13', slug: 'dezful', nameFa: 'دزفول', nameEn: 'Dezful' },
      { provinceCode: '13', slug: 'abadan', nameFa: 'آبادان', nameEn: 'Abadan' },
    ],
  },
  {
    orgKey: 'tax',
    domain: 'intamedia.ir',
    provincial: (p) => ({
      fa: `اداره کل امور مالیاتی استان ${p.nameFa}`,
      en: `General Directorate of Tax Affairs of ${p.nameEn} Province`,
    }),
    city: (c) => ({
      fa: `اداره امور مالیاتی شهرستان ${c.nameFa}`,
      en: `Tax Affairs Office of ${c.nameEn} County`,
    }),
    cities: [
      { provinceCode: '01', slug: 'maragheh', nameFa: 'مراغه', nameEn: 'Maragheh' },
      { provinceCode: '27', slug: 'babol', nameFa: 'بابل', nameEn: 'Babol' },
    ],
  },
  {
    orgKey: 'behzisti',
    domain: 'behzisti.ir',
    provincial: (p) => ({
      fa: `اداره کل بهزیستی استان ${p.nameFa}`,
      en: `General Directorate of Welfare of ${p.nameEn} Province`,
    }),
    city: (c) => ({
      fa: `اداره بهزیستی شهرستان ${c.nameFa}`,
      en: `Welfare Office of ${c.nameEn} County`,
    }),
    cities: [
      { provinceCode: '17', slug: 'marvdasht', nameFa: 'مرودشت', nameEn: 'Marvdasht' },
      { provinceCode: '21', slug: 'rafsanjan', nameFa: 'رفسنجان', nameEn: 'Rafsanjan' },
    ],
  },
  {
    orgKey: 'sabt-asnad',
    domain: 'ssaa.ir',
    provincial: (p) => ({
      fa: `اداره کل ثبت اسناد و املاک استان ${p.nameFa}`,
      en: `General Directorate of Deeds and Properties Registration of ${p.nameEn} Province`,
    }),
    city: (c) => ({
      fa: `اداره ثبت اسناد و املاک شهرستان ${c.nameFa}`,
      en: `Deeds and Properties Registration Office of ${c.nameEn} County`,
    }),
    cities: [
      { provinceCode: '11', slug: 'neyshabur', nameFa: 'نیشابور', nameEn: 'Neyshabur' },
      { provinceCode: '11', slug: 'sabzevar', nameFa: 'سبزوار', nameEn: 'Sabzevar' },
    ],
  },
]

function provincialOffices(net: ProvincialNetwork): DemoAgency[] {
  return PROVINCES.map((p) => {
    const key = `${net.orgKey}-${p.slug}`
    const names = net.provincial(p)
    return {
      key,
      parentKey: net.orgKey,
      level: 'provincial_office',
      nameFa: names.fa,
      nameEn: names.en,
      website: `https://${p.slug}.${net.domain}`,
      phone: demoPhone(key, p.areaCode),
      email: `info@${p.slug}.${net.domain}`,
      address: demoAddress(key, p.capitalFa),
      provinceCode: p.code,
    }
  })
}

function cityOffices(net: ProvincialNetwork): DemoAgency[] {
  return net.cities.map((c) => {
    const province = findProvince(c.provinceCode)
    if (!province) throw new Error(`unknown province code ${c.provinceCode}`)
    const key = `${net.orgKey}-${province.slug}-${c.slug}`
    const names = net.city(c)
    return {
      key,
      parentKey: `${net.orgKey}-${province.slug}`,
      level: 'city_office',
      nameFa: names.fa,
      nameEn: names.en,
      phone: demoPhone(key, province.areaCode),
      address: demoAddress(key, c.nameFa),
      provinceCode: province.code,
    }
  })
}

/** Every demo agency, parents before children. */
export const DEMO_AGENCIES: readonly DemoAgency[] = [
  ...MINISTRIES.map((m) => headOffice('ministry', m)),
  ...ORGANISATIONS.map((o) => headOffice('organisation', o)),
  ...PROVINCIAL_NETWORKS.flatMap(provincialOffices),
  ...PROVINCIAL_NETWORKS.flatMap(cityOffices),
]
