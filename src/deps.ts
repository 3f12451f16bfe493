import type { Logger } from 'pino'
import type { Config } from './config.ts'
import type { Db } from './db/create-db.ts'
import type { Clock } from './lib/clock.ts'
import type { PageCache } from './web/page-cache.ts'
import type { PublicChange } from './web/public-change.ts'

/**
 * Keeps the search index in step with what citizens can see. Implemented by the search
 * feature and wired by the composition root, so that features below search (agencies, the
 * catalogue's publish command) update it in their own transaction without importing it.
 */
export interface SearchIndexer {
  /** Re-reads one service's public state into the index. */
  indexService(db: Db, serviceId: string): Promise<void>
  /** Re-indexes the services of an agency and of those below it (their names changed). */
  reindexAgency(db: Db, agencyId: string): Promise<number>
}

/** Everything a feature may need, passed explicitly from the composition root. */
export interface Deps {
  config: Config
  db: Db
  clock: Clock
  log: Logger
  /** Set when shutdown starts: /readyz turns 503 so load balancers stop sending traffic. */
  lifecycle: { draining: boolean }
  /** Rendered public pages; invalidated by tag when what they show changes. */
  pageCache: PageCache
  /** One transaction for a public write, with its cache tags invalidated everywhere on commit. */
  publicChange: PublicChange
  searchIndex: SearchIndexer
}
