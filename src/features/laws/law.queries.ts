import { randomUUID } from 'node:crypto'
import { type Kysely, type Selectable, sql } from 'kysely'
import type { Database, LawsTable } from '../../db/schema.ts'
import { persianSortKey } from '../../lib/fa/collate.ts'
import type { Law, LawKind } from './law.model.ts'

type Executor = Kysely<Database>

export interface LawRecord {
  title: string
  kind: LawKind
  number: string | null
  approvedOn: string | null
  url: string | null
}

function toLaw(row: Selectable<LawsTable>): Law {
  const { sortKey: _s, ...law } = row
  return law
}

export async function findLawById(db: Executor, id: string): Promise<Law | undefined> {
  const row = await db.selectFrom('laws').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toLaw(row)
}

export async function findLawsByIds(db: Executor, ids: readonly string[]): Promise<Law[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('laws')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return rows.map(toLaw)
}

export async function findLawByTitleAndNumber(
  db: Executor,
  title: string,
  number: string | null,
): Promise<Law | undefined> {
  const row = await db
    .selectFrom('laws')
    .selectAll()
    .where('title', '=', title)
    .where(sql<boolean>`coalesce(number, '') = ${number ?? ''}`)
    .executeTakeFirst()
  return row && toLaw(row)
}

export async function listLaws(
  db: Executor,
  filter: { q?: string | undefined; kind?: LawKind | undefined },
  page: { limit: number; offset: number },
): Promise<{ items: Law[]; total: number }> {
  let q = db.selectFrom('laws')
  if (filter.kind) q = q.where('kind', '=', filter.kind)
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`
    q = q.where((eb) => eb.or([eb('title', 'like', pattern), eb('number', 'like', pattern)]))
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('sortKey').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(toLaw), total: count.n }
}

/** Every law, briefly, for the legal-basis picker in the service editor. */
export async function listLawChoices(
  db: Executor,
): Promise<{ id: string; title: string; kind: LawKind; number: string | null }[]> {
  return db
    .selectFrom('laws')
    .select(['id', 'title', 'kind', 'number'])
    .orderBy('sortKey')
    .execute()
}

export async function insertLaw(
  db: Executor,
  law: LawRecord,
  agencyId: string | null,
  now: Date,
  id?: string,
): Promise<Law> {
  const row = await db
    .insertInto('laws')
    .values({
      ...(id ? { id } : {}),
      ...law,
      sortKey: persianSortKey(law.title),
      addedByAgencyId: agencyId,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toLaw(row)
}

/** Many laws in one insert (the demo's at start-up), with ids chosen here; in the order given. */
export async function insertLaws(
  db: Executor,
  laws: readonly LawRecord[],
  now: Date,
): Promise<Law[]> {
  if (laws.length === 0) return []
  const values = laws.map((law) => ({
    ...law,
    id: randomUUID(),
    sortKey: persianSortKey(law.title),
    addedByAgencyId: null,
    createdAt: now,
    updatedAt: now,
  }))
  const rows = await db.insertInto('laws').values(values).returningAll().execute()
  const byId = new Map(rows.map((r) => [r.id, toLaw(r)]))
  return values.map((v) => {
    const law = byId.get(v.id)
    if (!law) throw new Error(`law ${v.id} was not inserted`)
    return law
  })
}

export async function updateLaw(db: Executor, id: string, law: LawRecord, now: Date): Promise<Law> {
  const row = await db
    .updateTable('laws')
    .set({ ...law, sortKey: persianSortKey(law.title), updatedAt: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toLaw(row)
}

/** Published services that cite this law, for the law's page. */
export async function listServicesCitingLaw(
  db: Executor,
  lawId: string,
): Promise<{ slug: string; title: string }[]> {
  return db
    .selectFrom('serviceVersions as v')
    .innerJoin('services as s', 's.id', 'v.serviceId')
    .select(['s.slug', 'v.title'])
    .where('v.status', '=', 'published')
    .where('s.withdrawnAt', 'is', null)
    .where(sql<boolean>`v.content->'legalBases' @> ${JSON.stringify([{ lawId }])}::jsonb`)
    .orderBy('v.sortKey')
    .execute()
}
