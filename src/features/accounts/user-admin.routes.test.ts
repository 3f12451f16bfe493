import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import { lastAuditEvent } from '../../../test/support/db-snapshot.ts'
import { type MadeUser, makeAgency, makeToken, makeUser } from '../../../test/support/fixtures.ts'
import { refused } from '../../../test/support/forms.ts'
import { apiRequest, createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { formatDateTimeFa } from '../../lib/fa/index.ts'
import { sha256Hex } from '../../lib/secrets.ts'
import type { Agency } from '../agencies/index.ts'
import { followSeeOther, onceToken, postOnce } from './issued.test-helpers.ts'

let t: TestApp
let agencyA: Agency
let agencyB: Agency
let centralAdmin: MadeUser
let supervisor: MadeUser
let adminA: MadeUser
let editorA: MadeUser
let editorB: MadeUser

async function userRow(id: string) {
  return t.deps.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

async function tokenOf(userId: string): Promise<{ id: string; secret: string }> {
  const secret = await makeToken(t.deps, userId)
  const row = await t.deps.db
    .selectFrom('apiTokens')
    .select('id')
    .where('tokenHash', '=', sha256Hex(secret))
    .executeTakeFirstOrThrow()
  return { id: row.id, secret }
}

before(async () => {
  t = await createTestApp()
  agencyA = await makeAgency(t.deps, { nameFa: 'سازمان الف' })
  agencyB = await makeAgency(t.deps, { nameFa: 'سازمان ب' })
  centralAdmin = await makeUser(t.deps, 'central_admin')
  supervisor = await makeUser(t.deps, 'central_supervisor')
  adminA = await makeUser(t.deps, 'agency_admin', agencyA)
  editorA = await makeUser(t.deps, 'agency_editor', agencyA)
  editorB = await makeUser(t.deps, 'agency_editor', agencyB)
})
after(() => t.close())

describe('GET /admin/users', () => {
  it("shows an agency admin their own agency's users with status and last sign-in", async () => {
    const client = await signedIn(t, adminA)
    const res = await client.get('/admin/users')
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    const table = $('#users')
    assert.ok(table.text().includes(adminA.username))
    assert.ok(table.text().includes(editorA.username))
    assert.ok(!table.text().includes(editorB.username))
    const adminRow = table.find('tr').filter((_, tr) => $(tr).text().includes(adminA.username))
    assert.match(adminRow.text(), /فعال/)
    assert.ok(adminRow.text().includes(formatDateTimeFa(t.clock.now())), 'last sign-in in Jalali')
    const editorRow = table.find('tr').filter((_, tr) => $(tr).text().includes(editorA.username))
    assert.match(editorRow.text(), /هنوز وارد نشده است/)
    assert.equal($('a[href^="/admin/users/new"]').length, 1)
  })

  it('tags disabled, repeatedly failing and must-change accounts', async () => {
    const agency = await makeAgency(t.deps, { nameFa: 'سازمان وضعیت‌ها' })
    const disabled = await makeUser(t.deps, 'agency_editor', agency)
    const failing = await makeUser(t.deps, 'agency_editor', agency)
    const fresh = await makeUser(t.deps, 'agency_editor', agency)
    const now = t.clock.now()
    await t.deps.db
      .updateTable('users')
      .set({ disabledAt: now })
      .where('id', '=', disabled.userId)
      .execute()
    await t.deps.db
      .updateTable('users')
      .set({ failedSignIns: 7 })
      .where('id', '=', failing.userId)
      .execute()
    await t.deps.db
      .updateTable('users')
      .set({ mustChangePassword: true })
      .where('id', '=', fresh.userId)
      .execute()
    const client = await signedIn(t, centralAdmin)
    const $ = cheerio.load(await (await client.get(`/admin/users?agency=${agency.code}`)).text())
    const tags = (username: string) =>
      $('#users tr')
        .filter((_, tr) => $(tr).text().includes(username))
        .find('.mr-tag')
        .map((_, el) => $(el).text())
        .get()
    assert.deepEqual(tags(disabled.username), ['غیرفعال'])
    assert.deepEqual(tags(failing.username), ['فعال', '۷ تلاش ناموفق پیاپی'])
    assert.deepEqual(tags(fresh.username), ['فعال', 'باید رمز را تغییر دهد'])
  })

  it("refuses an agency admin another agency's list, and editors and supervisors any list", async () => {
    assert.equal(
      (await (await signedIn(t, adminA)).get(`/admin/users?agency=${agencyB.code}`)).status,
      403,
    )
    assert.equal((await (await signedIn(t, editorA)).get('/admin/users')).status, 403)
    assert.equal((await (await signedIn(t, supervisor)).get('/admin/users')).status, 403)
    const anonymous = await t.client().get('/admin/users')
    assert.equal(anonymous.status, 303)
    assert.match(anonymous.headers.get('location') ?? '', /^\/sign-in\?next=/)
  })

  it('lets the central admin pick an agency by code or see the central staff', async () => {
    const client = await signedIn(t, centralAdmin)
    const staff = cheerio.load(await (await client.get('/admin/users')).text())
    assert.ok(staff('#users').text().includes(supervisor.username))
    assert.equal(staff('input[name="agency"]').length, 1)
    const $ = cheerio.load(await (await client.get(`/admin/users?agency=${agencyB.code}`)).text())
    assert.ok($('#users').text().includes(editorB.username))
    const missing = await client.get('/admin/users?agency=999999')
    assert.equal(missing.status, 404)
    assert.match(await missing.text(), /دستگاهی با این کد پیدا نشد/)
  })
})

describe('POST /admin/users/new', () => {
  it('lets an agency admin add a user, showing the one-time password once', async () => {
    const client = await signedIn(t, adminA)
    const form = await client.get('/admin/users/new')
    assert.equal(form.status, 200)
    assert.match(await form.text(), new RegExp(`a${agencyA.code}-`))
    const posted = await postOnce(
      client,
      '/admin/users/new',
      `/admin/users/new?agency=${agencyA.code}`,
      {
        usernamePart: 'Reza.Karimi',
        displayName: 'رضا كريمي',
        email: '',
        role: 'agency_editor',
      },
    )
    const res = await followSeeOther(client, posted)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('cache-control'), 'no-store')
    const $ = cheerio.load(await res.text())
    const username = $('#issued-username').text()
    const otp = $('.mr-panel__code code').text()
    assert.equal(username, `a${agencyA.code}-reza.karimi`)
    const row = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
    assert.equal(row.displayName, 'رضا کریمی', 'Arabic ي/ك are normalised')
    assert.equal(row.agencyId, agencyA.id)
    assert.equal(row.mustChangePassword, true)
    const event = await lastAuditEvent(t.deps.db)
    assert.equal(event?.action, 'create')
    assert.equal(event?.entityId, row.id)
    const holder = t.client()
    const signIn = await holder.signIn(username, otp, agencyA.code)
    assert.equal(signIn.headers.get('location'), '/account/password')
  })

  it('lets the central admin add a user to any agency', async () => {
    const client = await signedIn(t, centralAdmin)
    const path = `/admin/users/new?agency=${agencyB.code}`
    const posted = await postOnce(client, path, path, {
      usernamePart: 'b.admin',
      displayName: 'مدیر دوم',
      email: 'admin@b.example.ir',
      role: 'agency_admin',
    })
    const res = await followSeeOther(client, posted)
    assert.equal(res.status, 200)
    const username = cheerio
      .load(await res.text())('#issued-username')
      .text()
    assert.equal(username, `a${agencyB.code}-b.admin`)
    assert.equal((await lastAuditEvent(t.deps.db))?.agencyId, agencyB.id)
  })

  it('refuses another agency, editors, anonymous requests and a missing CSRF token', async () => {
    const fields = {
      usernamePart: 'intruder',
      displayName: 'نفوذگر',
      email: '',
      role: 'agency_admin',
    }
    await refused(
      t,
      await signedIn(t, adminA),
      `/admin/users/new?agency=${agencyB.code}`,
      fields,
      403,
    )
    await refused(t, await signedIn(t, editorA), '/admin/users/new', fields, 403)
    await refused(t, null, `/admin/users/new?agency=${agencyA.code}`, fields, 401)
    await refused(t, await signedIn(t, adminA), '/admin/users/new', fields, 403, { csrf: false })
  })

  it('re-renders with Persian messages and 422 for bad input or a taken username', async () => {
    const client = await signedIn(t, adminA)
    const html = await refused(
      t,
      client,
      '/admin/users/new',
      { usernamePart: 'نام فارسی', displayName: '', email: 'x@', role: 'central_admin' },
      422,
    )
    const $ = cheerio.load(html)
    const summary = $('.mr-error-summary').text()
    assert.match(summary, /نام کاربری فقط حروف کوچک لاتین/)
    assert.match(summary, /نام و نام خانوادگی را وارد کنید/)
    assert.match(summary, /نقش کاربر را انتخاب کنید/)
    const taken = editorA.username.slice(`a${agencyA.code}-`.length)
    const again = cheerio.load(
      await refused(
        t,
        client,
        '/admin/users/new',
        {
          usernamePart: taken,
          displayName: 'تکراری',
          email: '',
          role: 'agency_editor',
          _once: await onceToken(client, '/admin/users/new'),
        },
        422,
      ),
    )
    assert.match(again('#usernamePart-error').text(), /این نام کاربری پیش‌تر گرفته شده است/)
  })
})

describe('POST /admin/users/new-central', () => {
  it('lets the central admin add central staff', async () => {
    const client = await signedIn(t, centralAdmin)
    const path = '/admin/users/new-central'
    const posted = await postOnce(client, path, path, {
      username: 'ops.watch',
      displayName: 'ناظر عملیات',
      email: '',
      role: 'central_supervisor',
    })
    const res = await followSeeOther(client, posted)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('cache-control'), 'no-store')
    const $ = cheerio.load(await res.text())
    assert.equal($('#issued-username').text(), 'ops.watch')
    assert.equal($('#issued-agency-code').length, 0)
    const event = await lastAuditEvent(t.deps.db)
    assert.equal(event?.action, 'create')
    assert.equal(event?.agencyId, null)
  })

  it('refuses agency admins, anonymous requests and a missing CSRF token', async () => {
    const fields = { username: 'sneaky', displayName: 'نفوذگر', email: '', role: 'central_admin' }
    await refused(t, await signedIn(t, adminA), '/admin/users/new-central', fields, 403)
    await refused(t, await signedIn(t, supervisor), '/admin/users/new-central', fields, 403)
    await refused(t, null, '/admin/users/new-central', fields, 401)
    await refused(t, await signedIn(t, centralAdmin), '/admin/users/new-central', fields, 403, {
      csrf: false,
    })
  })

  it('re-renders with 422 for an agency-style or taken username', async () => {
    const client = await signedIn(t, centralAdmin)
    const fields = { displayName: 'کسی', email: '', role: 'central_admin' }
    const reserved = cheerio.load(
      await refused(
        t,
        client,
        '/admin/users/new-central',
        { ...fields, username: 'a10001-boss' },
        422,
      ),
    )
    assert.match(reserved('#username-error').text(), /ویژهٔ کاربران دستگاه‌هاست/)
    const taken = cheerio.load(
      await refused(
        t,
        client,
        '/admin/users/new-central',
        {
          ...fields,
          username: supervisor.username,
          _once: await onceToken(client, '/admin/users/new-central'),
        },
        422,
      ),
    )
    assert.match(taken('#username-error').text(), /پیش‌تر گرفته شده است/)
  })
})

