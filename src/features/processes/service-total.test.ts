import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { back, edge, hours, minutes, processOf, task, wd } from './process.test-helpers.ts'
import { serviceTotal, totalExceedsDeclared } from './service-total.ts'

const EMPTY = processOf([], [])

/** The service: «۴ روز کاری و ۳ ساعت و ۳۶ دقیقه تا ۶ روز کاری و …» against «حداکثر ۷ روز کاری». */
const permit = processOf(
  [
    task('a', 'ثبت درخواست', minutes(36, 50)),
    task('b', 'بررسی مدارک', hours(3, 5)),
    task('c', 'بازدید و صدور', wd(4, 6)),
  ],
  [edge('a', 'b'), edge('b', 'c')],
)

describe('the one total time of a service', () => {
  it('comes from the process, rounded to whole working days above a day', () => {
    const total = serviceTotal({
      process: permit,
      declaredTime: { kind: 'up_to', max: 7, unit: 'working_day' },
    })
    assert.deepEqual(total, {
      source: 'process',
      text: '۴ تا ۶ روز کاری',
      min: 4,
      max: 6,
      unit: 'working_day',
    })
  })

  it('says hours below a day and minutes below an hour', () => {
    const short = processOf(
      [task('a', 'ثبت', minutes(20)), task('b', 'بررسی', hours(2, 5))],
      [edge('a', 'b')],
    )
    assert.equal(serviceTotal({ process: short, declaredTime: null })?.text, '۲ تا ۵ ساعت')
    const quick = processOf([task('a', 'ثبت', minutes(10, 25))], [])
    assert.equal(serviceTotal({ process: quick, declaredTime: null })?.text, '۱۰ تا ۲۵ دقیقه')
    // Elapsed hours past a day, and calendar days, are read as working days (7/5 estimate).
    const long = processOf([task('a', 'پردازش', hours(30, 50))], [])
    assert.equal(serviceTotal({ process: long, declaredTime: null })?.text, '۱ روز کاری')
    const cal = processOf([task('a', 'انتظار', { min: 7, max: 14, unit: 'calendar_day' })], [])
    assert.equal(serviceTotal({ process: cal, declaredTime: null })?.text, '۵ تا ۱۰ روز کاری')
  })

  it('does not turn a few minutes on top of a working day into another day', () => {
    const p = processOf([task('a', 'ثبت', minutes(20)), task('b', 'صدور', wd(1))], [edge('a', 'b')])
    assert.equal(serviceTotal({ process: p, declaredTime: null })?.text, '۱ روز کاری')
  })

  it('says «حداکثر» when the shortest time rounds to nothing next to the longest', () => {
    // A step that may take no time at all (min 0), then up to three working days.
    const p = processOf(
      [task('a', 'ثبت', minutes(5)), task('b', 'بررسی', wd(0, 3))],
      [edge('a', 'b')],
    )
    assert.equal(serviceTotal({ process: p, declaredTime: null })?.text, 'حداکثر ۳ روز کاری')
    const none = processOf([task('a', 'اعلام خودکار', minutes(0))], [])
    assert.equal(serviceTotal({ process: none, declaredTime: null })?.text, 'بی‌درنگ')
  })

  it('falls back to the declared time, in its own words, only without a usable process', () => {
    const declaredTime = { kind: 'between', min: 1, max: 2, unit: 'month' } as const
    assert.deepEqual(serviceTotal({ process: EMPTY, declaredTime }), {
      source: 'declared',
      text: '۱ تا ۲ ماه',
      min: 1,
      max: 2,
      unit: 'month',
    })
    const broken = processOf([task('a', 'بدون زمان', null)], [])
    assert.equal(serviceTotal({ process: broken, declaredTime })?.source, 'declared')
    assert.equal(serviceTotal({ process: EMPTY, declaredTime: null }), null)
  })

  it('finds a process longer than the declared total (what publishing refuses)', () => {
    assert.equal(
      totalExceedsDeclared({
        process: permit,
        declaredTime: { kind: 'up_to', max: 7, unit: 'working_day' },
      }),
      null,
    )
    assert.deepEqual(
      totalExceedsDeclared({
        process: permit,
        declaredTime: { kind: 'up_to', max: 5, unit: 'working_day' },
      }),
      { total: '۴ تا ۶ روز کاری', declared: 'حداکثر ۵ روز کاری' },
    )
    // Faster than a declared minimum is not "longer": no refusal.
    assert.equal(
      totalExceedsDeclared({
        process: permit,
        declaredTime: { kind: 'between', min: 10, max: 20, unit: 'working_day' },
      }),
      null,
    )
    // A loop back for correction does not count towards the total.
    const loop = processOf(
      [task('a', 'ثبت', wd(1)), task('b', 'بررسی', wd(2)), task('c', 'صدور', wd(1))],
      [edge('a', 'b'), edge('b', 'c'), back('b', 'a')],
    )
    assert.equal(
      totalExceedsDeclared({
        process: loop,
        declaredTime: { kind: 'fixed', value: 4, unit: 'working_day' },
      }),
      null,
    )
  })
})
