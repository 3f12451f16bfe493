import type { Db } from '../../db/create-db.ts'
import type { Role } from '../../lib/actor.ts'
import type { AuditEvent } from './audit.model.ts'

/** What a page of events refers to, by id: enough to show names instead of ids. */
export interface AuditNames {
  users: Map<string, { displayName: string; role: Role }>
  agencies: Map<string, { code: string; nameFa: string }>
  /** The title of each service's newest version. */
  services: Map<string, string>
  offices: Map<string, string>
  laws: Map<string, string>
}

// Ids are uuids; an entity id of another shape (a setting's key, a hash) is never looked up,
// since PostgreSQL refuses to compare a uuid column with text that is not one.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function idsOf(values: Iterable<string | null>): string[] {
  const ids = new Set<string>()
  for (const v of values) if (v && UUID.test(v)) ids.add(v.toLowerCase())
  return [...ids]
}

function entityIds(events: readonly AuditEvent[], type: string): string[] {
  return idsOf(events.filter((e) => e.entityType === type).map((e) => e.entityId))
}

/**
 * The names behind one page of events, in at most five queries whatever the page size (one
 * per kind of entity, none for a kind the page does not mention).
 */
export async function findAuditNames(db: Db, events: readonly AuditEvent[]): Promise<AuditNames> {
  const userIds = idsOf([...events.map((e) => e.actorUserId), ...entityIds(events, 'user')])
  const agencyIds = idsOf([...events.map((e) => e.agencyId), ...entityIds(events, 'agency')])
  const serviceIds = entityIds(events, 'service')
  const officeIds = entityIds(events, 'office')
  const lawIds = entityIds(events, 'law')
  const [users, agencies, services, offices, laws] = await Promise.all([
    userIds.length === 0
      ? []
      : db
          .selectFrom('users')
          .select(['id', 'displayName', 'role'])
          .where('id', 'in', userIds)
          .execute(),
    agencyIds.length === 0
      ? []
      : db
          .selectFrom('agencies')
          .select(['id', 'code', 'nameFa'])
          .where('id', 'in', agencyIds)
          .execute(),
    serviceIds.length === 0
      ? []
      : db
          .selectFrom('serviceVersions')
          .select(['serviceId', 'title'])
          .where('serviceId', 'in', serviceIds)
          .distinctOn('serviceId')
          .orderBy('serviceId')
          .orderBy('versionNo', 'desc')
          .execute(),
    officeIds.length === 0
      ? []
      : db.selectFrom('offices').select(['id', 'name']).where('id', 'in', officeIds).execute(),
    lawIds.length === 0
      ? []
      : db.selectFrom('laws').select(['id', 'title']).where('id', 'in', lawIds).execute(),
  ])
  return {
    users: new Map(users.map((u) => [u.id, { displayName: u.displayName, role: u.role }])),
    agencies: new Map(agencies.map((a) => [a.id, { code: a.code, nameFa: a.nameFa }])),
    services: new Map(services.map((s) => [s.serviceId, s.title])),
    offices: new Map(offices.map((o) => [o.id, o.name])),
    laws: new Map(laws.map((l) => [l.id, l.title])),
  }
}
