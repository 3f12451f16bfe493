/**
 * Iran's working calendar, pure (no I/O): which Tehran calendar days offices work, and when
 * something started at a given moment is due (research «persian-and-iran» §3).
 *
 * Days are ISO `yyyy-mm-dd` strings naming Tehran calendar days (the Gregorian form of a
 * Jalali day, as stored in DATE columns). The rules:
 * - Friday is always a rest day;
 * - Thursday is a working day or a rest day, by the portal's setting (offices outside Tehran
 *   work on Thursdays; many Tehran headquarters do not);
 * - the solar holidays fixed by law (Nowruz 1–4 Farvardin, 12 and 13 Farvardin, 14 and 15
 *   Khordad, 22 Bahman, 29 Esfand) are rest days in every year: they are generated here, never
 *   looked up, so no year runs out of them;
 * - every day in `holidays` (the lunar holidays, which need a table, and ad-hoc closures) is a
 *   rest day. Lunar holidays are known only as far as that table goes (`lunarKnownThrough`).
 *
 * Conventions (the same ones the UI explains to citizens):
 * - Working days: an application made on day D counts from the NEXT working day: one working
 *   day is due on the first working day after D, n working days on the n-th. D itself never
 *   counts, whether or not it is a working day. 0 working days means "the same day": D if it
 *   is a working day, else the first working day after it. A fraction of a working day is
 *   rounded up (half a day still takes the next working day).
 * - Calendar days: D + n days (a fraction rounded up); a result that falls on a rest day moves
 *   to the next working day, as a legal deadline ending on a holiday moves to the next day
 *   that is not one.
 * - Minutes and hours: added to the start instant as elapsed time; office hours are NOT
 *   modelled. The Tehran day the result falls on is the answer, moved to the next working day
 *   when it is a rest day.
 */

import { jalaliToGregorian } from './fa/jalali.ts'
import { tehranDateOf } from './fa/tehran-time.ts'

export const THURSDAY_STATUSES = ['working', 'closed'] as const
export type ThursdayStatus = (typeof THURSDAY_STATUSES)[number]

/** What decides whether a day is a working day. */
export interface WorkingCalendar {
  thursday: ThursdayStatus
  /**
   * Rest days besides Fridays and the generated solar holidays: ISO `yyyy-mm-dd` Tehran
   * calendar days (lunar holidays and ad-hoc closures; a solar one may be listed too).
   */
  holidays: ReadonlySet<string>
  /**
   * The last ISO day whose lunar holidays `holidays` is known to hold (the end of the last
   * Jalali year entered in the table). A result after it may be later than computed, as the
   * lunar holidays on the way are not known yet. Absent: `holidays` is taken as complete.
   */
  lunarKnownThrough?: string
}

/** A solar holiday fixed by law: the same Jalali month and day every year. */
export interface SolarHolidayRule {
  month: number
  day: number
  title: string
}

const NOWRUZ = 'عید نوروز'

/** The solar holidays of every Jalali year (research «persian-and-iran» §3.2), in date order. */
export const SOLAR_HOLIDAY_RULES: readonly SolarHolidayRule[] = [
  { month: 1, day: 1, title: NOWRUZ },
  { month: 1, day: 2, title: NOWRUZ },
  { month: 1, day: 3, title: NOWRUZ },
  { month: 1, day: 4, title: NOWRUZ },
  { month: 1, day: 12, title: 'روز جمهوری اسلامی' },
  { month: 1, day: 13, title: 'روز طبیعت' },
  { month: 3, day: 14, title: 'رحلت امام خمینی (ره)' },
  { month: 3, day: 15, title: 'قیام ۱۵ خرداد' },
  { month: 11, day: 22, title: 'پیروزی انقلاب اسلامی' },
  { month: 12, day: 29, title: 'ملی شدن صنعت نفت' },
]

