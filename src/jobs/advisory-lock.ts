import { sql } from 'kysely'
import type { Db, DbHandle } from '../db/create-db.ts'

/**
 * Runs `work` only if no other run holding the same lock is under way — in this process or,
 * on PostgreSQL, in any process sharing the database — and says whether it ran.
 *
 * The cross-process guard is a session-level `pg_try_advisory_lock`, which PGlite supports too.
 * On PostgreSQL the lock is taken and released on one dedicated pooled connection, held for the
 * run, while `work` uses the pool as usual. PGlite has a single session shared by the whole
 * process (one connection, see create-db.ts), where session locks are re-entrant and pinning
 * the only connection would stall every request: there the lock is taken through the pool, and
 * the in-process guard is what keeps a second concurrent run out.
 */
const running = new WeakMap<Db, Set<bigint>>()

export type LockMode = DbHandle['kind']

export async function withAdvisoryLock(
  db: Db,
  mode: LockMode,
  key: bigint,
  work: () => Promise<void>,
): Promise<boolean> {
  const mine = running.get(db) ?? new Set<bigint>()
  running.set(db, mine)
  if (mine.has(key)) return false
  mine.add(key)
  try {
    if (mode === 'postgres') {
      return await db.connection().execute(async (conn) => {
        if (!(await tryLock(conn, key))) return false
        try {
          await work()
        } finally {
          await unlock(conn, key)
        }
        return true
      })
    }
    if (!(await tryLock(db, key))) return false
    try {
      await work()
    } finally {
      await unlock(db, key)
    }
    return true
  } finally {
    mine.delete(key)
  }
}

async function tryLock(db: Db, key: bigint): Promise<boolean> {
  const r = await sql<{
    got: boolean
  }>`SELECT pg_try_advisory_lock(${key.toString()}::bigint) AS got`.execute(db)
  return r.rows[0]?.got === true
}

async function unlock(db: Db, key: bigint): Promise<void> {
  await sql`SELECT pg_advisory_unlock(${key.toString()}::bigint)`.execute(db)
}
