import type { DbHandle } from '../db/create-db.ts'
import type { Deps } from '../deps.ts'
import { type FeedbackUpkeep, runFeedbackUpkeep } from '../features/feedback/index.ts'
import { withAdvisoryLock } from './advisory-lock.ts'
import { type RepeatingJob, repeatEvery } from './mail-loop.ts'

/** The advisory-lock key of the feedback upkeep («mardom:feedbk», any stable bigint). */
export const FEEDBACK_UPKEEP_LOCK = 0x6d61_7264_6662_6b70n

/**
 * The feedback upkeep (`mardom feedback-upkeep`, and every few minutes from the server): one
 * run at a time across processes; a run that finds the lock taken does nothing (null).
 */
export async function feedbackUpkeepJob(
  deps: Pick<Deps, 'db' | 'clock' | 'log' | 'publicChange'>,
  dbKind: DbHandle['kind'],
): Promise<FeedbackUpkeep | null> {
  let summary: FeedbackUpkeep | null = null
  const ran = await withAdvisoryLock(deps.db, dbKind, FEEDBACK_UPKEEP_LOCK, async () => {
    summary = await runFeedbackUpkeep(deps)
  })
  if (!ran) deps.log.info('feedback upkeep: another run holds the lock; nothing done')
  else deps.log.info({ summary }, 'feedback upkeep done')
  return summary
}

/** Runs the upkeep every `FEEDBACK_UPKEEP_MINUTES` (off when 0). */
export function startFeedbackUpkeep(deps: Deps, dbKind: DbHandle['kind']): RepeatingJob {
  const everyMs = deps.config.feedbackUpkeepMs
  if (everyMs <= 0) return { stop: async () => {} }
  return repeatEvery(
    everyMs,
    async () => {
      await feedbackUpkeepJob(deps, dbKind)
    },
    (error) => deps.log.error({ err: error, job: 'feedback-upkeep' }, 'job failed'),
  )
}