describe('GET /admin/users/:id', () => {
  it("shows an agency admin their user's page with tokens, and refuses other agencies' users", async () => {
    await tokenOf(editorA.userId)
    const client = await signedIn(t, adminA)
    const res = await client.get(`/admin/users/${editorA.userId}`)
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    assert.ok($('.mr-summary-list').text().includes(editorA.username))
    assert.ok($('#tokens').text().includes('test'))
    assert.equal((await client.get(`/admin/users/${editorB.userId}`)).status, 403)
    assert.equal((await client.get('/admin/users/not-a-uuid')).status, 404)
    assert.equal(
      (await client.get('/admin/users/00000000-0000-4000-8000-000000000000')).status,
      404,
    )
  })
})

describe('POST /admin/users/:id/edit', () => {
  it('saves an agency user and records the change', async () => {
    const user = await makeUser(t.deps, 'agency_editor', agencyA)
    const client = await signedIn(t, adminA)
    const res = await client.post(`/admin/users/${user.userId}/edit`, {
      displayName: 'نام تازه',
      email: 'new@a.example.ir',
      role: 'agency_admin',
    })
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), `/admin/users/${user.userId}?updated=1`)
    const row = await userRow(user.userId)
    assert.equal(row.displayName, 'نام تازه')
    assert.equal(row.role, 'agency_admin')
    const event = await lastAuditEvent(t.deps.db)
    assert.equal(event?.action, 'update')
    assert.partialDeepStrictEqual(event, {
      before: { role: 'agency_editor' },
      after: { role: 'agency_admin', displayName: 'نام تازه' },
    })
    const page = cheerio.load(
      await (await client.get(`/admin/users/${user.userId}?updated=1`)).text(),
    )
    assert.match(page('.mr-notification-banner').text(), /تغییرات کاربر ذخیره شد/)
  })

  it('keeps the role of the admin editing themselves', async () => {
    const client = await signedIn(t, adminA)
    const res = await client.post(`/admin/users/${adminA.userId}/edit`, {
      displayName: 'مدیر الف',
      email: '',
      role: 'agency_editor',
    })
    assert.equal(res.status, 303)
    const row = await userRow(adminA.userId)
    assert.equal(row.role, 'agency_admin')
    assert.equal(row.displayName, 'مدیر الف')
  })

  it('refuses another agency, anonymous requests and a missing CSRF token', async () => {
    const fields = { displayName: 'دست‌کاری', email: '', role: 'agency_admin' }
    await refused(t, await signedIn(t, adminA), `/admin/users/${editorB.userId}/edit`, fields, 403)
    await refused(t, await signedIn(t, editorA), `/admin/users/${editorA.userId}/edit`, fields, 403)
    await refused(t, null, `/admin/users/${editorA.userId}/edit`, fields, 401)
    await refused(
      t,
      await signedIn(t, adminA),
      `/admin/users/${editorA.userId}/edit`,
      fields,
      403,
      {
        csrf: false,
      },
    )
  })

  it('re-renders with 422 for bad input, and has no edit page for central staff', async () => {
    const client = await signedIn(t, adminA)
    const $ = cheerio.load(
      await refused(
        t,
        client,
        `/admin/users/${editorA.userId}/edit`,
        { displayName: '', email: 'nope', role: 'agency_editor' },
        422,
      ),
    )
    assert.match($('#displayName-error').text(), /نام و نام خانوادگی را وارد کنید/)
    assert.match($('#email-error').text(), /رایانامهٔ درست/)
    const central = await signedIn(t, centralAdmin)
    assert.equal((await central.get(`/admin/users/${supervisor.userId}/edit`)).status, 404)
  })
})

