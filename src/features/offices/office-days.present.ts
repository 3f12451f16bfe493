import type { WorkingCalendar } from '../../lib/working-calendar.ts'
import type { Office, OfficeClosure, OfficeException } from './office.model.ts'
import { dayHoursText, isoDayFa } from './office.present.ts'
import { hoursOnDay } from './open-now.ts'

/** An exception of an office as pages list it: the day, and its hours as one line. */
export interface ExceptionRow {
  day: string
  dayFa: string
  text: string
}

/** A closure of an office as pages list it: both days, also in Persian, and the reason. */
export interface ClosureRow {
  from: string
  to: string
  fromFa: string
  toFa: string
  reason: string
}

/** The exceptions given (the office's, or some of them), each with that day's hours. */
export function exceptionRows(
  office: Office,
  cal: WorkingCalendar,
  exceptions: readonly OfficeException[] = office.exceptions,
): ExceptionRow[] {
  return exceptions.map((e) => ({
    day: e.day,
    dayFa: isoDayFa(e.day),
    text: dayHoursText(hoursOnDay(office, cal, e.day)),
  }))
}

export function closureRows(closures: readonly OfficeClosure[]): ClosureRow[] {
  return closures.map((cl) => ({ ...cl, fromFa: isoDayFa(cl.from), toFa: isoDayFa(cl.to) }))
}
