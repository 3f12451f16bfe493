import type { Db } from '../../db/create-db.ts'
import type { Deps } from '../../deps.ts'
import { ACTUAL_TIME_WINDOW_DAYS, serviceCacheTag } from '../services/index.ts'
import {
  rewriteTimeRollups,
  rollupState,
  staleRollupServices,
  type TimeRollupRow,
  timeRollups,
  tryLockRollup,
  WHOLE,
} from './transaction.rollup.queries.ts'

/** Promised against actual looks back this many days. */
/** (One value with the service page's sentence, services/feedback-figures.ts.) */
export const WINDOW_DAYS = ACTUAL_TIME_WINDOW_DAYS
/** New transactions are folded in at most this often per service… */
const REFRESH_AFTER_CHANGE_MS = 60_000
/** …and the window moves on at least this often even without new ones. */
const REFRESH_AT_LEAST_MS = 60 * 60_000
const DAY_MS = 86_400_000

/**
 * Recomputes a service's figures when they are stale: changed more than a minute after the
 * last computation, or computed over an hour ago. So readers (the API, later the service page)
 * use the rollup rows and the raw rows are aggregated at most once a minute per service, in
 * SQL, never per view. Also called by jobs with `force`.
 */
export async function refreshTimeRollup(
  deps: Pick<Deps, 'db' | 'clock'>,
  serviceId: string,
  force = false,
): Promise<void> {
  const now = deps.clock.now()
  const state = await rollupState(deps.db, serviceId)
  if (!state) return
  const computed = state.computedAt?.getTime()
  const stale =
    force ||
    computed === undefined ||
    now.getTime() - computed >= REFRESH_AT_LEAST_MS ||
    (state.changedAt.getTime() >= computed && now.getTime() - computed >= REFRESH_AFTER_CHANGE_MS)
  if (!stale) return
  await deps.db.transaction().execute((trx) => recompute(trx, serviceId, now))
}

/**
 * Recomputes one service's figures in `trx` unless another process is at it; says whether the
 * whole-transaction figure the service page shows (n, median) came out different.
 */
async function recompute(trx: Db, serviceId: string, now: Date): Promise<boolean> {
  if (!(await tryLockRollup(trx, serviceId))) return false
  const before = (await timeRollups(trx, serviceId)).find((r) => r.stepId === WHOLE)
  await rewriteTimeRollups(trx, serviceId, new Date(now.getTime() - WINDOW_DAYS * DAY_MS), now)
  const after = (await timeRollups(trx, serviceId)).find((r) => r.stepId === WHOLE)
  return before?.n !== after?.n || before?.medianSeconds !== after?.medianSeconds
}

/** What one sweep of the upkeep job did. */
export interface RollupSweep {
  /** Services whose figures were due (new transactions, or computed over an hour ago). */
  due: number
  /** Of those, service pages dropped from the caches because their sentence changed. */
  pagesChanged: number
}

/**
 * The scheduled half of the rollups (issue 13 item 5): every service whose figures are due is
 * recomputed, so the service page and the dashboards never wait for someone to read the API,
 * and a cached service page is dropped (in every process, through its cache tag) only when the
 * sentence it shows has changed. At most `limit` services per sweep, oldest first.
 */
export async function sweepTimeRollups(
  deps: Pick<Deps, 'db' | 'clock' | 'publicChange'>,
  limit = 5_000,
): Promise<RollupSweep> {
  const now = deps.clock.now()
  const due = await staleRollupServices(
    deps.db,
    new Date(now.getTime() - REFRESH_AT_LEAST_MS),
    limit,
  )
  let pagesChanged = 0
  for (const serviceId of due)
    await deps.publicChange(async (trx, markChanged) => {
      if (!(await recompute(trx, serviceId, now))) return
      pagesChanged++
      await markChanged(serviceCacheTag(serviceId))
    })
  return { due: due.length, pagesChanged }
}

/** The service's rolled-up figures, refreshed first when stale. */
export async function serviceTimeRollups(
  deps: Pick<Deps, 'db' | 'clock'>,
  serviceId: string,
): Promise<TimeRollupRow[]> {
  await refreshTimeRollup(deps, serviceId)
  return timeRollups(deps.db, serviceId)
}
