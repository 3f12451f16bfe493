import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  addCalendarDays,
  addWorkingDays,
  completionWindow,
  firstWorkingDayFrom,
  isIsoDay,
  isoDayOfJalali,
  isPastKnownHolidays,
  isSolarHoliday,
  isWorkingDay,
  solarHolidaysOfYear,
  tehranIsoDay,
  type WorkingCalendar,
  weekdayOfIsoDay,
} from './working-calendar.ts'

const j = isoDayOfJalali

/** Official holidays around Nowruz 1404 and 1405 (the seed has the whole years). */
const HOLIDAYS = new Set([
  j(1403, 12, 29), // ملی شدن صنعت نفت — Wednesday 2025-03-19
  j(1404, 1, 1),
  j(1404, 1, 2),
  j(1404, 1, 3),
  j(1404, 1, 4),
  j(1404, 1, 11),
  j(1404, 1, 12),
  j(1404, 1, 13),
  j(1404, 12, 29), // a Friday anyway
  j(1405, 1, 1),
  j(1405, 1, 2),
  j(1405, 1, 3),
  j(1405, 1, 4),
  j(1405, 1, 12),
  j(1405, 1, 13),
])

const thursdayWorking: WorkingCalendar = { thursday: 'working', holidays: HOLIDAYS }
const thursdayClosed: WorkingCalendar = { thursday: 'closed', holidays: HOLIDAYS }
const noHolidays: WorkingCalendar = { thursday: 'working', holidays: new Set() }

describe('ISO days and Jalali days', () => {
  it('converts Jalali days, including the 30 Esfand of leap 1403', () => {
    assert.equal(j(1405, 1, 1), '2026-03-21')
    assert.equal(j(1403, 12, 30), '2025-03-20')
    assert.equal(j(1404, 1, 1), '2025-03-21')
    assert.throws(() => j(1404, 12, 30), RangeError, '1404 is not a leap year')
  })

  it('knows weekdays (Friday = 5) and rejects malformed or missing days', () => {
    assert.equal(weekdayOfIsoDay('2026-03-20'), 5)
    assert.equal(weekdayOfIsoDay('2026-03-21'), 6)
    assert.equal(weekdayOfIsoDay('1970-01-01'), 4)
    assert.equal(weekdayOfIsoDay('1969-12-31'), 3)
    assert.equal(isIsoDay('2024-02-29'), true)
    assert.equal(isIsoDay('2025-02-29'), false)
    assert.equal(isIsoDay('2025-3-1'), false)
    assert.throws(() => addCalendarDays('2025-13-01', 1), RangeError)
    assert.throws(() => addCalendarDays('2025-01-01', 1.5), RangeError)
  })

  it('adds calendar days across months and years', () => {
    assert.equal(addCalendarDays('2025-12-31', 1), '2026-01-01')
    assert.equal(addCalendarDays('2024-02-28', 1), '2024-02-29')
    assert.equal(addCalendarDays('2026-03-01', -1), '2026-02-28')
  })

  it('takes "today" in Tehran, not UTC', () => {
    // 20:00 UTC is 23:30 in Tehran; 21:00 UTC is already the next day there.
    assert.equal(tehranIsoDay(new Date('2026-03-18T20:00:00Z')), '2026-03-18')
    assert.equal(tehranIsoDay(new Date('2026-03-18T21:00:00Z')), '2026-03-19')
  })
})

describe('isWorkingDay', () => {
  it('rests on Fridays and holidays, and on Thursdays only when they are closed', () => {
    assert.equal(isWorkingDay('2025-10-17', noHolidays), false, 'a Friday')
    assert.equal(isWorkingDay('2025-10-18', noHolidays), true, 'a Saturday')
    assert.equal(isWorkingDay('2025-10-16', thursdayWorking), true)
    assert.equal(isWorkingDay('2025-10-16', thursdayClosed), false)
    assert.equal(isWorkingDay(j(1405, 1, 3), thursdayWorking), false, 'Nowruz')
    assert.equal(isWorkingDay(j(1405, 1, 5), thursdayWorking), true)
  })
})

