import { type Kysely, type Selectable, sql } from 'kysely'
import type { Db } from '../../db/create-db.ts'
import type { AgenciesTable, Database } from '../../db/schema.ts'
import type { AgencyInput } from './agency.input.ts'
import type { Agency, AgencyBrief, AgencyLevel } from './agency.model.ts'

type Executor = Kysely<Database>

function toAgency(row: Selectable<AgenciesTable>): Agency {
  return { ...row }
}

export async function findAgencyById(db: Executor, id: string): Promise<Agency | undefined> {
  const row = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toAgency(row)
}

export async function findAgencyByCode(db: Executor, code: string): Promise<Agency | undefined> {
  const row = await db
    .selectFrom('agencies')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst()
  return row && toAgency(row)
}

export async function findAgencyByNameFa(
  db: Executor,
  nameFa: string,
): Promise<Agency | undefined> {
  const row = await db
    .selectFrom('agencies')
    .selectAll()
    .where('nameFa', '=', nameFa)
    .executeTakeFirst()
  return row && toAgency(row)
}

export interface AgencyListFilter {
  /** Matches the Persian or English name, the short name or the code. */
  q?: string | undefined
  level?: AgencyLevel | undefined
  parentId?: string | undefined
  provinceCode?: string | undefined
}

export async function listAgencies(
  db: Db,
  filter: AgencyListFilter,
  page: { limit: number; offset: number },
): Promise<{ items: Agency[]; total: number }> {
  let query = db.selectFrom('agencies')
  if (filter.level) query = query.where('level', '=', filter.level)
  if (filter.parentId) query = query.where('parentId', '=', filter.parentId)
  if (filter.provinceCode) query = query.where('provinceCode', '=', filter.provinceCode)
  if (filter.q) {
    // Persian has no letter case, so LIKE suffices for it; lower() handles English names.
    const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`
    query = query.where((eb) =>
      eb.or([
        eb('nameFa', 'like', pattern),
        eb('shortNameFa', 'like', pattern),
        eb(eb.fn('lower', ['nameEn']), 'like', pattern.toLowerCase()),
        eb('code', '=', filter.q ?? ''),
      ]),
    )
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('code').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(toAgency), total: count.n }
}

/** Every agency, briefly: for the hierarchy on the index page and parent pickers. */
export async function listAgencyBriefs(db: Db): Promise<AgencyBrief[]> {
  return db
    .selectFrom('agencies')
    .select(['id', 'code', 'nameFa', 'level', 'parentId'])
    .orderBy('code')
    .execute()
}

export async function listChildAgencies(db: Db, parentId: string): Promise<Agency[]> {
  const rows = await db
    .selectFrom('agencies')
    .selectAll()
    .where('parentId', '=', parentId)
    .orderBy('code')
    .execute()
  return rows.map(toAgency)
}

/** The chain from the top-level agency down to (and including) this one. */
export async function listAgencyAncestry(db: Executor, id: string): Promise<AgencyBrief[]> {
  const result = await sql<AgencyBrief>`
    WITH RECURSIVE chain AS (
      SELECT id, code, name_fa, level, parent_id, 0 AS depth FROM agencies WHERE id = ${id}
      UNION ALL
      SELECT a.id, a.code, a.name_fa, a.level, a.parent_id, chain.depth + 1
      FROM agencies a JOIN chain ON a.id = chain.parent_id
      WHERE chain.depth < 10
    )
    SELECT id, code, name_fa, level, parent_id FROM chain ORDER BY depth DESC`.execute(db)
  return result.rows
}

/** {@link listAgencyAncestry} with whole rows, in one statement: top-level agency first, this one last. */
export async function listAgencyAncestryRows(db: Executor, id: string): Promise<Agency[]> {
  const result = await sql<Selectable<AgenciesTable>>`
    WITH RECURSIVE chain AS (
      SELECT id, parent_id, 0 AS depth FROM agencies WHERE id = ${id}
      UNION ALL
      SELECT a.id, a.parent_id, chain.depth + 1
      FROM agencies a JOIN chain ON a.id = chain.parent_id
      WHERE chain.depth < 10
    )
    SELECT agencies.* FROM chain JOIN agencies ON agencies.id = chain.id
    ORDER BY chain.depth DESC`.execute(db)
  return result.rows.map(toAgency)
}

/** The next agency code; taken before the insert when the result's address must name it. */
export async function nextAgencyCode(db: Executor): Promise<string> {
  const result = await sql<{ n: number }>`SELECT nextval('agency_code_seq') AS n`.execute(db)
  const n = result.rows[0]?.n
  if (n === undefined) throw new Error('agency_code_seq returned nothing')
  return String(n)
}

export async function insertAgency(
  db: Executor,
  input: AgencyInput,
  now: Date,
  chosenCode?: string,
): Promise<Agency> {
  const code = chosenCode ?? (await nextAgencyCode(db))
  const row = await db
    .insertInto('agencies')
    .values({ ...input, code, createdAt: now, updatedAt: now })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toAgency(row)
}

/**
 * Many agencies in two statements (the demo's hundreds at start-up): their codes from the
 * sequence, in the order given, then one insert. Ids are chosen by the caller, so a parent and
 * its children go in the same statement (the parent check runs at the statement's end).
 * Returned in the order given.
 */
export async function insertAgencies(
  db: Executor,
  inputs: readonly (AgencyInput & { id: string })[],
  now: Date,
): Promise<Agency[]> {
  if (inputs.length === 0) return []
  const codes = await sql<{ n: number }>`
    SELECT nextval('agency_code_seq') AS n FROM generate_series(1, ${inputs.length})`.execute(db)
  const values = inputs.map((input, i) => {
    const n = codes.rows[i]?.n
    if (n === undefined) throw new Error('agency_code_seq returned too few codes')
    return { ...input, code: String(n), createdAt: now, updatedAt: now }
  })
  const rows = await db.insertInto('agencies').values(values).returningAll().execute()
  const byCode = new Map(rows.map((r) => [r.code, toAgency(r)]))
  return values.map((v) => {
    const agency = byCode.get(v.code)
    if (!agency) throw new Error(`agency ${v.code} was not inserted`)
    return agency
  })
}

export async function updateAgency(
  db: Executor,
  id: string,
  input: AgencyInput,
  now: Date,
): Promise<Agency> {
  const row = await db
    .updateTable('agencies')
    .set({ ...input, updatedAt: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toAgency(row)
}

export async function markCredentialsIssued(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('agencies')
    .set({ credentialsIssuedAt: now, updatedAt: now })
    .where('id', '=', id)
    .where('credentialsIssuedAt', 'is', null)
    .execute()
}

/** Agencies that have not yet been issued login credentials (directive item 3). */
export async function listAgenciesWithoutCredentials(db: Db): Promise<Agency[]> {
  const rows = await db
    .selectFrom('agencies')
    .selectAll()
    .where('credentialsIssuedAt', 'is', null)
    .orderBy('code')
    .execute()
  return rows.map(toAgency)
}

export async function countAgencies(db: Db): Promise<{ total: number; withCredentials: number }> {
  const row = await db
    .selectFrom('agencies')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('credentialsIssuedAt').as('withCredentials'),
    ])
    .executeTakeFirstOrThrow()
  return row
}