/** The units a duration can be given in (the same as a process step's). */
export type DurationUnit = 'minute' | 'hour' | 'working_day' | 'calendar_day'

/** A duration range, e.g. a process's total time: 3–7 working days. */
export interface DurationRange {
  min: number
  max: number
  unit: DurationUnit
}

/** The Tehran calendar days on which something is at the earliest and at the latest complete. */
export interface CompletionWindow {
  earliest: string
  latest: string
}

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** JavaScript's day numbers (`getUTCDay`): Sunday 0 … Thursday 4, Friday 5, Saturday 6. */
const THURSDAY = 4
const FRIDAY = 5

/** Days since 1970-01-01 of an ISO day; throws a RangeError for anything but a real day. */
function dayNumber(isoDay: string): number {
  const m = ISO_DAY.exec(isoDay)
  if (!m) throw new RangeError(`Not an ISO calendar day: ${isoDay}`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(0)
  // setUTCFullYear, not Date.UTC, which maps years 0–99 to 19xx.
  date.setUTCFullYear(y, mo - 1, d)
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new RangeError(`Not an existing calendar day: ${isoDay}`)
  }
  return Math.round(date.getTime() / DAY_MS)
}

function isoOfDayNumber(n: number): string {
  const date = new Date(n * DAY_MS)
  const y = String(date.getUTCFullYear()).padStart(4, '0')
  const m = String(date.getUTCMonth() + 1).padStart(2, '0')
  const d = String(date.getUTCDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/** True for a well-formed ISO day that exists (`2025-02-29` does not). */
export function isIsoDay(value: string): boolean {
  try {
    dayNumber(value)
    return true
  } catch {
    return false
  }
}

/** The ISO day of a Jalali day: `(1405, 1, 1)` → `2026-03-21`. Throws for a missing day. */
export function isoDayOfJalali(jy: number, jm: number, jd: number): string {
  const { gy, gm, gd } = jalaliToGregorian(jy, jm, jd)
  return `${String(gy).padStart(4, '0')}-${String(gm).padStart(2, '0')}-${String(gd).padStart(2, '0')}`
}

/** The Tehran calendar day an instant falls on, as an ISO day. */
export function tehranIsoDay(instant: Date): string {
  const { jy, jm, jd } = tehranDateOf(instant)
  return isoDayOfJalali(jy, jm, jd)
}

/** The weekday of an ISO day, numbered like `Date#getUTCDay` (Friday = 5). */
export function weekdayOfIsoDay(isoDay: string): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(isoDay) + THURSDAY) % 7) + 7) % 7
}

