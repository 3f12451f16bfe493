import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import {
  actorOf,
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
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

async function displayNameOf(user: MadeUser): Promise<string> {
  const row = await t.deps.db
    .selectFrom('users')
    .select('displayName')
    .where('id', '=', user.userId)
    .executeTakeFirstOrThrow()
  return row.displayName
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
    assert.ok(column($, 1).includes(`${await displayNameOf(centralAdmin)}مدیر سامانه`))
    assert.ok(column($, 3).some((c) => c.startsWith('تنظیمات')))
    assert.ok(column($, 4).includes('ورود'))
  })

  it('filters by entity type, action, actor prefix and Jalali date range', async () => {
    const client = await signedIn(t, supervisor)
    const settings = await auditPage(client, '?entityType=setting&action=update')
    assert.deepEqual(
      column(settings.$, 3).map((c) => c.startsWith('تنظیمات')),
      [true, true],
    )
    assert.equal(settings.$('select[name="entityType"] option[selected]').attr('value'), 'setting')

    const byActor = await auditPage(
      client,
      `?actor=${centralAdmin.username.slice(0, 5).toUpperCase()}`,
    )
    assert.ok(column(byActor.$, 1).length > 0)
    assert.ok(column(byActor.$, 1).every((a) => /(مدیر سامانه|ناظر مرکزی)$/.test(a)))
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

describe('GET /admin/audit shows names and Persian labels, not ids and codes (issue 17 item 14)', () => {
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

  it('names the actor with a Persian role, the agency, the entity, and labels the codes', async () => {
    const agency = await makeAgency(t.deps, { nameFa: 'ادارهٔ نام‌ها' })
    const editor = await makeUser(t.deps, 'agency_editor', agency)
    const law = await makeLaw(t.deps)
    const { service } = await makePublishedService(
      t.deps,
      agency,
      completeContent('صدور گواهی نام‌دار', law.id),
    )
    const editorActor = { ...actorOf(editor, 'agency_editor', agency), displayName: 'ویراستار' }
    const events = [
      { entityType: 'service', entityId: service.id, action: 'save-draft' },
      { entityType: 'agency', entityId: agency.id, action: 'update' },
      { entityType: 'user', entityId: editor.userId, action: 'reset-password' },
      { entityType: 'form-file', entityId: 'a'.repeat(64), action: 'store' },
      { entityType: 'mystery-thing', entityId: 'x-1', action: 'mystery-act' },
    ]
    for (const e of events)
      await recordAudit(t.deps.db, t.deps.clock, {
        actor: editorActor,
        agencyId: agency.id,
        before: { title: 'پیش' },
        after: { title: 'پس' },
        ...e,
      })

    const { $ } = await auditPage(await signedIn(t, supervisor), `?actor=${editor.username}`)
    const rows = $('#audit-events tbody tr')
    assert.equal(rows.length, events.length)
    const editorName = await displayNameOf(editor)
    assert.deepEqual(column($, 1), Array(events.length).fill(`${editorName}کارشناس دستگاه`))
    assert.deepEqual(column($, 2), Array(events.length).fill('ادارهٔ نام‌ها'))
    assert.equal(
      $('#audit-events tbody a[href^="/agencies/"]').first().attr('href'),
      `/agencies/${agency.code}`,
    )
    // Newest first: the reverse of the order recorded.
    assert.deepEqual(column($, 3), [
      `mystery-thingx-1`,
      `پروندهٔ فرم${'a'.repeat(64)}`,
      `کاربر${editorName}`,
      'دستگاهادارهٔ نام‌ها',
      'خدمتصدور گواهی نام‌دار',
    ])
    assert.deepEqual(column($, 4), [
      'mystery-act',
      'ذخیرهٔ پرونده',
      'بازنشانی رمز',
      'ویرایش',
      'ذخیرهٔ پیش‌نویس',
    ])
    // Unknown codes are shown as stored, marked as code; known ones never are.
    assert.deepEqual(
      $('#audit-events tbody td code')
        .map((_, el) => $(el).text())
        .get(),
      ['mystery-thing', 'x-1', 'mystery-act', 'a'.repeat(64)],
    )
    assert.equal(
      $(`#audit-events a[href="/admin/services/${service.id}"]`).text(),
      'صدور گواهی نام‌دار',
    )
    assert.equal($(`#audit-events a[href="/admin/users/${editor.userId}"]`).text(), editorName)
    // No id is shown outside the folded JSON, which keeps the whole snapshot.
    const visible = $('#audit-events').clone()
    visible.find('details').remove()
    assert.doesNotMatch(visible.text(), UUID)
    assert.doesNotMatch(visible.text(), /agency_editor|\(|save-draft|form-file/)
    const json = rows.first().find('details pre')
    assert.deepEqual(JSON.parse(json.eq(0).text()), { title: 'پیش' })
    assert.deepEqual(JSON.parse(json.eq(1).text()), { title: 'پس' })
  })

  it('shows the stored username and a Persian role for a removed user, and «سامانه» for the system', async () => {
    await recordAudit(t.deps.db, t.deps.clock, {
      actor: null,
      entityType: 'installation',
      entityId: 'offline-mark',
      action: 'update',
      agencyId: null,
      before: null,
      after: null,
    })
    await t.deps.db
      .insertInto('auditEvents')
      .values({
        at: t.clock.now(),
        actorUserId: null,
        actorLabel: 'gone42 (agency_admin)',
        agencyId: null,
        entityType: 'installation',
        entityId: 'offline-mark',
        action: 'update',
        before: null,
        after: null,
      })
      .execute()
    const { $ } = await auditPage(await signedIn(t, supervisor), '?entityType=installation')
    const actors = column($, 1)
    assert.equal(actors[0], 'gone42مدیر دستگاه')
    assert.equal(actors[1], 'سامانه')
    assert.equal($('#audit-events tbody tr').first().find('details').length, 0)
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
