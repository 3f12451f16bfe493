import { startOfTehranDay, tehranDateOf } from '../../lib/fa/index.ts'
import { addJalaliMonths } from '../../lib/fa/jalali-months.ts'

/**
 * The review clock of a service (directive item 4): due a cycle after its last completed review,
 * or after its first publication when never reviewed, or at once when the central audit
 * rejected its last review. Only a completed review moves it: editing or publishing never does,
 * so the clock cannot be reset by re-publishing (the anchors' failure, evaluation-anchors §1).
 */

export const REVIEW_STATES = ['current', 'due_soon', 'due', 'overdue', 'escalated'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

/** Days past the due date after which the agency admin is reminded again. */
export const OVERDUE_REMINDER_DAYS = 30
/** Days past the due date after which the central supervisor is told and the page says so. */
export const ESCALATE_AFTER_DAYS = 90

const DAY_MS = 86_400_000

export interface ReviewFacts {
  firstPublishedAt: Date | null
  lastReviewedAt: Date | null
  reviewReopenedAt: Date | null
}

export interface ReviewPolicyLike {
  cycleMonths: number
  dueSoonDays: number
  dueDays: number
}

export interface ReviewClock {
  lastReviewedAt: Date | null
  /** The start (Tehran) of the day the review is due. */
  dueAt: Date
  state: ReviewState
  /** When the state next changes with time alone (for page-cache expiry); null if never. */
  nextChangeAt: Date | null
}

/** The due date of a cycle that started at `basis`: the same Jalali day `months` later. */
export function reviewDueAt(basis: Date, cycleMonths: number): Date {
  const due = addJalaliMonths(tehranDateOf(basis), cycleMonths)
  return startOfTehranDay(due.jy, due.jm, due.jd)
}

/** The clock of a service, or null while it has never been published. */
export function reviewClock(
  facts: ReviewFacts,
  policy: ReviewPolicyLike,
  now: Date,
): ReviewClock | null {
  const basis = facts.lastReviewedAt ?? facts.firstPublishedAt
  if (!basis && !facts.reviewReopenedAt) return null
  const dueAt =
    facts.reviewReopenedAt ??
    reviewDueAt(basis ?? facts.reviewReopenedAt ?? now, policy.cycleMonths)
  const at = (days: number) => new Date(dueAt.getTime() + days * DAY_MS)
  // Thresholds in time order, each with the state that starts there.
  const steps: [Date, ReviewState][] = [
    [at(-policy.dueSoonDays), 'due_soon'],
    [at(-policy.dueDays), 'due'],
    [dueAt, 'overdue'],
    [at(ESCALATE_AFTER_DAYS), 'escalated'],
  ]
  let state: ReviewState = 'current'
  let nextChangeAt: Date | null = null
  for (const [from, s] of steps) {
    if (now.getTime() >= from.getTime()) state = s
    else {
      nextChangeAt = from
      break
    }
  }
  return { lastReviewedAt: facts.lastReviewedAt, dueAt, state, nextChangeAt }
}
