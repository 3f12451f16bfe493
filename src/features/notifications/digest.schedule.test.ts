import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { nextDigestAt } from './digest.schedule.ts'

// Tehran is UTC+03:30 (no daylight saving since 2022): 07:00 Tehran is 03:30 UTC.
describe('nextDigestAt', () => {
  it('daily: the next 07:00 in Tehran, strictly later', () => {
    // Sunday 2026-11-22 11:30 Tehran → Monday 07:00.
    assert.equal(
      nextDigestAt(new Date('2026-11-22T08:00:00Z'), 'daily').toISOString(),
      '2026-11-23T03:30:00.000Z',
    )
    // 06:59 Tehran → the same morning; exactly 07:00 → the next morning.
    assert.equal(
      nextDigestAt(new Date('2026-11-23T03:29:00Z'), 'daily').toISOString(),
      '2026-11-23T03:30:00.000Z',
    )
    assert.equal(
      nextDigestAt(new Date('2026-11-23T03:30:00Z'), 'daily').toISOString(),
      '2026-11-24T03:30:00.000Z',
    )
    // 23:00 UTC is already the next day in Tehran (02:30): that day's 07:00.
    assert.equal(
      nextDigestAt(new Date('2026-11-22T23:00:00Z'), 'daily').toISOString(),
      '2026-11-23T03:30:00.000Z',
    )
  })

  it('weekly: the next Saturday 07:00 in Tehran (the first day of the Iranian week)', () => {
    // Sunday 2026-11-22 → Saturday 2026-11-28.
    assert.equal(
      nextDigestAt(new Date('2026-11-22T08:00:00Z'), 'weekly').toISOString(),
      '2026-11-28T03:30:00.000Z',
    )
    // Saturday 06:00 Tehran → that morning; Saturday 08:00 → a week later.
    assert.equal(
      nextDigestAt(new Date('2026-11-28T02:30:00Z'), 'weekly').toISOString(),
      '2026-11-28T03:30:00.000Z',
    )
    assert.equal(
      nextDigestAt(new Date('2026-11-28T04:30:00Z'), 'weekly').toISOString(),
      '2026-12-05T03:30:00.000Z',
    )
    // Across the Jalali year's end (Friday 1405/12/29 = 2027-03-19 → Saturday 1406/01/01).
    assert.equal(
      nextDigestAt(new Date('2027-03-19T10:00:00Z'), 'weekly').toISOString(),
      '2027-03-20T03:30:00.000Z',
    )
  })
})
