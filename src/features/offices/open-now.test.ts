import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { WorkingCalendar } from '../../lib/working-calendar.ts'
import { EMPTY_HOURS, type Interval, type OfficeSchedule } from './office.model.ts'
import { statusText } from './office.present.ts'
import { earliestChange, hoursOnDay, openStatus } from './open-now.ts'

const iv = (start: string, end: string): Interval => {
  const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3))
  return { start: m(start), end: m(end) }
}
const DAY = [iv('07:30', '14:30')]

/** Sat–Tue 07:30–14:30; Wednesday with an afternoon shift after a break; Thursday half a day. */
const schedule = (over: Partial<OfficeSchedule> = {}): OfficeSchedule => ({
  hours: {
    ...EMPTY_HOURS,
    sat: DAY,
    sun: DAY,
    mon: DAY,
    tue: DAY,
    wed: [iv('07:30', '14:30'), iv('16:00', '19:00')],
    thu: [iv('07:30', '12:30')],
  },
  exceptions: [],
  closures: [],
  ...over,
})
const cal = (
  holidays: string[] = [],
  thursday: 'working' | 'closed' = 'working',
): WorkingCalendar => ({
  thursday,
  holidays: new Set(holidays),
})
/** Tehran wall-clock time (UTC+03:30) as an instant. */
const tehran = (isoDay: string, hhmm: string) => new Date(`${isoDay}T${hhmm}:00+03:30`)

// 2026-11-22 is Sunday 1 Azar 1405; 11-25 Wednesday, 11-26 Thursday, 11-27 Friday, 11-28 Saturday.

