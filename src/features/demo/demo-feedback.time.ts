import { startOfTehranDay, tehranDateOf } from '../../lib/fa/index.ts'
import {
  completionDay,
  type DurationUnit,
  tehranIsoDay,
  type WorkingCalendar,
} from '../../lib/working-calendar.ts'
import { stepPromisedBy, totalPromisedBy } from '../feedback/index.ts'
import type { DeclaredTime, ServiceProcess } from '../services/index.ts'

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000

const isClockUnit = (unit: string) => unit === 'minute' || unit === 'hour'

/**
 * Tehran days and the feed's deadlines for thousands of planned events, with the library's own
 * functions but each asked once per day: reading a Tehran wall clock goes through Intl and
 * costs microseconds, which the demo's thousands of steps would otherwise pay many times over
 * on every fresh start. The answers are the same as calling the functions directly:
 *
 * - a Tehran day lasts at least 23 hours, so one UTC day holds at most one Tehran midnight: the
 *   Tehran days of its first and last instant, and that midnight, tell every instant's day;
 * - a deadline counted in working or calendar days depends only on the Tehran day its step
 *   starts on and on the promise's unit and amount (features/feedback `promisedBy`:
 *   `completionDay`, then the end of that day).
 */
export class TehranDays {
  private readonly utcDays = new Map<number, { before: string; after: string; midnight: number }>()
  private readonly startOfDay = new Map<string, number>()
  private readonly byDay = new Map<string, Date | string | null>()
  readonly cal: WorkingCalendar
  constructor(cal: WorkingCalendar) {
    this.cal = cal
  }

  /** The ISO Tehran day of an instant (lib `tehranIsoDay`). */
  day(at: Date): string {
    const ms = at.getTime()
    const k = Math.floor(ms / DAY_MS)
    let u = this.utcDays.get(k)
    if (u === undefined) {
      const before = tehranIsoDay(new Date(k * DAY_MS))
      const after = tehranIsoDay(new Date((k + 1) * DAY_MS - 1))
      u = { before, after, midnight: before === after ? Infinity : this.at(after, 0).getTime() }
      this.utcDays.set(k, u)
    }
    return ms < u.midnight ? u.before : u.after
  }

  /** The instant `hours` after the start of a Tehran day. */
  at(isoDay: string, hours: number): Date {
    let start = this.startOfDay.get(isoDay)
    if (start === undefined) {
      // Noon UTC falls inside the Tehran day of the same date.
      const d = tehranDateOf(new Date(`${isoDay}T12:00:00Z`))
      start = startOfTehranDay(d.jy, d.jm, d.jd).getTime()
      this.startOfDay.set(isoDay, start)
    }
    return new Date(start + hours * HOUR_MS)
  }

  private memo<T extends Date | string | null>(key: string, compute: () => T): T {
    if (this.byDay.has(key)) return this.byDay.get(key) as T
    const value = compute()
    this.byDay.set(key, value)
    return value
  }

  /** lib `completionDay`. */
  completionDay(start: Date, amount: number, unit: DurationUnit): string {
    if (isClockUnit(unit)) return completionDay(start, amount, unit, this.cal)
    return this.memo(`c|${unit}|${amount}|${this.day(start)}`, () =>
      completionDay(start, amount, unit, this.cal),
    )
  }

  /** features/feedback `stepPromisedBy`: the deadline the feed stores for a step. */
  stepDeadline(process: ServiceProcess, stepId: string, start: Date): Date | null {
    const d = process.steps.find((s) => s.id === stepId)?.duration
    if (!d || isClockUnit(d.unit)) return stepPromisedBy(process, stepId, start, this.cal)
    return this.memo(`s|${d.unit}|${d.max}|${this.day(start)}`, () =>
      stepPromisedBy(process, stepId, start, this.cal),
    )
  }

  /** features/feedback `totalPromisedBy`: the deadline the feed stores for a transaction. */
  totalDeadline(declared: DeclaredTime | null, start: Date): Date | null {
    if (!declared || isClockUnit(declared.unit)) return totalPromisedBy(declared, start, this.cal)
    const max = declared.kind === 'fixed' ? declared.value : declared.max
    return this.memo(`t|${declared.unit}|${max}|${this.day(start)}`, () =>
      totalPromisedBy(declared, start, this.cal),
    )
  }
}
