import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  formatDateFa,
  formatDateNumericFa,
  formatDateTimeFa,
  formatJalaliFa,
  weekdayFa,
} from './format-date.ts'
import { startOfTehranDay } from './tehran-time.ts'

/** 1 Farvardin 1404, 14:05 in Tehran (+03:30). */
const nowruz1404 = new Date('2025-03-21T10:35:00Z')

describe('formatDateFa', () => {
  it('writes day, month name and year in Persian digits', () => {
    assert.equal(formatDateFa(nowruz1404), '۱ فروردین ۱۴۰۴')
  })

  it('uses the Tehran day, not the UTC day', () => {
    assert.equal(formatDateFa(new Date('2025-03-20T20:29:00Z')), '۳۰ اسفند ۱۴۰۳')
    assert.equal(formatDateFa(new Date('2025-03-20T20:30:00Z')), '۱ فروردین ۱۴۰۴')
  })
})

describe('formatDateTimeFa', () => {
  it('appends the 24-hour Tehran time', () => {
    assert.equal(formatDateTimeFa(nowruz1404), '۱ فروردین ۱۴۰۴ ساعت ۱۴:۰۵')
    assert.equal(formatDateTimeFa(new Date('2025-03-20T20:30:00Z')), '۱ فروردین ۱۴۰۴ ساعت ۰۰:۰۰')
  })

  it('applies the old summer offset to old timestamps', () => {
    assert.equal(formatDateTimeFa(new Date('2021-06-22T09:35:00Z')), '۱ تیر ۱۴۰۰ ساعت ۱۴:۰۵')
  })
})

describe('formatDateNumericFa', () => {
  it('writes zero-padded year/month/day', () => {
    assert.equal(formatDateNumericFa(nowruz1404), '۱۴۰۴/۰۱/۰۱')
    assert.equal(formatDateNumericFa(new Date('2025-03-20T12:00:00Z')), '۱۴۰۳/۱۲/۳۰')
  })
})

describe('formatJalaliFa', () => {
  it('formats calendar days with every month name', () => {
    assert.equal(formatJalaliFa({ jy: 1404, jm: 1, jd: 1 }), '۱ فروردین ۱۴۰۴')
    assert.equal(formatJalaliFa({ jy: 1403, jm: 12, jd: 30 }), '۳۰ اسفند ۱۴۰۳')
    const months = Array.from(
      { length: 12 },
      (_, i) => formatJalaliFa({ jy: 1404, jm: i + 1, jd: 15 }).split(' ')[1],
    )
    assert.deepEqual(months, [
      'فروردین',
      'اردیبهشت',
      'خرداد',
      'تیر',
      'مرداد',
      'شهریور',
      'مهر',
      'آبان',
      'آذر',
      'دی',
      'بهمن',
      'اسفند',
    ])
  })

  it('agrees with formatting the start of the same Tehran day', () => {
    for (const [jy, jm, jd] of [
      [1400, 4, 1],
      [1401, 1, 2],
      [1404, 6, 31],
    ] as const) {
      assert.equal(formatJalaliFa({ jy, jm, jd }), formatDateFa(startOfTehranDay(jy, jm, jd)))
    }
  })

  it('refuses days that do not exist', () => {
    assert.throws(() => formatJalaliFa({ jy: 1404, jm: 12, jd: 30 }), RangeError)
  })
})

describe('weekdayFa', () => {
  it('names the Tehran weekday', () => {
    assert.equal(weekdayFa(nowruz1404), 'جمعه')
    // 20:30 UTC Friday is already Saturday in Tehran.
    assert.equal(weekdayFa(new Date('2025-03-21T20:30:00Z')), 'شنبه')
  })
})
