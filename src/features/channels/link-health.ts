import { createHash } from 'node:crypto'
import type { Deps } from '../../deps.ts'
import { recordAudit } from '../audit/index.ts'
import { getFormFile } from '../forms/index.ts'
import { checkUrl, DEFAULT_URL_CHECK, mapLimited, type UrlCheckOptions } from './link-check.ts'
import {
  type CheckOutcome,
  findOfflineMark,
  insertOfflineMark,
  listLinkTargets,
  pruneChecks,
  recordCheck,
} from './link-checks.queries.ts'

/** What an offline installation records for every link, instead of requesting it. */
export const OFFLINE_RESULT = 'بررسی نشد (حالت آفلاین)'

export interface LinkHealthOptions {
  /** How many URLs are checked at the same time. */
  concurrency: number
  url: UrlCheckOptions
}

export const DEFAULT_LINK_HEALTH: LinkHealthOptions = { concurrency: 4, url: DEFAULT_URL_CHECK }

export interface LinkHealthSummary {
  /** `offline`: no link was requested and no name looked up. */
  mode: LinkCheckMode
  urls: number
  formFiles: number
  broken: number
  /** Links not checked (offline). */
  unchecked: number
}

export type LinkCheckMode = 'online' | 'offline'

/**
 * Whether links are requested: `offline` when the configuration says so (`LINK_CHECK_MODE`) or
 * the installation was marked offline (the demo, whose hosts are invented).
 */
export async function linkCheckMode(deps: Pick<Deps, 'db' | 'config'>): Promise<LinkCheckMode> {
  if (deps.config.linkCheckMode === 'offline') return 'offline'
  return (await findOfflineMark(deps.db)) ? 'offline' : 'online'
}

function offlineOutcome(url: string): CheckOutcome {
  return {
    targetKind: 'url',
    target: url,
    ok: false,
    unchecked: true,
    httpStatus: null,
    error: OFFLINE_RESULT,
  }
}

/**
 * Puts this installation's link checking offline for good (the demo loader, whose links are
 * invented), and records the stated offline result for every link now, so nothing ever looks
 * like a checked result. Audited.
 */
export async function setLinkChecksOffline(
  deps: Pick<Deps, 'db' | 'clock'>,
  reason: string,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    const marked = await insertOfflineMark(trx, reason, now)
    const { urls } = await listLinkTargets(trx)
    for (const url of urls) await recordCheck(trx, offlineOutcome(url), now)
    if (marked)
      await recordAudit(trx, deps.clock, {
        actor: null,
        entityType: 'link_checks',
        entityId: 'mode',
        action: 'offline',
        agencyId: null,
        before: { mode: 'online' },
        after: { mode: 'offline', reason, links: urls.length },
      })
  })
}

/** A form file is healthy when it is stored and its bytes still hash to its SHA-256. */
export async function checkFormFileIntegrity(
  deps: Pick<Deps, 'db'>,
  sha256: string,
): Promise<CheckOutcome> {
  const file = await getFormFile(deps.db, sha256)
  const base = { targetKind: 'form_file' as const, target: sha256, httpStatus: null }
  if (!file) return { ...base, ok: false, error: 'پرونده در انبار فرم‌ها نیست.' }
  const actual = createHash('sha256').update(file.bytes).digest('hex')
  if (actual !== sha256)
    return { ...base, ok: false, error: 'محتوای پرونده با چکیدهٔ SHA-256 ثبت‌شده یکی نیست.' }
  if (file.bytes.length !== file.sizeBytes)
    return { ...base, ok: false, error: 'اندازهٔ پرونده با اندازهٔ ثبت‌شده یکی نیست.' }
  return { ...base, ok: true, error: null }
}

/**
 * Checks every link and form file the services use (published and draft versions) and keeps
 * the results in `link_checks`; results of targets no longer used are dropped. Offline (see
 * `linkCheckMode`), no link is requested and no name is looked up: each gets «بررسی نشد (حالت
 * آفلاین)»; form files, which are local, are checked either way. The caller makes sure only
 * one run happens at a time (src/jobs/check-links.ts takes the lock).
 */
export async function runLinkHealth(
  deps: Pick<Deps, 'db' | 'clock' | 'log' | 'config'>,
  options: LinkHealthOptions = DEFAULT_LINK_HEALTH,
): Promise<LinkHealthSummary> {
  const mode = await linkCheckMode(deps)
  const targets = await listLinkTargets(deps.db)
  const urlOutcomes = await mapLimited(targets.urls, options.concurrency, async (url) => {
    let outcome: CheckOutcome
    if (mode === 'offline') outcome = offlineOutcome(url)
    else {
      const { refused, ...r } = await checkUrl(url, options.url)
      outcome = { targetKind: 'url', target: url, ...r }
      // The detail stays in the log (and the table) for the portal's operators; agencies see
      // only that the link is unavailable.
      if (refused) deps.log.warn({ url, detail: r.error }, 'link check refused a non-public target')
      else if (!r.ok) deps.log.info({ url, status: r.httpStatus, detail: r.error }, 'link broken')
    }
    await recordCheck(deps.db, outcome, deps.clock.now())
    return outcome
  })
  const formOutcomes: CheckOutcome[] = []
  for (const sha256 of targets.formFiles) {
    const outcome = await checkFormFileIntegrity(deps, sha256)
    await recordCheck(deps.db, outcome, deps.clock.now())
    formOutcomes.push(outcome)
  }
  await pruneChecks(deps.db, 'url', targets.urls)
  await pruneChecks(deps.db, 'form_file', targets.formFiles)
  const all = [...urlOutcomes, ...formOutcomes]
  const summary: LinkHealthSummary = {
    mode,
    urls: targets.urls.length,
    formFiles: targets.formFiles.length,
    broken: all.filter((o) => !o.ok && !o.unchecked).length,
    unchecked: all.filter((o) => o.unchecked).length,
  }
  deps.log.info(summary, 'link health checked')
  return summary
}
