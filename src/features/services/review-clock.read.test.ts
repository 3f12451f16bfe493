import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { clocksAt, currentFromBound } from './review-clock.read.ts'
import { reviewClock } from './review-clock.ts'

// The daily review job's shortcuts (issue 12, bench: 20,000 services under 5 s) must give
// exactly what the clock gives.

const DAY = 86_400_000
const HOUR = 3_600_000

/** A small seeded PRNG (mulberry32): the same cases every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const POLICIES = [
  { cycleMonths: 36, dueSoonDays: 90, dueDays: 30 },
  { cycleMonths: 6, dueSoonDays: 60, dueDays: 1 },
  { cycleMonths: 13, dueSoonDays: 365, dueDays: 364 },
  { cycleMonths: 60, dueSoonDays: 2, dueDays: 1 },
]

describe('clocksAt', () => {
  it('gives reviewClock’s answer for every service, days shared or not', () => {
    const random = prng(12)
    const now = new Date('2026-11-22T08:00:00Z')
    // Starts over 16 years (Iran kept daylight saving until 2022), many on the same days,
    // some at the edges of a Tehran day, some reviewed, some reopened, one never published.
    const base = Date.parse('2010-03-01T00:00:00Z')
    for (const policy of POLICIES) {
      const clockOf = clocksAt(policy, now)
      for (let i = 0; i < 3000; i++) {
        const day = Math.floor(random() * 400) * 14
        const within = [0, 19.5 * HOUR, 20.5 * HOUR, 23.99 * HOUR, random() * DAY][i % 5] ?? 0
        const at = new Date(base + day * DAY + within)
        const facts = {
          firstPublishedAt: i % 97 === 0 ? null : at,
          lastReviewedAt: i % 3 === 0 ? new Date(at.getTime() + 400 * DAY) : null,
          reviewReopenedAt: i % 11 === 0 ? new Date(at.getTime() + 30 * DAY) : null,
        }
        assert.deepEqual(clockOf(facts), reviewClock(facts, policy, now), JSON.stringify(facts))
      }
    }
  })
})

describe('currentFromBound', () => {
  it('leaves out only services that are current, and not many more than needed', () => {
    const random = prng(7)
    for (const policy of POLICIES) {
      for (let i = 0; i < 200; i++) {
        const now = new Date(Date.parse('2012-01-01T00:00:00Z') + random() * 15 * 365 * DAY)
        const bound = currentFromBound(policy, now)
        for (const offset of [0, 1, HOUR, DAY - 1, DAY, random() * 60 * DAY]) {
          const start = new Date(bound.getTime() + offset)
          const clock = reviewClock(
            { firstPublishedAt: start, lastReviewedAt: null, reviewReopenedAt: null },
            policy,
            now,
          )
          assert.equal(clock?.state, 'current', `${policy.cycleMonths} ${now.toISOString()}`)
        }
        // Ten days before the bound a service may already be past its first warning: the
        // bound is within the week's slack of the tightest one.
        const early = reviewClock(
          {
            firstPublishedAt: new Date(bound.getTime() - 10 * DAY),
            lastReviewedAt: null,
            reviewReopenedAt: null,
          },
          policy,
          now,
        )
        assert.notEqual(early?.state, 'current')
      }
    }
  })
})
