/**
 * Instants ⇄ Jalali calendar days in Iran. "Today", deadlines and day boundaries are Tehran
 * days, not UTC days: from 20:30 UTC it is already tomorrow in Iran. The UTC offset comes from
 * the runtime's time-zone data (Intl), not a constant, because Iran observed DST (+04:30)
 * until September 2022 and historical timestamps must still land on the right day.
 */

import type { JalaliDate } from './jalali.ts'
import { gregorianToJalali, jalaliToGregorian } from './jalali.ts'

const TEHRAN = 'Asia/Tehran'
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** Gregorian wall-clock fields in Tehran; created once because formatter construction is slow. */
const tehranWallClock = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
  timeZone: TEHRAN,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
})

type WallClock = { y: number; m: number; d: number; hour: number; minute: number; second: number }

/** Tehran wall-clock time of an instant. */
function wallClockOf(ms: number): WallClock {
  const fields: Record<string, string> = {}
  for (const part of tehranWallClock.formatToParts(ms)) fields[part.type] = part.value
  return {
    y: Number(fields.year),
    m: Number(fields.month),
    d: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
  }
}

/** The wall-clock reading as if it were UTC, in ms; Date.UTC maps years 0–99 to 19xx, so avoid it. */
function wallAsUtcMs(w: WallClock): number {
  const date = new Date(0)
  date.setUTCFullYear(w.y, w.m - 1, w.d)
  date.setUTCHours(w.hour, w.minute, w.second, 0)
  return date.getTime()
}

/** Tehran's offset from UTC at an instant, in ms (+03:30 today, +04:30 in old summers). */
function tehranOffsetMs(ms: number): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000
  return wallAsUtcMs(wallClockOf(wholeSecond)) - wholeSecond
}

/** The Jalali calendar day that an instant falls on in Tehran. */
export function tehranDateOf(instant: Date): JalaliDate {
  const w = wallClockOf(instant.getTime())
  return gregorianToJalali(w.y, w.m, w.d)
}

/**
 * The first instant of a Jalali day in Tehran: normally 00:00 local. On old DST-start days the
 * clock jumped from 00:00 to 01:00, so the day began at 01:00 local; taking the earliest
 * candidate that already falls on the day handles that gap and any repeated hour alike.
 * Throws a RangeError for a day that does not exist.
 */
export function startOfTehranDay(jy: number, jm: number, jd: number): Date {
  const { gy, gm, gd } = jalaliToGregorian(jy, jm, jd)
  const midnight = wallAsUtcMs({ y: gy, m: gm, d: gd, hour: 0, minute: 0, second: 0 })
  // Local midnight lies 3½–4½ h before `midnight`; the offsets 12 h before and at `midnight`
  // are those on either side of any clock change near it.
  const offsets = new Set([tehranOffsetMs(midnight - DAY_MS / 2), tehranOffsetMs(midnight)])
  const starts = [...offsets]
    .map((offset) => midnight - offset)
    .filter((ms) => {
      const w = wallClockOf(ms)
      return w.y === gy && w.m === gm && w.d === gd
    })
  if (starts.length === 0) throw new RangeError(`No start found for Tehran day ${jy}-${jm}-${jd}`)
  return new Date(Math.min(...starts))
}

/** The instant the Tehran day of `instant` ends: the first instant of the next Jalali day. */
export function endOfTehranDay(instant: Date): Date {
  const w = wallClockOf(instant.getTime())
  const next = new Date(0)
  next.setUTCFullYear(w.y, w.m - 1, w.d + 1)
  const j = gregorianToJalali(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate())
  return startOfTehranDay(j.jy, j.jm, j.jd)
}
