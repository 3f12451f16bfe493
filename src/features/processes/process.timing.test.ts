import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  back,
  decision,
  edge,
  hours,
  minutes,
  processOf,
  task,
  wd,
} from './process.test-helpers.ts'
import { processTiming, timeSumText, timingMismatch, timingRangeText } from './process.timing.ts'

describe('critical path', () => {
  it('sums a linear process per unit, as a min–max range', () => {
    const p = processOf(
      [task('a', 'ثبت', minutes(20)), task('b', 'بررسی', wd(2, 3)), task('c', 'صدور', hours(1, 2))],
      [edge('a', 'b'), edge('b', 'c')],
    )
    const t = processTiming(p)
    assert.ok(t)
    assert.deepEqual(t.criticalPath, ['a', 'b', 'c'])
    assert.equal(
      timingRangeText(t),
      '۲ روز کاری و ۱ ساعت و ۲۰ دقیقه تا ۳ روز کاری و ۲ ساعت و ۲۰ دقیقه',
    )
  })

  it('takes the longer branch of a decision', () => {
    const p = processOf(
      [
        task('a', 'ثبت', wd(1)),
        decision('d', 'نیاز به استعلام؟'),
        task('q', 'استعلام از دستگاه دیگر', wd(5, 10)),
        task('s', 'صدور', wd(1)),
      ],
      [edge('a', 'd'), edge('d', 'q', 'بله'), edge('d', 's', 'خیر'), edge('q', 's')],
    )
    const t = processTiming(p)
    assert.ok(t)
    assert.deepEqual(t.criticalPath, ['a', 'd', 'q', 's'])
    assert.equal(timingRangeText(t), '۷ تا ۱۲ روز کاری')
  })

  it('ignores return edges for the total but marks the loop as may-repeat', () => {
    const p = processOf(
      [task('a', 'ثبت', wd(1)), task('b', 'بررسی', wd(2)), task('c', 'صدور', wd(1))],
      [edge('a', 'b'), edge('b', 'c'), back('b', 'a')],
    )
    const t = processTiming(p)
    assert.ok(t)
    assert.equal(timingRangeText(t), '۴ روز کاری')
    assert.deepEqual(t.mayRepeat, ['a', 'b'])
  })

  it('ends the total at a real end, not at a step that only returns for correction', () => {
    const p = processOf(
      [
        task('a', 'ثبت', wd(1)),
        decision('d', 'مدارک کامل است؟'),
        task('ok', 'صدور', wd(1)),
        task('no', 'اعلام نقص و انتظار برای اصلاح', wd(10)),
      ],
      [edge('a', 'd'), edge('d', 'ok', 'بله'), edge('d', 'no', 'خیر'), back('no', 'a')],
    )
    const t = processTiming(p)
    assert.ok(t)
    assert.deepEqual(t.criticalPath, ['a', 'd', 'ok'])
    assert.equal(timingRangeText(t), '۲ روز کاری')
    assert.deepEqual(t.mayRepeat, ['a', 'd', 'no'])
  })

  it('counts in-person visits on the path that needs most of them', () => {
    const p = processOf(
      [
        task('a', 'مراجعه و تحویل مدارک', wd(1), { actor: 'citizen', requiresAttendance: true }),
        decision('d', 'مدارک کامل است؟'),
        task('b', 'مراجعهٔ دوباره', wd(1), { actor: 'citizen', requiresAttendance: true }),
        task('c', 'دریافت کارت', minutes(30), { actor: 'citizen', requiresAttendance: true }),
      ],
      [edge('a', 'd'), edge('d', 'b', 'خیر'), edge('d', 'c', 'بله'), edge('b', 'c')],
    )
    assert.equal(processTiming(p)?.inPersonVisits, 3)
  })

  it('has no timing for an invalid or empty process', () => {
    assert.equal(processTiming(processOf([], [])), undefined)
    assert.equal(processTiming(processOf([task('a', 'x', null)], [])), undefined)
  })
})

describe('declared time consistency', () => {
  const t = {
    min: { minutes: 0, hours: 0, workingDays: 7, calendarDays: 0 },
    max: { minutes: 0, hours: 0, workingDays: 12, calendarDays: 0 },
  }
  it('accepts a declared range that covers the process', () => {
    assert.equal(
      timingMismatch(t, { kind: 'between', min: 7, max: 12, unit: 'working_day' }),
      false,
    )
    assert.equal(timingMismatch(t, { kind: 'up_to', max: 15, unit: 'working_day' }), false)
  })
  it('flags a declared time shorter than the process', () => {
    assert.equal(timingMismatch(t, { kind: 'up_to', max: 5, unit: 'working_day' }), true)
    assert.equal(timingMismatch(t, { kind: 'fixed', value: 1, unit: 'week' }), true)
  })
  it('reads long elapsed hours as days', () => {
    assert.equal(
      timeSumText({ minutes: 25, hours: 50, workingDays: 8, calendarDays: 0 }),
      '۲ روز و ۸ روز کاری و ۲ ساعت و ۲۵ دقیقه',
    )
  })
  it('says «بی‌درنگ» for no time', () => {
    assert.equal(timeSumText({ minutes: 0, hours: 0, workingDays: 0, calendarDays: 0 }), 'بی‌درنگ')
  })
})