describe('POST /admin/users/:id/reset-password', () => {
  it('issues a new one-time password once, ending the old password and sessions', async () => {
    const user = await makeUser(t.deps, 'agency_editor', agencyA)
    const victimSession = await signedIn(t, user)
    const client = await signedIn(t, adminA)
    const page = `/admin/users/${user.userId}`
    const posted = await postOnce(client, page, `${page}/reset-password`, {})
    const res = await followSeeOther(client, posted)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('cache-control'), 'no-store')
    const $ = cheerio.load(await res.text())
    const otp = $('.mr-panel__code code').text()
    assert.match(otp, /^[a-zA-Z0-9]{14}$/)
    assert.equal((await userRow(user.userId)).mustChangePassword, true)
    assert.equal((await lastAuditEvent(t.deps.db))?.action, 'reset-password')
    assert.equal((await victimSession.get('/admin')).status, 303, 'old sessions end')
    const old = await t.client().post('/sign-in', {
      agencyCode: agencyA.code,
      username: user.username,
      password: user.password,
    })
    assert.equal(old.status, 422)
    await t.client().signIn(user.username, otp, agencyA.code)
  })

  it('lets the central admin reset central staff', async () => {
    const staff = await makeUser(t.deps, 'central_supervisor')
    const client = await signedIn(t, centralAdmin)
    const page = `/admin/users/${staff.userId}`
    const res = await followSeeOther(
      client,
      await postOnce(client, page, `${page}/reset-password`, {}),
    )
    assert.equal(res.status, 200)
    assert.match(
      cheerio
        .load(await res.text())('h1, .mr-panel__title')
        .text(),
      /رمز/,
    )
  })

  it('refuses another agency, central staff, anonymous requests, bad ids and a missing CSRF token', async () => {
    const admin = await signedIn(t, adminA)
    await refused(t, admin, `/admin/users/${editorB.userId}/reset-password`, {}, 403)
    await refused(t, admin, `/admin/users/${supervisor.userId}/reset-password`, {}, 403)
    await refused(t, null, `/admin/users/${editorA.userId}/reset-password`, {}, 401)
    await refused(t, admin, '/admin/users/1%20OR%201=1/reset-password', {}, 404)
    await refused(t, admin, `/admin/users/${editorA.userId}/reset-password`, {}, 403, {
      csrf: false,
    })
  })
})

