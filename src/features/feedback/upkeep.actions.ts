import type { Deps } from '../../deps.ts'
import { HIT_RETENTION_MS } from './abuse.model.ts'
import { purgeHits } from './abuse.queries.ts'
import { closeFixed } from './report.actions.ts'
import { type RollupSweep, sweepTimeRollups } from './transaction.rollup.ts'

/** What one run of the feedback upkeep did (logged by the job, printed by the CLI). */
export interface FeedbackUpkeep extends RollupSweep {
  /** Accepted reports closed as fixed because their version is public (contacts deleted). */
  reportsClosed: number
  /** Public-form hashes older than 30 days deleted. */
  hitsPurged: number
}

const PURGE_BATCH = 5_000

/**
 * The feedback feature's scheduled upkeep (`mardom feedback-upkeep`, and every
 * `FEEDBACK_UPKEEP_MINUTES` from the server), for what must happen even when nobody writes:
 * - accepted reports whose fixing version was published by the plain publish command (which
 *   knows nothing of reports) are closed and their contact is deleted;
 * - address, browser and content hashes are deleted after 30 days even when no form is sent;
 * - promised-against-actual figures are recomputed and changed service pages re-rendered.
 */
export async function runFeedbackUpkeep(
  deps: Pick<Deps, 'db' | 'clock' | 'publicChange'>,
): Promise<FeedbackUpkeep> {
  // Status pages are not cached: closing needs no cache tag.
  const reportsClosed = await deps.db.transaction().execute((trx) => closeFixed(deps, trx))
  const before = new Date(deps.clock.now().getTime() - HIT_RETENTION_MS)
  let hitsPurged = 0
  for (;;) {
    const n = await purgeHits(deps.db, before, PURGE_BATCH)
    hitsPurged += n
    if (n < PURGE_BATCH) break
  }
  const sweep = await sweepTimeRollups(deps)
  return { reportsClosed, hitsPurged, ...sweep }
}