/** `n` calendar days after (or, for negative `n`, before) `isoDay`. `n` must be an integer. */
export function addCalendarDays(isoDay: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Whole days only: ${n}`)
  return isoOfDayNumber(dayNumber(isoDay) + n)
}

/** The solar holidays of the Jalali year `jy`: ISO day and title, in date order. */
export function solarHolidaysOfYear(jy: number): { day: string; title: string }[] {
  return SOLAR_HOLIDAY_RULES.map((r) => ({
    day: isoDayOfJalali(jy, r.month, r.day),
    title: r.title,
  }))
}

/** The solar holidays falling in each Gregorian year, built once per year asked about. */
const solarDaysByGregorianYear = new Map<number, ReadonlySet<string>>()

/** The solar holidays in a Gregorian year: the end of one Jalali year and the start of the next. */
function solarDaysOfGregorianYear(gy: number): ReadonlySet<string> {
  let days = solarDaysByGregorianYear.get(gy)
  if (!days) {
    const prefix = `${String(gy).padStart(4, '0')}-`
    days = new Set(
      [gy - 622, gy - 621]
        .filter((jy) => jy >= 1)
        .flatMap((jy) => solarHolidaysOfYear(jy).map((h) => h.day))
        .filter((day) => day.startsWith(prefix)),
    )
    solarDaysByGregorianYear.set(gy, days)
  }
  return days
}

/** Whether an ISO day is one of the solar holidays fixed by law (in any year). */
export function isSolarHoliday(isoDay: string): boolean {
  dayNumber(isoDay) // throws for anything but a real day
  return solarDaysOfGregorianYear(Number(isoDay.slice(0, 4))).has(isoDay)
}

/** Friday never; Thursday when the setting says so; never on a solar or listed holiday. */
export function isWorkingDay(isoDay: string, cal: WorkingCalendar): boolean {
  const weekday = weekdayOfIsoDay(isoDay)
  if (weekday === FRIDAY) return false
  if (weekday === THURSDAY && cal.thursday === 'closed') return false
  // The day is checked already (weekdayOfIsoDay throws for anything else).
  return (
    !cal.holidays.has(isoDay) && !solarDaysOfGregorianYear(Number(isoDay.slice(0, 4))).has(isoDay)
  )
}

/**
 * Whether a result on `isoDay` was computed past the lunar holidays the calendar knows: it
 * may then come later than computed. False when the calendar does not say how far it knows.
 */
export function isPastKnownHolidays(isoDay: string, cal: WorkingCalendar): boolean {
  return cal.lunarKnownThrough !== undefined && isoDay > cal.lunarKnownThrough
}

/** `isoDay` itself when it is a working day, else the first working day after it. */
export function firstWorkingDayFrom(isoDay: string, cal: WorkingCalendar): string {
  // Terminates: listed holidays are finite, and past the last of them no run of solar
  // holidays is longer than five days (29 Esfand to 4 Farvardin).
  let day = isoDay
  while (!isWorkingDay(day, cal)) day = addCalendarDays(day, 1)
  return day
}

function wholeCount(n: number, what: string): number {
  if (!Number.isFinite(n) || n < 0)
    throw new RangeError(`${what} must be a finite number ≥ 0: ${n}`)
  return Math.ceil(n)
}

/**
 * The day `n` working days after an application made on `startIsoDay`: the n-th working day
 * strictly after it (the start day never counts). `n = 0` gives the start day if it is a
 * working day, else the next one. Fractions round up; negative `n` throws.
 */
export function addWorkingDays(startIsoDay: string, n: number, cal: WorkingCalendar): string {
  let left = wholeCount(n, 'Working days')
  if (left === 0) return firstWorkingDayFrom(startIsoDay, cal)
  let day = startIsoDay
  while (left > 0) {
    day = addCalendarDays(day, 1)
    if (isWorkingDay(day, cal)) left--
  }
  return day
}

/** The Tehran day on which a duration of `amount` `unit`s started at `start` ends (see the module doc). */
export function completionDay(
  start: Date,
  amount: number,
  unit: DurationUnit,
  cal: WorkingCalendar,
): string {
  const startDay = tehranIsoDay(start)
  switch (unit) {
    case 'working_day':
      return addWorkingDays(startDay, amount, cal)
    case 'calendar_day':
      return firstWorkingDayFrom(addCalendarDays(startDay, wholeCount(amount, 'Days')), cal)
    case 'hour':
    case 'minute': {
      const minutes = wholeCount(amount * (unit === 'hour' ? 60 : 1), 'Time')
      return firstWorkingDayFrom(tehranIsoDay(new Date(start.getTime() + minutes * MINUTE_MS)), cal)
    }
  }
}

/**
 * The earliest and latest Tehran days on which something taking `range` (min–max in one unit)
 * and started at the instant `start` is complete. Throws a RangeError when min > max.
 */
export function completionWindow(
  start: Date,
  range: DurationRange,
  cal: WorkingCalendar,
): CompletionWindow {
  if (range.min > range.max) throw new RangeError(`min ${range.min} > max ${range.max}`)
  return {
    earliest: completionDay(start, range.min, range.unit, cal),
    latest: completionDay(start, range.max, range.unit, cal),
  }
}
