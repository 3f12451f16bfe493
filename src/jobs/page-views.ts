import type { Deps } from '../deps.ts'
import { addServicePageViews, type SlugDayViews } from '../features/indicators/general/index.ts'
import { SLUG_CHARS } from '../features/services/index.ts'
import type { PageViewCounter } from '../web/page-views.ts'
import { type RepeatingJob, repeatEvery } from './mail-loop.ts'

/** How often the views counted in memory are added to the database. */
export const PAGE_VIEW_FLUSH_MS = 60_000

/**
 * A service's public page, `/services/<slug>` (its history and versions are not views of it).
 * Slugs may be Persian, which arrives percent-encoded in the request line.
 */
const SERVICE_PAGE = new RegExp(`^/services/([${SLUG_CHARS}]+(?:-[${SLUG_CHARS}]+)*)$`, 'u')

function servicePageSlug(path: string): string | undefined {
  let decoded = path
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return undefined
  }
  return SERVICE_PAGE.exec(decoded)?.[1]
}

/** What the counter counts: the service pages (the per-1,000-views indicator's denominator). */
export function isServicePagePath(path: string): boolean {
  return servicePageSlug(path) !== undefined
}

export interface PageViewFlush {
  /** Service-day rows written. */
  rows: number
  /** Views of service pages drained from the counter (those of slugs no service has are not written). */
  views: number
  /** Views not counted because the counter was full (it is reset here). */
  dropped: number
}

/**
 * Adds what the counter holds to `service_page_views` in one statement and empties it. When the
 * write fails the counts go back into the counter, so the next flush carries them.
 */
export async function flushPageViews(
  deps: Pick<Deps, 'db'>,
  counter: PageViewCounter,
): Promise<PageViewFlush> {
  const counts = counter.drain()
  const dropped = counter.dropped
  counter.dropped = 0
  const batch: SlugDayViews[] = []
  for (const c of counts) {
    const slug = servicePageSlug(c.path)
    if (slug) batch.push({ slug, day: c.day, views: c.views })
  }
  try {
    const rows = await addServicePageViews(deps.db, batch)
    return { rows, views: batch.reduce((sum, b) => sum + b.views, 0), dropped }
  } catch (error) {
    counter.restore(counts)
    counter.dropped += dropped
    throw error
  }
}

/**
 * Flushes the counter every minute, and once more when stopped (the server stops it after it has
 * stopped taking requests and before it closes the database), so no counted view is lost on a
 * graceful shutdown. Several processes may flush at once: each adds its own counts.
 */
export function startPageViewFlush(
  deps: Pick<Deps, 'db' | 'log'>,
  counter: PageViewCounter,
  everyMs = PAGE_VIEW_FLUSH_MS,
): RepeatingJob {
  const flush = async () => {
    const result = await flushPageViews(deps, counter)
    if (result.dropped > 0)
      deps.log.warn({ dropped: result.dropped }, 'page views: counter full, some views not counted')
  }
  const loop = repeatEvery(everyMs, flush, (error) =>
    deps.log.error({ err: error, job: 'page-views' }, 'job failed'),
  )
  return {
    async stop() {
      await loop.stop()
      try {
        await flush()
      } catch (error) {
        deps.log.error({ err: error, job: 'page-views' }, 'last page-view flush failed')
      }
    },
  }
}
