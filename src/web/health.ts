import { Hono } from 'hono'
import { sql } from 'kysely'
import type { Db } from '../db/create-db.ts'

/** Liveness (the process answers) and readiness (the database answers and we are not draining). */
export function healthRoutes(db: Db, isDraining: () => boolean): Hono {
  const app = new Hono()
  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/readyz', async (c) => {
    if (isDraining()) return c.json({ status: 'draining' }, 503)
    try {
      await sql`SELECT 1`.execute(db)
      return c.json({ status: 'ready' })
    } catch {
      return c.json({ status: 'database unavailable' }, 503)
    }
  })
  return app
}
