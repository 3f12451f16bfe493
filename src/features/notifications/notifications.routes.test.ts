import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../../test/support/clients.ts'
import { type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { refused } from '../../../test/support/forms.ts'
import { checkedPage } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.ts'
import { inboxRows, setEmail } from './notifications.test-helpers.ts'
import { notify } from './notify.actions.ts'
import { findRecipients } from './recipients.queries.ts'

let t: TestApp
let editor: MadeUser
let colleague: MadeUser
let agencyAdmin: MadeUser
let centralAdmin: MadeUser
let supervisor: MadeUser

async function getPage(client: TestClient, path: string) {
  const res = await client.get(path)
  return { status: res.status, res, $: res.status === 200 ? await checkedPage(res) : null }
}

function inboxLink($: NonNullable<Awaited<ReturnType<typeof getPage>>['$']>): string {
  return $('.mr-service-navigation a[href="/inbox"]').text()
}

before(async () => {
  t = await createTestApp()
  const agency = await makeAgency(t.deps)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  colleague = await makeUser(t.deps, 'agency_editor', agency)
  agencyAdmin = await makeUser(t.deps, 'agency_admin', agency)
  centralAdmin = await makeUser(t.deps, 'central_admin')
  supervisor = await makeUser(t.deps, 'central_supervisor')
  await setEmail(t.deps.db, editor.userId, 'editor@mardom.test')
  // 27 notifications for the editor, one a minute, the newest last; one for the colleague.
  for (let i = 1; i <= 27; i++) {
    await t.deps.db.transaction().execute((trx) =>
      notify(
        trx,
        {
          userIds: [editor.userId],
          kind: 'test.item',
          subject: `اعلان شمارهٔ ${i}`,
          text: `متن اعلان ${i}`,
          link: `/admin/services/s${i}`,
        },
        t.clock,
      ),
    )
    t.clock.advance(60_000)
  }
  await t.deps.db
    .transaction()
    .execute((trx) =>
      notify(
        trx,
        { userIds: [colleague.userId], kind: 'test.item', subject: 'فقط برای همکار', text: 'متن' },
        t.clock,
      ),
    )
})
after(() => t.close())

describe('the inbox', () => {
  it('is for signed-in staff; anonymous visitors are sent to sign in', async () => {
    const res = await t.client().get('/inbox')
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), '/sign-in?next=%2Finbox')
  })

  it('lists the user’s own notifications newest first, 25 a page, each linking to its target', async () => {
    const client = await signedIn(t, editor)
    const { $ } = await getPage(client, '/inbox')
    assert.ok($)
    assert.equal($('html').attr('lang'), 'fa')
    assert.equal($('html').attr('dir'), 'rtl')
    assert.equal($('h1').text(), 'اعلان‌ها')
    const items = $('#inbox > li')
    assert.equal(items.length, 25)
    assert.equal(items.first().find('h2 a').text(), 'اعلان شمارهٔ 27')
    assert.equal(items.first().find('h2 a').attr('href'), '/admin/services/s27')
    assert.equal(items.first().find('.mr-tag').text(), 'خوانده‌نشده')
    assert.ok(items.first().find('time').attr('datetime'))
    assert.equal($('#inbox-summary').text(), '۲۷ اعلان، ۲۷ خوانده‌نشده')
    assert.equal($('.mr-pagination').length, 1)
    const second = await getPage(client, '/inbox?page=2')
    assert.deepEqual(
      second
        .$?.('#inbox > li h2 a')
        .map((_, a) => second.$?.(a).text())
        .get(),
      ['اعلان شمارهٔ 2', 'اعلان شمارهٔ 1'],
    )
    assert.ok(!$('body').text().includes('فقط برای همکار'), 'nobody sees another’s inbox')
  })

  it('shows the unread count in the header of staff pages, not on anonymous pages', async () => {
    const client = await signedIn(t, editor)
    const dashboard = await getPage(client, '/admin')
    assert.ok(dashboard.$)
    assert.equal(inboxLink(dashboard.$), 'اعلان‌ها (۲۷ تازه)')
    const other = await getPage(await signedIn(t, agencyAdmin), '/admin')
    assert.ok(other.$)
    assert.equal(inboxLink(other.$), 'اعلان‌ها', 'no number when nothing is unread')
    const anonymous = await getPage(t.client(), '/services')
    assert.ok(anonymous.$)
    assert.equal(anonymous.$('a[href="/inbox"]').length, 0)
  })

  it('marks one read (POST with CSRF), and refuses another user’s entry or a missing token', async () => {
    const client = await signedIn(t, editor)
    const [first] = await inboxRows(t.deps.db, editor.userId)
    const [theirs] = await inboxRows(t.deps.db, colleague.userId)
    assert.ok(first && theirs)
    await refused(t, client, `/inbox/${first.id}/read`, {}, 403, { csrf: false })
    await refused(t, client, `/inbox/${theirs.id}/read`, {}, 404)
    await refused(t, client, '/inbox/abc/read', {}, 404)
    await refused(t, null, `/inbox/${first.id}/read`, {}, 401)

    const res = await client.post(`/inbox/${first.id}/read`, { page: '2' })
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), '/inbox?page=2&read=1')
    const after = await getPage(client, '/inbox?page=2&read=1')
    assert.ok(after.$)
    assert.equal(after.$('.mr-notification-banner').text().includes('اعلان خوانده شد.'), true)
    assert.equal(inboxLink(after.$), 'اعلان‌ها (۲۶ تازه)')
    const entry = after.$(`#notification-${first.id}`)
    assert.equal(entry.find('.mr-tag').length, 0)
    assert.equal(entry.find('form').length, 0, 'a read entry has no «خوانده شد» button')
    const [reread] = await inboxRows(t.deps.db, editor.userId)
    assert.ok(reread?.readAt)
  })

  it('marks all read; the colleague’s entry stays unread', async () => {
    const client = await signedIn(t, editor)
    const res = await client.post('/inbox/read-all', {})
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), '/inbox?read-all=26')
    const { $ } = await getPage(client, '/inbox?read-all=26')
    assert.ok($)
    assert.match($('.mr-notification-banner').text(), /۲۶ اعلان خوانده شد/)
    assert.equal(inboxLink($), 'اعلان‌ها')
    assert.equal($('form[action="/inbox/read-all"]').length, 0)
    const [theirs] = await inboxRows(t.deps.db, colleague.userId)
    assert.equal(theirs?.readAt, null)
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select(['action'])
      .where('entityType', '=', 'notification')
      .execute()
    assert.deepEqual(audit.map((a) => a.action).sort(), ['read', 'read-all'])
  })
})

