import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { addJalaliMonths } from '../../lib/fa/jalali-months.ts'
import { daysBetween, directiveDeadline } from './deadline.ts'

describe('addJalaliMonths', () => {
  it('adds months within and across years', () => {
    assert.deepEqual(addJalaliMonths({ jy: 1388, jm: 12, jd: 17 }, 6), { jy: 1389, jm: 6, jd: 17 })
    assert.deepEqual(addJalaliMonths({ jy: 1405, jm: 1, jd: 1 }, 6), { jy: 1405, jm: 7, jd: 1 })
  })

  it('clamps to the last day of a shorter month', () => {
    // Shahrivar has 31 days, Esfand 29 in a common year.
    assert.deepEqual(addJalaliMonths({ jy: 1404, jm: 6, jd: 31 }, 6), { jy: 1404, jm: 12, jd: 29 })
    // 1403 is a leap year: Esfand has 30 days.
    assert.deepEqual(addJalaliMonths({ jy: 1403, jm: 6, jd: 31 }, 6), { jy: 1403, jm: 12, jd: 30 })
  })
})

describe('daysBetween', () => {
  it('counts calendar days, negative backwards', () => {
    assert.equal(daysBetween({ jy: 1405, jm: 9, jd: 1 }, { jy: 1405, jm: 12, jd: 1 }), 90)
    assert.equal(daysBetween({ jy: 1405, jm: 9, jd: 1 }, { jy: 1405, jm: 7, jd: 1 }), -60)
    assert.equal(daysBetween({ jy: 1403, jm: 12, jd: 30 }, { jy: 1404, jm: 1, jd: 1 }), 1)
  })
})

describe('directiveDeadline', () => {
  it('counts from the Tehran day, which starts at 20:30 UTC', () => {
    const date = { jy: 1405, jm: 3, jd: 1 } // deadline 1405/09/01 = 2026-11-22
    assert.equal(directiveDeadline(date, new Date('2026-11-21T20:29:00Z')).daysLeft, 1)
    assert.equal(directiveDeadline(date, new Date('2026-11-21T20:31:00Z')).daysLeft, 0)
  })

  it('reports the circular of 1388/12/17 as long overdue', () => {
    const d = directiveDeadline({ jy: 1388, jm: 12, jd: 17 }, new Date('2026-11-22T08:00:00Z'))
    assert.deepEqual(d.deadline, { jy: 1389, jm: 6, jd: 17 })
    // 1389/06/17 = 2010-09-08.
    const expected = (Date.UTC(2026, 10, 22) - Date.UTC(2010, 8, 8)) / 86_400_000
    assert.equal(d.daysLeft, -expected)
  })
})
