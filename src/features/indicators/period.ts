import {
  gregorianToJalali,
  type JalaliDate,
  jalaliMonthLength,
  jalaliToGregorian,
  startOfTehranDay,
  tehranDateOf,
  toPersianDigits,
} from '../../lib/fa/index.ts'

/**
 * The Jalali periods indicator values are kept for (issue 14): a year `1405`, a quarter
 * `1405-Q2` (Tir–Shahrivar) or a month `1405-07` (Mehr). One key per period so that a value,
 * a submission and a lock all name the same thing.
 */
export type Frequency = 'monthly' | 'quarterly' | 'yearly'

export interface Period {
  key: string
  frequency: Frequency
  jy: number
  /** The month (1–12), the quarter (1–4), or 0 for a year. */
  part: number
}

const PATTERN = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/

export function parsePeriod(key: string): Period | null {
  const m = PATTERN.exec(key)
  if (!m) return null
  const jy = Number(m[1])
  if (jy < 1300 || jy > 1500) return null
  if (m[2]) return { key, frequency: 'quarterly', jy, part: Number(m[2]) }
  if (m[3]) return { key, frequency: 'monthly', jy, part: Number(m[3]) }
  return { key, frequency: 'yearly', jy, part: 0 }
}

export function periodKey(frequency: Frequency, jy: number, part: number): string {
  if (frequency === 'yearly') return String(jy)
  if (frequency === 'quarterly') return `${jy}-Q${part}`
  return `${jy}-${String(part).padStart(2, '0')}`
}

/** The first and last Jalali day of a period. */
export function periodDays(p: Period): { first: JalaliDate; last: JalaliDate } {
  const [fromMonth, toMonth] =
    p.frequency === 'yearly'
      ? [1, 12]
      : p.frequency === 'quarterly'
        ? [(p.part - 1) * 3 + 1, p.part * 3]
        : [p.part, p.part]
  return {
    first: { jy: p.jy, jm: fromMonth, jd: 1 },
    last: { jy: p.jy, jm: toMonth, jd: jalaliMonthLength(p.jy, toMonth) },
  }
}

/** The period as half-open instants [from, to) in Tehran time, for queries. */
export function periodInstants(p: Period): { from: Date; to: Date } {
  const { first, last } = periodDays(p)
  const next = addJalaliDays(last, 1)
  return {
    from: startOfTehranDay(first.jy, first.jm, first.jd),
    to: startOfTehranDay(next.jy, next.jm, next.jd),
  }
}

/** Values are due this many days after their period ends (a month's are due by the 15th). */
export const VALUE_DUE_DAYS = 15

/** The day a period's values are due. */
export function periodDueDay(p: Period): JalaliDate {
  return addJalaliDays(periodDays(p).last, VALUE_DUE_DAYS)
}

/** The period of `frequency` holding Tehran's day at `instant`. */
export function periodAt(frequency: Frequency, instant: Date): Period {
  const d = tehranDateOf(instant)
  const part = frequency === 'yearly' ? 0 : frequency === 'quarterly' ? Math.ceil(d.jm / 3) : d.jm
  return { key: periodKey(frequency, d.jy, part), frequency, jy: d.jy, part }
}

/** The period before `p` of the same frequency. */
export function previousPeriod(p: Period): Period {
  if (p.frequency === 'yearly') return { ...p, key: String(p.jy - 1), jy: p.jy - 1 }
  const parts = p.frequency === 'quarterly' ? 4 : 12
  const jy = p.part === 1 ? p.jy - 1 : p.jy
  const part = p.part === 1 ? parts : p.part - 1
  return { key: periodKey(p.frequency, jy, part), frequency: p.frequency, jy, part }
}

/** The last `count` periods that have ENDED by `now`, oldest first. */
export function endedPeriods(frequency: Frequency, now: Date, count: number): Period[] {
  const out: Period[] = []
  let p = previousPeriod(periodAt(frequency, now))
  for (let i = 0; i < count; i++) {
    out.unshift(p)
    p = previousPeriod(p)
  }
  return out
}

const MONTHS_FA = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
]
const QUARTERS_FA = ['بهار', 'تابستان', 'پاییز', 'زمستان']

/** «سال ۱۴۰۵», «تابستان ۱۴۰۵», «مهر ۱۴۰۵». */
export function periodLabel(p: Period): string {
  const year = toPersianDigits(p.jy)
  if (p.frequency === 'yearly') return `سال ${year}`
  if (p.frequency === 'quarterly') return `${QUARTERS_FA[p.part - 1]} ${year}`
  return `${MONTHS_FA[p.part - 1]} ${year}`
}

/** A Jalali day `days` later (negative: earlier). */
export function addJalaliDays(d: JalaliDate, days: number): JalaliDate {
  const g = jalaliToGregorian(d.jy, d.jm, d.jd)
  const day = new Date(Date.UTC(g.gy, g.gm - 1, g.gd) + days * 86_400_000)
  return gregorianToJalali(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate())
}

/** `yyyy-mm-dd` (Gregorian, for DATE columns) of a Jalali day. */
export function isoDayOf(d: JalaliDate): string {
  const g = jalaliToGregorian(d.jy, d.jm, d.jd)
  return `${g.gy}-${String(g.gm).padStart(2, '0')}-${String(g.gd).padStart(2, '0')}`
}