describe('notification settings', () => {
  it('shows the user’s address and their frequency, immediately by default', async () => {
    const { $ } = await getPage(await signedIn(t, editor), '/account/notifications')
    assert.ok($)
    assert.equal($('h1').text(), 'تنظیمات اعلان‌ها')
    assert.ok($('.mr-inset-text').text().includes('editor@mardom.test'))
    assert.equal($('input[name=frequency][checked]').attr('value'), 'immediately')
    assert.equal($('input[name=frequency]').length, 4)
    const none = await getPage(await signedIn(t, colleague), '/account/notifications')
    assert.match(none.$?.('.mr-inset-text').text() ?? '', /نشانی رایانامه ثبت نشده است/)
  })

  it('saves a choice for the signed-in user only, audited', async () => {
    const client = await signedIn(t, editor)
    const res = await client.post('/account/notifications', { frequency: 'weekly' })
    assert.equal(res.status, 303)
    const { $ } = await getPage(client, '/account/notifications?saved=1')
    assert.equal($?.('input[name=frequency][checked]').attr('value'), 'weekly')
    assert.match($?.('.mr-notification-banner').text() ?? '', /ذخیره شد/)
    const other = await getPage(await signedIn(t, colleague), '/account/notifications')
    assert.equal(other.$?.('input[name=frequency][checked]').attr('value'), 'immediately')
    const events = await t.deps.db
      .selectFrom('auditEvents')
      .select(['entityId', 'action'])
      .where('entityType', '=', 'notification-preference')
      .execute()
    assert.deepEqual(events, [{ entityId: editor.userId, action: 'update' }])
  })

  it('answers a bad choice with a Persian message and changes nothing', async () => {
    const client = await signedIn(t, editor)
    const text = await refused(t, client, '/account/notifications', { frequency: 'hourly' }, 422)
    assert.match(text, /یکی از گزینه‌های زمان رایانامه را انتخاب کنید/)
    const res = await client.post('/account/notifications', {})
    assert.equal(res.status, 422)
    await checkedPage(res)
    await refused(t, client, '/account/notifications', { frequency: 'daily' }, 403, {
      csrf: false,
    })
  })
})

describe('/admin/outbox', () => {
  it('is for the central admin only', async () => {
    assert.equal((await t.client().get('/admin/outbox')).status, 303)
    assert.equal((await getPage(await signedIn(t, editor), '/admin/outbox')).status, 403)
    assert.equal((await getPage(await signedIn(t, agencyAdmin), '/admin/outbox')).status, 403)
    assert.equal((await getPage(await signedIn(t, supervisor), '/admin/outbox')).status, 403)
    assert.equal((await getPage(await signedIn(t, centralAdmin), '/admin/outbox')).status, 200)
  })

  it('lists kept mail with status, attempts, last error and next attempt; says SMTP is off', async () => {
    const { $ } = await getPage(await signedIn(t, centralAdmin), '/admin/outbox?status=pending')
    assert.ok($)
    assert.match($('.mr-inset-text').text(), /SMTP_URL/)
    assert.equal($('#outbox thead th').length, 7)
    const rows = $('#outbox tbody tr')
    assert.equal(rows.length, 27)
    const cells = rows
      .first()
      .find('td')
      .map((_, td) => $(td).text())
      .get()
    assert.equal(cells[1], 'editor@mardom.test')
    assert.equal(cells[3], 'در صف ارسال')
    assert.equal(cells[4], '۰')
    assert.equal(cells[5], '—')
    assert.ok($('#outbox tbody tr').first().find('td').eq(6).find('time').attr('datetime'))
    const failed = await getPage(await signedIn(t, centralAdmin), '/admin/outbox?status=failed')
    assert.equal(failed.$?.('#outbox').length, 0)
  })
})

describe('findRecipients', () => {
  it('picks an agency’s staff by role, or the central staff, skipping disabled users', async () => {
    const agencyStaff = await findRecipients(t.deps.db, {
      agencyId: (
        await t.deps.db
          .selectFrom('users')
          .select('agencyId')
          .where('id', '=', editor.userId)
          .executeTakeFirstOrThrow()
      ).agencyId,
      roles: ['agency_editor', 'agency_admin'],
    })
    assert.deepEqual(
      new Set(agencyStaff),
      new Set([editor.userId, colleague.userId, agencyAdmin.userId]),
    )
    assert.deepEqual(
      await findRecipients(t.deps.db, { agencyId: null, roles: ['central_supervisor'] }),
      [supervisor.userId],
    )
    await t.deps.db
      .updateTable('users')
      .set({ disabledAt: t.clock.now() })
      .where('id', '=', supervisor.userId)
      .execute()
    assert.deepEqual(
      await findRecipients(t.deps.db, { agencyId: null, roles: ['central_supervisor'] }),
      [],
    )
  })
})
