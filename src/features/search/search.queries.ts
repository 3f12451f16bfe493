import type { Insertable } from 'kysely'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database, SearchEntriesTable } from '../../db/schema.ts'
import { AUDIENCES, LIFE_EVENTS } from '../services/index.ts'
import { bitsOf } from './bits.ts'
import type { SuggestSource } from './suggest.index.ts'

/** The search feature's SQL: the index, the vocabulary, the query and the zero-result log. */

type Executor = Kysely<Database>

export type SearchEntryRow = Insertable<SearchEntriesTable>

// ---------------------------------------------------------------- reading what to index

export interface PublishedSource {
  serviceId: string
  agencyId: string
  slug: string
  versionNo: number
  content: unknown
  publishedAt: Date
}

/** The published version of a service that is not withdrawn, or undefined. */
export async function findIndexSource(
  db: Executor,
  serviceId: string,
): Promise<PublishedSource | undefined> {
  const row = await db
    .selectFrom('services as s')
    .innerJoin('serviceVersions as v', 'v.serviceId', 's.id')
    .select([
      's.id as serviceId',
      's.agencyId',
      's.slug',
      'v.versionNo',
      'v.content',
      'v.publishedAt',
    ])
    .where('s.id', '=', serviceId)
    .where('s.withdrawnAt', 'is', null)
    .where('v.status', '=', 'published')
    .executeTakeFirst()
  return row && { ...row, publishedAt: row.publishedAt ?? new Date(0) }
}

/** Every published, not withdrawn service, in id order, `limit` after `afterId`. */
export async function listIndexSources(
  db: Executor,
  afterId: string | null,
  limit: number,
): Promise<PublishedSource[]> {
  let q = db
    .selectFrom('services as s')
    .innerJoin('serviceVersions as v', 'v.serviceId', 's.id')
    .select([
      's.id as serviceId',
      's.agencyId',
      's.slug',
      'v.versionNo',
      'v.content',
      'v.publishedAt',
    ])
    .where('s.withdrawnAt', 'is', null)
    .where('v.status', '=', 'published')
  if (afterId) q = q.where('s.id', '>', afterId)
  const rows = await q.orderBy('s.id').limit(limit).execute()
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt ?? new Date(0) }))
}

export interface AgencyChainLink {
  id: string
  nameFa: string
  shortNameFa: string | null
  provinceCode: string | null
}

/** The agency and its ancestors up to the ministry, nearest first. */
export async function agencyChain(db: Executor, agencyId: string): Promise<AgencyChainLink[]> {
  const r = await sql<AgencyChainLink & { depth: number }>`
    WITH RECURSIVE chain AS (
      SELECT id, parent_id, name_fa, short_name_fa, province_code, 0 AS depth
        FROM agencies WHERE id = ${agencyId}
      UNION ALL
      SELECT a.id, a.parent_id, a.name_fa, a.short_name_fa, a.province_code, c.depth + 1
        FROM agencies a JOIN chain c ON a.id = c.parent_id WHERE c.depth < 10
    )
    SELECT id, name_fa, short_name_fa, province_code, depth FROM chain ORDER BY depth`.execute(db)
  return r.rows.map(({ id, nameFa, shortNameFa, provinceCode }) => ({
    id,
    nameFa,
    shortNameFa,
    provinceCode,
  }))
}

/** Services of an agency and of every agency under it (their index rows carry its name). */
export async function listServiceIdsUnderAgency(db: Executor, agencyId: string): Promise<string[]> {
  const r = await sql<{ id: string }>`
    WITH RECURSIVE tree AS (
      SELECT id, 0 AS depth FROM agencies WHERE id = ${agencyId}
      UNION ALL
      SELECT a.id, t.depth + 1 FROM agencies a JOIN tree t ON a.parent_id = t.id WHERE t.depth < 10
    )
    SELECT s.id FROM services s JOIN tree t ON t.id = s.agency_id ORDER BY s.id`.execute(db)
  return r.rows.map((row) => row.id)
}

// ---------------------------------------------------------------- writing the index

export async function findEntryWords(
  db: Executor,
  serviceId: string,
): Promise<string[] | undefined> {
  const row = await db
    .selectFrom('searchEntries')
    .select('words')
    .where('serviceId', '=', serviceId)
    .executeTakeFirst()
  return row?.words
}

