import { createHash } from 'node:crypto'
import type { Deps } from '../../deps.ts'
import { getFormFile } from '../forms/index.ts'
import { checkUrl, DEFAULT_URL_CHECK, mapLimited, type UrlCheckOptions } from './link-check.ts'
import {
  type CheckOutcome,
  listLinkTargets,
  pruneChecks,
  recordCheck,
} from './link-checks.queries.ts'

export interface LinkHealthOptions {
  /** How many URLs are checked at the same time. */
  concurrency: number
  url: UrlCheckOptions
}

export const DEFAULT_LINK_HEALTH: LinkHealthOptions = { concurrency: 4, url: DEFAULT_URL_CHECK }

export interface LinkHealthSummary {
  urls: number
  formFiles: number
  broken: number
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
 * the results in `link_checks`; results of targets no longer used are dropped. The caller
 * makes sure only one run happens at a time (src/jobs/check-links.ts takes the lock).
 */
export async function runLinkHealth(
  deps: Pick<Deps, 'db' | 'clock' | 'log'>,
  options: LinkHealthOptions = DEFAULT_LINK_HEALTH,
): Promise<LinkHealthSummary> {
  const targets = await listLinkTargets(deps.db)
  const urlOutcomes = await mapLimited(targets.urls, options.concurrency, async (url) => {
    const r = await checkUrl(url, options.url)
    const outcome: CheckOutcome = { targetKind: 'url', target: url, ...r }
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
  const broken = [...urlOutcomes, ...formOutcomes].filter((o) => !o.ok).length
  deps.log.info(
    { urls: targets.urls.length, formFiles: targets.formFiles.length, broken },
    'link health checked',
  )
  return { urls: targets.urls.length, formFiles: targets.formFiles.length, broken }
}
