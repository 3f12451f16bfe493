import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'

/**
 * Counts a hit against `key` in a fixed window and returns the count so far.
 * Kept in PostgreSQL so that several app processes share one limit.
 */
export async function hitRateLimit(
  db: Kysely<Database>,
  key: string,
  windowMs: number,
  now: Date,
): Promise<number> {
  const windowStartFloor = new Date(now.getTime() - windowMs)
  const result = await sql<{ count: number }>`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start <= ${windowStartFloor} THEN 1 ELSE rate_limits.count + 1 END,
      window_start = CASE WHEN rate_limits.window_start <= ${windowStartFloor} THEN ${now} ELSE rate_limits.window_start END
    RETURNING count`.execute(db)
  return result.rows[0]?.count ?? 1
}

export async function clearRateLimit(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rateLimits').where('key', '=', key).execute()
}
