import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import { type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.ts'
import type { Actor } from '../../lib/actor.ts'
import { startOfTehranDay } from '../../lib/fa/index.ts'
import { setDirectiveDate } from '../settings/index.ts'
import { recordAudit } from './audit.actions.ts'

let t: TestApp
let centralAdmin: MadeUser
let supervisor: MadeUser
let agencyAdmin: MadeUser
let adminActor: Actor

async function auditPage(client: TestClient, query = '') {
  const res = await client.get(`/admin/audit${query}`)
  return { status: res.status, $: cheerio.load(await res.text()) }
}

function column($: cheerio.CheerioAPI, index: number): string[] {
  return $('#audit-events tbody tr')
    .map((_, tr) => $(tr).find('td').eq(index).text())
    .get()
}

before(async () => {
  t = await createTestApp()
  const agency = await makeAgency(t.deps, { nameFa: 'سازمان رویدادها' })
  centralAdmin = await makeUser(t.deps, 'central_admin')
  supervisor = await makeUser(t.deps, 'central_supervisor')
  agencyAdmin = await makeUser(t.deps, 'agency_admin', agency)
  adminActor = {
    userId: centralAdmin.userId,
    username: centralAdmin.username,
    displayName: 'مدیر',
    role: 'central_admin',
    agencyId: null,
    agencyNameFa: null,
    mustChangePassword: false,
    via: 'session',
  }
  // One event on 1405/08/15 (2026-11-06) in Tehran, the rest today (1405/09/01).
  const today = t.clock.now()
  t.clock.set(new Date(startOfTehranDay(1405, 8, 15).getTime() + 10 * 3_600_000))
  await setDirectiveDate(t.deps, adminActor, { jy: 1390, jm: 1, jd: 1 })
  t.clock.set(today)
  await setDirectiveDate(t.deps, adminActor, { jy: 1391, jm: 2, jd: 3 })
})
after(() => t.close())

describe('GET /admin/audit', () => {
  it('is for central staff only', async () => {
    const anonymous = await t.client().get('/admin/audit')
    assert.equal(anonymous.status, 303)
    assert.equal(anonymous.headers.get('location'), '/sign-in?next=%2Fadmin%2Faudit')
    assert.equal((await auditPage(await signedIn(t, agencyAdmin))).status, 403)
    assert.equal((await auditPage(await signedIn(t, supervisor))).status, 200)
    assert.equal((await auditPage(await signedIn(t, centralAdmin))).status, 200)
  })

  it('lists events newest first with Jalali times, actors and Persian labels', async () => {
    const { $ } = await auditPage(await signedIn(t, centralAdmin))
    const times = $('#audit-events tbody time')
      .map((_, el) => $(el).attr('datetime'))
      .get()
    assert.deepEqual([...times].sort().reverse(), times)
    assert.match(column($, 0).at(-1) ?? '', /۱۵ آبان ۱۴۰۵ ساعت ۱۰:۰۰/)
    assert.ok(column($, 1).some((a) => a.startsWith(centralAdmin.username)))
    assert.ok(column($, 2).includes('تنظیمات'))
    assert.ok(column($, 4).includes('ورود'))
  })

  it('filters by entity type, action, actor prefix and Jalali date range', async () => {
    const client = await signedIn(t, supervisor)
    const settings = await auditPage(client, '?entityType=setting&action=update')
    assert.deepEqual(column(settings.$, 2), ['تنظیمات', 'تنظیمات'])
    assert.equal(settings.$('select[name="entityType"] option[selected]').attr('value'), 'setting')

    const byActor = await auditPage(
      client,
      `?actor=${centralAdmin.username.slice(0, 5).toUpperCase()}`,
    )
    assert.ok(column(byActor.$, 1).length > 0)
    assert.ok(column(byActor.$, 1).every((a) => a.startsWith('central')))
    const wildcard = await auditPage(client, '?actor=%25')
    assert.equal(wildcard.$('#audit-events').length, 0, '«%» matches itself, not everything')

    const day = '?from-day=۱۵&from-month=۸&from-year=۱۴۰۵&to-day=15&to-month=8&to-year=1405'
    const onDay = await auditPage(client, day)
    assert.equal(onDay.status, 200)
    assert.equal(column(onDay.$, 0).length, 1)
    const fromToday = await auditPage(
      client,
      '?from-day=1&from-month=9&from-year=1405&entityType=setting',
    )
    assert.equal(column(fromToday.$, 0).length, 1)
  })

  it('answers 422 with Persian messages for dates that do not exist or are reversed', async () => {
    const client = await signedIn(t, supervisor)
    const bad = await auditPage(client, '?from-day=31&from-month=12&from-year=1405')
    assert.equal(bad.status, 422)
    assert.match(bad.$('.mr-error-summary').text(), /از تاریخ باید یک تاریخ واقعی خورشیدی/)
    assert.equal(bad.$('.mr-error-summary a').attr('href'), '#from-day')
    const partial = await auditPage(client, '?to-day=1&to-year=1405')
    assert.equal(partial.status, 422)
    assert.match(partial.$('#to-error').text(), /تا تاریخ را کامل وارد کنید/)
    const reversed = await auditPage(
      client,
      '?from-day=2&from-month=9&from-year=1405&to-day=1&to-month=9&to-year=1405',
    )
    assert.equal(reversed.status, 422)
    assert.match(reversed.$('#to-error').text(), /نباید پیش از/)
  })

  it('pages 50 events at a time, keeping the filters in the links', async () => {
    for (let i = 0; i < 55; i++) {
      await recordAudit(t.deps.db, t.deps.clock, {
        actor: adminActor,
        entityType: 'bulk',
        entityId: String(i),
        action: 'touch',
        agencyId: null,
        before: null,
        after: { n: i },
      })
    }
    const client = await signedIn(t, supervisor)
    const first = await auditPage(client, '?entityType=bulk')
    assert.equal(column(first.$, 0).length, 50)
    assert.match(first.$('caption').text(), /۵۵ رویداد/)
    const next = first.$('.mr-pagination__next a').attr('href') ?? ''
    assert.match(next, /entityType=bulk/)
    assert.match(next, /page=2/)
    const second = await auditPage(client, next.replace('/admin/audit', ''))
    assert.equal(column(second.$, 0).length, 5)
  })
})

describe('GET /admin/audit/:id', () => {
  async function settingEventId(): Promise<string> {
    const row = await t.deps.db
      .selectFrom('auditEvents')
      .select('id')
      .where('entityType', '=', 'setting')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    return String(row.id)
  }

  it('shows the field-by-field change, before → after', async () => {
    const id = await settingEventId()
    const res = await (await signedIn(t, supervisor)).get(`/admin/audit/${id}`)
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    const row = $('table tbody tr').first()
    assert.equal(row.find('th').text(), 'تاریخ بخشنامه')
    assert.deepEqual(
      row
        .find('td')
        .map((_, td) => $(td).text())
        .get(),
      ['1390/01/01', '1391/02/03'],
    )
    assert.match($('.mr-summary-list').text(), /ویرایش/)
  })

  it('refuses agency staff, and answers 404 for unknown or malformed ids', async () => {
    const id = await settingEventId()
    assert.equal((await (await signedIn(t, agencyAdmin)).get(`/admin/audit/${id}`)).status, 403)
    const client = await signedIn(t, centralAdmin)
    assert.equal((await client.get('/admin/audit/999999999')).status, 404)
    assert.equal((await client.get('/admin/audit/abc')).status, 404)
    assert.equal((await client.get('/admin/audit/99999999999999999999999')).status, 404)
  })
})
