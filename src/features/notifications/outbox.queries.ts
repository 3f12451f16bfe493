import type { Insertable, Selectable } from 'kysely'
import type { Db } from '../../db/create-db.ts'
import type { MailOutboxTable, MailStatus } from '../../db/schema.ts'
import type { OutboxRow } from './notification.model.ts'

export type NewOutboxRow = Omit<Insertable<MailOutboxTable>, 'id' | 'attempts'>

/**
 * Records a de-duplicated send; false when its key was taken already. A concurrent
 * transaction with the same key waits on the unique key and then finds it taken.
 */
export async function claimDedupeKey(
  db: Db,
  send: { dedupeKey: string; kind: string; recipients: number; createdAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('notificationSends')
    .values(send)
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .returning('dedupeKey')
    .executeTakeFirst()
  return inserted !== undefined
}

export async function insertOutboxRows(db: Db, rows: NewOutboxRow[]): Promise<void> {
  if (rows.length === 0) return
  await db.insertInto('mailOutbox').values(rows).execute()
}

function toOutboxRow(r: Selectable<MailOutboxTable>): OutboxRow {
  return {
    id: Number(r.id),
    userId: r.userId,
    toAddress: r.toAddress,
    kind: r.kind,
    subject: r.subject,
    body: r.body,
    htmlBody: r.htmlBody,
    link: r.link,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    nextAttemptAt: r.nextAttemptAt,
    digestId: r.digestId === null ? null : Number(r.digestId),
    createdAt: r.createdAt,
    sentAt: r.sentAt,
  }
}

/** The central admin's outbox page: newest first, optionally one status. */
export async function listOutbox(
  db: Db,
  filter: { status?: MailStatus | undefined },
  page: { limit: number; offset: number },
): Promise<{ items: OutboxRow[]; total: number }> {
  let base = db.selectFrom('mailOutbox')
  if (filter.status) base = base.where('status', '=', filter.status)
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { total: Number(count.n), items: rows.map(toOutboxRow) }
}

export async function countOutboxByStatus(db: Db): Promise<Map<MailStatus, number>> {
  const rows = await db
    .selectFrom('mailOutbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute()
  return new Map(rows.map((r) => [r.status, Number(r.n)]))
}

/** Messages whose time has come, oldest first. */
export async function listDueMail(db: Db, now: Date, limit: number): Promise<OutboxRow[]> {
  const rows = await db
    .selectFrom('mailOutbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', now)
    .orderBy('nextAttemptAt')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map(toOutboxRow)
}

/** The items a digest row collected, oldest first. */
export async function listDigestItems(db: Db, digestId: number): Promise<OutboxRow[]> {
  const rows = await db
    .selectFrom('mailOutbox')
    .selectAll()
    .where('digestId', '=', digestId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute()
  return rows.map(toOutboxRow)
}

/** Users with held items whose digest time has come. */
export async function listUsersWithDueDigest(db: Db, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('mailOutbox')
    .select('userId')
    .distinct()
    .where('status', '=', 'held')
    .where('nextAttemptAt', '<=', now)
    .where('userId', 'is not', null)
    .orderBy('userId')
    .execute()
  return rows.flatMap((r) => (r.userId === null ? [] : [r.userId]))
}

export async function listDueHeldItems(db: Db, userId: string, now: Date): Promise<OutboxRow[]> {
  const rows = await db
    .selectFrom('mailOutbox')
    .selectAll()
    .where('status', '=', 'held')
    .where('userId', '=', userId)
    .where('nextAttemptAt', '<=', now)
    .orderBy('createdAt')
    .orderBy('id')
    .execute()
  return rows.map(toOutboxRow)
}

export async function insertDigestRow(db: Db, row: NewOutboxRow): Promise<number> {
  const r = await db.insertInto('mailOutbox').values(row).returning('id').executeTakeFirstOrThrow()
  return Number(r.id)
}

export async function markDigested(db: Db, ids: number[], digestId: number): Promise<void> {
  if (ids.length === 0) return
  await db
    .updateTable('mailOutbox')
    .set({ status: 'digested', digestId, nextAttemptAt: null })
    .where('id', 'in', ids)
    .where('status', '=', 'held')
    .execute()
}

export async function markSent(
  db: Db,
  id: number,
  at: Date,
  messageId: string | null,
): Promise<void> {
  await db
    .updateTable('mailOutbox')
    .set((eb) => ({
      status: 'sent',
      sentAt: at,
      messageId,
      attempts: eb('attempts', '+', 1),
      lastError: null,
      nextAttemptAt: null,
    }))
    .where('id', '=', id)
    .execute()
}

/** A failed attempt: tried again at `retryAt`, or given up on (failed) when it is null. */
export async function markAttemptFailed(
  db: Db,
  id: number,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .updateTable('mailOutbox')
    .set((eb) => ({
      status: retryAt ? 'pending' : 'failed',
      attempts: eb('attempts', '+', 1),
      lastError: error,
      nextAttemptAt: retryAt,
    }))
    .where('id', '=', id)
    .execute()
}
