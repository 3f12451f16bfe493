import type { Logger } from 'pino'
import type { Config } from './config.ts'
import type { Db } from './db/create-db.ts'
import type { Clock } from './lib/clock.ts'
import type { PageCache } from './web/page-cache.ts'

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
}
