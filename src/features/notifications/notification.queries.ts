import type { Db } from '../../db/create-db.ts'
import type { NotificationFrequency } from '../../db/schema.ts'
import type { InboxItem } from './notification.model.ts'

export interface Recipient {
  id: string
  email: string | null
  frequency: NotificationFrequency | null
}

/** The active users among `ids`, with their address and chosen frequency (null: not chosen). */
export async function recipientsOf(db: Db, ids: string[]): Promise<Recipient[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('users')
    .leftJoin('notificationPreferences as p', 'p.userId', 'users.id')
    .select(['users.id', 'users.email', 'p.frequency'])
    .where('users.id', 'in', ids)
    .where('users.disabledAt', 'is', null)
    .orderBy('users.id')
    .execute()
}

export interface NewInboxEntry {
  userId: string
  kind: string
  subject: string
  body: string
  link: string | null
  createdAt: Date
}

export async function insertInboxEntries(
  db: Db,
  entries: NewInboxEntry[],
): Promise<{ id: number; userId: string }[]> {
  if (entries.length === 0) return []
  return db.insertInto('notifications').values(entries).returning(['id', 'userId']).execute()
}

/** The header's number: one COUNT over the partial index of unread entries. */
export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function listInbox(
  db: Db,
  userId: string,
  page: { limit: number; offset: number },
): Promise<{ items: InboxItem[]; total: number }> {
  const base = db.selectFrom('notifications').where('userId', '=', userId)
  const [rows, count] = await Promise.all([
    base
      .select(['id', 'kind', 'subject', 'body', 'link', 'createdAt', 'readAt'])
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      subject: r.subject,
      text: r.body,
      link: r.link,
      createdAt: r.createdAt,
      readAt: r.readAt,
    })),
  }
}

/** Marks one of the user's own entries read; false when it is not theirs or does not exist. */
export async function markRead(db: Db, userId: string, id: number, at: Date): Promise<boolean> {
  const found = await db
    .selectFrom('notifications')
    .select(['id', 'readAt'])
    .where('id', '=', id)
    .where('userId', '=', userId)
    .executeTakeFirst()
  if (!found) return false
  if (found.readAt === null)
    await db.updateTable('notifications').set({ readAt: at }).where('id', '=', id).execute()
  return true
}

/** Marks every unread entry of the user read; returns how many changed. */
export async function markAllRead(db: Db, userId: string, at: Date): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ readAt: at })
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
