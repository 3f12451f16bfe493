import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { gregorianToJalali, jalaliToGregorian } from './jalali.ts'
import { startOfTehranDay, tehranDateOf } from './tehran-time.ts'

const iso = (d: Date): string => d.toISOString()

describe('tehranDateOf', () => {
  it('switches day at 20:30 UTC under +03:30', () => {
    assert.deepEqual(tehranDateOf(new Date('2025-03-20T20:29:59.999Z')), {
      jy: 1403,
      jm: 12,
      jd: 30,
    })
    assert.deepEqual(tehranDateOf(new Date('2025-03-20T20:30:00Z')), { jy: 1404, jm: 1, jd: 1 })
  })

  it('switches day at 19:30 UTC under the old summer time (+04:30)', () => {
    // 1 Tir 1400 = 2021-06-22, during DST.
    assert.deepEqual(tehranDateOf(new Date('2021-06-21T19:29:59Z')), { jy: 1400, jm: 3, jd: 31 })
    assert.deepEqual(tehranDateOf(new Date('2021-06-21T19:30:00Z')), { jy: 1400, jm: 4, jd: 1 })
  })
})

describe('startOfTehranDay', () => {
  it('is 00:00 +03:30 now that DST is abolished', () => {
    assert.equal(iso(startOfTehranDay(1404, 1, 1)), '2025-03-20T20:30:00.000Z')
    assert.equal(iso(startOfTehranDay(1404, 4, 1)), '2025-06-21T20:30:00.000Z')
  })

  it('is 00:00 +04:30 in a pre-2022 summer', () => {
    assert.equal(iso(startOfTehranDay(1400, 4, 1)), '2021-06-21T19:30:00.000Z')
  })

  it('is 01:00 local on a day whose midnight was skipped by DST', () => {
    // DST began 2022-03-22 00:00 (2 Farvardin 1401): clocks went 00:00 → 01:00.
    assert.equal(iso(startOfTehranDay(1401, 1, 2)), '2022-03-21T20:30:00.000Z')
    assert.deepEqual(tehranDateOf(new Date('2022-03-21T20:29:59Z')), { jy: 1401, jm: 1, jd: 1 })
  })

  it('is the first instant of the day for every day from 1385 to 1410', () => {
    const first = jalaliToGregorian(1385, 1, 1)
    let ms = Date.UTC(first.gy, first.gm - 1, first.gd, 12)
    const end = jalaliToGregorian(1410, 12, 29)
    const endMs = Date.UTC(end.gy, end.gm - 1, end.gd, 12)
    for (; ms <= endMs; ms += 86_400_000) {
      const noon = new Date(ms)
      const day = gregorianToJalali(
        noon.getUTCFullYear(),
        noon.getUTCMonth() + 1,
        noon.getUTCDate(),
      )
      const start = startOfTehranDay(day.jy, day.jm, day.jd)
      assert.deepEqual(tehranDateOf(start), day, iso(start))
      assert.notDeepEqual(tehranDateOf(new Date(start.getTime() - 1)), day, iso(start))
    }
  })

  it('refuses days that do not exist', () => {
    assert.throws(() => startOfTehranDay(1404, 12, 30), RangeError)
  })
})
