import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { bayesianAverage, meanInterval, totalsOf, tQuantile975, wilsonLowerBound } from './stats.ts'

const close = (actual: number, expected: number, tolerance = 1e-4) =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `expected ${expected} ± ${tolerance}, got ${actual}`,
  )

describe('wilsonLowerBound', () => {
  it('8 of 10: hand-computed 0.4902', () => {
    // p = 0.8, z² = 3.8415, z²/2n = 0.19208, √(p(1−p)/n + z²/4n²) = √0.025604 = 0.16001,
    // (0.8 + 0.19208 − 1.96·0.16001) / (1 + 0.38415) = 0.67846 / 1.38415 = 0.49016
    close(wilsonLowerBound(8, 10), 0.49016)
  })

  it('1 of 1 ranks below 95 of 100', () => {
    // 1/1: (1 + 1.92079 − 1.96·√(0 + 0.96040)) / 4.84146 = (2.92079 − 1.92079) / 4.84146 = 0.20655
    close(wilsonLowerBound(1, 1), 0.20655)
    // 95/100: (0.95 + 0.019208 − 1.96·√(0.000475 + 0.00009604)) / 1.038415 = 0.88829
    close(wilsonLowerBound(95, 100), 0.88829)
    assert.ok(wilsonLowerBound(1, 1) < wilsonLowerBound(95, 100))
  })

  it('edges: none, all negative, all positive', () => {
    assert.equal(wilsonLowerBound(0, 0), 0)
    assert.equal(wilsonLowerBound(0, 50), 0)
    // 50/50: (1 + 0.038415 − 1.96·√(0.000384)) / 1.07683 = (1.038415 − 0.038415) / 1.07683 = 0.92865
    close(wilsonLowerBound(50, 50), 0.92865)
    assert.throws(() => wilsonLowerBound(3, 2), RangeError)
  })
})

describe('tQuantile975', () => {
  it('matches the table and the normal limit', () => {
    close(tQuantile975(1), 12.7062)
    close(tQuantile975(4), 2.7764)
    close(tQuantile975(30), 2.0423)
    // Printed tables: t(40) = 2.0211, t(60) = 2.0003, t(120) = 1.9799
    close(tQuantile975(40), 2.0211)
    close(tQuantile975(60), 2.0003)
    close(tQuantile975(120), 1.9799)
    close(tQuantile975(100_000), 1.96, 1e-3)
  })
})

describe('meanInterval', () => {
  it('1..5: mean 3, s² 2.5, half-width t(4)·√0.5 = 2.77645·0.70711 = 1.96324', () => {
    const m = meanInterval(totalsOf([1, 2, 3, 4, 5]))
    assert.ok(m)
    assert.equal(m.n, 5)
    close(m.mean, 3)
    close(m.ci95[0], 1.03676)
    close(m.ci95[1], 4.96324)
  })

  it('forty ratings: 20 fours and 20 fives, t(39)', () => {
    // mean 4.5, s² = (20·0.25 + 20·0.25)/39 = 10/39 = 0.256410, se = √(0.256410/40) = 0.080064,
    // t(39) = 2.02269 → half-width 0.161945
    const m = meanInterval(totalsOf([...Array(20).fill(4), ...Array(20).fill(5)]))
    assert.ok(m)
    close(m.mean, 4.5)
    close(m.ci95[0], 4.5 - 0.161945)
    close(m.ci95[1], 4.5 + 0.161945)
  })

  it('no values: null; one value or all equal: a point', () => {
    assert.equal(meanInterval(totalsOf([])), null)
    assert.deepEqual(meanInterval(totalsOf([4]))?.ci95, [4, 4])
    assert.deepEqual(meanInterval(totalsOf([3, 3, 3]))?.ci95, [3, 3])
  })
})

describe('bayesianAverage', () => {
  it('pulls a small sample towards the prior', () => {
    // (10·3.5 + 25) / (10 + 5) = 60 / 15 = 4
    close(bayesianAverage({ n: 5, sum: 25 }, { mean: 3.5, weight: 10 }), 4)
    // (10·3.5 + 920) / (10 + 200) = 955 / 210 = 4.547619
    close(bayesianAverage({ n: 200, sum: 920 }, { mean: 3.5, weight: 10 }), 4.547619)
    assert.equal(bayesianAverage({ n: 0, sum: 0 }, { mean: 3.5, weight: 10 }), 3.5)
  })
})
