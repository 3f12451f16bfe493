import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  gregorianToJalali,
  isJalaliLeapYear,
  isValidJalaliDate,
  jalaliMonthLength,
  jalaliToGregorian,
  parseJalaliDateInput,
} from './jalali.ts'

/** ICU's Persian calendar, the independent reference the arithmetic must agree with. */
const intlPersian = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
})

function intlJalaliOf(ms: number): { jy: number; jm: number; jd: number } {
  const fields: Record<string, string> = {}
  for (const part of intlPersian.formatToParts(ms)) fields[part.type] = part.value
  return { jy: Number(fields.year), jm: Number(fields.month), jd: Number(fields.day) }
}

const DAY_MS = 86_400_000
const utcMsOf = ({ gy, gm, gd }: { gy: number; gm: number; gd: number }): number =>
  Date.UTC(gy, gm - 1, gd)

describe('Jalali conversion', () => {
  it('knows the 1403/1404 new year', () => {
    assert.deepEqual(jalaliToGregorian(1403, 12, 30), { gy: 2025, gm: 3, gd: 20 })
    assert.deepEqual(jalaliToGregorian(1404, 1, 1), { gy: 2025, gm: 3, gd: 21 })
    assert.deepEqual(gregorianToJalali(2025, 3, 20), { jy: 1403, jm: 12, jd: 30 })
    assert.deepEqual(gregorianToJalali(2025, 3, 21), { jy: 1404, jm: 1, jd: 1 })
  })

  it('agrees with Intl on every day from 1390-01-01 to 1410-12-29', () => {
    const first = utcMsOf(jalaliToGregorian(1390, 1, 1))
    const last = utcMsOf(jalaliToGregorian(1410, 12, 29))
    let days = 0
    for (let ms = first; ms <= last; ms += DAY_MS) {
      const d = new Date(ms)
      const greg = { gy: d.getUTCFullYear(), gm: d.getUTCMonth() + 1, gd: d.getUTCDate() }
      const expected = intlJalaliOf(ms)
      assert.deepEqual(gregorianToJalali(greg.gy, greg.gm, greg.gd), expected, d.toISOString())
      assert.deepEqual(jalaliToGregorian(expected.jy, expected.jm, expected.jd), greg)
      days++
    }
    // 21 Jalali years with five leap years (1391, 1395, 1399, 1403, 1408).
    assert.equal(days, 21 * 365 + 5)
    assert.deepEqual(intlJalaliOf(first), { jy: 1390, jm: 1, jd: 1 })
    assert.deepEqual(intlJalaliOf(last), { jy: 1410, jm: 12, jd: 29 })
  })

  it('puts leap years where Intl does from 1200 to 1501', () => {
    for (let jy = 1200; jy <= 1501; jy++) {
      const nextNewYear = utcMsOf(jalaliToGregorian(jy + 1, 1, 1))
      const intlLeap = intlJalaliOf(nextNewYear - DAY_MS).jd === 30
      assert.equal(isJalaliLeapYear(jy), intlLeap, `year ${jy}`)
    }
  })

  it('lists the known leap years 1390–1440', () => {
    const leaps = []
    for (let jy = 1390; jy <= 1440; jy++) if (isJalaliLeapYear(jy)) leaps.push(jy)
    assert.deepEqual(
      leaps,
      [1391, 1395, 1399, 1403, 1408, 1412, 1416, 1420, 1424, 1428, 1432, 1436],
    )
  })

  it('round-trips far from the anchor', () => {
    for (const [jy, jm, jd] of [
      [1, 1, 1],
      [1178, 10, 11],
      [2000, 12, 29],
      [9999, 7, 30],
    ] as const) {
      const g = jalaliToGregorian(jy, jm, jd)
      assert.deepEqual(gregorianToJalali(g.gy, g.gm, g.gd), { jy, jm, jd })
    }
  })

  it('finds the right year for the first and last day of every year 1–9999', () => {
    for (let jy = 1; jy <= 9999; jy++) {
      const first = jalaliToGregorian(jy, 1, 1)
      assert.deepEqual(gregorianToJalali(first.gy, first.gm, first.gd), { jy, jm: 1, jd: 1 })
      const lastDay = jalaliMonthLength(jy, 12)
      const last = jalaliToGregorian(jy, 12, lastDay)
      assert.deepEqual(gregorianToJalali(last.gy, last.gm, last.gd), { jy, jm: 12, jd: lastDay })
    }
  })

  it('refuses days that do not exist', () => {
    assert.throws(() => jalaliToGregorian(1404, 12, 30), RangeError)
    assert.throws(() => jalaliToGregorian(1404, 7, 31), RangeError)
    assert.throws(() => gregorianToJalali(2025, 2, 29), RangeError)
    assert.throws(() => gregorianToJalali(2025, 13, 1), RangeError)
    assert.throws(() => gregorianToJalali(600, 1, 1), RangeError)
    assert.throws(() => gregorianToJalali(20000, 1, 1), RangeError)
  })
})

