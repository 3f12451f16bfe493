import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

/** How failed sign-ins for one username from one address slow further tries down. */
export interface SignInBackoff {
  /** Tries allowed before the waits begin. */
  freeFailures: number
  /** The longest wait; the waits double from one second up to it. */
  maxDelayMs: number
  /** Failures older than this are forgotten. */
  forgetAfterMs: number
}

/**
 * When the next try is allowed after the row's failures: one second after the last once the
 * free ones are used, then two, four… up to the longest wait. One SQL expression, used both
 * to claim a try and to say how long to wait, so the two never disagree.
 */
function readyAt(b: SignInBackoff) {
  return sql<Date>`f.last_failed_at + least(power(2, f.failures - ${b.freeFailures}) * 1000, ${b.maxDelayMs}) * interval '1 millisecond'`
}

/**
 * Claims a sign-in try for (username, client) and counts it as a failure until it succeeds
 * (a success deletes the row, {@link forgetSignInFailures}). Atomic, so that parallel tries
 * cannot all slip through one gap. Returns `ok: false` with how long to wait when it is too
 * early.
 */
export async function claimSignInTry(
  db: Executor,
  username: string,
  client: string,
  now: Date,
  b: SignInBackoff,
): Promise<{ ok: true } | { ok: false; waitMs: number }> {
  const forgetBefore = new Date(now.getTime() - b.forgetAfterMs)
  const claimed = await sql<{ failures: number }>`
    INSERT INTO sign_in_failures AS f (username, client, failures, last_failed_at)
    VALUES (${username}, ${client}, 1, ${now})
    ON CONFLICT (username, client) DO UPDATE SET
      failures = CASE WHEN f.last_failed_at <= ${forgetBefore} THEN 1 ELSE f.failures + 1 END,
      last_failed_at = ${now}
    WHERE f.last_failed_at <= ${forgetBefore}
      OR f.failures < ${b.freeFailures}
      OR ${readyAt(b)} <= ${now}
    RETURNING failures`.execute(db)
  if (claimed.rows.length > 0) return { ok: true }
  const waiting = await sql<{ wait: number }>`
    SELECT extract(epoch FROM (${readyAt(b)} - ${now})) * 1000 AS wait
    FROM sign_in_failures f WHERE f.username = ${username} AND f.client = ${client}`.execute(db)
  return { ok: false, waitMs: Math.max(1000, Math.ceil(Number(waiting.rows[0]?.wait ?? 1000))) }
}

export async function forgetSignInFailures(
  db: Executor,
  username: string,
  client: string,
): Promise<void> {
  await db
    .deleteFrom('signInFailures')
    .where('username', '=', username)
    .where('client', '=', client)
    .execute()
}
