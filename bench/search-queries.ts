/**
 * What the search benches ask: a mix of what people type ({@link QUERIES}), and, for load on
 * the demo catalogue, the same queries as page paths plus thousands of distinct ones.
 */
import { DEMO_SERVICES } from '../src/features/demo/demo-services.data.ts'
import { AUDIENCES, LIFE_EVENTS } from '../src/features/services/index.ts'
import { PROVINCES } from '../src/lib/iran/provinces.ts'

/** A mix of what people type: titles, parts, popular names, variants, typos, misses. */
export const QUERIES = [
  'گذرنامه',
  'کارت ملی',
  'كارت ملي',
  'صدور گذرنامه عادی',
  'تمدید گواهی‌نامه رانندگی',
  'گواهینامه',
  'گواهی نامه رانندگی',
  'پاسپورت',
  'خلافی خودرو',
  'یارانه',
  'يارانه',
  'ثبت نام یارانه',
  'ثبتنام',
  'کنکور',
  'سجام',
  'پروانه کسب',
  'جواز ساخت',
  'کمیسیون ماده ۱۰۰',
  'ماده 100',
  '۱۲۳',
  'حصر وراثت',
  'سند تک برگ',
  'بیمه بیکاری',
  'مالیات اجاره',
  'اموزش فنی و حرفه ای',
  'گُذَرنامه',
  'گـــذرنامه',
  'گذنامه',
  'کنکرو',
  'داروخنه',
  'فرزندخوانگی',
  'سازمان حج و زیارت',
  'توانیر',
  'تهران',
  'اصفهان گذرنامه',
  'ثبت',
  'صدور',
  'قثفغعهخ',
  'xyz',
  'شکایت از بانک',
]

/** `path` asked with each of {@link QUERIES}, in turn: the same few searches again and again. */
export function repeatedSearchPaths(path: string): string[] {
  return QUERIES.map((q) => `${path}?q=${encodeURIComponent(q)}`)
}

/**
 * Tens of thousands of different searches on the demo catalogue: every word of three letters or
 * more in a service title, alone and with each single filter (an audience, online only, a life
 * event, a province). Each finds services before its filter, so none is written to the
 * zero-result log. Shuffled with a fixed seed, so every run asks the same ones in the same order.
 */
export function distinctSearchPaths(path: string): string[] {
  const words = new Set<string>()
  for (const s of DEMO_SERVICES)
    for (const w of (s.versions.at(-1)?.content.title ?? '').split(/\s+/u))
      if (w.length >= 3) words.add(w)
  const filters = [
    '',
    ...AUDIENCES.map((a) => `&audience=${a}`),
    '&online=1',
    ...LIFE_EVENTS.map((e) => `&lifeEvent=${e}`),
    ...PROVINCES.map((p) => `&province=${p.code}`),
  ]
  const paths: string[] = []
  for (const w of words)
    for (const f of filters) paths.push(`${path}?q=${encodeURIComponent(w)}${f}`)
  // Park and Miller's generator: exact in doubles, the same sequence everywhere.
  let seed = 16
  const random = () => {
    seed = (seed * 48_271) % 2_147_483_647
    return seed / 2_147_483_647
  }
  for (let i = paths.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = paths[i]
    paths[i] = paths[j] ?? ''
    paths[j] = t ?? ''
  }
  return paths
}