describe('POST /admin/users/:id/status', () => {
  it('disables an account (ending its sessions and tokens) and enables it again', async () => {
    const user = await makeUser(t.deps, 'agency_editor', agencyA)
    const token = await tokenOf(user.userId)
    const session = await signedIn(t, user)
    const client = await signedIn(t, adminA)
    const res = await client.post(`/admin/users/${user.userId}/status`, { status: 'disabled' })
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), `/admin/users/${user.userId}?status=disabled`)
    assert.ok((await userRow(user.userId)).disabledAt)
    assert.equal((await lastAuditEvent(t.deps.db))?.action, 'disable')
    assert.equal((await session.get('/admin')).status, 303)
    assert.equal(
      (await apiRequest(t.app, 'GET', '/api/v1/agencies', { token: token.secret })).status,
      401,
    )
    const page = cheerio.load(
      await (await client.get(`/admin/users/${user.userId}?status=disabled`)).text(),
    )
    assert.match(page('.mr-notification-banner').text(), /غیرفعال شد/)
    assert.deepEqual(
      page('.mr-summary-list .mr-tag')
        .map((_, el) => page(el).text())
        .get(),
      ['غیرفعال'],
    )

    const enabled = await client.post(`/admin/users/${user.userId}/status`, { status: 'active' })
    assert.equal(enabled.status, 303)
    assert.equal((await userRow(user.userId)).disabledAt, null)
    assert.equal((await lastAuditEvent(t.deps.db))?.action, 'enable')
  })

  it('refuses another agency, oneself, anonymous requests and a missing CSRF token', async () => {
    const admin = await signedIn(t, adminA)
    await refused(t, admin, `/admin/users/${editorB.userId}/status`, { status: 'disabled' }, 403)
    await refused(t, admin, `/admin/users/${adminA.userId}/status`, { status: 'disabled' }, 403)
    await refused(t, null, `/admin/users/${editorA.userId}/status`, { status: 'disabled' }, 401)
    await refused(t, admin, `/admin/users/${editorA.userId}/status`, { status: 'disabled' }, 403, {
      csrf: false,
    })
  })

  it('re-renders the user page with 422 for an unknown status', async () => {
    const $ = cheerio.load(
      await refused(
        t,
        await signedIn(t, adminA),
        `/admin/users/${editorA.userId}/status`,
        { status: 'deleted' },
        422,
      ),
    )
    assert.match($('.mr-error-summary').text(), /وضعیت حساب را مشخص کنید/)
  })
})

