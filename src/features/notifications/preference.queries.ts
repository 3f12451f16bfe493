import type { Db } from '../../db/create-db.ts'
import type { NotificationFrequency } from './notification.model.ts'

/** The user's chosen frequency, or null when they have not chosen. */
export async function findFrequency(db: Db, userId: string): Promise<NotificationFrequency | null> {
  const row = await db
    .selectFrom('notificationPreferences')
    .select('frequency')
    .where('userId', '=', userId)
    .executeTakeFirst()
  return row?.frequency ?? null
}

export async function upsertFrequency(
  db: Db,
  userId: string,
  frequency: NotificationFrequency,
  at: Date,
): Promise<void> {
  await db
    .insertInto('notificationPreferences')
    .values({ userId, frequency, updatedAt: at })
    .onConflict((oc) => oc.column('userId').doUpdateSet({ frequency, updatedAt: at }))
    .execute()
}

/** The user's own address, read here rather than through accounts (which it does not own). */
export async function findUserEmail(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('email')
    .where('id', '=', userId)
    .executeTakeFirst()
  return row?.email ?? null
}

/**
 * Items held for a digest follow the user's new choice: sent at once when they now want mail
 * immediately, dropped (failed, with the reason) when they want none. A change between daily
 * and weekly keeps each item's time.
 */
export async function releaseHeldMail(
  db: Db,
  userId: string,
  frequency: NotificationFrequency,
  at: Date,
): Promise<void> {
  if (frequency === 'immediately')
    await db
      .updateTable('mailOutbox')
      .set({ status: 'pending', nextAttemptAt: at })
      .where('userId', '=', userId)
      .where('status', '=', 'held')
      .execute()
  if (frequency === 'off')
    await db
      .updateTable('mailOutbox')
      .set({ status: 'failed', nextAttemptAt: null, lastError: 'user chose no e-mail' })
      .where('userId', '=', userId)
      .where('status', '=', 'held')
      .execute()
}
