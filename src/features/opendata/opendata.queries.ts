import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

export interface PublishedRow {
  id: string
  slug: string
  agencyId: string
  publicChangedAt: Date | null
  /** The facts of the review clock (services/review-clock.ts). */
  firstPublishedAt: Date | null
  lastReviewedAt: Date | null
  reviewReopenedAt: Date | null
  versionNo: number
  publishedAt: Date | null
  changeNote: string | null
  sortKey: string
  content: unknown
}

function publishedBase(db: Executor) {
  return db
    .selectFrom('serviceVersions as v')
    .innerJoin('services as s', 's.id', 'v.serviceId')
    .where('v.status', '=', 'published')
    .where('s.withdrawnAt', 'is', null)
}

/**
 * One batch of the published catalogue in Persian alphabetical order, after `after`
 * (keyset paging on (sort key, id): each service comes once however long the export takes).
 */
export async function publishedBatch(
  db: Executor,
  after: { sortKey: string; id: string } | null,
  limit: number,
): Promise<PublishedRow[]> {
  let q = publishedBase(db).select([
    's.id',
    's.slug',
    's.agencyId',
    's.publicChangedAt',
    's.firstPublishedAt',
    's.lastReviewedAt',
    's.reviewReopenedAt',
    'v.versionNo',
    'v.publishedAt',
    'v.changeNote',
    'v.sortKey',
    'v.content',
  ])
  // Driven by the (sort key, service id) index of published versions: each batch is an index
  // scan that stops after `limit` rows, whatever the catalogue's size or statistics.
  if (after)
    q = q.where(sql<boolean>`(v.sort_key, v.service_id) > (${after.sortKey}, ${after.id}::uuid)`)
  return q.orderBy('v.sortKey').orderBy('v.serviceId').limit(limit).execute()
}

export interface CatalogueState {
  count: number
  /** The latest change of anything an export shows; null for an empty, never-touched catalogue. */
  lastChange: Date | null
  /** Row counts of what the exports draw on, so a deletion changes the ETag too. */
  rows: string
  /**
   * Each source's own latest change: a file is for all of them, not only for the newest one, so
   * an edit stamped earlier than another table's latest (a migration stamping the database's
   * time, a writer whose clock is behind) still makes a new file.
   */
  stamps: string
}

const latest = (...ds: (Date | null | undefined)[]) =>
  ds.reduce<Date | null>((m, d) => (d && (!m || d > m) ? d : m), null)

/**
 * What an export file is built for, read on every download (so it must stay cheap): the number of
 * public services, the latest public change (withdrawals, completed reviews and rejected review
 * audits included: the files carry the review dates), the latest edit of an agency, law, office
 * or portal setting (the review policy, which moves every due date, is one), and how many of
 * each there are. The count is an anti
 * join (hash, linear) rather than a join, which PGlite — no statistics — planned as a nested loop
 * over every pair of services and published versions.
 */
export async function catalogueState(db: Executor): Promise<CatalogueState> {
  const { rows } = await sql<{
    n: number
    servicesAt: Date | null
    agenciesAt: Date | null
    lawsAt: Date | null
    officesAt: Date | null
    settingsAt: Date | null
    agencies: number
    laws: number
    offices: number
  }>`SELECT
      (SELECT count(*) FROM service_versions v
        WHERE v.status = 'published' AND NOT EXISTS (
          SELECT 1 FROM services s WHERE s.id = v.service_id AND s.withdrawn_at IS NOT NULL))::int AS n,
      (SELECT max(public_changed_at) FROM services) AS services_at,
      (SELECT max(updated_at) FROM agencies) AS agencies_at,
      (SELECT max(updated_at) FROM laws) AS laws_at,
      (SELECT max(updated_at) FROM offices) AS offices_at,
      (SELECT max(updated_at) FROM settings) AS settings_at,
      (SELECT count(*) FROM agencies)::int AS agencies,
      (SELECT count(*) FROM laws)::int AS laws,
      (SELECT count(*) FROM offices)::int AS offices`.execute(db)
  const r = rows[0]
  if (!r) throw new Error('catalogue state query returned no row')
  return {
    count: Number(r.n),
    lastChange: latest(r.servicesAt, r.agenciesAt, r.lawsAt, r.officesAt, r.settingsAt),
    rows: `${r.agencies}/${r.laws}/${r.offices}`,
    stamps: [r.servicesAt, r.agenciesAt, r.lawsAt, r.officesAt, r.settingsAt]
      .map((d) => d?.toISOString() ?? '')
      .join('/'),
  }
}