export async function upsertEntry(db: Executor, entry: SearchEntryRow): Promise<void> {
  const { serviceId: _id, ...rest } = entry
  await db
    .insertInto('searchEntries')
    .values(entry)
    .onConflict((oc) => oc.column('serviceId').doUpdateSet(rest))
    .execute()
}

export async function deleteEntry(db: Executor, serviceId: string): Promise<void> {
  await db.deleteFrom('searchEntries').where('serviceId', '=', serviceId).execute()
}

/** Adjusts the vocabulary's document frequencies for one service's change of words. */
export async function adjustWords(
  db: Executor,
  added: readonly string[],
  removed: readonly string[],
): Promise<void> {
  if (removed.length > 0) {
    await sql`DELETE FROM search_words WHERE word = ANY(${[...removed]}::text[]) AND df <= 1`.execute(
      db,
    )
    await sql`UPDATE search_words SET df = df - 1 WHERE word = ANY(${[...removed]}::text[])`.execute(
      db,
    )
  }
  if (added.length > 0) {
    await sql`
      INSERT INTO search_words (word, df) SELECT unnest(${[...added]}::text[]), 1
      ON CONFLICT (word) DO UPDATE SET df = search_words.df + 1`.execute(db)
  }
}

export async function clearIndex(db: Executor): Promise<void> {
  await sql`DELETE FROM search_words`.execute(db)
  await sql`DELETE FROM search_entries`.execute(db)
}

export async function insertEntries(db: Executor, entries: SearchEntryRow[]): Promise<void> {
  if (entries.length > 0) await db.insertInto('searchEntries').values(entries).execute()
}

/** Rebuilds the vocabulary from the index (after a bulk load). */
export async function rebuildWords(db: Executor): Promise<void> {
  await sql`DELETE FROM search_words`.execute(db)
  await sql`
    INSERT INTO search_words (word, df)
    SELECT w, count(*)::int FROM search_entries, unnest(words) AS w GROUP BY w`.execute(db)
}

