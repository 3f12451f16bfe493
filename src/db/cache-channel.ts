import { type Kysely, sql } from 'kysely'
import pg from 'pg'
import type { Logger } from 'pino'
import type { Database } from './schema.ts'

/** The PostgreSQL channel on which processes tell each other which cached pages are stale. */
export const CACHE_CHANNEL = 'mardom_cache'

/** How the listening connection names itself in `pg_stat_activity` (operators, tests). */
export const CACHE_LISTENER_NAME = 'mardom-cache-listener'

/** Sends `tag` to every process listening; delivered only if the transaction commits. */
export async function notifyCacheTag(db: Kysely<Database>, tag: string): Promise<void> {
  await sql`SELECT pg_notify(${CACHE_CHANNEL}, ${tag})`.execute(db)
}

export interface CacheListenerOptions {
  /** A page tag another process marked stale. */
  onTag(tag: string): void
  /**
   * The listening connection was lost and is back: notifications sent meanwhile were missed,
   * so every cached page must go. Called after LISTEN succeeds again.
   */
  onMissed(): void
  log: Pick<Logger, 'warn' | 'info'>
  /** The connection's application_name (default `CACHE_LISTENER_NAME`). */
  name?: string
  /** Reconnect delays: doubling from `firstMs` up to `maxMs`, each with jitter. */
  backoff?: { firstMs: number; maxMs: number }
}

/** Until the server answers, a restart or failover usually takes a few seconds. */
const DEFAULT_BACKOFF = { firstMs: 100, maxMs: 5_000 }

/**
 * Listens on the cache channel over a dedicated connection (PostgreSQL only; the embedded
 * database has one process, which invalidates its cache directly). The first connection
 * must succeed (startup fails loudly on a bad URL); after that a lost connection (a
 * restart's 57P01, a failover, a network cut) never ends the process: it reconnects with
 * backoff, forever, and then drops every cached page. Until then the cache keeps serving
 * what it holds, which is what citizens should see while the database is away.
 */
export async function listenForCacheTags(
  databaseUrl: string,
  options: CacheListenerOptions,
): Promise<() => Promise<void>> {
  const backoff = options.backoff ?? DEFAULT_BACKOFF
  let current: pg.Client | undefined
  let retry: NodeJS.Timeout | undefined
  let failures = 0
  let stopped = false

  const lost = (client: pg.Client, error?: Error) => {
    // 'error' and 'end' both arrive for one loss; a client we already dropped is ignored.
    if (client !== current || stopped) return
    current = undefined
    options.log.warn(
      { err: error },
      'cache listener lost its PostgreSQL connection: reconnecting (cached pages are dropped once back)',
    )
    client.end().catch(() => {})
    schedule()
  }

  const connect = async (): Promise<pg.Client> => {
    const client = new pg.Client({
      connectionString: databaseUrl,
      application_name: options.name ?? CACHE_LISTENER_NAME,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
    })
    // Listeners go on before connect(): an 'error' with none would end the process.
    client.on('error', (error) => lost(client, error))
    client.on('end', () => lost(client))
    client.on('notification', (n) => {
      if (n.channel === CACHE_CHANNEL && n.payload) options.onTag(n.payload)
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${CACHE_CHANNEL}`)
      return client
    } catch (error) {
      client.end().catch(() => {})
      throw error
    }
  }

  const schedule = () => {
    const ceiling = Math.min(backoff.maxMs, backoff.firstMs * 2 ** failures)
    const delay = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2)
    failures++
    retry = setTimeout(reconnect, delay)
    retry.unref()
  }

  const reconnect = async () => {
    retry = undefined
    if (stopped) return
    try {
      const client = await connect()
      if (stopped) {
        await client.end().catch(() => {})
        return
      }
      current = client
      options.log.info({ attempts: failures }, 'cache listener reconnected: dropping cached pages')
      failures = 0
      options.onMissed()
    } catch (error) {
      if (stopped) return
      if (failures === 1 || failures % 10 === 0) {
        options.log.warn({ err: error, attempts: failures }, 'cache listener cannot reconnect yet')
      }
      schedule()
    }
  }

  current = await connect()
  return async () => {
    stopped = true
    if (retry) clearTimeout(retry)
    const client = current
    current = undefined
    await client?.end().catch(() => {})
  }
}