describe('POST /admin/users/:id/tokens/:tokenId/revoke', () => {
  it("lets an agency admin revoke a user's token, which the API then rejects", async () => {
    const token = await tokenOf(editorA.userId)
    assert.equal(
      (await apiRequest(t.app, 'GET', '/api/v1/agencies', { token: token.secret })).status,
      200,
    )
    const client = await signedIn(t, adminA)
    const res = await client.post(`/admin/users/${editorA.userId}/tokens/${token.id}/revoke`, {})
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), `/admin/users/${editorA.userId}?revoked=1`)
    const event = await lastAuditEvent(t.deps.db)
    assert.equal(event?.action, 'revoke')
    assert.equal(event?.entityId, token.id)
    const api = await apiRequest(t.app, 'GET', '/api/v1/agencies', { token: token.secret })
    assert.equal(api.status, 401)
    assert.match(api.headers.get('content-type') ?? '', /^application\/problem\+json/)
  })

  it('refuses another agency, mismatched ids, anonymous requests and a missing CSRF token', async () => {
    const tokenB = await tokenOf(editorB.userId)
    const tokenA = await tokenOf(editorA.userId)
    const admin = await signedIn(t, adminA)
    await refused(t, admin, `/admin/users/${editorB.userId}/tokens/${tokenB.id}/revoke`, {}, 403)
    await refused(t, admin, `/admin/users/${editorA.userId}/tokens/${tokenB.id}/revoke`, {}, 404)
    await refused(t, admin, `/admin/users/${editorA.userId}/tokens/xyz/revoke`, {}, 404)
    await refused(t, null, `/admin/users/${editorA.userId}/tokens/${tokenA.id}/revoke`, {}, 401)
    await refused(t, admin, `/admin/users/${editorA.userId}/tokens/${tokenA.id}/revoke`, {}, 403, {
      csrf: false,
    })
  })
})
