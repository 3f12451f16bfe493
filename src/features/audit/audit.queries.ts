import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Db } from '../../db/create-db.ts'
import type { AuditEventsTable, Database } from '../../db/schema.ts'
import type { AuditEvent, AuditFilter, NewAuditEvent } from './audit.model.ts'

type Executor = Kysely<Database> | Transaction<Database>

/** Writes one audit event; called inside the same transaction as the change it records. */
export async function insertAuditEvent(trx: Executor, event: NewAuditEvent): Promise<void> {
  await trx
    .insertInto('auditEvents')
    .values({
      at: event.at,
      actorUserId: event.actorUserId,
      actorLabel: event.actorLabel,
      agencyId: event.agencyId,
      entityType: event.entityType,
      entityId: event.entityId,
      action: event.action,
      before: event.before === null ? null : JSON.stringify(event.before),
      after: event.after === null ? null : JSON.stringify(event.after),
    })
    .execute()
}

/** A jsonb snapshot as read back: an object, or null for anything else. */
function snapshotOf(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  return Object.fromEntries(Object.entries(value))
}

function toAuditEvent(r: Selectable<AuditEventsTable>): AuditEvent {
  return {
    id: String(r.id),
    at: r.at,
    actorUserId: r.actorUserId,
    actorLabel: r.actorLabel,
    agencyId: r.agencyId,
    entityType: r.entityType,
    entityId: r.entityId,
    action: r.action,
    before: snapshotOf(r.before),
    after: snapshotOf(r.after),
  }
}

/** `%`, `_` and `\` typed by a person match themselves, not any text. */
function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, '\\$&')
}

export async function listAuditEvents(
  db: Db,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AuditEvent[]; total: number }> {
  let query = db.selectFrom('auditEvents')
  if (filter.entityType) query = query.where('entityType', '=', filter.entityType)
  if (filter.entityId) query = query.where('entityId', '=', filter.entityId)
  if (filter.action) query = query.where('action', '=', filter.action)
  if (filter.actor) query = query.where('actorLabel', 'like', `${escapeLike(filter.actor)}%`)
  if (filter.agencyId) query = query.where('agencyId', '=', filter.agencyId)
  if (filter.from) query = query.where('at', '>=', filter.from)
  if (filter.to) query = query.where('at', '<', filter.to)
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { total: count.n, items: rows.map(toAuditEvent) }
}

/** One event by its id (a decimal string; anything else finds nothing). */
export async function findAuditEvent(db: Db, id: string): Promise<AuditEvent | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined
  const row = await db.selectFrom('auditEvents').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toAuditEvent(row)
}

export async function listAuditEntityTypes(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('auditEvents')
    .select('entityType')
    .distinct()
    .orderBy('entityType')
    .execute()
  return rows.map((r) => r.entityType)
}

export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('auditEvents')
    .select('action')
    .distinct()
    .orderBy('action')
    .execute()
  return rows.map((r) => r.action)
}
