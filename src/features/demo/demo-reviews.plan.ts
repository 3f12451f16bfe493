import { startOfTehranDay, tehranDateOf } from '../../lib/fa/index.ts'
import { addJalaliMonths } from '../../lib/fa/jalali-months.ts'
import { currentQuarter, type Quarter, quarterRange } from '../reviews/index.ts'
import type { ReviewPolicyLike } from '../services/index.ts'
import type { DemoReviewCandidate } from './demo-reviews.queries.ts'

/**
 * The demo's review story (issue 12 item 8), planned relative to the day the demo is loaded so
 * that it reads the same whenever `npm start` runs: the agencies that use the portal have
 * reviewed most of their services (a few are due soon, due or overdue, one is escalated, a few
 * were revised, one review is in progress); the agencies not yet on the portal have not, so
 * their old services are overdue and reported to the centre. The last quarter's «بدون تغییر»
 * reviews are enough for a sample of two.
 */

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000

/** What the plan makes of one service. */
export type DemoReviewKind =
  | 'current'
  | 'due_soon'
  | 'due'
  | 'overdue'
  | 'escalated'
  | 'revised'
  /** Due, with a review opened by the editor and partly answered. */
  | 'in_progress'

export interface PlannedReview {
  serviceId: string
  agencyId: string
  kind: DemoReviewKind
  openedAt: Date
  /** When the agency admin signs it off (or publishes the revision); null while in progress. */
  completedAt: Date | null
}

export interface DemoReviewPlanInput {
  now: Date
  policy: ReviewPolicyLike
  candidates: readonly DemoReviewCandidate[]
  /** Agencies with staff accounts on the portal: only they review. */
  reviewingAgencyIds: ReadonlySet<string>
  /** The agency whose accounts the demo prints: it gets one service of each kind. */
  showcaseAgencyId: string | null
  /** Whether a service has a fee to update (a revision changes its amount). */
  hasPaidFee: (serviceId: string) => boolean
}

/** The showcase agency's story, in the order its services (by stable hash) are given it. */
const SHOWCASE: readonly DemoReviewKind[] = [
  'revised',
  'due_soon',
  'due_soon',
  'due',
  'in_progress',
  'overdue',
]

/** FNV-1a: a stable, well-spread number for a slug, so the story never changes between loads. */
export function stableHash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

function kindOfBucket(h: number): DemoReviewKind {
  const b = h % 100
  if (b < 4) return 'due_soon'
  if (b < 6) return 'due'
  if (b < 9) return 'overdue'
  if (b < 10) return 'escalated'
  if (b < 12) return 'revised'
  return 'current'
}

/** The quarter before `q`: the one whose sample the supervisor draws. */
export function previousQuarter(q: Quarter): Quarter {
  return q.q === 1 ? { jy: q.jy - 1, q: 4 } : { jy: q.jy, q: (q.q - 1) as Quarter['q'] }
}

/** Mid-morning Tehran time of the day an instant falls on. */
function midMorning(d: Date): Date {
  const t = tehranDateOf(d)
  return new Date(startOfTehranDay(t.jy, t.jm, t.jd).getTime() + 10 * HOUR_MS)
}

