import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  addJalaliDays,
  endedPeriods,
  isoDayOf,
  parsePeriod,
  periodAt,
  periodDays,
  periodDueDay,
  periodInstants,
  periodLabel,
  previousPeriod,
} from './period.ts'

const p = (key: string) => {
  const parsed = parsePeriod(key)
  assert.ok(parsed, key)
  return parsed
}

describe('Jalali periods of indicator values', () => {
  it('reads the three kinds of key and refuses anything else', () => {
    assert.deepEqual(p('1405'), { key: '1405', frequency: 'yearly', jy: 1405, part: 0 })
    assert.deepEqual(p('1405-Q2'), { key: '1405-Q2', frequency: 'quarterly', jy: 1405, part: 2 })
    assert.deepEqual(p('1405-07'), { key: '1405-07', frequency: 'monthly', jy: 1405, part: 7 })
    for (const bad of ['1405-Q5', '1405-13', '1405-7', '14050', '1405-00', '0999', ''])
      assert.equal(parsePeriod(bad), null, bad)
  })

  it('knows the first and last day, Esfand of a leap year included', () => {
    assert.deepEqual(periodDays(p('1405-Q2')), {
      first: { jy: 1405, jm: 4, jd: 1 },
      last: { jy: 1405, jm: 6, jd: 31 },
    })
    // 1403 is a leap year: Esfand has 30 days; 1404 is not.
    assert.deepEqual(periodDays(p('1403-12')).last, { jy: 1403, jm: 12, jd: 30 })
    assert.deepEqual(periodDays(p('1404')).last, { jy: 1404, jm: 12, jd: 29 })
  })

  it('turns a period into Tehran instants and a due day 15 days after it ends', () => {
    const { from, to } = periodInstants(p('1405-07'))
    // 1 Mehr 1405 = 23 September 2026; Tehran is UTC+03:30.
    assert.equal(from.toISOString(), '2026-09-22T20:30:00.000Z')
    // 1 Aban 1405 = 23 October 2026.
    assert.equal(to.toISOString(), '2026-10-22T20:30:00.000Z')
    assert.deepEqual(periodDueDay(p('1405-07')), { jy: 1405, jm: 8, jd: 15 })
    assert.equal(isoDayOf(periodDueDay(p('1405-07'))), '2026-11-06')
    // A year's values are due on 15 Farvardin of the next year.
    assert.deepEqual(periodDueDay(p('1404')), { jy: 1405, jm: 1, jd: 15 })
  })

  it('finds the period of an instant, the one before it and the ended ones', () => {
    const now = new Date('2026-12-07T08:00:00Z') // 16 Azar 1405
    assert.equal(periodAt('monthly', now).key, '1405-09')
    assert.equal(periodAt('quarterly', now).key, '1405-Q3')
    assert.equal(periodAt('yearly', now).key, '1405')
    assert.equal(previousPeriod(p('1405-01')).key, '1404-12')
    assert.equal(previousPeriod(p('1405-Q1')).key, '1404-Q4')
    assert.deepEqual(
      endedPeriods('quarterly', now, 3).map((x) => x.key),
      ['1404-Q4', '1405-Q1', '1405-Q2'],
    )
  })

  it('labels periods in Persian and moves across month and year ends', () => {
    assert.equal(periodLabel(p('1405-07')), 'مهر ۱۴۰۵')
    assert.equal(periodLabel(p('1405-Q4')), 'زمستان ۱۴۰۵')
    assert.equal(periodLabel(p('1405')), 'سال ۱۴۰۵')
    assert.deepEqual(addJalaliDays({ jy: 1404, jm: 12, jd: 29 }, 1), { jy: 1405, jm: 1, jd: 1 })
    assert.deepEqual(addJalaliDays({ jy: 1405, jm: 1, jd: 1 }, -1), { jy: 1404, jm: 12, jd: 29 })
  })
})
