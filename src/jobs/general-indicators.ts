import type { DbHandle } from '../db/create-db.ts'
import type { Deps } from '../deps.ts'
import { type Recomputed, recomputeGeneralIndicators } from '../features/indicators/index.ts'
import { withAdvisoryLock } from './advisory-lock.ts'

/** The advisory-lock key of the general-indicator computation («mardom:indics»). */
export const GENERAL_INDICATORS_LOCK = 0x6d61_7264_696e_6463n

/**
 * The general indicators' daily computation (`mardom indicators`, and daily from the scheduler
 * at INDICATORS_AT): each approved computed indicator over the last ended period of its
 * frequency, one run at a time across processes; null when another run holds the lock.
 */
export async function generalIndicatorsJob(
  deps: Pick<Deps, 'db' | 'clock' | 'log' | 'publicChange'>,
  dbKind: DbHandle['kind'],
  period?: string,
): Promise<Recomputed | null> {
  let summary: Recomputed | null = null
  const ran = await withAdvisoryLock(deps.db, dbKind, GENERAL_INDICATORS_LOCK, async () => {
    summary = await recomputeGeneralIndicators(deps, period)
  })
  if (!ran) deps.log.info('general indicators: another run holds the lock; nothing done')
  else deps.log.info({ summary }, 'general indicators computed')
  return summary
}
