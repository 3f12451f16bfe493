import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import { auditEventsOf } from '../../../test/support/db-snapshot.ts'
import { type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { addWorkingDays, isoDayOfJalali, weekdayOfIsoDay } from '../../lib/working-calendar.ts'
import { listHolidaysOfYear, loadThursdayStatus, loadWorkingCalendar } from './calendar.actions.ts'
import { findHoliday } from './calendar.queries.ts'
import { msg } from './messages.fa.ts'

let t: TestApp
let centralAdmin: MadeUser
let supervisor: MadeUser
let agencyAdmin: MadeUser

const j = isoDayOfJalali

const addForm = (overrides: Record<string, string> = {}) => ({
  'date-day': '۱۰',
  'date-month': '۹',
  'date-year': '۱۴۰۵',
  title: 'تعطیلی به دلیل آلودگی هوا',
  kind: 'adhoc',
  ...overrides,
})

async function holidayCount(): Promise<number> {
  const row = await t.deps.db
    .selectFrom('holidays')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

before(async () => {
  t = await createTestApp()
  const agency = await makeAgency(t.deps)
  centralAdmin = await makeUser(t.deps, 'central_admin')
  supervisor = await makeUser(t.deps, 'central_supervisor')
  agencyAdmin = await makeUser(t.deps, 'agency_admin', agency)
})
after(() => t.close())

describe('the seeded holidays', () => {
  it('has Nowruz, 12–13 Farvardin and 22 Bahman of 1405', async () => {
    const days = new Set((await listHolidaysOfYear(t.deps, 1405)).map((h) => h.day))
    for (const d of [1, 2, 3, 4, 12, 13]) assert.ok(days.has(j(1405, 1, d)), `1405-01-${d}`)
    assert.ok(days.has(j(1405, 11, 22)))
    assert.ok(days.has('2026-03-21'))
    assert.ok(days.has(j(1405, 12, 29)))
  })

  it('has the lunar holidays of 1404 as Iran observed them, and marks unsure ones tentative', async () => {
    const fitr = await findHoliday(t.deps.db, '2025-03-31')
    assert.deepEqual(fitr, {
      day: '2025-03-31',
      title: 'عید سعید فطر',
      kind: 'lunar',
      tentative: false,
    })
    assert.equal((await findHoliday(t.deps.db, j(1404, 4, 14)))?.title, 'تاسوعای حسینی')
    const ghadir1405 = await findHoliday(t.deps.db, j(1405, 3, 14))
    assert.match(ghadir1405?.title ?? '', /غدیر/)
    assert.equal((await findHoliday(t.deps.db, j(1405, 12, 19)))?.tentative, true)
    assert.equal((await listHolidaysOfYear(t.deps, 1404)).length, 26)
    // Eid al-Fitr twice in 1405: with Nowruz, and again in Esfand.
    const fitr1405 = (await listHolidaysOfYear(t.deps, 1405)).filter((h) => /فطر/.test(h.title))
    assert.deepEqual(
      fitr1405.map((h) => h.day),
      [j(1405, 1, 1), j(1405, 1, 2), j(1405, 12, 19), j(1405, 12, 20)],
    )
  })

  it('agrees with the published 1405 calendar: 6 holidays on Thursdays and 3 on Fridays', async () => {
    // ILNA (2025-10-30) counts 25 days; the seed adds 25 Farvardin (25 Shawwal, a Tuesday),
    // which its list leaves out, as tentative.
    const holidays = await listHolidaysOfYear(t.deps, 1405)
    assert.equal(holidays.length, 26)
    const on = (weekday: number) => holidays.filter((h) => weekdayOfIsoDay(h.day) === weekday)
    assert.equal(on(4).length, 6, 'Thursdays')
    assert.equal(on(5).length, 3, 'Fridays')
    assert.equal(weekdayOfIsoDay(j(1405, 1, 25)), 2)
  })

  it('loads a working calendar for a range, Thursday working by default', async () => {
    const cal = await loadWorkingCalendar(t.deps, '2026-03-01', '2026-04-30')
    assert.equal(cal.thursday, 'working')
    assert.ok(cal.holidays.has(j(1405, 1, 1)))
    assert.ok(!cal.holidays.has(j(1405, 11, 22)), 'outside the range')
    // Wednesday 27 Esfand 1404 + 2 working days, across Nowruz: 5 Farvardin 1405.
    assert.equal(addWorkingDays(j(1404, 12, 27), 2, cal), j(1405, 1, 5))
  })
})

describe('past 1405: solar holidays generated, 1406 lunar holidays tentative', () => {
  it('does not count through Nowruz 1406 for a request on 28 Esfand 1405', async () => {
    const cal = await loadWorkingCalendar(t.deps, j(1405, 12, 28), j(1406, 12, 29))
    // Friday 28 Esfand 1405; 29 Esfand and 1–4 Farvardin 1406 rest: Thursday 5 Farvardin.
    assert.equal(addWorkingDays(j(1405, 12, 28), 1, cal), j(1406, 1, 5))
    // 5, 7, 8, 9, 10 (Thursday), 11 Farvardin; 12 and 13 rest; 14 (25 Shawwal, tentative) too.
    assert.equal(addWorkingDays(j(1405, 12, 28), 7, cal), j(1406, 1, 15))
    assert.equal(cal.lunarKnownThrough, j(1406, 12, 29))
  })

  it('lists 1406 with the generated solar holidays and the tentative lunar ones', async () => {
    const holidays = await listHolidaysOfYear(t.deps, 1406)
    assert.equal(holidays.length, 27, '10 solar and 17 lunar days')
    const nowruz = holidays.filter((h) => h.title === 'عید نوروز')
    assert.deepEqual(
      nowruz.map((h) => h.day),
      [1, 2, 3, 4].map((d) => j(1406, 1, d)),
    )
    assert.ok(nowruz.every((h) => h.fixedByLaw && !h.stored && h.kind === 'solar'))
    const lunar = holidays.filter((h) => h.kind === 'lunar')
    assert.equal(lunar.length, 17)
    assert.ok(lunar.every((h) => h.tentative && h.stored))
    assert.deepEqual(
      holidays.filter((h) => /فطر/.test(h.title)).map((h) => h.day),
      [j(1406, 12, 8), j(1406, 12, 9)],
    )
    const res = await t.client().get('/calendar?year=1406')
    const $ = cheerio.load(await res.text())
    assert.equal($('h1').text(), 'تعطیلات رسمی ۱۴۰۶')
    assert.equal($('tbody tr').length, 27)
    assert.match($('.mr-inset-text').text(), /برآوردی است و تا انتشار تقویم رسمی قطعی نیست/)
    assert.equal($('#lunar-unknown').length, 0)
  })

  it('lists the solar holidays of 1407 and says its lunar holidays are not known yet', async () => {
    const res = await t.client().get(`/calendar?year=${encodeURIComponent('۱۴۰۷')}`)
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    assert.equal($('tbody tr').length, 10)
    assert.equal($('tbody tr').first().find('th').text(), '۱ فروردین ۱۴۰۷')
    assert.match($('#lunar-unknown').text(), /تعطیلات قمری سال ۱۴۰۷ هنوز ثبت نشده است/)
    assert.match($('#lunar-unknown').text(), /ممکن است دیرتر باشند/)
    const y1405 = cheerio.load(await (await t.client().get('/calendar?year=1405')).text())
    assert.equal(y1405('#lunar-unknown').length, 0)
    // Before the table began (1404), the lunar holidays are not known either.
    const y1403 = cheerio.load(await (await t.client().get('/calendar?year=1403')).text())
    assert.equal(y1403('tbody tr').length, 10)
    assert.match(y1403('#lunar-unknown').text(), /تعطیلات قمری سال ۱۴۰۳ هنوز ثبت نشده است/)
  })
})

describe('the public calendar page', () => {
  it('lists the holidays of the current Tehran year in Persian, read-only', async () => {
    const res = await t.client().get('/calendar')
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    assert.equal($('table caption').text(), 'تعطیلات رسمی سال ۱۴۰۵')
    const first = $('tbody tr').first()
    assert.equal(first.find('th').text(), '۱ فروردین ۱۴۰۵')
    assert.equal(first.find('td').first().text(), 'شنبه')
    assert.match(first.text(), /عید نوروز/)
    assert.ok($('tbody').text().includes('قابل تغییر'))
    assert.equal($('form[method="post"]').length, 0, 'no remove buttons or forms')
  })

  it('shows another year on request, and falls back to the current one for nonsense', async () => {
    const res = await t.client().get(`/calendar?year=${encodeURIComponent('۱۴۰۴')}`)
    const $ = cheerio.load(await res.text())
    assert.equal($('table caption').text(), 'تعطیلات رسمی سال ۱۴۰۴')
    assert.equal($('tbody tr').length, 26)
    const junk = cheerio.load(await (await t.client().get('/calendar?year=abc')).text())
    assert.equal(junk('table caption').text(), 'تعطیلات رسمی سال ۱۴۰۵')
  })
})

describe('the admin calendar page', () => {
  it('shows the central admin the table, a remove button per row and both forms', async () => {
    const client = await signedIn(t, centralAdmin)
    const res = await client.get('/admin/calendar?year=1405')
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    const rows = $('tbody tr')
    assert.ok(rows.length >= 20)
    assert.equal(rows.find('form[action$="/delete"]').length, rows.length)
    assert.match($('#lunar-known').text(), /تا پایان سال ۱۴۰۶/)
    assert.equal($('label[for="date-day"]').length, 1)
    assert.equal($('label[for="title"]').length, 1)
    assert.equal($('input[name="thursday"][value="working"]').attr('checked'), 'checked')
    assert.match($('#thursday-hint').text(), /خارج از تهران/)
  })

  it('answers 403 to an agency admin and a central supervisor, and sends visitors to sign in', async () => {
    for (const user of [agencyAdmin, supervisor]) {
      const res = await (await signedIn(t, user)).get('/admin/calendar')
      assert.equal(res.status, 403)
    }
    const anonymous = await t.client().get('/admin/calendar')
    assert.equal(anonymous.status, 303)
    assert.match(anonymous.headers.get('location') ?? '', /^\/sign-in/)
  })
})

describe('changing the calendar', () => {
  it('lets the central admin add a holiday, with an audit event, refreshing the public page', async () => {
    const day = j(1405, 9, 10)
    assert.equal(day, '2026-12-01')
    const before = await t.client().get('/calendar?year=1405')
    assert.ok(!(await before.text()).includes('آلودگی هوا'))
    const client = await signedIn(t, centralAdmin)
    const res = await client.post('/admin/calendar/holidays', addForm({ tentative: 'yes' }))
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), '/admin/calendar?year=1405&changed=added')
    assert.deepEqual(await findHoliday(t.deps.db, day), {
      day,
      title: 'تعطیلی به دلیل آلودگی هوا',
      kind: 'adhoc',
      tentative: true,
    })
    const events = await auditEventsOf(t.deps.db, day)
    assert.equal(events.length, 1)
    assert.equal(events[0]?.entityType, 'holiday')
    assert.equal(events[0]?.action, 'create')
    assert.match(events[0]?.actorLabel ?? '', new RegExp(centralAdmin.username))
    const after = await t.client().get('/calendar?year=1405')
    assert.ok((await after.text()).includes('آلودگی هوا'), 'the cached page was invalidated')
    const page = await client.get(res.headers.get('location') ?? '')
    assert.match(await page.text(), new RegExp(msg.added))
  })

  it('refuses a second holiday on the same day with 422', async () => {
    const client = await signedIn(t, centralAdmin)
    const res = await client.post('/admin/calendar/holidays', addForm({ title: 'تکراری' }))
    assert.equal(res.status, 422)
    assert.ok((await res.text()).includes(msg.duplicate))
  })

  it('answers 422 with the Persian message for days that do not exist, saving nothing', async () => {
    const client = await signedIn(t, centralAdmin)
    const count = await holidayCount()
    // 1404 is not a leap year: Esfand has 29 days, so 30 and 31 Esfand 1404 do not exist.
    for (const day of ['31', '30', '۳۰']) {
      const res = await client.post(
        '/admin/calendar/holidays',
        addForm({ 'date-day': day, 'date-month': '12', 'date-year': '1404' }),
      )
      assert.equal(res.status, 422, `${day} Esfand 1404`)
      const $ = cheerio.load(await res.text())
      assert.equal($('.mr-error-summary a[href="#date-day"]').text(), msg.dateInvalid)
      assert.equal($('#date-day').attr('value'), day, 'the form keeps what was typed')
    }
    const missing = await client.post('/admin/calendar/holidays', addForm({ 'date-day': '' }))
    assert.equal(missing.status, 422)
    assert.ok((await missing.text()).includes(msg.dateMissing))
    const tooOld = await client.post('/admin/calendar/holidays', addForm({ 'date-year': '1300' }))
    assert.equal(tooOld.status, 422)
    assert.ok((await tooOld.text()).includes(msg.dateRange))
    const noKind = await client.post('/admin/calendar/holidays', addForm({ kind: 'weekend' }))
    assert.equal(noKind.status, 422)
    assert.ok((await noKind.text()).includes(msg.kindRequired))
    assert.equal(await holidayCount(), count)
  })

  it('accepts 30 Esfand of the leap year 1403 (2025-03-20)', async () => {
    const client = await signedIn(t, centralAdmin)
    const res = await client.post(
      '/admin/calendar/holidays',
      addForm({ 'date-day': '30', 'date-month': '12', 'date-year': '1403', title: 'آزمون کبیسه' }),
    )
    assert.equal(res.status, 303)
    assert.equal((await findHoliday(t.deps.db, '2025-03-20'))?.title, 'آزمون کبیسه')
  })

  it('lets the central admin remove a holiday, with an audit event', async () => {
    const day = j(1405, 9, 10)
    const client = await signedIn(t, centralAdmin)
    const res = await client.post(`/admin/calendar/holidays/${day}/delete`, {})
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), '/admin/calendar?year=1405&changed=removed')
    assert.equal(await findHoliday(t.deps.db, day), undefined)
    const events = await auditEventsOf(t.deps.db, day)
    assert.deepEqual(
      events.map((e) => e.action),
      ['create', 'delete'],
    )
    assert.deepEqual(events[1]?.before, {
      day,
      title: 'تعطیلی به دلیل آلودگی هوا',
      kind: 'adhoc',
      tentative: true,
    })
    const again = await client.post(`/admin/calendar/holidays/${day}/delete`, {})
    assert.equal(again.status, 404)
    const junk = await client.post('/admin/calendar/holidays/2026-02-30/delete', {})
    assert.equal(junk.status, 404)
  })

  it('lets the central admin close Thursdays, with an audit event', async () => {
    const client = await signedIn(t, centralAdmin)
    const bad = await client.post('/admin/calendar/thursday', { thursday: 'half' })
    assert.equal(bad.status, 422)
    assert.ok((await bad.text()).includes(msg.thursdayRequired))
    const res = await client.post('/admin/calendar/thursday', { thursday: 'closed' })
    assert.equal(res.status, 303)
    assert.equal(await loadThursdayStatus(t.deps.db), 'closed')
    const cal = await loadWorkingCalendar(t.deps, '2026-03-01', '2026-04-30')
    assert.equal(addWorkingDays(j(1404, 12, 27), 1, cal), j(1405, 1, 5))
    const events = await auditEventsOf(t.deps.db, 'thursday_status')
    assert.equal(events.length, 1)
    assert.deepEqual(events[0]?.before, { thursday: 'working' })
    assert.deepEqual(events[0]?.after, { thursday: 'closed' })
    const public1405 = await t.client().get('/calendar?year=1405')
    assert.match(await public1405.text(), /پنجشنبه‌ها در محاسبهٔ موعد خدمات: تعطیل/)
    await client.post('/admin/calendar/thursday', { thursday: 'working' })
    assert.equal(await loadThursdayStatus(t.deps.db), 'working')
  })

  for (const who of ['agencyAdmin', 'supervisor'] as const) {
    it(`answers 403 to the ${who} adding, removing or setting Thursday, changing nothing`, async () => {
      const client = await signedIn(t, { agencyAdmin, supervisor }[who])
      const count = await holidayCount()
      const add = await client.post('/admin/calendar/holidays', addForm({ 'date-day': '11' }))
      assert.equal(add.status, 403)
      const remove = await client.post(`/admin/calendar/holidays/${j(1405, 1, 1)}/delete`, {})
      assert.equal(remove.status, 403)
      const thursday = await client.post('/admin/calendar/thursday', { thursday: 'closed' })
      assert.equal(thursday.status, 403)
      assert.equal(await holidayCount(), count)
      assert.ok(await findHoliday(t.deps.db, j(1405, 1, 1)))
      assert.equal(await loadThursdayStatus(t.deps.db), 'working')
    })
  }

  it('refuses anonymous posts with 401', async () => {
    const client = t.client()
    const count = await holidayCount()
    assert.equal((await client.post('/admin/calendar/holidays', addForm())).status, 401)
    assert.equal(
      (await client.post(`/admin/calendar/holidays/${j(1405, 1, 1)}/delete`, {})).status,
      401,
    )
    assert.equal(
      (await client.post('/admin/calendar/thursday', { thursday: 'closed' })).status,
      401,
    )
    assert.equal(await holidayCount(), count)
  })

  it('refuses a form without the CSRF token', async () => {
    const client = await signedIn(t, centralAdmin)
    const res = await client.post('/admin/calendar/holidays', addForm({ 'date-day': '12' }), {
      csrf: false,
    })
    assert.equal(res.status, 403)
    assert.equal(await findHoliday(t.deps.db, j(1405, 9, 12)), undefined)
    const remove = await client.post(
      `/admin/calendar/holidays/${j(1405, 1, 1)}/delete`,
      {},
      { csrf: false },
    )
    assert.equal(remove.status, 403)
    assert.ok(await findHoliday(t.deps.db, j(1405, 1, 1)))
  })
})