describe('addWorkingDays', () => {
  it('counts from the day after the application, skipping a Friday', () => {
    // Wednesday 2025-10-15.
    assert.equal(addWorkingDays('2025-10-15', 1, noHolidays), '2025-10-16')
    assert.equal(addWorkingDays('2025-10-15', 2, noHolidays), '2025-10-18')
    assert.equal(
      addWorkingDays('2025-10-15', 1, { ...noHolidays, thursday: 'closed' }),
      '2025-10-18',
    )
    assert.equal(addWorkingDays('2025-10-15', 5, noHolidays), '2025-10-21')
  })

  it('skips Nowruz 1405, with Thursday working or closed', () => {
    // Wednesday 27 Esfand 1404; 29 Esfand is a Friday, 1–4 Farvardin are Nowruz.
    const start = j(1404, 12, 27)
    assert.equal(addWorkingDays(start, 1, thursdayWorking), j(1404, 12, 28))
    assert.equal(addWorkingDays(start, 2, thursdayWorking), j(1405, 1, 5))
    assert.equal(addWorkingDays(start, 3, thursdayWorking), j(1405, 1, 6))
    assert.equal(addWorkingDays(start, 1, thursdayClosed), j(1405, 1, 5))
    assert.equal(addWorkingDays(start, 2, thursdayClosed), j(1405, 1, 8))
  })

  it('skips 12 and 13 Farvardin 1405 and the Friday after them', () => {
    // Tuesday 11 Farvardin → Wednesday 12 and Thursday 13 are holidays, then a Friday.
    assert.equal(addWorkingDays(j(1405, 1, 11), 1, thursdayWorking), j(1405, 1, 15))
    assert.equal(addWorkingDays(j(1405, 1, 11), 2, thursdayWorking), j(1405, 1, 16))
  })

  it('lands on 30 Esfand of the leap year 1403', () => {
    // Tuesday 28 Esfand 1403; 29 Esfand is a holiday, 30 Esfand a Thursday.
    assert.equal(addWorkingDays(j(1403, 12, 28), 1, thursdayWorking), j(1403, 12, 30))
    assert.equal(addWorkingDays(j(1403, 12, 28), 1, thursdayWorking), '2025-03-20')
    // With Thursdays closed, Nowruz 1404 follows: the next working day is 5 Farvardin.
    assert.equal(addWorkingDays(j(1403, 12, 28), 1, thursdayClosed), j(1404, 1, 5))
  })

  it('starts on a holiday: the first working day after it is day one', () => {
    const nowruz = j(1405, 1, 1)
    assert.equal(addWorkingDays(nowruz, 1, thursdayWorking), j(1405, 1, 5))
    assert.equal(addWorkingDays(nowruz, 2, thursdayWorking), j(1405, 1, 6))
    assert.equal(addWorkingDays(nowruz, 0, thursdayWorking), j(1405, 1, 5), 'same day → next open')
    assert.equal(addWorkingDays('2025-10-15', 0, noHolidays), '2025-10-15')
  })

  it('rounds fractions up and refuses negative counts', () => {
    assert.equal(addWorkingDays('2025-10-15', 0.5, noHolidays), '2025-10-16')
    assert.equal(addWorkingDays('2025-10-15', 1.2, noHolidays), '2025-10-18')
    assert.throws(() => addWorkingDays('2025-10-15', -1, noHolidays), RangeError)
    assert.throws(() => addWorkingDays('2025-10-15', Number.NaN, noHolidays), RangeError)
  })

  it('moves to the first working day on or after a day', () => {
    assert.equal(firstWorkingDayFrom(j(1405, 1, 1), thursdayWorking), j(1405, 1, 5))
    assert.equal(firstWorkingDayFrom('2025-10-15', noHolidays), '2025-10-15')
  })
})

describe('completionWindow', () => {
  // 09:00 Tehran on Wednesday 27 Esfand 1404.
  const wednesdayMorning = new Date('2026-03-18T05:30:00Z')

  it('gives the working-day range across Nowruz', () => {
    assert.deepEqual(
      completionWindow(wednesdayMorning, { min: 1, max: 3, unit: 'working_day' }, thursdayWorking),
      { earliest: j(1404, 12, 28), latest: j(1405, 1, 6) },
    )
    assert.deepEqual(
      completionWindow(wednesdayMorning, { min: 1, max: 3, unit: 'working_day' }, thursdayClosed),
      { earliest: j(1405, 1, 5), latest: j(1405, 1, 9) },
    )
  })

  it('counts working days from the Tehran day, even late in the UTC evening', () => {
    // 00:30 Thursday in Tehran: the application day is Thursday, not Wednesday.
    const lateUtc = new Date('2026-03-18T21:00:00Z')
    assert.deepEqual(
      completionWindow(lateUtc, { min: 1, max: 1, unit: 'working_day' }, thursdayWorking),
      { earliest: j(1405, 1, 5), latest: j(1405, 1, 5) },
    )
  })

  it('adds calendar days and moves a result on a rest day to the next working day', () => {
    // Wednesday 20 Esfand 1404 + 10 days = 1 Farvardin 1405 (Nowruz) → 5 Farvardin.
    const start = new Date('2026-03-11T06:00:00Z')
    assert.deepEqual(
      completionWindow(start, { min: 1, max: 10, unit: 'calendar_day' }, thursdayWorking),
      { earliest: j(1404, 12, 21), latest: j(1405, 1, 5) },
    )
    // + 2 days = Friday 22 Esfand → Saturday 23 Esfand.
    assert.equal(
      completionWindow(start, { min: 2, max: 2, unit: 'calendar_day' }, thursdayWorking).latest,
      j(1404, 12, 23),
    )
  })

  it('adds hours and minutes to the instant, then rounds up to a working day', () => {
    // 09:00 Thursday 28 Esfand 1404 in Tehran.
    const thursdayMorning = new Date('2026-03-19T05:30:00Z')
    assert.deepEqual(
      completionWindow(thursdayMorning, { min: 2, max: 48, unit: 'hour' }, thursdayWorking),
      { earliest: j(1404, 12, 28), latest: j(1405, 1, 5) },
    )
    assert.deepEqual(
      completionWindow(thursdayMorning, { min: 2, max: 2, unit: 'hour' }, thursdayClosed),
      { earliest: j(1405, 1, 5), latest: j(1405, 1, 5) },
    )
    // 22:30 Wednesday in Tehran + 90 minutes = 00:00 Thursday.
    const wednesdayNight = new Date('2026-03-18T19:00:00Z')
    assert.deepEqual(
      completionWindow(wednesdayNight, { min: 30, max: 90, unit: 'minute' }, thursdayWorking),
      { earliest: j(1404, 12, 27), latest: j(1404, 12, 28) },
    )
  })

  it('refuses min > max', () => {
    assert.throws(
      () => completionWindow(wednesdayMorning, { min: 3, max: 1, unit: 'working_day' }, noHolidays),
      RangeError,
    )
  })
})

