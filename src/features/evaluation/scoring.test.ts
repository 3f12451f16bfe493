import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  type ComponentRule,
  componentScore,
  growthScore,
  rankGroup,
  totalScore,
  weightsProblem,
} from './scoring.ts'

const satisfaction: ComponentRule = {
  key: 'satisfaction',
  weight: 20,
  target: 4.5,
  direction: 'higher',
  minN: 30,
}
const fixDays: ComponentRule = { key: 'fix', weight: 10, target: 5, direction: 'lower', minN: 5 }
const cards: ComponentRule = { key: 'cards', weight: 30, target: 100, direction: 'higher', minN: 1 }

describe('evaluation scoring (Iran’s min(actual/target, 1) × weight)', () => {
  it('scores higher-is-better against the target, capped at the weight', () => {
    // 3.6 / 4.5 = 0.8 → 0.8 × 20 = 16.
    assert.deepEqual(componentScore(satisfaction, { value: 3.6, n: 40 }), {
      comparable: true,
      ratio: 0.8,
      score: 16,
    })
    // 4.8 / 4.5 > 1 → capped: the full 20.
    assert.deepEqual(componentScore(satisfaction, { value: 4.8, n: 40 }), {
      comparable: true,
      ratio: 1,
      score: 20,
    })
    // 72 of 100 target → 0.72 × 30 = 21.6.
    const c = componentScore(cards, { value: 72, n: 50 })
    assert.ok(c.comparable)
    assert.equal(c.score, 21.6)
  })

  it('inverts lower-is-better: target / actual, and an actual of 0 meets the target', () => {
    // Fixed in 8 days against 5: 5 / 8 = 0.625 → 6.25 of 10.
    assert.deepEqual(componentScore(fixDays, { value: 8, n: 6 }), {
      comparable: true,
      ratio: 0.625,
      score: 6.25,
    })
    // Faster than the target (4 days): capped at 10.
    const fast = componentScore(fixDays, { value: 4, n: 6 })
    assert.ok(fast.comparable && fast.score === 10)
    const none = componentScore(fixDays, { value: 0, n: 6 })
    assert.ok(none.comparable && none.score === 10)
  })

  it('says «غیرقابل مقایسه» below the minimum data or without a value, never zero', () => {
    assert.deepEqual(componentScore(satisfaction, { value: 4.9, n: 29 }), {
      comparable: false,
      reason: 'too-few',
    })
    assert.deepEqual(componentScore(cards, { value: null, n: 0 }), {
      comparable: false,
      reason: 'no-value',
    })
  })

  it('totals over the comparable weight only, and refuses a total on less than half of it', () => {
    const rules = [satisfaction, fixDays, cards]
    // 16 + 6.25 + 21.6 = 43.85 of 60 → 73.0833 on 100.
    const all = totalScore(rules, [
      componentScore(satisfaction, { value: 3.6, n: 40 }),
      componentScore(fixDays, { value: 8, n: 6 }),
      componentScore(cards, { value: 72, n: 50 }),
    ])
    assert.deepEqual(all, { comparable: true, score: 73.0833, comparableWeight: 60 })
    // Satisfaction not comparable: (6.25 + 21.6) of 40 → 69.625.
    const some = totalScore(rules, [
      componentScore(satisfaction, { value: 3.6, n: 3 }),
      componentScore(fixDays, { value: 8, n: 6 }),
      componentScore(cards, { value: 72, n: 50 }),
    ])
    assert.deepEqual(some, { comparable: true, score: 69.625, comparableWeight: 40 })
    // Only the fix time (10 of 60) is comparable: below half, no total.
    const few = totalScore(rules, [
      componentScore(satisfaction, { value: null, n: 0 }),
      componentScore(fixDays, { value: 8, n: 6 }),
      componentScore(cards, { value: null, n: 0 }),
    ])
    assert.deepEqual(few, { comparable: false, comparableWeight: 10 })
  })

  it('counts growth as the share of the remaining gap closed', () => {
    // From 60 to 70: 10 of the 40 left → 0.25 × 10 = 2.5.
    assert.deepEqual(growthScore(70, 60, 10), { comparable: true, ratio: 0.25, score: 2.5 })
    // A fall earns nothing; no previous period is not comparable; staying at 100 keeps it all.
    assert.deepEqual(growthScore(55, 60, 10), { comparable: true, ratio: 0, score: 0 })
    assert.deepEqual(growthScore(70, null, 10), { comparable: false, reason: 'no-value' })
    assert.deepEqual(growthScore(100, 100, 10), { comparable: true, ratio: 1, score: 10 })
  })

  it('ranks within a peer group with ties sharing a rank, leaving the not comparable out', () => {
    const agencies = [
      { code: 'A', score: 70 },
      { code: 'B', score: 82.5 },
      { code: 'C', score: 70 },
      { code: 'D', score: null },
      { code: 'E', score: 64 },
    ]
    assert.deepEqual(
      rankGroup(agencies, (a) => a.score).map((r) => [r.item.code, r.rank]),
      [
        ['B', 1],
        ['A', 2],
        ['C', 2],
        ['E', 4],
      ],
    )
  })

  it('refuses weights that do not sum to 100', () => {
    assert.equal(weightsProblem([{ weight: 60 }, { weight: 30 }], 10), null)
    assert.match(weightsProblem([{ weight: 60 }, { weight: 30 }]) ?? '', /جمع وزن‌ها باید ۱۰۰ باشد/)
    assert.match(weightsProblem([{ weight: 0 }, { weight: 100 }]) ?? '', /بزرگ‌تر از صفر/)
  })
})
