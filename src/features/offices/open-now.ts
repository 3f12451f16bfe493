/**
 * When an office is open, pure (no I/O). All days are Tehran calendar days.
 *
 * What a day's opening times are, most specific first:
 * 1. a date exception for that day (special hours, or closed): it wins over everything, so an
 *    office may open on an official holiday or during a closure;
 * 2. a closure range covering the day: closed;
 * 3. an official holiday of the working calendar: closed;
 * 4. the weekly hours of that weekday. The office's own weekly hours say whether it opens on
 *    Thursdays (often a half day) or Fridays, so the portal's Thursday setting, which is about
 *    counting working days, does not close an office that declares Thursday hours.
 *
 * Intervals that touch (also across midnight) count as one opening, so a "closing" at 14:30
 * followed by an "opening" at 14:30 is no change at all.
 */

import { gregorianToJalali } from '../../lib/fa/jalali.ts'
import { startOfTehranDay } from '../../lib/fa/tehran-time.ts'
import {
  addCalendarDays,
  tehranIsoDay,
  type WorkingCalendar,
  weekdayOfIsoDay,
} from '../../lib/working-calendar.ts'
import {
  type Interval,
  type OfficeClosure,
  type OfficeException,
  type OfficeSchedule,
  WEEKDAY_OF_JS_DAY,
} from './office.model.ts'

/** Why a day has the opening times it has. */
export type DayKind = 'regular' | 'exception' | 'closure' | 'holiday'

export interface DayHours {
  day: string
  kind: DayKind
  intervals: Interval[]
  /** The exception's note or the closure's reason. */
  note: string | null
}

export interface OpenStatus {
  open: boolean
  today: DayHours
  /** The next moment the office opens (null: not within the look-ahead). */
  nextOpen: Date | null
  /** The next moment it closes (null: not within the look-ahead). */
  nextClose: Date | null
  /** The next change either way: when "open now" stops being true (or starts to be). */
  nextChange: Date | null
}

/** How far ahead to look for the next opening: long closures are rare but real. */
export const LOOK_AHEAD_DAYS = 62

const MINUTE_MS = 60_000

function startOfIsoDay(isoDay: string): number {
  const [gy = 0, gm = 0, gd = 0] = isoDay.split('-').map(Number)
  const j = gregorianToJalali(gy, gm, gd)
  return startOfTehranDay(j.jy, j.jm, j.jd).getTime()
}

function closureOn(closures: readonly OfficeClosure[], day: string): OfficeClosure | undefined {
  return closures.find((c) => c.from <= day && day <= c.to)
}

function exceptionOn(
  exceptions: readonly OfficeException[],
  day: string,
): OfficeException | undefined {
  return exceptions.find((e) => e.day === day)
}

/** The opening times of one Tehran day (see the module doc for the order of the rules). */
export function hoursOnDay(s: OfficeSchedule, cal: WorkingCalendar, day: string): DayHours {
  const exception = exceptionOn(s.exceptions, day)
  if (exception)
    return { day, kind: 'exception', intervals: exception.intervals, note: exception.note }
  const closure = closureOn(s.closures, day)
  if (closure) return { day, kind: 'closure', intervals: [], note: closure.reason }
  if (cal.holidays.has(day)) return { day, kind: 'holiday', intervals: [], note: null }
  const weekday = WEEKDAY_OF_JS_DAY[weekdayOfIsoDay(day)] ?? 'fri'
  return { day, kind: 'regular', intervals: s.hours[weekday], note: null }
}

/** Absolute opening spans from `fromDay` for `days` days, touching spans merged. */
function spans(s: OfficeSchedule, cal: WorkingCalendar, fromDay: string, days: number) {
  const out: { start: number; end: number }[] = []
  for (let n = 0; n < days; n++) {
    const day = addCalendarDays(fromDay, n)
    const base = startOfIsoDay(day)
    for (const i of hoursOnDay(s, cal, day).intervals) {
      const start = base + i.start * MINUTE_MS
      const end = base + i.end * MINUTE_MS
      const last = out[out.length - 1]
      if (last && start <= last.end) last.end = Math.max(last.end, end)
      else out.push({ start, end })
    }
  }
  return out
}

/** Open or closed at `now` in Tehran, today's hours, and the next opening and closing. */
export function openStatus(s: OfficeSchedule, cal: WorkingCalendar, now: Date): OpenStatus {
  const today = tehranIsoDay(now)
  const t = now.getTime()
  // From yesterday, so an opening that runs past midnight is still seen.
  const all = spans(s, cal, addCalendarDays(today, -1), LOOK_AHEAD_DAYS + 1)
  const current = all.find((x) => x.start <= t && t < x.end)
  const next = all.find((x) => x.start > t)
  const nextOpen = next ? new Date(next.start) : null
  const nextClose = current ? new Date(current.end) : next ? new Date(next.end) : null
  return {
    open: current !== undefined,
    today: hoursOnDay(s, cal, today),
    nextOpen,
    nextClose,
    nextChange: current ? nextClose : nextOpen,
  }
}

/** The earliest next change of several offices, for a cache that must not outlive "open now". */
export function earliestChange(statuses: readonly OpenStatus[]): Date | null {
  let min: number | null = null
  for (const s of statuses) {
    const c = s.nextChange?.getTime()
    if (c !== undefined && (min === null || c < min)) min = c
  }
  return min === null ? null : new Date(min)
}
