import type { ReviewReminderStep } from '../../db/schema.ts'
import {
  ESCALATE_AFTER_DAYS,
  OVERDUE_REMINDER_DAYS,
  type ReviewPolicyLike,
} from '../services/index.ts'

/**
 * The reminder ladder of issue 12 item 4, per service and cycle (a cycle is named by its due
 * date): at the two warnings a digest per agency to its editors and admin, on the due date and
 * 30 days after it the agency admin, 90 days after it the central supervisors.
 */
export const STEPS: readonly ReviewReminderStep[] = [
  'due_soon',
  'due',
  'due_date',
  'overdue',
  'escalated',
]

const DAY_MS = 86_400_000

/** When each step of the cycle due at `dueAt` is reached. */
export function stepTimes(dueAt: Date, policy: ReviewPolicyLike): Record<ReviewReminderStep, Date> {
  const at = (days: number) => new Date(dueAt.getTime() + days * DAY_MS)
  return {
    due_soon: at(-policy.dueSoonDays),
    due: at(-policy.dueDays),
    due_date: dueAt,
    overdue: at(OVERDUE_REMINDER_DAYS),
    escalated: at(ESCALATE_AFTER_DAYS),
  }
}

/**
 * What to do now for one service: the latest step reached is sent (unless already recorded);
 * earlier steps not yet recorded are recorded as skipped, never sent late. After downtime the
 * ladder catches up to where it should be without a burst of stale warnings.
 */
export function stepsDue(
  dueAt: Date,
  policy: ReviewPolicyLike,
  now: Date,
  recorded: ReadonlySet<ReviewReminderStep>,
): { send: ReviewReminderStep | null; skip: ReviewReminderStep[] } {
  const times = stepTimes(dueAt, policy)
  const reached = STEPS.filter((s) => times[s].getTime() <= now.getTime())
  const latest = reached.at(-1)
  if (!latest) return { send: null, skip: [] }
  return {
    send: recorded.has(latest) ? null : latest,
    skip: reached.slice(0, -1).filter((s) => !recorded.has(s)),
  }
}
