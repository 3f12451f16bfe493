import { createServer } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import { type Logger, pino } from 'pino'
import { buildApp } from './app.ts'
import type { Config } from './config.ts'
import { listenForCacheTags } from './db/cache-channel.ts'
import type { Db, DbHandle } from './db/create-db.ts'
import type { Deps } from './deps.ts'
import { sessionCookieName } from './features/accounts/index.ts'
import { startBackupSocket } from './features/backup/index.ts'
import { exportFilesOf, startExportFiles } from './features/opendata/index.ts'
import { searchIndexer } from './features/search/index.ts'
import { startJobs } from './jobs/index.ts'
import { isServicePagePath, startPageViewFlush } from './jobs/page-views.ts'
import { type Clock, systemClock } from './lib/clock.ts'
import { cachedPageResponder } from './web/fast-path.ts'
import { PageCache } from './web/page-cache.ts'
import { PageViewCounter } from './web/page-views.ts'
import { publicChangeRunner } from './web/public-change.ts'

export { openAndMigrate } from './db/open-and-migrate.ts'

/** Wires what features receive; tests and benchmarks pass their own clock or logger. */
export function createDeps(
  config: Config,
  db: Db,
  overrides: { clock?: Clock; log?: Logger } = {},
): Deps {
  const pageCache = new PageCache()
  return {
    config,
    db,
    clock: overrides.clock ?? systemClock,
    log: overrides.log ?? pino({ level: config.logLevel, base: { app: 'mardom' } }),
    lifecycle: { draining: false },
    pageCache,
    publicChange: publicChangeRunner(db, pageCache),
    searchIndex: searchIndexer,
  }
}

export interface RunningServer {
  url: string
  deps: Deps
  stop(): Promise<void>
}

/**
 * The composition root: config → database → app → HTTP server, with a
 * graceful shutdown that drains requests before closing the database.
 *
 * `beforeListen` runs before the first request is taken; `afterListen` runs once the server
 * is listening, while it serves (the demo's stories): when it ends, every cached public page
 * and export file is made again, and a shutdown waits for it before closing the database.
 */
export async function startServer(
  config: Config,
  handle: DbHandle,
  beforeListen?: (deps: Deps) => Promise<void>,
  afterListen?: (deps: Deps) => Promise<void>,
): Promise<RunningServer> {
  const deps = createDeps(config, handle.db)
  // The open-data export files are rebuilt (debounced, in the background) after every public
  // change: this process's, and other processes' through the cache channel below.
  const exportFiles = exportFilesOf(deps)
  const publicChange = deps.publicChange
  deps.publicChange = async (work) => {
    const result = await publicChange(work)
    exportFiles.changed()
    return result
  }
  if (beforeListen) await beforeListen(deps)
  const stopListening = config.databaseUrl
    ? await listenForCacheTags(config.databaseUrl, {
        onTag: (tag) => {
          deps.pageCache.invalidate(tag)
          exportFiles.changed()
        },
        onMissed: () => {
          deps.pageCache.clear()
          exportFiles.changed()
        },
        log: deps.log,
      })
    : async () => {}
  const app = buildApp(deps)
  const appListener = getRequestListener(app.fetch)
  const fromCache = cachedPageResponder(deps.pageCache, {
    sessionCookie: sessionCookieName(config.env),
    trustProxy: config.trustProxy,
    production: config.env === 'production',
  })
  // Service-page views, cached pages included, counted in memory and flushed every minute.
  const pageViews = new PageViewCounter({
    counts: isServicePagePath,
    sessionCookie: sessionCookieName(config.env),
  })
  const server = createServer((req, res) => {
    if (!fromCache(req, res)) void appListener(req, res)
    pageViews.observe(req, res)
  })
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`
  deps.log.info({ url, database: handle.kind }, 'listening')
  const jobs = startJobs(deps, handle.kind)
  const pageViewFlush = startPageViewFlush(deps, pageViews)
  startExportFiles(deps)
  // `mardom backup` asks this process for an online backup of the embedded database.
  const stopBackupSocket = await startBackupSocket(deps, handle.kind)
  const background = afterListen?.(deps).then(
    () => {
      deps.pageCache.clear()
      exportFiles.changed()
    },
    (error: unknown) => deps.log.error({ err: error }, 'after start-up: failed'),
  )

  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= (async () => {
      deps.lifecycle.draining = true
      deps.log.info('shutting down: draining requests')
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          deps.log.warn('shutdown timeout: closing open connections')
          server.closeAllConnections()
          resolve()
        }, config.shutdownTimeoutMs)
        server.close(() => {
          clearTimeout(timer)
          resolve()
        })
        server.closeIdleConnections()
      })
      await stopListening()
      await background
      await jobs.stop()
      // After the server has closed: every view it answered is counted before the last flush.
      await pageViewFlush.stop()
      await exportFiles.stop()
      await stopBackupSocket()
      await handle.close()
      deps.log.info('stopped')
    })()
    return stopping
  }
  return { url, deps, stop }
}
