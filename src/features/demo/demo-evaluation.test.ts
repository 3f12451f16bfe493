import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { z } from 'zod'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { verifyPublished } from '../evaluation/index.ts'
import { loadDemoData } from './demo.load.ts'

/*
 * Issue 15 item 7: a fresh demo has last year's evaluation published and corrected after an
 * objection, a rejected and a waiting objection, and the running year's provisional evaluation,
 * all computed from the demo's own data by the real actions (the test clock is in 1405).
 */
let t: TestApp

before(async () => {
  t = await createTestApp()
  await loadDemoData(t.deps)
})
after(() => t.close())

describe('the demo evaluation story', () => {
  it('publishes 1404, corrects it after an accepted objection and keeps the first', async () => {
    const rows = await t.deps.db
      .selectFrom('evaluationSnapshots')
      .select(['period', 'status', 'seq', 'agencies'])
      .orderBy('period')
      .orderBy('seq')
      .execute()
    assert.deepEqual(
      rows.map((r) => [r.period, r.status, r.seq]),
      [
        ['1404', 'published', 1],
        ['1404', 'corrected', 2],
        ['1405', 'provisional', 0],
      ],
    )
    const agencies = await t.deps.db.selectFrom('agencies').select('id').execute()
    assert.ok(
      rows.every((r) => r.agencies === agencies.length),
      'every agency has a scorecard',
    )
    const objections = await t.deps.db
      .selectFrom('evaluationObjections')
      .select(['status', 'appliedIn'])
      // eService (accepted), publication (rejected), reviews (waiting): one demo clock instant.
      .orderBy('component')
      .execute()
    assert.deepEqual(
      objections.map((o) => [o.status, o.appliedIn !== null]),
      [
        ['accepted', true],
        ['rejected', false],
        ['open', false],
      ],
    )
  })

  it('ranks real agencies on real data, and every stored evaluation recomputes exactly', async () => {
    const snapshot = await t.deps.db
      .selectFrom('evaluationSnapshots')
      .select('scorecards')
      .where('period', '=', '1404')
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow()
    const cards = z
      .array(z.object({ score: z.number().nullable(), rank: z.number().nullable() }))
      .parse(snapshot.scorecards)
    const ranked = cards.filter((c) => c.rank !== null)
    assert.ok(ranked.length >= 5, `at least five agencies ranked, got ${ranked.length}`)
    assert.ok(
      new Set(ranked.map((c) => c.score)).size >= 3,
      'the scores tell agencies apart (not all equal)',
    )
    const checks = await verifyPublished(t.deps)
    assert.equal(checks.length, 3)
    for (const c of checks) assert.deepEqual([c.digestMatches, c.scoresMatch], [true, true])
  })
})
