import { endOfTehranDay } from '../../lib/fa/tehran-time.ts'
import {
  completionDay,
  type DurationUnit,
  type WorkingCalendar,
} from '../../lib/working-calendar.ts'
import type { DeclaredTime, ServiceProcess } from '../services/index.ts'

const MINUTE_MS = 60_000

/**
 * The instant by which something started at `start` and promised to take at most `max` `unit`s
 * is late. Minutes and hours count on the clock; days count on the portal's working calendar
 * (R6) and end with the Tehran day on which they fall due.
 */
export function promisedBy(
  start: Date,
  max: number,
  unit: DurationUnit,
  cal: WorkingCalendar,
): Date {
  if (unit === 'minute' || unit === 'hour')
    return new Date(start.getTime() + max * (unit === 'hour' ? 60 : 1) * MINUTE_MS)
  const day = completionDay(start, max, unit, cal)
  // Noon UTC falls inside the Tehran day of the same date (UTC+3:30).
  return endOfTehranDay(new Date(`${day}T12:00:00Z`))
}

/** The deadline a step's published duration promises, or null when the step promises no time. */
export function stepPromisedBy(
  process: ServiceProcess,
  stepId: string,
  start: Date,
  cal: WorkingCalendar,
): Date | null {
  const d = process.steps.find((s) => s.id === stepId)?.duration
  return d ? promisedBy(start, d.max, d.unit, cal) : null
}

/** The deadline of the card's declared total time («حداکثر ۱۵ روز کاری»), if it declares one. */
export function totalPromisedBy(
  declared: DeclaredTime | null,
  start: Date,
  cal: WorkingCalendar,
): Date | null {
  if (!declared) return null
  const max = declared.kind === 'fixed' ? declared.value : declared.max
  // Weeks and months are calendar days: a week is 7, a month 30 (the card's own reading).
  if (declared.unit === 'week') return promisedBy(start, max * 7, 'calendar_day', cal)
  if (declared.unit === 'month') return promisedBy(start, max * 30, 'calendar_day', cal)
  return promisedBy(start, max, declared.unit, cal)
}

/**
 * For each step, the steps that come after it along normal transitions (return-for-correction
 * edges ignored: after a return an earlier step may legitimately start again later).
 */
export function stepsAfter(process: ServiceProcess): Map<string, Set<string>> {
  const next = new Map<string, string[]>()
  for (const t of process.transitions)
    if (t.kind === 'normal') next.set(t.from, [...(next.get(t.from) ?? []), t.to])
  const out = new Map<string, Set<string>>()
  for (const s of process.steps) {
    const seen = new Set<string>()
    const todo = [...(next.get(s.id) ?? [])]
    for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
      if (seen.has(id)) continue
      seen.add(id)
      todo.push(...(next.get(id) ?? []))
    }
    seen.delete(s.id)
    out.set(s.id, seen)
  }
  return out
}

/** Steps of the process at which the citizen must come in person. */
export function attendanceSteps(process: ServiceProcess): Set<string> {
  return new Set(
    process.steps.filter((s) => s.requiresAttendance && s.actor === 'citizen').map((s) => s.id),
  )
}