describe('the last year of known lunar holidays', () => {
  it('shows generated solar days without a remove button on the admin page', async () => {
    const client = await signedIn(t, centralAdmin)
    const $ = cheerio.load(await (await client.get('/admin/calendar?year=1407')).text())
    const rows = $('tbody tr')
    assert.equal(rows.length, 10)
    assert.equal(rows.find('form').length, 0)
    assert.equal(rows.first().find('td').last().text(), msg.fixedByLaw)
  })

  it('refuses a malformed year or one without lunar holidays with 422, changing nothing', async () => {
    const client = await signedIn(t, centralAdmin)
    const bad = await client.post('/admin/calendar/lunar-year?year=1407', { lunarYear: '۱۴' })
    assert.equal(bad.status, 422)
    assert.ok((await bad.text()).includes(msg.lunarYearInvalid))
    const empty = await client.post('/admin/calendar/lunar-year?year=1407', { lunarYear: '۱۴۰۷' })
    assert.equal(empty.status, 422)
    const $ = cheerio.load(await empty.text())
    assert.match($('.mr-error-summary').text(), /برای سال ۱۴۰۷ هنوز هیچ تعطیلی قمری ثبت نشده است/)
    assert.equal($('input[name="lunarYear"]').attr('value'), '۱۴۰۷')
    assert.equal((await auditEventsOf(t.deps.db, 'lunar_holidays_through')).length, 0)
    const cal = await loadWorkingCalendar(t.deps, j(1407, 1, 1), j(1407, 1, 10))
    assert.equal(cal.lunarKnownThrough, j(1406, 12, 29))
  })

  it('moves the horizon once 1407 has lunar holidays, with an audit event', async () => {
    const client = await signedIn(t, centralAdmin)
    const added = await client.post('/admin/calendar/holidays', {
      'date-day': '۲۱',
      'date-month': '۲',
      'date-year': '۱۴۰۷',
      title: 'عید سعید قربان',
      kind: 'lunar',
      tentative: 'yes',
    })
    assert.equal(added.status, 303)
    const before = await t.client().get('/calendar?year=1407')
    assert.equal(cheerio.load(await before.text())('#lunar-unknown').length, 1)
    const res = await client.post('/admin/calendar/lunar-year?year=1407', { lunarYear: '۱۴۰۷' })
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), '/admin/calendar?year=1407&changed=lunar-year')
    const events = await auditEventsOf(t.deps.db, 'lunar_holidays_through')
    assert.equal(events.length, 1)
    assert.deepEqual(events[0]?.before, { lunarHolidaysThrough: 1406 })
    assert.deepEqual(events[0]?.after, { lunarHolidaysThrough: 1407 })
    // The cached public page is refreshed.
    const after = cheerio.load(await (await t.client().get('/calendar?year=1407')).text())
    assert.equal(after('#lunar-unknown').length, 0)
    const cal = await loadWorkingCalendar(t.deps, j(1407, 1, 1), j(1407, 1, 10))
    assert.equal(cal.lunarKnownThrough, j(1407, 12, 29))
  })

  it('answers 403 to the agency admin and the supervisor setting the year', async () => {
    for (const user of [agencyAdmin, supervisor]) {
      const client = await signedIn(t, user)
      const res = await client.post('/admin/calendar/lunar-year', { lunarYear: '۱۴۰۶' })
      assert.equal(res.status, 403)
    }
    const cal = await loadWorkingCalendar(t.deps, j(1407, 1, 1), j(1407, 1, 10))
    assert.equal(cal.lunarKnownThrough, j(1407, 12, 29))
  })
})
