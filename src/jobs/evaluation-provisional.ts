import type { DbHandle } from '../db/create-db.ts'
import type { Deps } from '../deps.ts'
import { refreshProvisional } from '../features/evaluation/index.ts'
import { withAdvisoryLock } from './advisory-lock.ts'

/** The advisory-lock key of the provisional evaluation («mardom:evalp»). */
export const EVALUATION_PROVISIONAL_LOCK = 0x6d61_7264_6576_6c70n

/**
 * The running year's provisional evaluation, recomputed daily after the general indicators it
 * reads (`mardom evaluation`, and from the scheduler at INDICATORS_AT); one run at a time across
 * processes. Nothing happens before a method is stored.
 */
export async function evaluationProvisionalJob(
  deps: Pick<Deps, 'db' | 'clock' | 'log' | 'publicChange'>,
  dbKind: DbHandle['kind'],
): Promise<'refreshed' | 'no-method' | 'busy'> {
  let outcome: 'refreshed' | 'no-method' = 'no-method'
  const ran = await withAdvisoryLock(deps.db, dbKind, EVALUATION_PROVISIONAL_LOCK, async () => {
    outcome = (await refreshProvisional(deps)) ? 'refreshed' : 'no-method'
  })
  if (!ran) {
    deps.log.info('provisional evaluation: another run holds the lock; nothing done')
    return 'busy'
  }
  deps.log.info({ outcome }, 'provisional evaluation')
  return outcome
}
