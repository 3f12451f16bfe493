import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts'
import { loadDemoData } from '../../demo/index.ts'
import { formatReport, measureQuality, type QualityReport } from './quality.ts'
import { CATEGORIES } from './queries.data.ts'

// Floors set just below what was measured when the suite was written (133 queries on the demo
// catalogue: precision@1 98.5 %, recall@5 99.2 %; the weakest categories are hamza seats,
// «هیأت» vs «هیئت», and a multi-word query whose best match lacks one word). A change
// to the normaliser, the index or the ranking that loses any of it fails here.
const MIN_QUERIES = 100
const FLOOR_PRECISION_AT_1 = 0.96
const FLOOR_RECALL_AT_5 = 0.97
const FLOOR_CATEGORY_RECALL_AT_5 = 0.85

let t: TestApp
let report: QualityReport

before(async () => {
  t = await createTestApp()
  await loadDemoData(t.deps)
  report = await measureQuality(t.deps)
})
after(() => t.close())

describe('search quality over the demo catalogue', () => {
  it('has at least 100 queries, every category covered', () => {
    assert.ok(report.overall.queries >= MIN_QUERIES, String(report.overall.queries))
    for (const c of CATEGORIES) assert.ok(report.byCategory[c].queries >= 5, c)
  })

  it(`keeps precision@1 ≥ ${FLOOR_PRECISION_AT_1} and recall@5 ≥ ${FLOOR_RECALL_AT_5}`, () => {
    const detail = formatReport(report, true)
    assert.ok(report.overall.precisionAt1 >= FLOOR_PRECISION_AT_1, detail)
    assert.ok(report.overall.recallAt5 >= FLOOR_RECALL_AT_5, detail)
  })

  it(`keeps recall@5 ≥ ${FLOOR_CATEGORY_RECALL_AT_5} in every category`, () => {
    for (const c of CATEGORIES)
      assert.ok(
        report.byCategory[c].recallAt5 >= FLOOR_CATEGORY_RECALL_AT_5,
        `${c}\n${formatReport(report, true)}`,
      )
  })

  it('records nothing in the zero-result log while measuring', async () => {
    const rows = await t.deps.db.selectFrom('searchZeroResults').selectAll().execute()
    assert.deepEqual(rows, [])
  })
})
