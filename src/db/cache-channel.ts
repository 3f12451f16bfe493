import { type Kysely, sql } from 'kysely'
import pg from 'pg'
import type { Database } from './schema.ts'

/** The PostgreSQL channel on which processes tell each other which cached pages are stale. */
export const CACHE_CHANNEL = 'mardom_cache'

/** Sends `tag` to every process listening; delivered only if the transaction commits. */
export async function notifyCacheTag(db: Kysely<Database>, tag: string): Promise<void> {
  await sql`SELECT pg_notify(${CACHE_CHANNEL}, ${tag})`.execute(db)
}

/**
 * Listens on the cache channel over a dedicated connection (PostgreSQL only;
 * the embedded database has one process, which invalidates its cache directly).
 */
export async function listenForCacheTags(
  databaseUrl: string,
  onTag: (tag: string) => void,
): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  client.on('notification', (n) => {
    if (n.channel === CACHE_CHANNEL && n.payload) onTag(n.payload)
  })
  await client.query(`LISTEN ${CACHE_CHANNEL}`)
  return () => client.end()
}
