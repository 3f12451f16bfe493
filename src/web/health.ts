import { Hono } from 'hono'
import { sql } from 'kysely'
import type { Db } from '../db/create-db.ts'

/**
 * A probe must answer within the load balancer's own timeout: a database that accepts the
 * connection but never replies (a network cut, a stuck failover) counts as away.
 */
const READY_TIMEOUT_MS = 2_000

/** Resolves when the database answers `SELECT 1`, rejects when it fails or takes too long. */
async function databaseAnswers(db: Db, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('readiness check timed out')), timeoutMs)
  })
  const query = sql`SELECT 1`.execute(db)
  // A late failure of the abandoned query must not become an unhandled rejection.
  query.catch(() => {})
  try {
    await Promise.race([query, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Liveness (the process answers) and readiness (the database answers and we are not
 * draining). While PostgreSQL restarts, /readyz is 503 and /healthz stays 200: the process
 * is fine and must not be restarted, it only should not get traffic until the database is back.
 */
export function healthRoutes(
  db: Db,
  isDraining: () => boolean,
  options: { readyTimeoutMs?: number } = {},
): Hono {
  const app = new Hono()
  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store')
    if (isDraining()) return c.json({ status: 'draining' }, 503)
    try {
      await databaseAnswers(db, options.readyTimeoutMs ?? READY_TIMEOUT_MS)
      return c.json({ status: 'ready' })
    } catch {
      c.header('Retry-After', '5')
      return c.json({ status: 'database unavailable' }, 503)
    }
  })
  return app
}
