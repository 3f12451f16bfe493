import type { Db } from '../../db/create-db.ts'

/** Gives a test user an e-mail address (accounts' forms are not what these tests are about). */
export async function setEmail(db: Db, userId: string, email: string | null): Promise<void> {
  await db.updateTable('users').set({ email }).where('id', '=', userId).execute()
}

export async function outboxRows(db: Db) {
  return db.selectFrom('mailOutbox').selectAll().orderBy('id').execute()
}

export async function inboxRows(db: Db, userId: string) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('userId', '=', userId)
    .orderBy('id')
    .execute()
}
