/**
 * Demo offices (محل‌های مراجعه): headquarters in Tehran and provincial and city offices in their
 * provinces, with weekly hours, a few afternoon shifts, one future exception and one closure.
 * Street addresses, postal codes and phone numbers are GENERATED and are not real contact
 * details; coordinates are points inside the named city (its centre area), not the real
 * building. Services are linked to the offices of their agency and of the agencies below it.
 */

import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Agency } from '../agencies/index.ts'
import { insertOffice, type Office, officeInput } from '../offices/index.ts'

type Hours = Partial<
  Record<'sat' | 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri', { start: string; end: string }[]>
>

const MORNING = [{ start: '07:30', end: '14:30' }]
const THURSDAY = [{ start: '07:30', end: '12:30' }]
/** Saturday to Wednesday, 07:30–14:30. */
const STANDARD: Hours = { sat: MORNING, sun: MORNING, mon: MORNING, tue: MORNING, wed: MORNING }
/** The same plus a Thursday morning (offices outside Tehran usually work on Thursdays). */
const WITH_THURSDAY: Hours = { ...STANDARD, thu: THURSDAY }
/** A break and an afternoon shift on some days (busy counters). */
const SPLIT = [
  { start: '07:30', end: '13:00' },
  { start: '16:00', end: '19:00' },
]
const AFTERNOON: Hours = {
  sat: SPLIT,
  sun: MORNING,
  mon: SPLIT,
  tue: MORNING,
  wed: SPLIT,
  thu: THURSDAY,
}

export interface DemoOffice {
  key: string
  agencyKey: string
  name: string
  address: string
  provinceCode: string
  city: string
  postalCode: string
  lat: number
  lng: number
  phones: string[]
  hours: Hours
  features?: (
    | 'wheelchair_access'
    | 'accessible_toilet'
    | 'disabled_parking'
    | 'elevator'
    | 'hearing_loop'
  )[]
  accessibilityNotes?: string
  exceptions?: { day: string; hours: { start: string; end: string }[]; note: string | null }[]
  closures?: { from: string; to: string; reason: string }[]
}

const ALL_ACCESS = [
  'wheelchair_access',
  'accessible_toilet',
  'disabled_parking',
  'elevator',
] as const

