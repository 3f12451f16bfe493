import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

export interface SessionRecord {
  id: string
  userId: string
  createdAt: Date
  lastSeenAt: Date
  expiresAt: Date
}

export async function insertSession(db: Executor, session: SessionRecord): Promise<void> {
  await db.insertInto('sessions').values(session).execute()
}

export async function findSession(db: Executor, id: string): Promise<SessionRecord | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function touchSession(db: Executor, id: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt: now }).where('id', '=', id).execute()
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute()
}

/** Ends every session of a user except, optionally, the one in use. */
export async function deleteSessionsOfUser(
  db: Executor,
  userId: string,
  exceptId?: string,
): Promise<void> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId)
  if (exceptId) query = query.where('id', '<>', exceptId)
  await query.execute()
}

export async function deleteExpiredSessions(
  db: Executor,
  now: Date,
  idleBefore: Date,
): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expiresAt', '<=', now), eb('lastSeenAt', '<=', idleBefore)]))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
