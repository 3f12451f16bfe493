/**
 * Jalali (Solar Hijri) ⇄ Gregorian conversion with the 33-year arithmetic leap rule
 * (research §2.1): it matches the official calendar, ICU and jalaali-js for every year from
 * 1200 to 1501 AP, including the 1403 leap year that breaks the 2820-year (Birashk) rule.
 * Dates are plain calendar days ({jy, jm, jd}, months 1-based), with no time or zone; see
 * `tehran-time.ts` for instants.
 */

import { toAsciiDigits } from './digits.ts'

/** A Jalali calendar day; `jm` runs 1 (Farvardin) to 12 (Esfand). */
export type JalaliDate = { jy: number; jm: number; jd: number }
/** A proleptic Gregorian calendar day; `gm` runs 1 to 12. */
export type GregorianDate = { gy: number; gm: number; gd: number }

/** Years outside this range are refused rather than silently losing precision. */
const MIN_YEAR = 1
const MAX_YEAR = 9999

const mod = (a: number, b: number): number => ((a % b) + b) % b

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil), valid for any year. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Inverse of {@link daysFromCivil}. */
function civilFromDays(days: number): GregorianDate {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const gd = doy - Math.floor((153 * mp + 2) / 5) + 1
  const gm = mp < 10 ? mp + 3 : mp - 9
  return { gy: yoe + era * 400 + (gm <= 2 ? 1 : 0), gm, gd }
}

/** Leap when (25·jy + 11) mod 33 < 8: eight leap years in every 33. */
export function isJalaliLeapYear(jy: number): boolean {
  return mod(25 * jy + 11, 33) < 8
}

/** Days from 1 Farvardin 1 AP to 1 Farvardin `jy`; the leap count is the closed form of the rule. */
function daysBeforeYear(jy: number): number {
  return 365 * (jy - 1) + Math.floor((8 * jy + 21) / 33)
}

/** Anchors the arithmetic to a known day: 1 Farvardin 1404 = 2025-03-21. */
const EPOCH = daysFromCivil(2025, 3, 21) - daysBeforeYear(1404)

/** Days in a Jalali month: 31 for the first six, 30 for the next five, Esfand 29 or 30. */
export function jalaliMonthLength(jy: number, jm: number): number {
  if (jm <= 6) return 31
  if (jm <= 11) return 30
  return isJalaliLeapYear(jy) ? 30 : 29
}

/** True for an existing Jalali day with integer fields and year 1–9999. */
export function isValidJalaliDate(jy: number, jm: number, jd: number): boolean {
  return (
    Number.isInteger(jy) &&
    Number.isInteger(jm) &&
    Number.isInteger(jd) &&
    jy >= MIN_YEAR &&
    jy <= MAX_YEAR &&
    jm >= 1 &&
    jm <= 12 &&
    jd >= 1 &&
    jd <= jalaliMonthLength(jy, jm)
  )
}

/** Converts a Jalali day to Gregorian. Throws a RangeError for a day that does not exist. */
export function jalaliToGregorian(jy: number, jm: number, jd: number): GregorianDate {
  if (!isValidJalaliDate(jy, jm, jd)) {
    throw new RangeError(`Invalid Jalali date ${jy}-${jm}-${jd}`)
  }
  const dayOfYear = jm <= 6 ? (jm - 1) * 31 + jd : 186 + (jm - 7) * 30 + jd
  return civilFromDays(EPOCH + daysBeforeYear(jy) + dayOfYear - 1)
}

/** Converts a Gregorian day to Jalali. Throws a RangeError for a day that does not exist. */
export function gregorianToJalali(gy: number, gm: number, gd: number): JalaliDate {
  const days = daysFromCivil(gy, gm, gd)
  const roundTrip = civilFromDays(days)
  if (
    !Number.isInteger(days) ||
    roundTrip.gy !== gy ||
    roundTrip.gm !== gm ||
    roundTrip.gd !== gd
  ) {
    throw new RangeError(`Invalid Gregorian date ${gy}-${gm}-${gd}`)
  }
  const n = days - EPOCH
  // 12053 days = 33 years; this inverse of daysBeforeYear is exact for years 1–9999 (the
  // tests check every year's first and last day).
  const jy = Math.floor((33 * n + 3) / 12053) + 1
  if (jy < MIN_YEAR || jy > MAX_YEAR) {
    throw new RangeError(`Gregorian date ${gy}-${gm}-${gd} is outside Jalali years 1–9999`)
  }
  const doy = n - daysBeforeYear(jy)
  if (doy < 186) return { jy, jm: Math.floor(doy / 31) + 1, jd: (doy % 31) + 1 }
  return { jy, jm: Math.floor((doy - 186) / 30) + 7, jd: ((doy - 186) % 30) + 1 }
}

/** Result of {@link parseJalaliDateInput}: failures are values, ready for a form error. */
export type JalaliDateInputResult =
  | { ok: true; value: JalaliDate }
  | { ok: false; reason: 'missing' | 'not-a-number' | 'invalid' }

/**
 * Parses the three-field date input (سال / ماه / روز) in Persian, Arabic-Indic or ASCII
 * digits. Years must have four digits: a two-digit year is ambiguous (13xx or 14xx?), so it
 * is reported as invalid rather than guessed.
 */
export function parseJalaliDateInput(
  year: string,
  month: string,
  day: string,
): JalaliDateInputResult {
  // Invisible format characters (LRM, ZWNJ…) ride along with pasted numbers; drop them.
  const fields = [year, month, day].map((f) =>
    toAsciiDigits(f)
      .replace(/\p{Cf}/gu, '')
      .trim(),
  )
  if (fields.some((f) => f === '')) return { ok: false, reason: 'missing' }
  if (fields.some((f) => !/^\d+$/.test(f))) return { ok: false, reason: 'not-a-number' }
  const [y = '', m = '', d = ''] = fields
  if (y.length !== 4 || m.length > 2 || d.length > 2) return { ok: false, reason: 'invalid' }
  const value = { jy: Number(y), jm: Number(m), jd: Number(d) }
  if (!isValidJalaliDate(value.jy, value.jm, value.jd)) return { ok: false, reason: 'invalid' }
  return { ok: true, value }
}
