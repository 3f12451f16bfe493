/**
 * The search quality suite: runs every query of `queries.data.ts` against a catalogue with the
 * demo data and measures precision@1 and recall@5, overall and per category.
 *
 * `npm run search-quality` (`mardom search-quality`) loads the demo data into a fresh in-memory database and prints the
 * figures (and every query whose expected service was not first); `quality.test.ts` asserts
 * floors on the same figures.
 */
import type { Deps } from '../../../deps.ts'
import { NO_FILTERS, searchCatalogue } from '../search.actions.ts'
import { CATEGORIES, type Category, QUALITY_QUERIES, type QualityQuery } from './queries.data.ts'

export interface QueryOutcome {
  query: QualityQuery
  top: string[]
  hitAt1: boolean
  recallAt5: number
}

export interface Figures {
  queries: number
  precisionAt1: number
  recallAt5: number
}

export interface QualityReport {
  overall: Figures
  byCategory: Record<Category, Figures>
  outcomes: QueryOutcome[]
}

function figuresOf(outcomes: QueryOutcome[]): Figures {
  const n = outcomes.length
  return {
    queries: n,
    precisionAt1: n === 0 ? 0 : outcomes.filter((o) => o.hitAt1).length / n,
    recallAt5: n === 0 ? 0 : outcomes.reduce((sum, o) => sum + o.recallAt5, 0) / n,
  }
}

/** Runs the suite on a database that holds the demo catalogue. Nothing is logged. */
export async function measureQuality(
  deps: Deps,
  queries: readonly QualityQuery[] = QUALITY_QUERIES,
): Promise<QualityReport> {
  const outcomes: QueryOutcome[] = []
  for (const query of queries) {
    const result = await searchCatalogue(deps, {
      q: query.q,
      filters: NO_FILTERS,
      page: 1,
      pageSize: 5,
      record: false,
    })
    const top = result.items.map((i) => i.slug)
    const expected = new Set(query.expect)
    const found = top.filter((s) => expected.has(s)).length
    outcomes.push({
      query,
      top,
      hitAt1: top[0] !== undefined && expected.has(top[0]),
      recallAt5: found / Math.min(5, expected.size),
    })
  }
  const byCategory = Object.fromEntries(
    CATEGORIES.map((c) => [c, figuresOf(outcomes.filter((o) => o.query.category === c))]),
  ) as Record<Category, Figures>
  return { overall: figuresOf(outcomes), byCategory, outcomes }
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`

export function formatReport(r: QualityReport, verbose: boolean): string {
  const lines = [
    `Search quality over the demo catalogue: ${r.overall.queries} queries`,
    `  precision@1 ${pct(r.overall.precisionAt1)}   recall@5 ${pct(r.overall.recallAt5)}`,
    '',
    `  ${'category'.padEnd(16)} ${'n'.padStart(3)}  ${'p@1'.padStart(8)}  ${'r@5'.padStart(8)}`,
  ]
  for (const c of CATEGORIES) {
    const f = r.byCategory[c]
    lines.push(
      `  ${c.padEnd(16)} ${String(f.queries).padStart(3)}  ${pct(f.precisionAt1).padStart(8)}  ${pct(f.recallAt5).padStart(8)}`,
    )
  }
  if (verbose) {
    const misses = r.outcomes.filter((o) => !o.hitAt1 || o.recallAt5 < 1)
    if (misses.length > 0) lines.push('', 'Queries not answered perfectly:')
    for (const o of misses) {
      lines.push(
        `  [${o.query.category}] «${o.query.q}» expected ${o.query.expect.join(', ')}; got ${o.top.join(', ') || '(nothing)'}`,
      )
    }
  }
  return lines.join('\n')
}
