import type { DbHandle } from '../db/create-db.ts'
import type { Deps } from '../deps.ts'
import { type ReminderSummary, runReviewReminders } from '../features/reviews/index.ts'
import { withAdvisoryLock } from './advisory-lock.ts'

/** The advisory-lock key of the review follow-up («mardom:reviews», any stable bigint). */
export const REVIEW_REMINDERS_LOCK = 0x6d61_7264_7276_7773n

/**
 * The daily review follow-up (`mardom review-reminders`, and daily from the scheduler): one run
 * at a time across processes; a run that finds the lock taken does nothing (null).
 */
export async function reviewRemindersJob(
  deps: Pick<Deps, 'db' | 'clock' | 'log'>,
  dbKind: DbHandle['kind'],
): Promise<ReminderSummary | null> {
  let summary: ReminderSummary | null = null
  const ran = await withAdvisoryLock(deps.db, dbKind, REVIEW_REMINDERS_LOCK, async () => {
    summary = await runReviewReminders(deps)
  })
  if (!ran) deps.log.info('review reminders: another run holds the lock; nothing done')
  else deps.log.info({ summary }, 'review reminders done')
  return summary
}