export const DEMO_OFFICES: readonly DemoOffice[] = [
  // ——— سازمان ثبت احوال کشور ———
  {
    key: 'sabt-ahval-hq',
    agencyKey: 'sabt-ahval',
    name: 'ساختمان مرکزی سازمان ثبت احوال کشور',
    address: 'خیابان امام خمینی، نبش خیابان ولی‌عصر (عج)، پلاک ۱۸۴',
    provinceCode: '08',
    city: 'تهران',
    postalCode: '1134958711',
    lat: 35.6869,
    lng: 51.4058,
    phones: ['021-66700181', '021-66700182'],
    hours: STANDARD,
    features: [...ALL_ACCESS],
    accessibilityNotes:
      'ورودی اصلی رمپ دارد؛ باجهٔ ویژهٔ سالمندان و افراد دارای معلولیت در طبقهٔ همکف است.',
  },
  {
    key: 'sabt-ahval-tehran-1',
    agencyKey: 'sabt-ahval-tehran',
    name: 'ادارهٔ کل ثبت احوال استان تهران',
    address: 'خیابان انقلاب، خیابان فلسطین جنوبی، پلاک ۴۱',
    provinceCode: '08',
    city: 'تهران',
    postalCode: '1315673819',
    lat: 35.7008,
    lng: 51.4004,
    phones: ['021-66416574'],
    hours: AFTERNOON,
    features: ['wheelchair_access', 'elevator'],
    exceptions: [
      {
        day: '2026-12-31',
        hours: [{ start: '08:00', end: '12:00' }],
        note: 'نیمه‌وقت به دلیل به‌روزرسانی سامانه',
      },
    ],
  },
  {
    key: 'sabt-ahval-isfahan-1',
    agencyKey: 'sabt-ahval-isfahan',
    name: 'ادارهٔ کل ثبت احوال استان اصفهان',
    address: 'خیابان چهارباغ بالا، روبه‌روی خیابان شهید نیک‌بخت، پلاک ۲۳',
    provinceCode: '04',
    city: 'اصفهان',
    postalCode: '8174673441',
    lat: 32.6441,
    lng: 51.6664,
    phones: ['031-36612245'],
    hours: WITH_THURSDAY,
    features: ['wheelchair_access', 'disabled_parking'],
  },
  {
    key: 'sabt-ahval-kashan-1',
    agencyKey: 'sabt-ahval-isfahan-kashan',
    name: 'ادارهٔ ثبت احوال شهرستان کاشان',
    address: 'بلوار امیرکبیر، کوچهٔ شهید رجایی، پلاک ۷',
    provinceCode: '04',
    city: 'کاشان',
    postalCode: '8715913741',
    lat: 33.9831,
    lng: 51.4364,
    phones: ['031-55443817'],
    hours: WITH_THURSDAY,
    closures: [{ from: '2027-01-10', to: '2027-01-14', reason: 'بازسازی سالن مراجعان' }],
  },
  {
    key: 'sabt-ahval-tabriz-1',
    agencyKey: 'sabt-ahval-east-azerbaijan',
    name: 'ادارهٔ کل ثبت احوال استان آذربایجان شرقی',
    address: 'خیابان امام خمینی، چهارراه منصور، پلاک ۹۶',
    provinceCode: '01',
    city: 'تبریز',
    postalCode: '5137746383',
    lat: 38.0742,
    lng: 46.2968,
    phones: ['041-35541190'],
    hours: WITH_THURSDAY,
    features: ['wheelchair_access'],
  },
  {
    key: 'sabt-ahval-mashhad-1',
    agencyKey: 'sabt-ahval-razavi-khorasan',
    name: 'ادارهٔ کل ثبت احوال استان خراسان رضوی',
    address: 'بلوار سجاد، خیابان بهارستان ۸، پلاک ۳۳',
    provinceCode: '11',
    city: 'مشهد',
    postalCode: '9184754316',
    lat: 36.3193,
    lng: 59.5632,
    phones: ['051-37617783'],
    hours: AFTERNOON,
    features: [...ALL_ACCESS],
  },
  {
    key: 'sabt-ahval-shiraz-1',
    agencyKey: 'sabt-ahval-fars',
    name: 'ادارهٔ کل ثبت احوال استان فارس',
    address: 'خیابان زند، نبش خیابان ملاصدرا، پلاک ۱۵',
    provinceCode: '17',
    city: 'شیراز',
    postalCode: '7134864931',
    lat: 29.6146,
    lng: 52.5355,
    phones: ['071-32334561'],
    hours: WITH_THURSDAY,
  },
  {
    key: 'sabt-ahval-ahvaz-1',
    agencyKey: 'sabt-ahval-khuzestan',
    name: 'ادارهٔ کل ثبت احوال استان خوزستان',
    address: 'کیانپارس، خیابان ۱۴ غربی، پلاک ۸',
    provinceCode: '13',
    city: 'اهواز',
    postalCode: '6155718645',
    lat: 31.3267,
    lng: 48.6848,
    phones: ['061-33364417'],
    hours: WITH_THURSDAY,
    features: ['wheelchair_access', 'accessible_toilet'],
  },
  {
    key: 'sabt-ahval-anzali-1',
    agencyKey: 'sabt-ahval-gilan-bandar-anzali',
    name: 'ادارهٔ ثبت احوال شهرستان بندر انزلی',
    address: 'خیابان مطهری، روبه‌روی پارک ساحلی، پلاک ۴',
    provinceCode: '25',
    city: 'بندر انزلی',
    postalCode: '4314638451',
    lat: 37.4728,
    lng: 49.4627,
    phones: ['013-44541237'],
    hours: WITH_THURSDAY,
  },

  // ——— سازمان تأمین اجتماعی ———
  {
    key: 'tamin-hq',
    agencyKey: 'tamin',
    name: 'ساختمان مرکزی سازمان تأمین اجتماعی',
    address: 'خیابان آزادی، بین خیابان دکتر قریب و خیابان بهبودی، پلاک ۳۳۱',
    provinceCode: '08',
    city: 'تهران',
    postalCode: '1345873761',
    lat: 35.6999,
    lng: 51.3719,
    phones: ['021-64501000'],
    hours: STANDARD,
    features: [...ALL_ACCESS],
  },
  {
    key: 'tamin-tehran-1',
    agencyKey: 'tamin-tehran',
    name: 'شعبهٔ ۱۰ تأمین اجتماعی تهران',
    address: 'خیابان شریعتی، بالاتر از پل سیدخندان، پلاک ۷۱۸',
    provinceCode: '08',
    city: 'تهران',
    postalCode: '1547935514',
    lat: 35.7447,
    lng: 51.4458,
    phones: ['021-22865431', '021-22865432'],
    hours: AFTERNOON,
    features: ['wheelchair_access', 'elevator'],
  },
  {
    key: 'tamin-ahvaz-1',
    agencyKey: 'tamin-khuzestan',
    name: 'ادارهٔ کل تأمین اجتماعی استان خوزستان',
    address: 'خیابان نادری، نبش خیابان سیروس، پلاک ۶۱',
    provinceCode: '13',
    city: 'اهواز',
    postalCode: '6134936771',
    lat: 31.3203,
    lng: 48.6692,
    phones: ['061-32217765'],
    hours: WITH_THURSDAY,
  },
  {
    key: 'tamin-dezful-1',
    agencyKey: 'tamin-khuzestan-dezful',
    name: 'شعبهٔ تأمین اجتماعی دزفول',
    address: 'خیابان طالقانی، کوچهٔ ۱۲، پلاک ۵',
    provinceCode: '13',
    city: 'دزفول',
    postalCode: '6461816353',
    lat: 32.3838,
    lng: 48.4058,
    phones: ['061-42421183'],
    hours: WITH_THURSDAY,
  },
  {
    key: 'tamin-shiraz-1',
    agencyKey: 'tamin-fars',
    name: 'ادارهٔ کل تأمین اجتماعی استان فارس',
    address: 'بلوار چمران، خیابان ۱۷، پلاک ۹',
    provinceCode: '17',
    city: 'شیراز',
    postalCode: '7194768415',
    lat: 29.6331,
    lng: 52.5137,
    phones: ['071-36287745'],
    hours: WITH_THURSDAY,
    features: ['wheelchair_access', 'disabled_parking'],
  },

  // ——— سازمان امور مالیاتی کشور ———
  {
    key: 'tax-hq',
    agencyKey: 'tax',
    name: 'ساختمان مرکزی سازمان امور مالیاتی کشور',
    address: 'خیابان داور، نبش کوچهٔ شهید بهرامی، پلاک ۳۵',
    provinceCode: '08',
    city: 'تهران',
    postalCode: '1134756931',
    lat: 35.6831,
    lng: 51.4187,
    phones: ['021-39900000'],
    hours: STANDARD,
    features: [...ALL_ACCESS],
  },
  {
    key: 'tax-tehran-1',
    agencyKey: 'tax-tehran',
    name: 'ادارهٔ کل امور مالیاتی شمال تهران',
    address: 'خیابان ولی‌عصر (عج)، بالاتر از میدان ونک، پلاک ۲۴۵۱',
    provinceCode: '08',
    city: 'تهران',
    postalCode: '1966736541',
    lat: 35.7675,
    lng: 51.4097,
    phones: ['021-88645571'],
    hours: STANDARD,
    features: ['wheelchair_access', 'elevator', 'hearing_loop'],
  },
  {
    key: 'tax-tabriz-1',
    agencyKey: 'tax-east-azerbaijan',
    name: 'ادارهٔ کل امور مالیاتی استان آذربایجان شرقی',
    address: 'خیابان آزادی، روبه‌روی پارک ملت، پلاک ۱۱۸',
    provinceCode: '01',
    city: 'تبریز',
    postalCode: '5166613931',
    lat: 38.0681,
    lng: 46.3113,
    phones: ['041-33348815'],
    hours: WITH_THURSDAY,
  },
  {
    key: 'tax-sari-1',
    agencyKey: 'tax-mazandaran',
    name: 'ادارهٔ کل امور مالیاتی استان مازندران',
    address: 'بلوار طالقانی، جنب بانک ملی، پلاک ۴۴',
    provinceCode: '27',
    city: 'ساری',
    postalCode: '4816736941',
    lat: 36.5659,
    lng: 53.0586,
    phones: ['011-33341176'],
    hours: WITH_THURSDAY,
  },
  {
    key: 'tax-babol-1',
    agencyKey: 'tax-mazandaran-babol',
    name: 'ادارهٔ امور مالیاتی شهرستان بابل',
    address: 'خیابان مدرس، کوچهٔ ۱۹، پلاک ۳',
    provinceCode: '27',
    city: 'بابل',
    postalCode: '4714685513',
    lat: 36.5383,
    lng: 52.6778,
    phones: ['011-32194465'],
    hours: WITH_THURSDAY,
  },

  // ——— سازمان بهزیستی کشور ———
  {
    key: 'behzisti-hq',
    agencyKey: 'behzisti',
    name: 'ساختمان مرکزی سازمان بهزیستی کشور',
    address: 'خیابان انقلاب، خیابان قدس، پلاک ۵۵',
    provinceCode: '08',
    city: 'تهران',
    postalCode: '1417739841',
    lat: 35.7036,
    lng: 51.3936,
    phones: ['021-66417811'],
    hours: STANDARD,
    features: [...ALL_ACCESS, 'hearing_loop'],
    accessibilityNotes: 'مترجم زبان اشاره با هماهنگی پیشین در دسترس است.',
  },
  {
    key: 'behzisti-kerman-1',
    agencyKey: 'behzisti-kerman',
    name: 'ادارهٔ کل بهزیستی استان کرمان',
    address: 'بلوار جمهوری اسلامی، نبش کوچهٔ ۲۶، پلاک ۱۲',
    provinceCode: '21',
    city: 'کرمان',
    postalCode: '7619783541',
    lat: 30.2839,
    lng: 57.0834,
    phones: ['034-32117754'],
    hours: WITH_THURSDAY,
    features: [...ALL_ACCESS],
  },
  {
    key: 'behzisti-isfahan-1',
    agencyKey: 'behzisti-isfahan',
    name: 'ادارهٔ کل بهزیستی استان اصفهان',
    address: 'خیابان هزارجریب، روبه‌روی دانشگاه، پلاک ۸۸',
    provinceCode: '04',
    city: 'اصفهان',
    postalCode: '8174836711',
    lat: 32.6264,
    lng: 51.6597,
    phones: ['031-36687741'],
    hours: WITH_THURSDAY,
    features: [...ALL_ACCESS],
  },

  // ——— سازمان ثبت اسناد و املاک کشور ———
  {
    key: 'sabt-asnad-hq',
    agencyKey: 'sabt-asnad',
    name: 'ساختمان مرکزی سازمان ثبت اسناد و املاک کشور',
    address: 'خیابان سعدی جنوبی، کوچهٔ ثبت، پلاک ۱',
    provinceCode: '08',
    city: 'تهران',
    postalCode: '1145936751',
    lat: 35.6917,
    lng: 51.4236,
    phones: ['021-33911000'],
    hours: STANDARD,
  },
  {
    key: 'sabt-asnad-mashhad-1',
    agencyKey: 'sabt-asnad-razavi-khorasan',
    name: 'ادارهٔ کل ثبت اسناد و املاک استان خراسان رضوی',
    address: 'خیابان کوهسنگی، کوهسنگی ۱۸، پلاک ۶',
    provinceCode: '11',
    city: 'مشهد',
    postalCode: '9175816673',
    lat: 36.2844,
    lng: 59.5886,
    phones: ['051-38541197'],
    hours: WITH_THURSDAY,
    features: ['wheelchair_access'],
  },
  {
    key: 'sabt-asnad-neyshabur-1',
    agencyKey: 'sabt-asnad-razavi-khorasan-neyshabur',
    name: 'ادارهٔ ثبت اسناد و املاک شهرستان نیشابور',
    address: 'خیابان امام خمینی، نبش کوچهٔ ۳۱، پلاک ۱۴',
    provinceCode: '11',
    city: 'نیشابور',
    postalCode: '9316744851',
    lat: 36.2133,
    lng: 58.7958,
    phones: ['051-43345581'],
    hours: WITH_THURSDAY,
  },

  // ——— ministries' headquarters in Tehran ———
  {
    key: 'moi-hq',
    agencyKey: 'moi',
    name: 'ساختمان مرکزی وزارت کشور',
    address: 'خیابان فاطمی، میدان فاطمی، پلاک ۱',
    provinceCode: '08',
    city: 'تهران',
    postalCode: '1416935611',
    lat: 35.7192,
    lng: 51.4039,
    phones: ['021-84861000'],
    hours: STANDARD,
    features: ['wheelchair_access', 'elevator'],
  },
  {
    key: 'mohme-hq',
    agencyKey: 'mohme',
    name: 'ساختمان مرکزی وزارت بهداشت، درمان و آموزش پزشکی',
    address: 'شهرک قدس، خیابان سیمای ایران، بین فلامک و زرافشان',
    provinceCode: '08',
    city: 'تهران',
    postalCode: '1467664961',
    lat: 35.7565,
    lng: 51.3706,
    phones: ['021-81451000'],
    hours: STANDARD,
    features: [...ALL_ACCESS],
  },
  {
    key: 'mcls-hq',
    agencyKey: 'mcls',
    name: 'ساختمان مرکزی وزارت تعاون، کار و رفاه اجتماعی',
    address: 'خیابان آزادی، نبش خیابان شهید فاطمی، پلاک ۳۷۹',
    provinceCode: '08',
    city: 'تهران',
    postalCode: '1457893113',
    lat: 35.7003,
    lng: 51.3664,
    phones: ['021-64271000'],
    hours: STANDARD,
  },
  {
    key: 'post-hq',
    agencyKey: 'post',
    name: 'ساختمان مرکزی شرکت ملی پست',
    address: 'خیابان شریعتی، بالاتر از پل صدر، پلاک ۱۸۰۸',
    provinceCode: '08',
    city: 'تهران',
    postalCode: '1936647761',
    lat: 35.7697,
    lng: 51.4436,
    phones: ['021-22607331'],
    hours: { ...STANDARD, thu: THURSDAY },
  },
  {
    key: 'customs-bandar-abbas',
    agencyKey: 'customs',
    name: 'گمرک شهید رجایی بندرعباس',
    address: 'بندر شهید رجایی، ساختمان مرکزی گمرک',
    provinceCode: '29',
    city: 'بندرعباس',
    postalCode: '7915145361',
    lat: 27.1297,
    lng: 56.0697,
    phones: ['076-32441153'],
    hours: {
      sat: [
        { start: '07:00', end: '14:00' },
        { start: '15:00', end: '21:00' },
      ],
      sun: [
        { start: '07:00', end: '14:00' },
        { start: '15:00', end: '21:00' },
      ],
      mon: [
        { start: '07:00', end: '14:00' },
        { start: '15:00', end: '21:00' },
      ],
      tue: [
        { start: '07:00', end: '14:00' },
        { start: '15:00', end: '21:00' },
      ],
      wed: [
        { start: '07:00', end: '14:00' },
        { start: '15:00', end: '21:00' },
      ],
      thu: [{ start: '07:00', end: '13:00' }],
    },
    exceptions: [
      {
        day: '2027-02-11',
        hours: [{ start: '08:00', end: '12:00' }],
        note: 'کشیک تخلیهٔ کالای فاسدشدنی در روز تعطیل',
      },
    ],
  },
]