export function listAllAgencies(db: Executor) {
  return db.selectFrom('agencies').selectAll().execute()
}

export function listAllLaws(db: Executor) {
  return db
    .selectFrom('laws')
    .select(['id', 'title', 'kind', 'number', 'approvedOn', 'url', 'addedByAgencyId'])
    .select(['createdAt', 'updatedAt'])
    .execute()
}

// ------------------------------------------------------------------------------------------
// Import: rows created with the ids the catalogue file gives, so ids stay stable across
// installations and a second import matches by id.

export async function insertLawWithId(
  db: Executor,
  law: {
    id: string
    title: string
    kind: 'law' | 'regulation' | 'bylaw' | 'circular'
    number: string | null
    approvedOn: string | null
    url: string | null
    sortKey: string
  },
  now: Date,
): Promise<void> {
  await db
    .insertInto('laws')
    .values({ ...law, addedByAgencyId: null, createdAt: now, updatedAt: now })
    .execute()
}

export async function insertServiceWithId(
  db: Executor,
  s: { id: string; agencyId: string; slug: string; now: Date },
): Promise<void> {
  await db
    .insertInto('services')
    .values({ id: s.id, agencyId: s.agencyId, slug: s.slug, createdAt: s.now })
    .execute()
}

export async function existingLawIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db
    .selectFrom('laws')
    .select('id')
    .where('id', 'in', [...ids])
    .execute()
  return new Set(rows.map((r) => r.id))
}

export async function findLawIdByTitleAndNumber(
  db: Executor,
  title: string,
  number: string | null,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('laws')
    .select('id')
    .where('title', '=', title)
    .where(sql<boolean>`coalesce(number, '') = ${number ?? ''}`)
    .executeTakeFirst()
  return row?.id
}

export async function findServiceBySlugForImport(db: Executor, slug: string) {
  return db.selectFrom('services').select(['id']).where('slug', '=', slug).executeTakeFirst()
}

/** How many agencies have at least one published, not withdrawn service. */
export async function countPublishingAgencies(db: Executor): Promise<number> {
  const row = await publishedBase(db)
    .select(sql<number>`count(DISTINCT s.agency_id)::int`.as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** This database's installation id, created on first use (see the installation migration). */
export async function installationId(db: Executor): Promise<string> {
  const found = await db.selectFrom('installation').select('id').executeTakeFirst()
  if (found) return found.id
  await db
    .insertInto('installation')
    .defaultValues()
    .onConflict((oc) => oc.column('singleton').doNothing())
    .execute()
  const row = await db.selectFrom('installation').select('id').executeTakeFirstOrThrow()
  return row.id
}

/** An agency from a catalogue file, with the file's id (when free here) and code. */
export async function insertAgencyFromImport(
  db: Executor,
  a: {
    id: string | undefined
    code: string
    parentId: string | null
    level: 'ministry' | 'organisation' | 'provincial_office' | 'city_office'
    nameFa: string
    nameEn: string | null
    shortNameFa: string | null
    website: string | null
    phone: string | null
    email: string | null
    address: string | null
    provinceCode: string | null
  },
  now: Date,
): Promise<string> {
  const { id, ...rest } = a
  const row = await db
    .insertInto('agencies')
    .values({ ...(id ? { id } : {}), ...rest, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  // Codes are issued from agency_code_seq: move it past a numeric code brought in, so the
  // next agency created here never gets a code that is already taken.
  if (/^[0-9]{1,15}$/.test(a.code))
    await sql`SELECT setval('agency_code_seq', ${Number(a.code)}::bigint)
      WHERE ${Number(a.code)}::bigint >= (SELECT last_value FROM agency_code_seq)`.execute(db)
  return row.id
}

export async function agencyIdTaken(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom('agencies').select('id').where('id', '=', id).executeTakeFirst()
  return row !== undefined
}
