import { startOfTehranDay, tehranDateOf } from '../../../lib/fa/index.ts'
import { addJalaliMonths } from '../../../lib/fa/jalali-months.ts'
import { endOfTehranDay } from '../../../lib/fa/tehran-time.ts'
import { reviewDueAt } from '../../services/index.ts'
import type { QueryPeriod } from './general.model.ts'
import type { ReviewBasis } from './general.queries.ts'

const DAY_MS = 86_400_000
/** Slack around the basis window for a day clamped at a Jalali month's end (31 → 30 → 29). */
const MARGIN_DAYS = 3

/**
 * The instants between which a cycle must have started for its due date (the same Jalali day a
 * cycle later, see `reviewDueAt`) to fall in the period, with a few days' slack: the exact test
 * is made on each due date afterwards.
 */
export function basisWindow(p: QueryPeriod, cycleMonths: number): { from: Date; to: Date } {
  const back = (instant: Date, slackDays: number) => {
    const d = addJalaliMonths(tehranDateOf(instant), -cycleMonths)
    return new Date(startOfTehranDay(d.jy, d.jm, d.jd).getTime() + slackDays * DAY_MS)
  }
  return { from: back(p.from, -MARGIN_DAYS), to: back(p.to, MARGIN_DAYS) }
}

export interface ReviewTally {
  /** Reviews that fell due in the period and whose outcome is known. */
  due: number
  /** Of those, signed off by the end of their due day (Tehran time). */
  onTime: number
}

/**
 * Reviews on time per agency: every cycle whose due date falls in the period counts, except
 * for a service withdrawn by then, and except while its due day has not ended and no sign-off
 * has come (its outcome is not known yet). It is on time when the sign-off that closed it came
 * before the end of the due day.
 */
export function tallyReviews(
  bases: readonly ReviewBasis[],
  p: QueryPeriod,
  now: Date,
  cycleMonths: number,
): Map<string, ReviewTally> {
  const out = new Map<string, ReviewTally>()
  for (const b of bases) {
    const due = reviewDueAt(b.at, cycleMonths)
    if (due < p.from || due >= p.to) continue
    if (b.withdrawnAt && b.withdrawnAt <= due) continue
    const dueEnd = endOfTehranDay(due)
    const onTime = b.nextAt !== null && b.nextAt < dueEnd
    if (b.nextAt === null && dueEnd > now) continue
    const t = out.get(b.agencyId) ?? { due: 0, onTime: 0 }
    out.set(b.agencyId, { due: t.due + 1, onTime: t.onTime + (onTime ? 1 : 0) })
  }
  return out
}
