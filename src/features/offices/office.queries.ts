import { type Kysely, type Selectable, sql } from 'kysely'
import type { Database, OfficesTable } from '../../db/schema.ts'
import type { OfficeInput } from './office.input.ts'
import {
  storedAccessibility,
  storedClosures,
  storedExceptions,
  storedHours,
  storedPhones,
} from './office.input.ts'
import type { Office } from './office.model.ts'

type Executor = Kysely<Database>

function toOffice(row: Selectable<OfficesTable>): Office {
  return {
    id: row.id,
    agencyId: row.agencyId,
    name: row.name,
    address: row.address,
    provinceCode: row.provinceCode,
    city: row.city,
    postalCode: row.postalCode,
    lat: Number(row.lat),
    lng: Number(row.lng),
    phones: storedPhones.parse(row.phones),
    email: row.email,
    accessibility: storedAccessibility.parse(row.accessibility),
    hours: storedHours.parse(row.hours),
    exceptions: storedExceptions.parse(row.exceptions),
    closures: storedClosures.parse(row.closures),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

function columns(input: OfficeInput) {
  return {
    name: input.name,
    address: input.address,
    provinceCode: input.provinceCode,
    city: input.city,
    postalCode: input.postalCode,
    lat: input.lat,
    lng: input.lng,
    phones: JSON.stringify(input.phones),
    email: input.email,
    accessibility: JSON.stringify(input.accessibility),
    hours: JSON.stringify(input.hours),
    exceptions: JSON.stringify(input.exceptions),
    closures: JSON.stringify(input.closures),
  }
}

export async function findOfficeById(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Office | undefined> {
  let query = db.selectFrom('offices').selectAll().where('id', '=', id)
  if (options.forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  return row && toOffice(row)
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Offices by id, in no particular order; ids that are not UUIDs or not found are skipped. */
export async function findOfficesByIds(db: Executor, ids: readonly string[]): Promise<Office[]> {
  const wanted = [...new Set(ids.filter((id) => UUID.test(id)))]
  if (wanted.length === 0) return []
  const rows = await db.selectFrom('offices').selectAll().where('id', 'in', wanted).execute()
  return rows.map(toOffice)
}

/** An agency's own offices, by province, city and name. */
export async function listAgencyOffices(db: Executor, agencyId: string): Promise<Office[]> {
  return listOfficesOfAgencies(db, [agencyId])
}

export async function listOfficesOfAgencies(
  db: Executor,
  agencyIds: readonly string[],
): Promise<Office[]> {
  if (agencyIds.length === 0) return []
  const rows = await db
    .selectFrom('offices')
    .selectAll()
    .where('agencyId', 'in', [...agencyIds])
    .orderBy('provinceCode')
    .orderBy('city')
    .orderBy('name')
    .execute()
  return rows.map(toOffice)
}

/** Every office (for open-data export), in a stable order. */
export async function listAllOffices(db: Executor): Promise<Office[]> {
  const rows = await db
    .selectFrom('offices')
    .selectAll()
    .orderBy('agencyId')
    .orderBy('id')
    .execute()
  return rows.map(toOffice)
}

export async function insertOffice(
  db: Executor,
  agencyId: string,
  input: OfficeInput,
  now: Date,
  id?: string,
): Promise<Office> {
  const row = await db
    .insertInto('offices')
    .values({ ...(id ? { id } : {}), agencyId, ...columns(input), createdAt: now, updatedAt: now })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toOffice(row)
}

export async function updateOffice(
  db: Executor,
  id: string,
  input: OfficeInput,
  now: Date,
): Promise<Office> {
  const row = await db
    .updateTable('offices')
    .set({ ...columns(input), updatedAt: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toOffice(row)
}

export async function deleteOfficeRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('offices').where('id', '=', id).execute()
}

/** A service version that links an office. */
export interface LinkingVersion {
  serviceId: string
  slug: string
  title: string
  status: 'draft' | 'published' | 'superseded'
  withdrawn: boolean
}

/** Current versions (drafts and published ones) whose card links the office. */
export async function listVersionsLinkingOffice(
  db: Executor,
  officeId: string,
  statuses: readonly ('draft' | 'published')[] = ['draft', 'published'],
): Promise<LinkingVersion[]> {
  const link = JSON.stringify([{ officeId }])
  const rows = await db
    .selectFrom('serviceVersions as v')
    .innerJoin('services as s', 's.id', 'v.serviceId')
    .select(['s.id as serviceId', 's.slug', 'v.title', 'v.status', 's.withdrawnAt'])
    .where('v.status', 'in', [...statuses])
    .where(sql<boolean>`v.content -> 'offices' @> ${link}::jsonb`)
    .orderBy('v.sortKey')
    .execute()
  return rows.map((r) => ({
    serviceId: r.serviceId,
    slug: r.slug,
    title: r.title,
    status: r.status,
    withdrawn: r.withdrawnAt !== null,
  }))
}

/** The ids among `ids` that name no office (a link to them must not be published). */
export async function unknownOfficeIds(db: Executor, ids: readonly string[]): Promise<string[]> {
  const found = new Set((await findOfficesByIds(db, ids)).map((o) => o.id))
  return [...new Set(ids)].filter((id) => !found.has(id))
}
