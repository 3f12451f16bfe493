/**
 * Persian date display (DESIGN §6): Jalali calendar, Persian digits, Tehran time.
 * Formatters are built once at module load because constructing `Intl.DateTimeFormat` costs
 * far more than formatting. Each string is composed from `formatToParts` in a fixed order
 * instead of trusting ICU's patterns, which differ between ICU/CLDR versions (server vs
 * browser) and, for `dateStyle: 'full'` or a weekday, even insert a Latin comma.
 */

import type { JalaliDate } from './jalali.ts'
import { jalaliToGregorian } from './jalali.ts'

const LOCALE = 'fa-IR-u-ca-persian'
const TIME_ZONE = 'Asia/Tehran'

const longDate = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
})
const numericDate = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})
const time = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
const weekday = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, weekday: 'long' })

/** The parts of a formatted date, by type; literals are dropped since we compose ourselves. */
function partsOf(format: Intl.DateTimeFormat, d: Date): Partial<Record<string, string>> {
  const parts: Partial<Record<string, string>> = {}
  for (const part of format.formatToParts(d)) {
    if (part.type !== 'literal') parts[part.type] = part.value
  }
  return parts
}

/** `۱ فروردین ۱۴۰۴`: the Tehran calendar day of an instant. */
export function formatDateFa(d: Date): string {
  const p = partsOf(longDate, d)
  return `${p.day} ${p.month} ${p.year}`
}

/** `۱ فروردین ۱۴۰۴ ساعت ۱۴:۰۵`: date and 24-hour Tehran time. */
export function formatDateTimeFa(d: Date): string {
  const p = partsOf(time, d)
  return `${formatDateFa(d)} ساعت ${p.hour}:${p.minute}`
}

/** `۱۴۰۴/۰۱/۰۱`: compact year/month/day, for tables. Wrap it in `<bdi>` inside running text. */
export function formatDateNumericFa(d: Date): string {
  const p = partsOf(numericDate, d)
  return `${p.year}/${p.month}/${p.day}`
}

/**
 * Formats a calendar day that has no time (a holiday, a birth date) like {@link formatDateFa}.
 * It formats noon UTC of that day, which is the same day in Tehran at any UTC offset under
 * twelve hours, so no time zone arithmetic is needed. Throws a RangeError for a missing day.
 */
export function formatJalaliFa(date: JalaliDate): string {
  const { gy, gm, gd } = jalaliToGregorian(date.jy, date.jm, date.jd)
  const noonUtc = new Date(0)
  noonUtc.setUTCFullYear(gy, gm - 1, gd)
  noonUtc.setUTCHours(12)
  return formatDateFa(noonUtc)
}

/**
 * The Tehran weekday name (`شنبه` … `جمعه`). CLDR spells Thursday «پنجشنبه» without ZWNJ;
 * compare weekday names through the search key, never as raw strings.
 */
export function weekdayFa(d: Date): string {
  return weekday.format(d)
}