/** The demo offices as stored rows' input, validated like any other office. */
export function demoOfficeInput(d: DemoOffice) {
  return officeInput.parse({
    name: d.name,
    address: d.address,
    provinceCode: d.provinceCode,
    city: d.city,
    postalCode: d.postalCode,
    lat: d.lat,
    lng: d.lng,
    phones: d.phones,
    email: null,
    accessibility: { features: d.features ?? [], notes: d.accessibilityNotes ?? null },
    hours: d.hours,
    exceptions: d.exceptions ?? [],
    closures: d.closures ?? [],
  })
}

/** A service's office links, given its agency's key and its number of in-person visits. */
export type DemoOfficeLinker = (
  agencyKey: string,
  inPersonVisits: number | null,
) => { officeId: string; note: string | null }[]

const MAX_LINKS = 8

/**
 * Inserts the demo offices and returns the linker for services: a service with in-person
 * visits links the offices of its agency and of every agency below it (up to eight; the
 * provincial ones with a note); a service done fully online links only its agency's own
 * headquarters (for enquiries), if any.
 */
export async function insertDemoOffices(
  trx: Kysely<Database>,
  agenciesByKey: ReadonlyMap<string, Agency>,
  now: Date,
): Promise<DemoOfficeLinker> {
  const byAgencyId = new Map<string, Office[]>()
  for (const d of DEMO_OFFICES) {
    const agency = agenciesByKey.get(d.agencyKey)
    if (!agency) throw new Error(`Demo office ${d.key} names unknown agency ${d.agencyKey}`)
    const office = await insertOffice(trx, agency.id, demoOfficeInput(d), now)
    byAgencyId.set(agency.id, [...(byAgencyId.get(agency.id) ?? []), office])
  }
  const agencies = [...agenciesByKey.values()]
  return (agencyKey, inPersonVisits) => {
    const agency = agenciesByKey.get(agencyKey)
    if (!agency) return []
    const own = byAgencyId.get(agency.id) ?? []
    if (!inPersonVisits)
      return own.slice(0, 1).map((o) => ({ officeId: o.id, note: 'فقط برای پرسش و پیگیری' }))
    const ids = [agency.id]
    for (let i = 0; i < ids.length; i++) {
      for (const a of agencies) if (a.parentId === ids[i]) ids.push(a.id)
    }
    return ids
      .flatMap((id) => byAgencyId.get(id) ?? [])
      .slice(0, MAX_LINKS)
      .map((o) => ({
        officeId: o.id,
        note: o.agencyId === agency.id ? null : 'با نوبت‌دهی اینترنتی پیشین',
      }))
  }
}
