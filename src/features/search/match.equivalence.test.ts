import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { searchTokens } from '../../lib/fa/normalize.ts'
import { loadDemoData } from '../demo/index.ts'
import type { MatchIndex } from './match.index.ts'
import { QUALITY_QUERIES } from './quality/queries.data.ts'
import {
  matchIndexReady,
  NO_FILTERS,
  type SearchFilters,
  searchUncached,
  variantOf,
} from './search.actions.ts'
import {
  listMatchIndexSource,
  type Posting,
  runSearch,
  type SearchFilterIds,
} from './search.queries.ts'

// The match index must answer exactly what the SQL statement answers: over the demo catalogue,
// for the quality suite's queries, common words, prefixes, word pairs, corrected readings,
// every filter combination and a later page, the in-memory answer deep-equals runSearch's.

let t: TestApp
let index: MatchIndex
let agencyCodes: string[]
let provinces: string[]
/** Words of the catalogue by how many services have them, commonest first. */
let commonWords: string[]

before(async () => {
  t = await createTestApp()
  await loadDemoData(t.deps)
  const built = await matchIndexReady(t.deps)
  assert.ok(built, 'the match index builds')
  index = built
  agencyCodes = (
    await sql<{ code: string }>`
      SELECT a.code FROM agencies a
      WHERE EXISTS (SELECT 1 FROM search_entries e WHERE e.agency_id = a.id)
      ORDER BY (SELECT count(*) FROM search_entries e WHERE e.agency_id = a.id) DESC, a.code
      LIMIT 3`.execute(t.deps.db)
  ).rows.map((r) => r.code)
  provinces = (
    await sql<{ code: string }>`
      SELECT province_code AS code FROM search_entries WHERE province_code IS NOT NULL
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2`.execute(t.deps.db)
  ).rows.map((r) => r.code)
  commonWords = (
    await sql<{ word: string }>`
      SELECT word FROM search_words WHERE char_length(word) > 1 ORDER BY df DESC, word LIMIT 40`.execute(
      t.deps.db,
    )
  ).rows.map((r) => r.word)
})
after(() => t.close())

function idsOf(f: SearchFilters): SearchFilterIds {
  return {
    agencyCodes: f.agencies,
    audiences: f.audiences,
    lifeEvents: f.lifeEvents,
    provinceCodes: f.provinces,
    onlineOnly: f.onlineOnly,
  }
}

/** Every combination of one value per filter (or none), and an unknown agency code. */
function filterCombinations(): SearchFilters[] {
  const out: SearchFilters[] = []
  for (const agencies of [[], [agencyCodes[0] ?? ''], agencyCodes.slice(0, 2), ['no-such-agency']])
    for (const audiences of [[], ['G2C'], ['G2B', 'G2G']])
      for (const lifeEvents of [[], ['education']])
        for (const provinceSet of [[], provinces.slice(0, 1)])
          for (const onlineOnly of [false, true])
            out.push({ agencies, audiences, lifeEvents, provinces: provinceSet, onlineOnly })
  return out
}

async function assertSame(
  words: string[],
  corrected: string[] | null,
  filters: SearchFilters,
  page: { limit: number; offset: number },
) {
  const variants = words.length > 0 ? [variantOf(words, 0)] : []
  if (corrected) variants.push(variantOf(corrected, 10))
  const label = `${words.join(' ')}${corrected ? ` → ${corrected.join(' ')}` : ''} ${JSON.stringify(filters)} ${page.offset}`
  const fromSql = await runSearch(t.deps.db, variants, idsOf(filters), page)
  const fromMemory = index.answer(variants, idsOf(filters), page)
  assert.ok(fromMemory, `answered in memory: ${label}`)
  assert.deepEqual(
    fromMemory,
    { ...fromSql, page: fromSql.page.map((p) => ({ serviceId: p.serviceId, score: p.score })) },
    label,
  )
  return fromSql
}

