import { type Kysely, type Selectable, sql } from 'kysely'
import type { Database, ServiceVersionsTable } from '../../db/schema.ts'
import { persianSortKey } from '../../lib/fa/collate.ts'
import type {
  Audience,
  LifeEvent,
  Service,
  ServiceContent,
  ServiceVersion,
} from './service.model.ts'
import { parseStoredContent } from './service.schema.ts'

type Executor = Kysely<Database>

function toVersion(row: Selectable<ServiceVersionsTable>): ServiceVersion {
  return {
    id: row.id,
    serviceId: row.serviceId,
    versionNo: row.versionNo,
    status: row.status,
    content: parseStoredContent(row.content),
    revision: row.revision,
    changeNote: row.changeNote,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
  }
}

/** The columns kept beside the JSON card for lists, filters and ordering. */
function derivedColumns(content: ServiceContent) {
  return {
    content: JSON.stringify(content),
    title: content.title,
    sortKey: persianSortKey(content.title),
    audiences: content.audiences,
    lifeEvents: content.lifeEvents,
  }
}

export async function insertService(
  db: Executor,
  s: { id?: string; agencyId: string; slug: string; now: Date },
): Promise<Service> {
  return db
    .insertInto('services')
    .values({
      // An id chosen beforehand lets a one-time form name its result before creating it.
      ...(s.id !== undefined ? { id: s.id } : {}),
      agencyId: s.agencyId,
      slug: s.slug,
      createdAt: s.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function findServiceById(db: Executor, id: string): Promise<Service | undefined> {
  return db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findServiceBySlug(db: Executor, slug: string): Promise<Service | undefined> {
  return db.selectFrom('services').selectAll().where('slug', '=', slug).executeTakeFirst()
}

/** Whether `slug` is a service's address now, or was one and still redirects to it. */
export async function isSlugTaken(db: Executor, slug: string): Promise<boolean> {
  if ((await findServiceBySlug(db, slug)) !== undefined) return true
  const retired = await db
    .selectFrom('serviceSlugHistory')
    .select('slug')
    .where('slug', '=', slug)
    .executeTakeFirst()
  return retired !== undefined
}

async function findVersionWhere(db: Executor, serviceId: string, status: 'draft' | 'published') {
  const row = await db
    .selectFrom('serviceVersions')
    .selectAll()
    .where('serviceId', '=', serviceId)
    .where('status', '=', status)
    .executeTakeFirst()
  return row && toVersion(row)
}

export function findDraft(db: Executor, serviceId: string): Promise<ServiceVersion | undefined> {
  return findVersionWhere(db, serviceId, 'draft')
}

export function findPublished(
  db: Executor,
  serviceId: string,
): Promise<ServiceVersion | undefined> {
  return findVersionWhere(db, serviceId, 'published')
}

/** A version that has been public (published or superseded), by its number. */
export async function findPublicVersion(
  db: Executor,
  serviceId: string,
  versionNo: number,
): Promise<ServiceVersion | undefined> {
  const row = await db
    .selectFrom('serviceVersions')
    .selectAll()
    .where('serviceId', '=', serviceId)
    .where('versionNo', '=', versionNo)
    .where('status', '<>', 'draft')
    .executeTakeFirst()
  return row && toVersion(row)
}

/** Every version that has been public, oldest first: the service's history. */
export async function listPublicVersions(
  db: Executor,
  serviceId: string,
): Promise<ServiceVersion[]> {
  const rows = await db
    .selectFrom('serviceVersions')
    .selectAll()
    .where('serviceId', '=', serviceId)
    .where('status', '<>', 'draft')
    .orderBy('versionNo')
    .execute()
  return rows.map(toVersion)
}

export async function nextVersionNo(db: Executor, serviceId: string): Promise<number> {
  const row = await db
    .selectFrom('serviceVersions')
    .select((eb) => eb.fn.max('versionNo').as('max'))
    .where('serviceId', '=', serviceId)
    .executeTakeFirst()
  return (row?.max ?? 0) + 1
}

export async function insertDraft(
  db: Executor,
  d: {
    serviceId: string
    versionNo: number
    content: ServiceContent
    userId: string | null
    now: Date
  },
): Promise<ServiceVersion> {
  const row = await db
    .insertInto('serviceVersions')
    .values({
      serviceId: d.serviceId,
      versionNo: d.versionNo,
      status: 'draft',
      ...derivedColumns(d.content),
      createdAt: d.now,
      createdBy: d.userId,
      updatedAt: d.now,
      updatedBy: d.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toVersion(row)
}

/**
 * Saves a draft only if nobody saved it since `expectedRevision` was read
 * (optimistic concurrency); returns the saved version, or undefined on conflict.
 */
export async function updateDraft(
  db: Executor,
  d: {
    versionId: string
    expectedRevision: number
    content: ServiceContent
    userId: string | null
    now: Date
  },
): Promise<ServiceVersion | undefined> {
  const row = await db
    .updateTable('serviceVersions')
    .set((eb) => ({
      ...derivedColumns(d.content),
      revision: eb('revision', '+', 1),
      updatedAt: d.now,
      updatedBy: d.userId,
    }))
    .where('id', '=', d.versionId)
    .where('status', '=', 'draft')
    .where('revision', '=', d.expectedRevision)
    .returningAll()
    .executeTakeFirst()
  return row && toVersion(row)
}

export async function deleteDraft(db: Executor, versionId: string): Promise<void> {
  await db
    .deleteFrom('serviceVersions')
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .execute()
}

/** Supersedes the published version (if any) and publishes the draft; only the publish command (catalogue) calls it. */
/**
 * Takes the service's row lock for the rest of the transaction, so that two publishes (or a
 * publish and a withdrawal) of one service run one after the other, and the second sees what
 * the first did.
 */
export async function lockService(db: Executor, serviceId: string): Promise<void> {
  await db.selectFrom('services').select('id').where('id', '=', serviceId).forUpdate().execute()
}

export async function publishDraftVersion(
  db: Executor,
  p: { serviceId: string; draftId: string; changeNote: string; userId: string | null; now: Date },
): Promise<void> {
  await db
    .updateTable('serviceVersions')
    .set({ status: 'superseded' })
    .where('serviceId', '=', p.serviceId)
    .where('status', '=', 'published')
    .execute()
  const published = await db
    .updateTable('serviceVersions')
    .set({
      status: 'published',
      changeNote: p.changeNote,
      publishedAt: p.now,
      publishedBy: p.userId,
    })
    .where('id', '=', p.draftId)
    .where('status', '=', 'draft')
    .executeTakeFirstOrThrow()
  // The caller holds the service lock and has checked the draft, so this cannot miss; if it
  // ever does, fail the whole transaction rather than report a publish that did not happen.
  if (published.numUpdatedRows !== 1n) throw new Error(`draft ${p.draftId} was not published`)
  await markPublicChange(db, p.serviceId, p.now)
}

/** Incremental sync (open data): the service's public state changed now. Same transaction. */
async function markPublicChange(db: Executor, serviceId: string, now: Date): Promise<void> {
  await db
    .updateTable('services')
    .set((eb) => ({
      publicChangedAt: now,
      // The review clock of a service never reviewed starts at its first publication.
      firstPublishedAt: eb.fn.coalesce('firstPublishedAt', eb.val(now)),
    }))
    .where('id', '=', serviceId)
    .execute()
}

export async function setWithdrawn(
  db: Executor,
  serviceId: string,
  reason: string | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('services')
    .set({
      withdrawnAt: reason === null ? null : now,
      withdrawnReason: reason,
      publicChangedAt: now,
    })
    .where('id', '=', serviceId)
    .execute()
}

export interface PublishedServiceFilter {
  agencyId?: string | undefined
  audience?: Audience | undefined
  lifeEvent?: LifeEvent | undefined
  /** Services of agencies located in this province. */
  provinceCode?: string | undefined
  /** Only services whose version changed at or after this instant. */
  updatedSince?: Date | undefined
}

export interface PublishedServiceSummary {
  id: string
  slug: string
  title: string
  summary: string
  audiences: Audience[]
  versionNo: number
  publishedAt: Date
  agencyCode: string
  agencyNameFa: string
}

function publishedQuery(db: Executor, f: PublishedServiceFilter) {
  let q = db
    .selectFrom('serviceVersions as v')
    .innerJoin('services as s', 's.id', 'v.serviceId')
    .innerJoin('agencies as a', 'a.id', 's.agencyId')
    .where('v.status', '=', 'published')
    .where('s.withdrawnAt', 'is', null)
  if (f.agencyId) q = q.where('s.agencyId', '=', f.agencyId)
  if (f.audience) q = q.where(sql<boolean>`v.audiences @> ARRAY[${f.audience}]::text[]`)
  if (f.lifeEvent) q = q.where(sql<boolean>`v.life_events @> ARRAY[${f.lifeEvent}]::text[]`)
  if (f.provinceCode) q = q.where('a.provinceCode', '=', f.provinceCode)
  if (f.updatedSince) q = q.where('v.publishedAt', '>=', f.updatedSince)
  return q
}

/** Published, not withdrawn services in Persian alphabetical order, a page at a time. */
export async function listPublishedServices(
  db: Executor,
  filter: PublishedServiceFilter,
  page: { limit: number; offset: number },
): Promise<{ items: PublishedServiceSummary[]; total: number }> {
  const [rows, count] = await Promise.all([
    publishedQuery(db, filter)
      .select([
        's.id',
        's.slug',
        'v.title',
        sql<string>`v.content->>'summary'`.as('summary'),
        'v.audiences',
        'v.versionNo',
        'v.publishedAt',
        'a.code as agencyCode',
        'a.nameFa as agencyNameFa',
      ])
      .orderBy('v.sortKey')
      .orderBy('s.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    publishedQuery(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return {
    total: count.n,
    items: rows.map((r) => ({
      ...r,
      audiences: r.audiences.filter(
        (x): x is Audience => x === 'G2C' || x === 'G2B' || x === 'G2G',
      ),
      publishedAt: r.publishedAt ?? new Date(0),
    })),
  }
}

/** Published counts per audience and life event, for the home page's browse links. */
export async function countPublishedByFacet(
  db: Executor,
): Promise<{ audiences: Map<string, number>; lifeEvents: Map<string, number> }> {
  const [aud, life] = await Promise.all([
    sql<{ key: string; n: number }>`
      SELECT unnest(v.audiences) AS key, count(*)::int AS n FROM service_versions v
      JOIN services s ON s.id = v.service_id
      WHERE v.status = 'published' AND s.withdrawn_at IS NULL GROUP BY 1`.execute(db),
    sql<{ key: string; n: number }>`
      SELECT unnest(v.life_events) AS key, count(*)::int AS n FROM service_versions v
      JOIN services s ON s.id = v.service_id
      WHERE v.status = 'published' AND s.withdrawn_at IS NULL GROUP BY 1`.execute(db),
  ])
  return {
    audiences: new Map(aud.rows.map((r) => [r.key, r.n])),
    lifeEvents: new Map(life.rows.map((r) => [r.key, r.n])),
  }
}

export interface AgencyServiceRow {
  service: Service
  published: ServiceVersion | undefined
  draft: ServiceVersion | undefined
}

/** An agency's services with their published version and draft, for its staff. */
export async function listAgencyServices(
  db: Executor,
  agencyId: string,
): Promise<AgencyServiceRow[]> {
  const services = await db
    .selectFrom('services')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .execute()
  if (services.length === 0) return []
  const versions = await db
    .selectFrom('serviceVersions')
    .selectAll()
    .where(
      'serviceId',
      'in',
      services.map((s) => s.id),
    )
    .where('status', 'in', ['draft', 'published'])
    .execute()
  const byService = new Map<string, AgencyServiceRow>(
    services.map((s) => [s.id, { service: s, published: undefined, draft: undefined }]),
  )
  for (const row of versions) {
    const entry = byService.get(row.serviceId)
    if (!entry) continue
    if (row.status === 'draft') entry.draft = toVersion(row)
    else entry.published = toVersion(row)
  }
  return [...byService.values()]
}