describe('solar holidays, generated for every year', () => {
  // The table knows nothing past 1405 here: the solar holidays must come from the rules.
  const tableEnds: WorkingCalendar = { thursday: 'working', holidays: new Set() }

  it('rests on Nowruz, 12–13 Farvardin, 14–15 Khordad, 22 Bahman and 29 Esfand of 1406 and 1407', () => {
    for (const jy of [1406, 1407]) {
      for (const [jm, jd] of [
        [1, 1],
        [1, 2],
        [1, 3],
        [1, 4],
        [1, 12],
        [3, 14],
        [3, 15],
        [11, 22],
        [12, 29],
      ] as const) {
        assert.equal(isSolarHoliday(j(jy, jm, jd)), true, `${jd}/${jm}/${jy}`)
        assert.equal(isWorkingDay(j(jy, jm, jd), tableEnds), false, `${jd}/${jm}/${jy}`)
      }
    }
    // 13 Farvardin 1406 is a Friday anyway; 13 Farvardin 1407 a Monday.
    assert.equal(isWorkingDay(j(1407, 1, 13), tableEnds), false)
    assert.equal(isWorkingDay(j(1406, 1, 5), tableEnds), true, 'a Thursday, working')
    assert.equal(isSolarHoliday(j(1406, 1, 5)), false)
    assert.equal(isSolarHoliday(j(1406, 12, 28)), false)
  })

  it('lists the ten solar holidays of any year in date order', () => {
    const y1406 = solarHolidaysOfYear(1406)
    assert.equal(y1406.length, 10)
    assert.deepEqual(y1406[0], { day: '2027-03-21', title: 'عید نوروز' })
    assert.deepEqual(y1406.at(-1), { day: '2028-03-19', title: 'ملی شدن صنعت نفت' })
    assert.deepEqual(
      y1406.map((h) => h.day),
      [...y1406.map((h) => h.day)].sort(),
    )
    assert.equal(solarHolidaysOfYear(1450)[0]?.day, j(1450, 1, 1))
  })

  it('does not count through Nowruz 1406 for a request on Friday 28 Esfand 1405', () => {
    const start = j(1405, 12, 28)
    // 29 Esfand and 1–4 Farvardin rest; Thursday 5 Farvardin works, Friday 6 does not.
    assert.equal(addWorkingDays(start, 1, tableEnds), j(1406, 1, 5))
    assert.equal(addWorkingDays(start, 2, tableEnds), j(1406, 1, 7))
    assert.equal(addWorkingDays(start, 1, { ...tableEnds, thursday: 'closed' }), j(1406, 1, 7))
    assert.deepEqual(
      completionWindow(
        new Date('2027-03-19T05:30:00Z'),
        { min: 1, max: 3, unit: 'calendar_day' },
        tableEnds,
      ),
      // 29 Esfand → 5 Farvardin; 1 Farvardin (Nowruz) → 5 Farvardin as well.
      { earliest: j(1406, 1, 5), latest: j(1406, 1, 5) },
    )
  })

  it('does not count through Nowruz 1407 either', () => {
    // Saturday 28 Esfand 1406 works; 29 Esfand, 1–4 Farvardin and Friday 5 Farvardin rest.
    assert.equal(addWorkingDays(j(1406, 12, 27), 1, tableEnds), j(1406, 12, 28))
    assert.equal(addWorkingDays(j(1406, 12, 27), 2, tableEnds), j(1407, 1, 6))
    assert.equal(firstWorkingDayFrom(j(1406, 12, 29), tableEnds), j(1407, 1, 6))
  })

  it('says when a result lies past the last day whose lunar holidays are known', () => {
    const known: WorkingCalendar = { ...tableEnds, lunarKnownThrough: j(1406, 12, 29) }
    assert.equal(isPastKnownHolidays(j(1406, 12, 29), known), false)
    assert.equal(isPastKnownHolidays(j(1407, 1, 6), known), true)
    assert.equal(isPastKnownHolidays(j(1407, 1, 6), tableEnds), false, 'no horizon given')
  })
})
