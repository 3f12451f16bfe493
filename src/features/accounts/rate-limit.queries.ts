import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'

export interface RateLimitHit {
  /** Hits in the current window, this one included. */
  count: number
  windowStart: Date
}

/**
 * Counts a hit against `key` in a fixed window and returns the count so far.
 * Kept in PostgreSQL so that several app processes share one limit.
 */
export async function hitRateLimit(
  db: Kysely<Database>,
  key: string,
  windowMs: number,
  now: Date,
): Promise<RateLimitHit> {
  const windowStartFloor = new Date(now.getTime() - windowMs)
  const result = await sql<{ count: number; windowStart: Date }>`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start <= ${windowStartFloor} THEN 1 ELSE rate_limits.count + 1 END,
      window_start = CASE WHEN rate_limits.window_start <= ${windowStartFloor} THEN ${now} ELSE rate_limits.window_start END
    RETURNING count, window_start`.execute(db)
  const row = result.rows[0]
  return { count: row?.count ?? 1, windowStart: row ? new Date(row.windowStart) : now }
}

/** Takes one hit back: a sign-in that succeeded is not held against its address. */
export async function undoRateLimitHit(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable('rateLimits')
    .set((eb) => ({ count: sql<number>`greatest(${eb.ref('count')} - 1, 0)` }))
    .where('key', '=', key)
    .execute()
}

export async function clearRateLimit(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rateLimits').where('key', '=', key).execute()
}
