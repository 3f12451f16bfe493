import { startOfTehranDay, tehranDateOf } from '../../lib/fa/index.ts'
import {
  completionDay,
  type DurationUnit,
  tehranIsoDay,
  type WorkingCalendar,
} from '../../lib/working-calendar.ts'
import { stepPromisedBy, totalPromisedBy } from '../feedback/index.ts'
import type { DeclaredTime, ServiceProcess } from '../services/index.ts'

const HALF_HOUR_MS = 1_800_000
const HOUR_MS = 3_600_000

const isClockUnit = (unit: string) => unit === 'minute' || unit === 'hour'

/**
 * Tehran days and the feed's deadlines for thousands of planned events, with the library's own
 * functions but each asked once per day: reading a Tehran wall clock goes through Intl and
 * costs microseconds, which the demo's six thousand steps would otherwise pay many times over
 * on every fresh start. The answers are the same as calling the functions directly:
 *
 * - Tehran's offset from UTC has been a whole number of half hours since 1946 (+03:30, +04:30
 *   in old summers), so every instant of one UTC half hour falls on the same Tehran day;
 * - a deadline counted in working or calendar days depends only on the Tehran day its step
 *   starts on (features/feedback `promisedBy`: `completionDay`, then the end of that day).
 */
export class TehranDays {
  private readonly dayOfHalfHour = new Map<number, string>()
  private readonly startOfDay = new Map<string, number>()
  private readonly byDay = new Map<string, Date | string | null>()
  readonly cal: WorkingCalendar
  constructor(cal: WorkingCalendar) {
    this.cal = cal
  }

  /** The ISO Tehran day of an instant (lib `tehranIsoDay`). */
  day(at: Date): string {
    const key = Math.floor(at.getTime() / HALF_HOUR_MS)
    let day = this.dayOfHalfHour.get(key)
    if (day === undefined) {
      day = tehranIsoDay(new Date(key * HALF_HOUR_MS))
      this.dayOfHalfHour.set(key, day)
    }
    return day
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
    return this.memo(`c|${this.day(start)}|${amount}|${unit}`, () =>
      completionDay(start, amount, unit, this.cal),
    )
  }

  /** features/feedback `stepPromisedBy`: the deadline the feed stores for a step. */
  stepDeadline(process: ServiceProcess, cacheKey: string, stepId: string, start: Date) {
    const unit = process.steps.find((s) => s.id === stepId)?.duration?.unit
    if (!unit || isClockUnit(unit)) return stepPromisedBy(process, stepId, start, this.cal)
    return this.memo(`s|${cacheKey}|${stepId}|${this.day(start)}`, () =>
      stepPromisedBy(process, stepId, start, this.cal),
    )
  }

  /** features/feedback `totalPromisedBy`: the deadline the feed stores for a transaction. */
  totalDeadline(declared: DeclaredTime | null, cacheKey: string, start: Date): Date | null {
    if (!declared || isClockUnit(declared.unit)) return totalPromisedBy(declared, start, this.cal)
    return this.memo(`t|${cacheKey}|${this.day(start)}`, () =>
      totalPromisedBy(declared, start, this.cal),
    )
  }
}