export function planDemoReviews(input: DemoReviewPlanInput): PlannedReview[] {
  const { now, policy } = input
  const nowMs = now.getTime()
  /** A sign-off whose next review falls `dueInDays` from now (negative: already past). */
  const reviewedFor = (dueInDays: number): Date => {
    const due = tehranDateOf(new Date(nowMs + dueInDays * DAY_MS))
    const back = addJalaliMonths(due, -policy.cycleMonths)
    return new Date(startOfTehranDay(back.jy, back.jm, back.jd).getTime() + 10 * HOUR_MS)
  }
  // A review starts after the version it reviews was published, and is signed off before now.
  const fits = (c: DemoReviewCandidate, at: Date) =>
    at.getTime() - c.lastPublishedAt.getTime() >= 14 * DAY_MS && at.getTime() <= nowMs - DAY_MS
  const young = (c: DemoReviewCandidate) => {
    const natural = addJalaliMonths(tehranDateOf(c.firstPublishedAt), policy.cycleMonths)
    const due = startOfTehranDay(natural.jy, natural.jm, natural.jd).getTime()
    return due > nowMs + (policy.dueSoonDays + 30) * DAY_MS
  }

  const thisQuarter = currentQuarter(now)
  const last = quarterRange(previousQuarter(thisQuarter))
  const current = quarterRange(thisQuarter)
  const lastSpan = last.to.getTime() - last.from.getTime()
  const currentSpan = nowMs - 2 * DAY_MS - current.from.getTime()
  const IN_LAST_QUARTER = 14
  const IN_THIS_QUARTER = currentSpan > 3 * DAY_MS ? 6 : 0
  let placedCurrent = 0

  /** When a routine «بدون تغییر» review of a service was signed off; null if none fits. */
  const routineDate = (c: DemoReviewCandidate, h: number): Date | null => {
    const i = placedCurrent
    let at: Date
    if (i < IN_LAST_QUARTER)
      at = new Date(last.from.getTime() + ((i + 0.5) / IN_LAST_QUARTER) * lastSpan)
    else if (i < IN_LAST_QUARTER + IN_THIS_QUARTER)
      at = new Date(
        current.from.getTime() + ((i - IN_LAST_QUARTER + 0.5) / IN_THIS_QUARTER) * currentSpan,
      )
    else at = new Date(last.from.getTime() - (10 + (h % 700)) * DAY_MS)
    at = midMorning(at)
    if (!fits(c, at))
      at = midMorning(new Date(c.lastPublishedAt.getTime() + (14 + (h % 30)) * DAY_MS))
    if (!fits(c, at)) return null
    placedCurrent++
    return at
  }

  /** When the review that leaves a service in the state `kind` names was signed off. */
  const signedOffAt = (kind: Exclude<DemoReviewKind, 'current'>, h: number): Date => {
    switch (kind) {
      case 'due_soon': {
        const window = Math.max(1, policy.dueSoonDays - policy.dueDays - 20)
        return reviewedFor(policy.dueDays + 10 + (h % window))
      }
      case 'due':
      case 'in_progress':
        return reviewedFor(3 + (h % Math.max(1, policy.dueDays - 8)))
      case 'overdue':
        return reviewedFor(-(10 + (h % 60)))
      case 'escalated':
        return reviewedFor(-(110 + (h % 60)))
      case 'revised':
        return midMorning(new Date(nowMs - (30 + (h % 300)) * DAY_MS))
    }
  }

  const plan: PlannedReview[] = []
  const add = (c: DemoReviewCandidate, kind: DemoReviewKind, at: Date) => {
    const h = stableHash(`opened:${c.slug}`)
    const openedAt = new Date(at.getTime() - (2 + (h % 12)) * DAY_MS - 2 * HOUR_MS)
    const review = { serviceId: c.serviceId, agencyId: c.agencyId, openedAt, completedAt: at }
    if (kind !== 'in_progress') {
      plan.push({ ...review, kind })
      return
    }
    // Signed off a cycle ago (so due now), and the new review opened by the editor days ago.
    plan.push({ ...review, kind: 'due' })
    plan.push({ ...review, kind, openedAt: new Date(nowMs - 3 * DAY_MS), completedAt: null })
  }

  const reviewing = input.candidates
    .filter((c) => input.reviewingAgencyIds.has(c.agencyId))
    .map((c) => ({ c, h: stableHash(c.slug) }))
    .sort((a, b) => a.h - b.h || (a.c.slug < b.c.slug ? -1 : 1))
  const showcaseLeft = [...SHOWCASE]
  for (const { c, h } of reviewing) {
    const showcase = c.agencyId === input.showcaseAgencyId
    const wanted = showcase ? (showcaseLeft[0] ?? 'current') : kindOfBucket(h)
    if (wanted !== 'current' && (wanted !== 'revised' || input.hasPaidFee(c.serviceId))) {
      const at = signedOffAt(wanted, h)
      if (fits(c, at)) {
        add(c, wanted, at)
        if (showcase) showcaseLeft.shift()
        continue
      }
    }
    // A service published recently needs no review yet: it stays current by itself.
    if (young(c)) continue
    const at = routineDate(c, h)
    if (at) add(c, 'current', at)
  }
  return plan
}