export async function countEntries(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('searchEntries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

// ---------------------------------------------------------------- vocabulary look-ups

/** Which of these words begin some word of the index (so they need no correction). */
export async function knownPrefixes(db: Executor, words: readonly string[]): Promise<Set<string>> {
  if (words.length === 0) return new Set()
  const r = await sql<{ w: string }>`
    SELECT w FROM unnest(${[...words]}::text[]) AS w
    WHERE EXISTS (
      SELECT 1 FROM search_words WHERE word >= w AND word < w || chr(1114111))`.execute(db)
  return new Set(r.rows.map((row) => row.w))
}

/**
 * The vocabulary words nearest to `word` by trigram distance (pg_trgm `<->`, answered from the
 * GiST index), keeping those with similarity ≥ 0.3 (pg_trgm's default `%` threshold).
 */
export async function similarWords(
  db: Executor,
  word: string,
  limit: number,
): Promise<{ word: string; similarity: number; df: number }[]> {
  const r = await sql<{ word: string; similarity: number; df: number }>`
    SELECT word, similarity, df FROM (
      SELECT word, 1 - (word <-> ${word}) AS similarity, df FROM search_words
      ORDER BY word <-> ${word} LIMIT ${limit}) near
    WHERE similarity >= 0.3 AND word <> ${word}`.execute(db)
  return r.rows.map((row) => ({
    word: row.word,
    similarity: Number(row.similarity),
    df: Number(row.df),
  }))
}

/** How many services have each word (or, for a word typed in part, the commonest completion). */
export async function documentFrequencies(
  db: Executor,
  words: readonly string[],
): Promise<{ total: number; df: Map<string, number> }> {
  const r = await sql<{ w: string; df: number }>`
    SELECT w, coalesce(
      (SELECT df FROM search_words WHERE word = w),
      (SELECT max(df) FROM search_words WHERE word >= w AND word < w || chr(1114111)), 0) AS df
    FROM unnest(${[...words]}::text[]) AS w`.execute(db)
  return {
    total: await countEntries(db),
    df: new Map(r.rows.map((row) => [row.w, Number(row.df)])),
  }
}

/**
 * What autocomplete holds in memory, in the order it offers titles: shorter titles first (as
 * letters run together), then Persian alphabetical order.
 */
export async function listSuggestSources(db: Executor): Promise<SuggestSource[]> {
  const r = await sql<SuggestSource>`
    SELECT title, slug, title_key, names_key FROM search_entries
    ORDER BY char_length(title_compact), sort_key, service_id`.execute(db)
  return r.rows
}

// ---------------------------------------------------------------- the match index (match.index.ts)

/** One service as the in-memory match index keeps it (search_entries columns). */
export interface MatchRow {
  serviceId: string
  agencyId: string
  audienceBits: number
  lifeEventBits: number
  provinceCode: string | null
  online: boolean
  titleCompact: string
  /** char_length(title_compact): code points. */
  titleLength: number
  titleKey: string
  namesKey: string
  namesCompact: string
}

export interface MatchAgency {
  id: string
  code: string
  nameFa: string
}

/** One word of a vocabulary and the rows (positions in rank order) that have it. */
export interface Posting {
  word: string
  rows: Int32Array
}

export interface MatchIndexSource {
  /** In rank order for ties: sort key (code point order), then service id. */
  rows: MatchRow[]
  /** At least every agency the rows name. */
  agencies: MatchAgency[]
  /** The lexemes of `document` (tsvector_to_array), any order. */
  document: Posting[]
  /** The lexemes of `head_doc`. */
  head: Posting[]
}

/**
 * A posting list sent as big-endian int4s run together (`int4send`: compact, no array to parse).
 * The rows arrive in ascending order (the aggregate reads them in that order); sorted here if not.
 */
function postingRows(value: unknown): Int32Array {
  if (!(value instanceof Uint8Array) || value.length % 4 !== 0)
    throw new Error('match index: a posting list is not bytes of int4s')
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength)
  const rows = new Int32Array(value.length / 4)
  let ascending = true
  for (let i = 0; i < rows.length; i++) {
    const r = view.getInt32(4 * i)
    if (i > 0 && r <= (rows[i - 1] as number)) ascending = false
    rows[i] = r
  }
  return ascending ? rows : rows.sort()
}

/**
 * Rows read per statement when reading the match index source (the rows, then each column's
 * lexemes). With PGlite the database runs inside the process, so one statement over a whole
 * large catalogue (10 s at 100,000 services) would hold every request of the process that
 * long; in slices, requests are answered between them.
 */
export const MATCH_SOURCE_SLICE = 2_000

/** Lets the event loop answer what is waiting (requests) between two slices. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The lexemes of one tsvector column with the rows that have each, a row being its place in
 * `serviceIds` (rank order). The lexemes are PostgreSQL's own (`tsvector_to_array`), so the
 * index matches what `@@` matches. Read slice by slice, each grouped by hashing (no ORDER BY in
 * the aggregate: sorting lexemes by text cost seconds), the slices' lists joined in order, so
 * every list stays ascending.
 */
async function listPostings(
  db: Executor,
  column: 'document' | 'head_doc',
  serviceIds: readonly string[],
  slice: number,
): Promise<Posting[]> {
  const parts = new Map<string, Int32Array[]>()
  for (let from = 0; from < serviceIds.length; from += slice) {
    if (from > 0) await yieldToRequests()
    const ids = serviceIds.slice(from, from + slice)
    const r = await sql<{ word: string; rows: unknown }>`
      WITH e AS MATERIALIZED (
        SELECT (c.n - 1 + ${from}::int)::int AS pos, ${sql.ref(`s.${column}`)} AS doc
        FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS c(id, n)
        JOIN search_entries s ON s.service_id = c.id)
      SELECT w AS word, string_agg(int4send(e.pos), ''::bytea) AS rows
      FROM e, unnest(tsvector_to_array(e.doc)) AS w GROUP BY w`.execute(db)
    for (const row of r.rows) {
      const list = parts.get(row.word)
      if (list) list.push(postingRows(row.rows))
      else parts.set(row.word, [postingRows(row.rows)])
    }
  }
  const postings: Posting[] = []
  for (const [word, lists] of parts) {
    if (lists.length === 1) {
      postings.push({ word, rows: lists[0] as Int32Array })
      continue
    }
    const rows = new Int32Array(lists.reduce((n, l) => n + l.length, 0))
    let at = 0
    for (const l of lists) {
      rows.set(l, at)
      at += l.length
    }
    postings.push({ word, rows })
  }
  return postings
}

/** Where a row stands in rank order for ties. */
interface RankPosition {
  sortKey: string
  serviceId: string
}

/** Up to `limit` index rows in rank order, from just after `after` (from the first without). */
async function matchRowsAfter(
  db: Executor,
  after: RankPosition | undefined,
  limit: number,
): Promise<(MatchRow & RankPosition)[]> {
  const from = after
    ? sql`WHERE (sort_key, service_id) > (${after.sortKey}, ${after.serviceId}::uuid)`
    : sql``
  const r = await sql<MatchRow & RankPosition>`
    SELECT service_id, agency_id, audience_bits, life_event_bits, province_code, online,
           title_compact, char_length(title_compact) AS title_length, title_key, names_key,
           names_compact, sort_key
    FROM search_entries ${from}
    ORDER BY sort_key, service_id LIMIT ${limit}`.execute(db)
  return r.rows
}

/**
 * What the in-memory match index holds (match.index.ts): every index row in rank order for
 * ties (sort key in code point order, then id), the agencies they name, and the lexemes of
 * `document` and `head_doc` with their rows, a row being its place in that order.
 *
 * `snapshot`: read everything in one repeatable-read transaction, for a server database, where
 * other processes may write meanwhile. Without it (PGlite, where this process is the only
 * writer) the statements run one by one on the single connection, so the requests of the
 * process get the database between slices too; a write meanwhile changes this process's
 * search stamp, and the caller throws the build away (search.actions.ts).
 */
export async function listMatchIndexSource(
  db: Executor,
  options: { snapshot: boolean; slice?: number },
): Promise<MatchIndexSource> {
  const slice = Math.max(1, Math.trunc(options.slice ?? MATCH_SOURCE_SLICE))
  const read = async (q: Executor): Promise<MatchIndexSource> => {
    // A slice at a time, each after the last row of the one before (search_entries_rank_idx).
    const fetched: MatchRow[] = []
    let after: RankPosition | undefined
    for (;;) {
      const rows = await matchRowsAfter(q, after, slice)
      for (const { sortKey: _, ...row } of rows) fetched.push(row)
      const last = rows.at(-1)
      if (!last || rows.length < slice) break
      after = { sortKey: last.sortKey, serviceId: last.serviceId }
      await yieldToRequests()
    }
    const agencies = await sql<{ id: string; code: string; nameFa: string }>`
      SELECT id, code, name_fa FROM agencies
      WHERE id IN (SELECT DISTINCT agency_id FROM search_entries)`.execute(q)
    const ids = fetched.map((r) => r.serviceId)
    return {
      rows: fetched.map((r) => ({
        ...r,
        audienceBits: Number(r.audienceBits),
        lifeEventBits: Number(r.lifeEventBits),
        titleLength: Number(r.titleLength),
      })),
      agencies: agencies.rows,
      document: await listPostings(q, 'document', ids, slice),
      head: await listPostings(q, 'head_doc', ids, slice),
    }
  }
  if (db.isTransaction || !options.snapshot) return read(db)
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      // Each slice's lexemes grouped in memory rather than sorted on disk.
      await sql`SELECT set_config('work_mem', '64MB', true), set_config('enable_sort', 'off', true)`.execute(
        trx,
      )
      return read(trx)
    })
}

