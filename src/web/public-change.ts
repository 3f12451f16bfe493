import { notifyCacheTag } from '../db/cache-channel.ts'
import type { Db } from '../db/create-db.ts'
import type { PageCache } from './page-cache.ts'

/** Marks cached public pages stale: NOTIFY now (delivered on commit), local invalidation after commit. */
export type MarkChanged = (...tags: string[]) => Promise<void>

/**
 * Runs a write that citizens can see in one transaction. Every tag the work marks is sent to
 * the other processes through NOTIFY inside the transaction (PostgreSQL delivers it only if the
 * transaction commits) and dropped from this process's page cache after the commit, so no
 * process serves the old page and none drops a page for a write that rolled back.
 */
export type PublicChange = <T>(
  work: (trx: Db, markChanged: MarkChanged) => Promise<T>,
) => Promise<T>

export function publicChangeRunner(db: Db, pageCache: PageCache): PublicChange {
  return async (work) => {
    const tags = new Set<string>()
    const result = await db.transaction().execute((trx) =>
      work(trx, async (...marked) => {
        for (const tag of marked) {
          if (tags.has(tag)) continue
          tags.add(tag)
          await notifyCacheTag(trx, tag)
        }
      }),
    )
    for (const tag of tags) pageCache.invalidate(tag)
    return result
  }
}
