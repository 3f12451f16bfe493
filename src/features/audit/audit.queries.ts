import type { Kysely, Transaction } from 'kysely'
import type { Db } from '../../db/create-db.ts'
import type { Database } from '../../db/schema.ts'
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

export async function listAuditEvents(
  db: Db,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AuditEvent[]; total: number }> {
  let query = db.selectFrom('auditEvents')
  if (filter.entityType) query = query.where('entityType', '=', filter.entityType)
  if (filter.entityId) query = query.where('entityId', '=', filter.entityId)
  if (filter.action) query = query.where('action', '=', filter.action)
  if (filter.actor) query = query.where('actorLabel', 'like', `${filter.actor}%`)
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
  return {
    total: count.n,
    items: rows.map((r) => ({
      id: String(r.id),
      at: r.at,
      actorUserId: r.actorUserId,
      actorLabel: r.actorLabel,
      agencyId: r.agencyId,
      entityType: r.entityType,
      entityId: r.entityId,
      action: r.action,
      before: r.before as Record<string, unknown> | null,
      after: r.after as Record<string, unknown> | null,
    })),
  }
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