/** What a result shows, for the services of one page (any order; missing ids are left out). */
export async function findEntryDetails(
  db: Executor,
  serviceIds: readonly string[],
): Promise<EntryDetail[]> {
  if (serviceIds.length === 0) return []
  const r = await sql<{
    serviceId: string
    slug: string
    title: string
    summary: string
    audiences: string[]
    online: boolean
    at: string | number
    agencyId: string
    agencyCode: string
    agencyNameFa: string
  }>`
    SELECT e.service_id, e.slug, e.title, e.summary, e.audiences, e.online,
           floor(extract(epoch FROM e.published_at) * 1000) AS at,
           a.id AS agency_id, a.code AS agency_code, a.name_fa AS agency_name_fa
    FROM search_entries e JOIN agencies a ON a.id = e.agency_id
    WHERE e.service_id = ANY(${[...serviceIds]}::uuid[])`.execute(db)
  return r.rows.map(({ at, ...row }) => ({
    ...row,
    audiences: row.audiences.map(String),
    // The same instant the search statement reads (milliseconds, floored), not the driver's.
    publishedAt: new Date(Number(at)),
  }))
}

/**
 * Runs a statement with sequential scans and JIT off. Word matches are answered from the GIN index;
 * the planner prefers a sequential scan once a word is common, not counting that the scan
 * must de-TOAST every row's tsvector (measured: 4× slower at 20,000 services).
 */
