import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import { type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { calendarHorizonJob } from '../../jobs/calendar-horizon.ts'
import { startOfTehranDay } from '../../lib/fa/tehran-time.ts'
import { isoDayOfJalali } from '../../lib/working-calendar.ts'
import { inboxRows } from '../notifications/notifications.test-helpers.ts'
import { writeLunarKnownSetting } from './calendar.queries.ts'
import { loadCalendarHorizon, remindCalendarHorizon } from './horizon.actions.ts'

let t: TestApp
let admin: MadeUser
let secondAdmin: MadeUser
let supervisor: MadeUser
let agencyAdmin: MadeUser

/** 09:00 Tehran time on a Jalali day. */
const at = (jy: number, jm: number, jd: number) =>
  new Date(startOfTehranDay(jy, jm, jd).getTime() + 9 * 3_600_000)

before(async () => {
  t = await createTestApp()
  admin = await makeUser(t.deps, 'central_admin')
  secondAdmin = await makeUser(t.deps, 'central_admin')
  supervisor = await makeUser(t.deps, 'central_supervisor')
  agencyAdmin = await makeUser(t.deps, 'agency_admin', await makeAgency(t.deps))
})
after(() => t.close())

describe('the calendar horizon (lunar holidays known through 1406)', () => {
  it('is not due before 1 Dey 1406, three months before the table runs out', async () => {
    t.clock.set(at(1406, 9, 30))
    const h = await loadCalendarHorizon(t.deps, t.clock.now())
    assert.equal(h.knownYear, 1406)
    assert.equal(h.lastKnownDay, isoDayOfJalali(1406, 12, 29))
    assert.equal(h.remindFrom, isoDayOfJalali(1406, 10, 1))
    assert.equal(h.due, false)
    assert.deepEqual(await remindCalendarHorizon(t.deps), {
      due: false,
      notified: 0,
      duplicate: false,
    })
    assert.equal((await inboxRows(t.deps.db, admin.userId)).length, 0)
    const client = await signedIn(t, admin)
    const $ = cheerio.load(await (await client.get('/admin')).text())
    assert.equal($('#calendar-horizon').length, 0)
  })

  it('notifies every central admin once from 1 Dey 1406, and no one else', async () => {
    t.clock.set(at(1406, 10, 1))
    const first = await calendarHorizonJob(t.deps, t.db.kind)
    assert.deepEqual(first, { due: true, notified: 2, duplicate: false })
    const [entry] = await inboxRows(t.deps.db, admin.userId)
    assert.equal(entry?.kind, 'calendar.horizon')
    assert.equal(entry?.subject, 'تعطیلات قمری سال ۱۴۰۷ را در تقویم کاری وارد کنید')
    assert.match(entry?.body ?? '', /فقط تا پایان سال ۱۴۰۶ \(۲۹ اسفند ۱۴۰۶\)/)
    assert.equal(entry?.link, '/admin/calendar?year=1407')
    assert.equal((await inboxRows(t.deps.db, secondAdmin.userId)).length, 1)
    assert.equal((await inboxRows(t.deps.db, supervisor.userId)).length, 0)
    assert.equal((await inboxRows(t.deps.db, agencyAdmin.userId)).length, 0)

    // The next days' checks find the reminder already sent.
    t.clock.set(at(1406, 10, 2))
    assert.deepEqual(await remindCalendarHorizon(t.deps), {
      due: true,
      notified: 0,
      duplicate: true,
    })
    t.clock.set(at(1407, 1, 10))
    const late = await remindCalendarHorizon(t.deps)
    assert.equal(late.duplicate, true)
    assert.equal((await inboxRows(t.deps.db, admin.userId)).length, 1)
  })

  it('shows the central admin the reminder on the dashboard, not the supervisor', async () => {
    t.clock.set(at(1406, 11, 5))
    const $ = cheerio.load(await (await (await signedIn(t, admin)).get('/admin')).text())
    assert.match($('#calendar-horizon').text(), /تقویم تعطیلات رو به پایان است/)
    assert.equal($('#calendar-horizon a').attr('href'), '/admin/calendar?year=1407')
    const sup = cheerio.load(await (await (await signedIn(t, supervisor)).get('/admin')).text())
    assert.equal(sup('#calendar-horizon').length, 0)
  })

  it('says the table has run out once past 29 Esfand 1406', async () => {
    t.clock.set(at(1407, 1, 10))
    const $ = cheerio.load(await (await (await signedIn(t, admin)).get('/admin')).text())
    assert.match($('#calendar-horizon').text(), /این تاریخ گذشته است/)
  })

  it('starts a new horizon when 1407 is entered: quiet until 1 Dey 1407, then a new reminder', async () => {
    await writeLunarKnownSetting(t.deps.db, 1407, t.clock.now())
    t.clock.set(at(1407, 9, 1))
    assert.equal((await remindCalendarHorizon(t.deps)).due, false)
    const $ = cheerio.load(await (await (await signedIn(t, admin)).get('/admin')).text())
    assert.equal($('#calendar-horizon').length, 0)
    t.clock.set(at(1407, 10, 1))
    assert.deepEqual(await remindCalendarHorizon(t.deps), {
      due: true,
      notified: 2,
      duplicate: false,
    })
    assert.equal((await inboxRows(t.deps.db, admin.userId)).length, 2)
  })

  it('falls back to the latest stored lunar holiday when the setting is missing', async () => {
    await t.deps.db.deleteFrom('settings').where('key', '=', 'lunar_holidays_through').execute()
    // The migrations' latest lunar holiday is 9 Esfand 1406.
    assert.equal((await loadCalendarHorizon(t.deps, at(1406, 10, 1))).knownYear, 1406)
    await t.deps.db.deleteFrom('holidays').where('kind', '=', 'lunar').execute()
    const none = await loadCalendarHorizon(t.deps, at(1405, 1, 10))
    assert.deepEqual(
      { knownYear: none.knownYear, due: none.due, ranOut: none.ranOut },
      { knownYear: null, due: true, ranOut: true },
    )
  })
})
