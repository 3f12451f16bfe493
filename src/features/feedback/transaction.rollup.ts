import type { Deps } from '../../deps.ts'
import { ACTUAL_TIME_WINDOW_DAYS } from '../services/index.ts'
import {
  rewriteTimeRollups,
  rollupState,
  type TimeRollupRow,
  timeRollups,
  tryLockRollup,
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
  await deps.db.transaction().execute(async (trx) => {
    if (!(await tryLockRollup(trx, serviceId))) return
    await rewriteTimeRollups(trx, serviceId, new Date(now.getTime() - WINDOW_DAYS * DAY_MS), now)
  })
}

/** The service's rolled-up figures, refreshed first when stale. */
export async function serviceTimeRollups(
  deps: Pick<Deps, 'db' | 'clock'>,
  serviceId: string,
): Promise<TimeRollupRow[]> {
  await refreshTimeRollup(deps, serviceId)
  return timeRollups(deps.db, serviceId)
}