async function withIndexScans<T>(db: Executor, run: (trx: Executor) => Promise<T>): Promise<T> {
  const inner = async (trx: Executor) => {
    // In one statement (a round trip each would cost more than some searches): no sequential
    // scan; no JIT compilation, which would cost more than the query saves once the estimate
    // crosses its threshold; and the matches of a common word (tens of thousands of narrow
    // rows) kept in memory.
    await sql`SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true),
                     set_config('work_mem', '32MB', true)`.execute(trx)
    return run(trx)
  }
  return db.isTransaction ? inner(db) : db.transaction().execute(inner)
}

// ---------------------------------------------------------------- the search query

/** One reading of the query: the original, or the typo-corrected one. */
export interface QueryVariant {
  /** `'w1':* & 'w2':*` — every word as a prefix (words hold only letters and digits). */
  tsquery: string
  /** The words joined by spaces. */
  key: string
  /** The words joined without spaces. */
  compact: string
  /** The words that must each begin a word of a field for a title or names tier. */
  words: string[]
  /** Subtracted from the score (0 for the query as typed). */
  penalty: number
  /**
   * Also match the compact key as a substring (trigram index): finds words joined or split
   * in ways the word match does not know, such as «کسبوکار» for «کسب‌وکار». Slower on large
   * catalogues, so only used when the word match finds few services.
   */
  substring?: boolean
  /**
   * A relaxed reading matches services that have any of these words (not all), and adds to
   * the score the share of the words' weight (their rarity) that a service has.
   */
  anyOf?: { word: string; weight: number }[]
}

export interface SearchFilterIds {
  /** Agency codes; an unknown code matches nothing (it filters everything out). */
  agencyCodes: string[]
  audiences: string[]
  lifeEvents: string[]
  provinceCodes: string[]
  onlineOnly: boolean
}

type FacetName = 'agency' | 'audience' | 'lifeEvent' | 'province' | 'online'

function matchOf(v: QueryVariant): RawBuilder<boolean> {
  const tsq = sql`to_tsquery('simple', ${v.tsquery})`
  // Under three letters the trigram index cannot help, and the word match already covers it.
  if (!v.substring || v.anyOf || v.compact.length < 3) return sql<boolean>`(e.document @@ ${tsq})`
  return sql<boolean>`(e.document @@ ${tsq} OR e.all_compact LIKE ${`%${v.compact}%`})`
}

/**
 * Ranking tiers: exact title, title prefix, exact popular name, all words in the title, all
 * words in the popular names or keywords, anything else. Within a tier, titles where the query
 * is a larger share come first (a cheap stand-in for similarity: every test here reads only
 * the short title and name columns, so ranking thousands of matches stays cheap).
 */
function scoreOf(v: QueryVariant): RawBuilder<number> {
  const c = v.compact
  const share = sql`(${c.length}::float8 / greatest(char_length(e.title_compact), ${c.length}, 1))`
  // Every word starts a word of the field: ' ' || key holds the words separated by spaces.
  const allWordsIn = (column: RawBuilder<string>) =>
    v.words.length === 0
      ? sql<boolean>`FALSE`
      : sql<boolean>`(${sql.join(
          v.words.map((w) => sql`(' ' || ${column}) LIKE ${`% ${w}%`}`),
          sql` AND `,
        )})`
  return sql<number>`(CASE
      WHEN e.title_compact = ${c} THEN 100
      WHEN e.title_compact LIKE ${`${c}%`} THEN 80
      WHEN e.names_compact LIKE ${`%|${c}|%`} THEN 75
      WHEN e.title_compact LIKE ${`%${c}%`} OR ${allWordsIn(sql<string>`e.title_key`)} THEN 60
      WHEN e.names_compact LIKE ${`%${c}%`} OR ${allWordsIn(sql<string>`e.names_key`)} THEN 50
      ELSE 20 END
    + 9 * ${share} - ${v.penalty} + ${coverageOf(v)})`
}

