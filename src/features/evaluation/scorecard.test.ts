import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DEFAULT_METHOD, type EvaluationMethod } from './method.model.ts'
import { type ScorecardInput, scorecards } from './scorecard.ts'

// Two components and growth: publication 60 (target 100), satisfaction 30 (target 4.5, n ≥ 30),
// growth 10.
const method: Pick<EvaluationMethod, 'components' | 'growthWeight' | 'minComparableShare'> = {
  components: [
    { key: 'publication', weight: 60, target: 100, minN: 1 },
    { key: 'satisfaction', weight: 30, target: 4.5, minN: 30 },
  ],
  growthWeight: 10,
  minComparableShare: 0.5,
}

const input = (
  over: Partial<ScorecardInput> & Pick<ScorecardInput, 'agencyId'>,
): ScorecardInput => ({
  peerGroup: 'ministry',
  provinceCode: null,
  observed: {},
  previousTotal: null,
  ...over,
})

describe('scorecards', () => {
  it('scores, totals, adds growth and ranks within peer groups, against hand-computed values', () => {
    const cards = scorecards(method, [
      // A: 80% cards → 48; 4.05 of 4.5 → 0.9 × 30 = 27; 75 of 90 → base 83.3333.
      // Growth from 70: (83.3333 − 70) / 30 = 0.4444 → 4.4444 of 10.
      // Score: 83.3333 × 0.9 + 4.4444 = 79.4444.
      input({
        agencyId: 'A',
        observed: { publication: { value: 80, n: 20 }, satisfaction: { value: 4.05, n: 40 } },
        previousTotal: 70,
      }),
      // B: 100% → 60; satisfaction n 12 < 30: not comparable → base 60 of 60 = 100; no previous
      // period: the base is the score.
      input({
        agencyId: 'B',
        observed: { publication: { value: 100, n: 8 }, satisfaction: { value: 4.9, n: 12 } },
      }),
      // C: nothing but satisfaction (30 of 90 < half): not comparable, not ranked.
      input({ agencyId: 'C', observed: { satisfaction: { value: 4.5, n: 50 } } }),
      // D: a provincial office, ranked within its own province.
      input({
        agencyId: 'D',
        peerGroup: 'provincial',
        provinceCode: '08',
        observed: { publication: { value: 50, n: 4 } },
      }),
    ])
    const by = new Map(cards.map((c) => [c.agencyId, c]))
    const a = by.get('A')
    assert.deepEqual(a?.base, { comparable: true, score: 83.3333, comparableWeight: 90 })
    assert.deepEqual(a?.growth, { comparable: true, ratio: 0.4444, score: 4.4444 })
    assert.equal(a?.score, 79.4444)
    // The published parts add up to the published whole: 48 + 27 + growth 4.4444.
    assert.deepEqual(
      a?.components.map((c) => c.points),
      [48, 27],
    )
    assert.deepEqual(
      by.get('B')?.components.map((c) => c.points),
      [100, null],
      'without a previous period the comparable components fill the whole',
    )
    assert.equal(by.get('B')?.score, 100)
    assert.equal(by.get('B')?.growth?.comparable, false)
    assert.deepEqual(
      by.get('B')?.components.map((c) => c.result.comparable),
      [true, false],
    )
    assert.equal(by.get('C')?.score, null)
    assert.equal(by.get('C')?.rank, null, 'not comparable is not ranked last')
    assert.deepEqual(
      ['A', 'B', 'D'].map((k) => by.get(k)?.rank),
      [2, 1, 1],
    )
  })

  it('ranks equal scores equally: full marks are 100 whatever the rounding of the parts', () => {
    // Eight components summing to 90 (100/90 each is not exact in four decimals), no previous
    // period for one agency, full growth for the other: both 100, both first.
    const full = Object.fromEntries(
      DEFAULT_METHOD.components.map((c) => [
        c.key,
        { value: c.key === 'accuracy' ? 0 : 1e6, n: 1e6 },
      ]),
    )
    const cards = scorecards(DEFAULT_METHOD, [
      input({ agencyId: 'new', observed: full }),
      input({ agencyId: 'steady', observed: full, previousTotal: 100 }),
    ])
    assert.deepEqual(
      cards.map((c) => [c.score, c.rank]),
      [
        [100, 1],
        [100, 1],
      ],
    )
    for (const c of cards) {
      const sum =
        c.components.reduce((s, x) => s + (x.points ?? 0), 0) +
        (c.growth?.comparable ? c.growth.score : 0)
      assert.equal(Math.round(sum * 10_000) / 10_000, c.score, 'the parts sum to the whole')
    }
  })

  it('recomputes to exactly the same scores from the same inputs', () => {
    const inputs = [
      input({
        agencyId: 'A',
        observed: { publication: { value: 77.7, n: 9 }, satisfaction: { value: 3.9, n: 31 } },
        previousTotal: 61.2,
      }),
      input({ agencyId: 'B', observed: { publication: { value: 77.7, n: 9 } } }),
    ]
    const once = JSON.stringify(scorecards(method, inputs))
    const again = JSON.stringify(scorecards(method, JSON.parse(JSON.stringify(inputs))))
    assert.equal(again, once)
  })
})
