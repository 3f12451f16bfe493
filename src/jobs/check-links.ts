import type { DbHandle } from '../db/create-db.ts'
import type { Deps } from '../deps.ts'
import {
  DEFAULT_LINK_HEALTH,
  type LinkHealthOptions,
  type LinkHealthSummary,
  runLinkHealth,
} from '../features/channels/index.ts'
import { withAdvisoryLock } from './advisory-lock.ts'

/** The advisory-lock key of the link-health job («mardom:check-links», any stable bigint). */
export const CHECK_LINKS_LOCK = 0x6d61_7264_6c6e_6b73n

/**
 * The link-health job (`mardom check-links`, and daily from the scheduler): checks every
 * e-service, web-page and mobile-app link and every form file the services use. Only one run
 * at a time across processes: a run that finds the lock taken does nothing and says so (null).
 * Links are requested only if public (`lib/net/guarded-request.ts`); an offline installation
 * (`LINK_CHECK_MODE=offline`, or the demo) requests none and looks up no name. With
 * `LINK_CHECK_AT=off` the scheduler never starts this job, so nothing is looked up at all.
 */
export async function checkLinksJob(
  deps: Pick<Deps, 'db' | 'clock' | 'log' | 'config'>,
  dbKind: DbHandle['kind'],
  options: LinkHealthOptions = DEFAULT_LINK_HEALTH,
): Promise<LinkHealthSummary | null> {
  let summary: LinkHealthSummary | null = null
  const ran = await withAdvisoryLock(deps.db, dbKind, CHECK_LINKS_LOCK, async () => {
    summary = await runLinkHealth(deps, options)
  })
  if (!ran) deps.log.info('link health: another run holds the lock; nothing done')
  return summary
}