describe('month lengths and validity', () => {
  it('has 31, 30 and 29/30 day months', () => {
    assert.deepEqual(
      Array.from({ length: 12 }, (_, i) => jalaliMonthLength(1404, i + 1)),
      [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29],
    )
    assert.equal(jalaliMonthLength(1403, 12), 30)
  })

  it('validates days', () => {
    assert.equal(isValidJalaliDate(1403, 12, 30), true)
    assert.equal(isValidJalaliDate(1404, 12, 30), false)
    assert.equal(isValidJalaliDate(1404, 6, 31), true)
    assert.equal(isValidJalaliDate(1404, 7, 31), false)
    assert.equal(isValidJalaliDate(1404, 13, 1), false)
    assert.equal(isValidJalaliDate(1404, 0, 1), false)
    assert.equal(isValidJalaliDate(1404, 1, 0), false)
    assert.equal(isValidJalaliDate(1404.5, 1, 1), false)
    assert.equal(isValidJalaliDate(0, 1, 1), false)
  })
})

describe('parseJalaliDateInput', () => {
  const ok = (jy: number, jm: number, jd: number) => ({ ok: true, value: { jy, jm, jd } })

  it('accepts all three digit scripts and leading zeros', () => {
    assert.deepEqual(parseJalaliDateInput('۱۴۰۴', '۰۱', '۰۱'), ok(1404, 1, 1))
    assert.deepEqual(parseJalaliDateInput('١٤٠٣', '١٢', '٣٠'), ok(1403, 12, 30))
    assert.deepEqual(parseJalaliDateInput(' 1404 ', '7', '3'), ok(1404, 7, 3))
    assert.deepEqual(parseJalaliDateInput('\u200e۱۴۰۴', '۱', '۱'), ok(1404, 1, 1))
  })

  it('reports missing fields', () => {
    assert.deepEqual(parseJalaliDateInput('1404', '', '1'), { ok: false, reason: 'missing' })
    assert.deepEqual(parseJalaliDateInput('  ', '1', '1'), { ok: false, reason: 'missing' })
  })

  it('reports non-numbers', () => {
    for (const bad of [
      ['1404', 'مهر', '1'],
      ['1404', '1', '1.5'],
      ['-1404', '1', '1'],
    ]) {
      const [y = '', m = '', d = ''] = bad
      assert.deepEqual(parseJalaliDateInput(y, m, d), { ok: false, reason: 'not-a-number' })
    }
  })

  it('reports days that do not exist and ambiguous years', () => {
    const invalid = { ok: false, reason: 'invalid' }
    assert.deepEqual(parseJalaliDateInput('1404', '12', '30'), invalid)
    assert.deepEqual(parseJalaliDateInput('1404', '13', '1'), invalid)
    assert.deepEqual(parseJalaliDateInput('1404', '0', '1'), invalid)
    assert.deepEqual(parseJalaliDateInput('04', '1', '1'), invalid)
    assert.deepEqual(parseJalaliDateInput('1404', '001', '1'), invalid)
  })
})
