import type { Deps } from '../../deps.ts'
import { startOfTehranDay, tehranDateOf } from '../../lib/fa/index.ts'
import { addJalaliMonths } from '../../lib/fa/jalali-months.ts'
import { loadPortalSettings, type PortalSettings, type ReviewPolicy } from '../settings/index.ts'
import {
  type ReviewClock,
  type ReviewFacts,
  type ReviewPolicyLike,
  type ReviewState,
  reviewClock,
} from './review-clock.ts'
import { listReviewableServices, type ReviewableService } from './review-list.queries.ts'

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
/** Slack for a Jalali month day clamped at a month's end and a basis late in its day. */
const BOUND_MARGIN_DAYS = 7
/** Iran Standard Time, only to put instants near their Tehran day in the memo below. */
const IRST_MS = 3.5 * HOUR_MS
/** Every Tehran day lasts at least this long (23 h on the old daylight-saving start days). */
const SHORTEST_DAY_MS = 23 * HOUR_MS

/**
 * `reviewClock` for many services at one instant. A clock that is not reopened depends only
 * on the Tehran day its cycle started (its due date is the same Jalali day a cycle later),
 * and working that out from an instant costs a few `Intl` calls (~50 µs): 20,000 services
 * took a second. Services that started on the same day share the work here; the result is
 * `reviewClock`'s own, with each service's `lastReviewedAt`.
 */
export function clocksAt(
  policy: ReviewPolicyLike,
  now: Date,
): (facts: ReviewFacts) => ReviewClock | null {
  // By day number at +03:30 (near enough to find candidates): days seen, each as
  // [its first instant, first instant + 23 h), surely inside that Tehran day, and its clock.
  const days = new Map<number, { from: number; clock: ReviewClock | null }[]>()
  return (facts) => {
    const basis = facts.lastReviewedAt ?? facts.firstPublishedAt
    if (facts.reviewReopenedAt || !basis) return reviewClock(facts, policy, now)
    const t = basis.getTime()
    const key = Math.floor((t + IRST_MS) / DAY_MS)
    const seen = days.get(key) ?? []
    let day = seen.find((d) => d.from <= t && t < d.from + SHORTEST_DAY_MS)
    if (!day) {
      const j = tehranDateOf(basis)
      const from = startOfTehranDay(j.jy, j.jm, j.jd).getTime()
      const clock = reviewClock(
        { firstPublishedAt: basis, lastReviewedAt: null, reviewReopenedAt: null },
        policy,
        now,
      )
      // The last hour of a 24-hour day is not inside [from, from + 23 h): computed each time.
      if (t >= from + SHORTEST_DAY_MS)
        return clock && { ...clock, lastReviewedAt: facts.lastReviewedAt }
      day = { from, clock }
      seen.push(day)
      days.set(key, seen)
    }
    return day.clock && { ...day.clock, lastReviewedAt: facts.lastReviewedAt }
  }
}

/** A public service with its review clock computed for now. */
export interface ServiceUnderReview extends ReviewableService {
  clock: ReviewClock
}

/**
 * An instant such that every service whose clock started at or after it is still current now
 * (due more than `dueSoonDays` away): the due date is the same Jalali day a cycle after the
 * clock's start, so a start later than (now + dueSoonDays) − cycle, plus a week's slack, is due
 * later than the first warning. Services before it may be current too; the clock decides.
 */
export function currentFromBound(policy: ReviewPolicy, now: Date): Date {
  const horizon = tehranDateOf(new Date(now.getTime() + policy.dueSoonDays * DAY_MS))
  const start = addJalaliMonths(horizon, -policy.cycleMonths)
  return new Date(
    startOfTehranDay(start.jy, start.jm, start.jd).getTime() + BOUND_MARGIN_DAYS * DAY_MS,
  )
}

/**
 * The review clock of every public service of an agency (or of all agencies), now; with
 * `notCurrent`, only those past their first warning (the daily job's population: a current
 * service has nothing due), read without the current ones.
 */
export async function servicesWithClock(
  deps: Pick<Deps, 'db' | 'clock'>,
  agencyId: string | null,
  options: { notCurrent?: boolean } = {},
): Promise<ServiceUnderReview[]> {
  const now = deps.clock.now()
  let services: ReviewableService[]
  let settings: PortalSettings
  if (options.notCurrent) {
    settings = await loadPortalSettings(deps.db)
    const basisBefore = currentFromBound(settings.reviewPolicy, now)
    services = await listReviewableServices(deps.db, agencyId, { basisBefore })
  } else
    [services, settings] = await Promise.all([
      listReviewableServices(deps.db, agencyId),
      loadPortalSettings(deps.db),
    ])
  const clockOf = clocksAt(settings.reviewPolicy, now)
  return services.flatMap((s) => {
    const clock = clockOf(s)
    if (!clock || (options.notCurrent && clock.state === 'current')) return []
    return [{ ...s, clock }]
  })
}

export type StateCounts = Record<ReviewState, number>

export function countByState(rows: readonly { clock: ReviewClock }[]): StateCounts {
  const counts: StateCounts = { current: 0, due_soon: 0, due: 0, overdue: 0, escalated: 0 }
  for (const r of rows) counts[r.clock.state]++
  return counts
}
