import { type JalaliDate, jalaliToGregorian, tehranDateOf } from '../../lib/fa/index.ts'
import { addJalaliMonths } from '../../lib/fa/jalali-months.ts'

/** Directive item 3: agencies complete item 1 within six months of the directive. */
export const DEADLINE_MONTHS = 6

const DAY_MS = 86_400_000

/** A Jalali day as a count of days, so that the difference of two is the days between them. */
function dayNumber(d: JalaliDate): number {
  const { gy, gm, gd } = jalaliToGregorian(d.jy, d.jm, d.jd)
  const date = new Date(0)
  date.setUTCFullYear(gy, gm - 1, gd)
  return Math.round(date.getTime() / DAY_MS)
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: JalaliDate, to: JalaliDate): number {
  return dayNumber(to) - dayNumber(from)
}

export interface DirectiveDeadline {
  directiveDate: JalaliDate
  deadline: JalaliDate
  /** Tehran's calendar day at `now`. */
  today: JalaliDate
  /** Days left until the deadline; 0 on the last day; negative once it has passed. */
  daysLeft: number
}

/** Where the 6-month deadline of directive item 3 stands at `now`, counted in Tehran days. */
export function directiveDeadline(directiveDate: JalaliDate, now: Date): DirectiveDeadline {
  const deadline = addJalaliMonths(directiveDate, DEADLINE_MONTHS)
  const today = tehranDateOf(now)
  return { directiveDate, deadline, today, daysLeft: daysBetween(today, deadline) }
}