describe('the match index source, read in slices', () => {
  it('has the posting lists one statement over the whole table gives, whatever the slice', async () => {
    // The reference: every lexeme with its rows, grouped at once over the whole table.
    const whole = async (column: 'document' | 'head_doc') =>
      new Map(
        (
          await sql<{ word: string; rows: number[] }>`
            WITH e AS (
              SELECT (row_number() OVER (ORDER BY sort_key, service_id) - 1)::int AS pos,
                     ${sql.ref(column)} AS doc
              FROM search_entries)
            SELECT w AS word, array_agg(e.pos ORDER BY e.pos) AS rows
            FROM e, unnest(tsvector_to_array(e.doc)) AS w GROUP BY w`.execute(t.deps.db)
        ).rows.map((r) => [r.word, r.rows.map(Number)]),
      )
    const asMap = (postings: Posting[]) => new Map(postings.map((p) => [p.word, [...p.rows]]))
    const [document, head] = [await whole('document'), await whole('head_doc')]
    const rankOrder = (
      await sql<{ serviceId: string }>`
        SELECT service_id FROM search_entries ORDER BY sort_key, service_id`.execute(t.deps.db)
    ).rows.map((r) => r.serviceId)
    assert.equal(rankOrder.length, index.size)
    assert.ok(document.size > 1000, 'the demo catalogue has a vocabulary')
    for (const snapshot of [true, false])
      for (const slice of [7, 500, 1_000_000]) {
        const source = await listMatchIndexSource(t.deps.db, { snapshot, slice })
        const how = `${snapshot ? 'in one snapshot' : 'statement by statement'}, slices of ${slice}`
        assert.deepEqual(
          source.rows.map((r) => r.serviceId),
          rankOrder,
          `rows in rank order, ${how}`,
        )
        assert.deepEqual(asMap(source.document), document, `document, ${how}`)
        assert.deepEqual(asMap(source.head), head, `head_doc, ${how}`)
      }
  })
})

describe('the match index answers what the search statement answers', () => {
  it('for the quality suite, as typed (first and second page)', async () => {
    let nonEmpty = 0
    for (const { q } of QUALITY_QUERIES) {
      const words = searchTokens(q).slice(0, 12)
      if (words.length === 0) continue
      const r = await assertSame(words, null, NO_FILTERS, { limit: 5, offset: 0 })
      await assertSame(words, null, NO_FILTERS, { limit: 5, offset: 5 })
      if (r.matched > 0) nonEmpty++
    }
    // The comparison means something only if most queries find services.
    assert.ok(nonEmpty > 100, String(nonEmpty))
  })

  it('for common words, their prefixes and pairs of them, with every filter combination', async () => {
    const queries: string[][] = []
    for (const w of commonWords.slice(0, 12)) queries.push([w], [[...w].slice(0, 2).join('')])
    for (let i = 0; i + 1 < 10; i += 2)
      queries.push([commonWords[i] ?? '', commonWords[i + 1] ?? ''])
    queries.push([], ['صدور'], ['کارت', 'ملی'], ['ثبت'], ['ث'], ['گواهی', 'نامه'])
    const combos = filterCombinations()
    let checked = 0
    let withMatches = 0
    for (const words of queries)
      for (const filters of combos) {
        const r = await assertSame(words, null, filters, { limit: 20, offset: 0 })
        if (r.total > 0) withMatches++
        checked++
      }
    assert.ok(checked > 1_500 && withMatches > 500, `${checked} ${withMatches}`)
  })

  it('for a typed reading with its corrected reading, and on later pages', async () => {
    const pairs: [string[], string[]][] = [
      [['گذنامه'], ['گذرنامه']],
      [['کنکرو'], ['کنکور']],
      [['داروخنه'], ['داروخانه']],
      [
        ['کارت', 'ملي'],
        ['کارت', 'ملی'],
      ],
      [
        ['صدرو', 'گذرنامه'],
        ['صدور', 'گذرنامه'],
      ],
      [['ثبت'], ['ثبتنام']],
    ]
    for (const [typed, fixed] of pairs)
      for (const filters of [NO_FILTERS, { ...NO_FILTERS, onlineOnly: true }])
        for (const offset of [0, 20, 40])
          await assertSame(typed, fixed, filters, { limit: 20, offset })
    // A page as large as the catalogue: every match, in order.
    await assertSame(['ثبت'], ['صدور'], NO_FILTERS, { limit: 5_000, offset: 0 })
  })

  it('whole searches: searchUncached from the index equals it from SQL', async () => {
    for (const { q } of QUALITY_QUERIES.slice(0, 60)) {
      const words = searchTokens(q).slice(0, 12)
      for (const filters of [NO_FILTERS, { ...NO_FILTERS, agencies: agencyCodes.slice(0, 1) }]) {
        const req = { filters, page: 1, pageSize: 10 }
        const viaIndex = await searchUncached(t.deps, words, req, 'index')
        const viaSql = await searchUncached(t.deps, words, req, 'sql')
        assert.deepEqual(viaIndex, viaSql, q)
      }
    }
  })

  it('leaves substring and relaxed readings to SQL', () => {
    assert.equal(index.answers([variantOf(['کسبوکار'], 0, true)]), false)
    assert.equal(
      index.answers([
        {
          ...variantOf(['الف', 'ب'], 100),
          anyOf: [{ word: 'الف', weight: 1 }],
        },
      ]),
      false,
    )
    assert.equal(index.answers([variantOf(['صدور'], 0), variantOf(['صدرو'], 10)]), true)
  })
})