/** For a relaxed reading: 25 × the share of the words' weight found in the service. */
function coverageOf(v: QueryVariant): RawBuilder<number> {
  const words = v.anyOf ?? []
  const total = words.reduce((sum, w) => sum + w.weight, 0)
  if (words.length === 0 || total <= 0) return sql<number>`0`
  const parts = words.map(
    (w) =>
      sql`CASE WHEN e.document @@ to_tsquery('simple', ${`'${w.word}':*`}) THEN ${w.weight / total}::float8 ELSE 0 END`,
  )
  return sql<number>`(25 * (${sql.join(parts, sql` + `)}))`
}

function filterOf(f: SearchFilterIds, except: FacetName | null): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [sql<boolean>`TRUE`]
  if (except !== 'agency' && f.agencyCodes.length > 0)
    parts.push(
      sql<boolean>`m.agency_id = ANY(ARRAY(SELECT id FROM agencies WHERE code = ANY(${f.agencyCodes}::text[])))`,
    )
  if (except !== 'audience' && f.audiences.length > 0)
    parts.push(sql<boolean>`(m.audience_bits & ${bitsOf(f.audiences, AUDIENCES)}) <> 0`)
  if (except !== 'lifeEvent' && f.lifeEvents.length > 0)
    parts.push(sql<boolean>`(m.life_event_bits & ${bitsOf(f.lifeEvents, LIFE_EVENTS)}) <> 0`)
  if (except !== 'province' && f.provinceCodes.length > 0)
    parts.push(sql<boolean>`m.province_code = ANY(${f.provinceCodes}::text[])`)
  if (except !== 'online' && f.onlineOnly) parts.push(sql<boolean>`m.online`)
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`
}

export interface FacetCount {
  value: string
  n: number
}

export interface AgencyFacetCount extends FacetCount {
  code: string
  nameFa: string
}

export interface SearchRows {
  /** Services the query matches, before filters. */
  matched: number
  /** After filters. */
  total: number
  /** The requested page, best first, with what a result shows. */
  page: (EntryDetail & { score: number })[]
  facets: Record<'audience' | 'lifeEvent' | 'province', FacetCount[]> & {
    agency: AgencyFacetCount[]
    online: number
  }
}

function jsonValue(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : v
}

/**
 * `[[value, count], …]` (arrays, not an object: the CamelCasePlugin would rename object keys
 * such as `social_security`), without the zero counts.
 */
function countsOf(v: unknown): FacetCount[] {
  const arr = jsonValue(v)
  if (!Array.isArray(arr)) return []
  return arr.flatMap((pair: unknown) =>
    Array.isArray(pair) && typeof pair[0] === 'string' && Number(pair[1]) > 0
      ? [{ value: pair[0], n: Number(pair[1]) }]
      : [],
  )
}

function facetCounts(v: unknown): FacetCount[] {
  const arr = jsonValue(v)
  if (!Array.isArray(arr)) return []
  const out: FacetCount[] = []
  for (const item of arr) {
    if (item && typeof item === 'object' && 'value' in item && 'n' in item) {
      const value = item.value
      if (value === null || value === undefined) continue
      out.push({ value: String(value), n: Number(item.n) })
    }
  }
  return out
}

/**
 * Matches, ranks, filters, counts and pages in one statement. Facet counts are disjunctive:
 * each facet is counted with every filter applied except its own, so the other values of a
 * facet show what choosing them instead would give. They are counted from the matches grouped
 * by their facet columns (about a thousand groups when 45,000 services match at 100,000), so
 * every count stays exact while the per-value FILTER tests run over groups, not over matches.
 * Agencies are listed by id and provinces by code, so the answer is the same every time and
 * the same as the match index's (match.index.ts).
 */
/** The search statement (exported for EXPLAIN in benchmarks). */
export function searchStatement(
  variants: readonly QueryVariant[],
  filters: SearchFilterIds,
  page: { limit: number; offset: number },
) {
  const match =
    variants.length === 0 ? sql<boolean>`TRUE` : sql.join(variants.map(matchOf), sql` OR `)
  const scoreWhen = (cond: (v: QueryVariant) => RawBuilder<boolean>) =>
    variants.length === 0
      ? sql<number>`0`
      : variants.length === 1
        ? scoreOf(variants[0] as QueryVariant)
        : sql<number>`GREATEST(${sql.join(
            variants.map((v) => sql`CASE WHEN ${cond(v)} THEN ${scoreOf(v)} END`),
            sql`, `,
          )})`
  // Plain word readings (the usual case) score in two steps: every match gets the bottom tier
  // from its title length alone, and only services with the words in their title or names
  // (found through the head index, a much smaller set for common words) get the full score.
  const twoStep = variants.length > 0 && variants.every((v) => !v.substring && !v.anyOf)
  const base = twoStep
    ? sql<number>`GREATEST(${sql.join(
        variants.map(
          (v) =>
            sql`20 + 9 * (${v.compact.length}::float8 / greatest(char_length(e.title_compact), ${v.compact.length}, 1)) - ${v.penalty}`,
        ),
        sql`, `,
      )})`
    : scoreWhen(matchOf)
  const headMatch = sql.join(
    variants.map((v) => sql`(e.head_doc @@ to_tsquery('simple', ${v.tsquery}))`),
    sql` OR `,
  )
  const ranked = twoStep
    ? sql`r AS (
      SELECT m.*, coalesce(h.score, m.base) AS score FROM m LEFT JOIN (
        SELECT e.service_id, ${scoreWhen((v) => sql<boolean>`(e.head_doc @@ to_tsquery('simple', ${v.tsquery}))`)}::float8 AS score
        FROM search_entries e WHERE ${headMatch}) h ON h.service_id = m.service_id
    )`
    : sql`r AS (SELECT m.*, m.base AS score FROM m)`
  const counts = (values: readonly string[], column: RawBuilder<number>, except: FacetName) =>
    sql.join(
      values.map(
        (v, i) =>
          sql`json_build_array(${v}::text, coalesce(sum(m.n) FILTER (WHERE (${column} & ${1 << i}) <> 0 AND ${filterOf(filters, except)}), 0))`,
      ),
      sql`, `,
    )
  return sql<{
    matched: number
    total: number
    page: unknown
    agency: unknown
    audience: unknown
    lifeEvent: unknown
    province: unknown
    online: number
  }>`
    WITH m AS MATERIALIZED (
      SELECT e.service_id, e.agency_id, e.audience_bits, e.life_event_bits, e.province_code,
             e.online, e.sort_key, ${base}::float8 AS base
      FROM search_entries e WHERE ${match}
    ),
    ${ranked},
    g AS MATERIALIZED (
      SELECT m.agency_id, m.audience_bits, m.life_event_bits, m.province_code, m.online,
             count(*)::int AS n
      FROM m GROUP BY 1, 2, 3, 4, 5
    ),
    c AS (
      SELECT coalesce(sum(m.n), 0)::int AS matched,
             coalesce(sum(m.n) FILTER (WHERE ${filterOf(filters, null)}), 0)::int AS total,
             json_build_array(${counts(AUDIENCES, sql<number>`m.audience_bits`, 'audience')}) AS audience,
             json_build_array(${counts(LIFE_EVENTS, sql<number>`m.life_event_bits`, 'lifeEvent')}) AS life_event,
             coalesce(sum(m.n) FILTER (WHERE m.online AND ${filterOf(filters, 'online')}), 0)::int AS online
      FROM g m
    )
    SELECT c.matched, c.total, c.audience, c.life_event, c.online,
      (SELECT coalesce(json_agg(json_build_array(p.service_id, p.score, e.slug, e.title, e.summary,
                e.audiences, e.online, floor(extract(epoch FROM e.published_at) * 1000), a.id, a.code,
                a.name_fa) ORDER BY p.score DESC, p.sort_key, p.service_id), '[]')
         FROM (SELECT m.service_id, m.score, m.sort_key FROM r m WHERE ${filterOf(filters, null)}
               ORDER BY m.score DESC, m.sort_key, m.service_id
               LIMIT ${page.limit} OFFSET ${page.offset}) p
         JOIN search_entries e ON e.service_id = p.service_id
         JOIN agencies a ON a.id = e.agency_id) AS page,
      (SELECT coalesce(json_agg(json_build_array(x.value, x.n, a.code, a.name_fa) ORDER BY x.value), '[]') FROM (
         SELECT m.agency_id AS value, sum(m.n)::int AS n FROM g m
         WHERE ${filterOf(filters, 'agency')} GROUP BY 1) x
         JOIN agencies a ON a.id = x.value) AS agency,
      (SELECT coalesce(json_agg(x ORDER BY x.value COLLATE "C"), '[]') FROM (
         SELECT m.province_code AS value, sum(m.n)::int AS n FROM g m
         WHERE ${filterOf(filters, 'province')} AND m.province_code IS NOT NULL GROUP BY 1) x) AS province
    FROM c`
}

/** `[serviceId, score, slug, title, summary, audiences, online, publishedAt ms, agency id, code, name]`. */
function pageRowsOf(v: unknown): (EntryDetail & { score: number })[] {
  const arr = jsonValue(v)
  if (!Array.isArray(arr)) return []
  return arr.flatMap((r: unknown) => {
    if (!Array.isArray(r) || r.length < 11) return []
    const [serviceId, score, slug, title, summary, audiences, online, at, agencyId, code, name] = r
    return [
      {
        serviceId: String(serviceId),
        score: Number(score),
        slug: String(slug),
        title: String(title),
        summary: String(summary),
        audiences: Array.isArray(audiences) ? audiences.map(String) : [],
        online: online === true,
        publishedAt: new Date(Number(at)),
        agencyId: String(agencyId),
        agencyCode: String(code),
        agencyNameFa: String(name),
      },
    ]
  })
}

/** `[[agency id, count, code, name], …]`. */
function agencyCounts(v: unknown): AgencyFacetCount[] {
  const arr = jsonValue(v)
  if (!Array.isArray(arr)) return []
  return arr.flatMap((r: unknown) =>
    Array.isArray(r) && r.length >= 4 && r[0] !== null
      ? [{ value: String(r[0]), n: Number(r[1]), code: String(r[2]), nameFa: String(r[3]) }]
      : [],
  )
}

/**
 * One search in one statement (matches, ranking, counts, facets with agency names, and the
 * page with what each result shows), run with the planner settings of `withIndexScans`.
 */
export async function runSearch(
  db: Executor,
  variants: readonly QueryVariant[],
  filters: SearchFilterIds,
  page: { limit: number; offset: number },
): Promise<SearchRows> {
  const statement = searchStatement(variants, filters, page)
  const r = await withIndexScans(db, (trx) => statement.execute(trx))
  const row = r.rows[0]
  if (!row) throw new Error('search returned no row')
  return {
    matched: Number(row.matched),
    total: Number(row.total),
    page: pageRowsOf(row.page),
    facets: {
      agency: agencyCounts(row.agency),
      audience: countsOf(row.audience),
      lifeEvent: countsOf(row.lifeEvent),
      province: facetCounts(row.province),
      online: Number(row.online),
    },
  }
}

export interface EntryDetail {
  serviceId: string
  slug: string
  title: string
  summary: string
  audiences: string[]
  online: boolean
  publishedAt: Date
  agencyId: string
  agencyCode: string
  agencyNameFa: string
}

// ---------------------------------------------------------------- zero-result log

export async function countZeroResult(db: Executor, day: string, query: string): Promise<void> {
  await sql`
    INSERT INTO search_zero_results (day, query, count) VALUES (${day}, ${query}, 1)
    ON CONFLICT (day, query) DO UPDATE SET count = search_zero_results.count + 1`.execute(db)
}

export interface ZeroResultRow {
  query: string
  total: number
  days: number
  firstDay: string
  lastDay: string
}

/** Queries that found nothing since `sinceDay`, most frequent first. */
export async function listZeroResults(
  db: Executor,
  sinceDay: string,
  limit: number,
): Promise<ZeroResultRow[]> {
  const r = await sql<ZeroResultRow>`
    SELECT query, sum(count)::int AS total, count(*)::int AS days,
           min(day)::text AS first_day, max(day)::text AS last_day
    FROM search_zero_results WHERE day >= ${sinceDay}
    GROUP BY query ORDER BY total DESC, last_day DESC, query LIMIT ${limit}`.execute(db)
  return r.rows.map((row) => ({ ...row, total: Number(row.total), days: Number(row.days) }))
}