describe('open now', () => {
  it('is open during a normal weekday and says when it closes', () => {
    const s = openStatus(schedule(), cal(), tehran('2026-11-22', '10:00'))
    assert.equal(s.open, true)
    assert.equal(s.today.kind, 'regular')
    assert.deepEqual(s.today.intervals, DAY)
    assert.deepEqual(s.nextClose, tehran('2026-11-22', '14:30'))
    assert.deepEqual(s.nextChange, tehran('2026-11-22', '14:30'))
    assert.equal(
      statusText(s, tehran('2026-11-22', '10:00')),
      'اکنون باز است؛ تا ساعت ۱۴:۳۰ باز است',
    )
  })

  it('is closed before hours and opens at 07:30 the same day', () => {
    const now = tehran('2026-11-22', '06:59')
    const s = openStatus(schedule(), cal(), now)
    assert.equal(s.open, false)
    assert.deepEqual(s.nextOpen, tehran('2026-11-22', '07:30'))
    assert.equal(statusText(s, now), 'اکنون بسته است؛ باز می‌شود: امروز ساعت ۰۷:۳۰')
  })

  it('is closed after hours and opens the next morning', () => {
    const now = tehran('2026-11-22', '14:30')
    const s = openStatus(schedule(), cal(), now)
    assert.equal(s.open, false, 'the closing minute itself is closed')
    assert.deepEqual(s.nextOpen, tehran('2026-11-23', '07:30'))
    assert.equal(statusText(s, now), 'اکنون بسته است؛ باز می‌شود: فردا ساعت ۰۷:۳۰')
  })

  it('is closed on Friday and opens on Saturday', () => {
    const s = openStatus(schedule(), cal(), tehran('2026-11-27', '10:00'))
    assert.equal(s.open, false)
    assert.deepEqual(s.today.intervals, [])
    assert.deepEqual(s.nextOpen, tehran('2026-11-28', '07:30'))
  })

  it('keeps a Thursday half day, whatever the portal Thursday setting', () => {
    for (const thursday of ['working', 'closed'] as const) {
      const s = openStatus(schedule(), cal([], thursday), tehran('2026-11-26', '11:00'))
      assert.equal(s.open, true)
      assert.deepEqual(s.nextClose, tehran('2026-11-26', '12:30'))
    }
    const after = openStatus(schedule(), cal(), tehran('2026-11-26', '12:45'))
    assert.equal(after.open, false)
    assert.deepEqual(after.nextOpen, tehran('2026-11-28', '07:30'), 'Friday is skipped')
  })

  it('is closed on an official holiday and skips it when looking ahead', () => {
    const holidays = cal(['2026-11-23'])
    const on = openStatus(schedule(), holidays, tehran('2026-11-23', '10:00'))
    assert.equal(on.open, false)
    assert.equal(on.today.kind, 'holiday')
    assert.deepEqual(on.nextOpen, tehran('2026-11-24', '07:30'))
    const before = openStatus(schedule(), holidays, tehran('2026-11-22', '15:00'))
    assert.deepEqual(before.nextOpen, tehran('2026-11-24', '07:30'))
  })

  it('opens on a holiday when an exception for that day says so', () => {
    const s = openStatus(
      schedule({
        exceptions: [{ day: '2026-11-23', intervals: [iv('09:00', '12:00')], note: 'کشیک' }],
      }),
      cal(['2026-11-23']),
      tehran('2026-11-23', '10:00'),
    )
    assert.equal(s.open, true)
    assert.equal(s.today.kind, 'exception')
    assert.equal(s.today.note, 'کشیک')
    assert.deepEqual(s.nextClose, tehran('2026-11-23', '12:00'))
  })

  it('a closed exception closes a normal working day', () => {
    const s = openStatus(
      schedule({ exceptions: [{ day: '2026-11-22', intervals: [], note: 'جابه‌جایی' }] }),
      cal(),
      tehran('2026-11-22', '10:00'),
    )
    assert.equal(s.open, false)
    assert.deepEqual(s.nextOpen, tehran('2026-11-23', '07:30'))
  })

  it('is closed throughout a closure range and opens the day after it', () => {
    const closed = schedule({
      closures: [{ from: '2026-11-28', to: '2026-11-30', reason: 'تعمیرات' }],
    })
    const during = openStatus(closed, cal(), tehran('2026-11-29', '10:00'))
    assert.equal(during.open, false)
    assert.equal(during.today.kind, 'closure')
    assert.equal(during.today.note, 'تعمیرات')
    assert.deepEqual(during.nextOpen, tehran('2026-12-01', '07:30'))
    const friday = openStatus(closed, cal(), tehran('2026-11-27', '10:00'))
    assert.deepEqual(friday.nextOpen, tehran('2026-12-01', '07:30'))
  })

  it('is closed in the break between two intervals and reopens after it', () => {
    const inBreak = openStatus(schedule(), cal(), tehran('2026-11-25', '15:00'))
    assert.equal(inBreak.open, false)
    assert.deepEqual(inBreak.nextOpen, tehran('2026-11-25', '16:00'))
    const evening = openStatus(schedule(), cal(), tehran('2026-11-25', '18:00'))
    assert.equal(evening.open, true)
    assert.deepEqual(evening.nextClose, tehran('2026-11-25', '19:00'))
  })

  it('uses the Tehran day, not the UTC day, at the day boundary', () => {
    // 20:45 UTC on Sunday is 00:15 on Monday in Tehran.
    const now = new Date('2026-11-22T20:45:00Z')
    const s = openStatus(schedule(), cal(), now)
    assert.equal(s.today.day, '2026-11-23')
    assert.deepEqual(s.nextOpen, tehran('2026-11-23', '07:30'))
    // An evening shift running to midnight continues into the next day's early shift.
    const night = schedule({
      hours: { ...EMPTY_HOURS, sun: [iv('20:00', '24:00')], mon: [iv('00:00', '02:00')] },
    })
    const late = openStatus(night, cal(), tehran('2026-11-22', '23:00'))
    assert.equal(late.open, true)
    assert.deepEqual(late.nextClose, tehran('2026-11-23', '02:00'))
    assert.equal(
      statusText(late, tehran('2026-11-22', '23:00')),
      'اکنون باز است؛ تا فردا ساعت ۰۲:۰۰ باز است',
    )
    const early = openStatus(night, cal(), now)
    assert.equal(early.open, true, 'still open just after midnight')
    assert.equal(early.today.day, '2026-11-23')
  })

  it('an office open round the clock is simply open, without a closing time', () => {
    const always = iv('00:00', '24:00')
    const allDay = schedule({
      hours: {
        sat: [always],
        sun: [always],
        mon: [always],
        tue: [always],
        wed: [always],
        thu: [always],
        fri: [always],
      },
    })
    const now = tehran('2026-11-22', '03:00')
    const s = openStatus(allDay, cal(['2026-11-23']), now)
    assert.equal(s.open, true)
    assert.deepEqual(s.nextClose, tehran('2026-11-23', '00:00'), 'the holiday closes it')
    const noHolidays = openStatus(allDay, cal(), now)
    assert.equal(statusText(noHolidays, now), 'اکنون باز است')
  })

  it('hoursOnDay ranks exception over closure over holiday over the week', () => {
    const s = schedule({
      exceptions: [{ day: '2026-11-29', intervals: [iv('08:00', '10:00')], note: null }],
      closures: [{ from: '2026-11-28', to: '2026-11-30', reason: 'تعمیرات' }],
    })
    assert.equal(hoursOnDay(s, cal(['2026-11-29']), '2026-11-29').kind, 'exception')
    assert.equal(hoursOnDay(s, cal(['2026-11-30']), '2026-11-30').kind, 'closure')
    assert.equal(hoursOnDay(schedule(), cal(['2026-11-30']), '2026-11-30').kind, 'holiday')
    assert.equal(hoursOnDay(schedule(), cal(), '2026-11-30').kind, 'regular')
  })

  it('earliestChange picks the soonest transition of several offices', () => {
    const now = tehran('2026-11-25', '10:00')
    const a = openStatus(schedule(), cal(), now)
    const b = openStatus(
      schedule({ hours: { ...EMPTY_HOURS, wed: [iv('08:00', '11:00')] } }),
      cal(),
      now,
    )
    assert.deepEqual(earliestChange([a, b]), tehran('2026-11-25', '11:00'))
    assert.equal(
      earliestChange([
        openStatus({ hours: EMPTY_HOURS, exceptions: [], closures: [] }, cal(), now),
      ]),
      null,
    )
  })
})
