import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import { dbSnapshot, lastAuditEvent } from '../../../test/support/db-snapshot.ts'
import { type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import { followSeeOther, postOnce } from './issued.test-helpers.ts'

let t: TestApp
let agencyA: Agency
let agencyB: Agency
let centralAdmin: MadeUser
let supervisor: MadeUser
let adminA: MadeUser

before(async () => {
  t = await createTestApp()
  agencyA = await makeAgency(t.deps, { nameFa: 'سازمان الف' })
  agencyB = await makeAgency(t.deps, { nameFa: 'سازمان ب' })
  centralAdmin = await makeUser(t.deps, 'central_admin')
  supervisor = await makeUser(t.deps, 'central_supervisor')
  adminA = await makeUser(t.deps, 'agency_admin', agencyA)
})
after(() => t.close())

describe('GET /admin/agencies/:code/credentials', () => {
  it('shows the agency, its users and the form to the central admin, with the banner after creation', async () => {
    const client = await signedIn(t, centralAdmin)
    const res = await client.get(`/admin/agencies/${agencyA.code}/credentials?created=1`)
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    assert.equal($('h1').text(), 'صدور کد و رمز ورود')
    assert.match($('.mr-notification-banner').text(), /دستگاه افزوده شد/)
    assert.ok($('.mr-summary-list').text().includes(agencyA.code))
    assert.ok($('#users').text().includes(adminA.username), 'lists the existing users')
    assert.equal($(`form[action="/admin/agencies/${agencyA.code}/credentials"]`).length, 1)
  })

  it('shows no banner without ?created=1, and 404 for an unknown code', async () => {
    const client = await signedIn(t, centralAdmin)
    const $ = cheerio.load(
      await (await client.get(`/admin/agencies/${agencyB.code}/credentials`)).text(),
    )
    assert.equal($('.mr-notification-banner').length, 0)
    assert.match($('#main').text(), /این دستگاه هنوز کاربری ندارد/)
    assert.equal((await client.get('/admin/agencies/999999/credentials')).status, 404)
  })

  it('is refused to everyone else', async () => {
    const path = `/admin/agencies/${agencyA.code}/credentials`
    assert.equal((await (await signedIn(t, adminA)).get(path)).status, 403)
    assert.equal((await (await signedIn(t, supervisor)).get(path)).status, 403)
    const anonymous = await t.client().get(path)
    assert.equal(anonymous.status, 303)
    assert.equal(anonymous.headers.get('location'), `/sign-in?next=${encodeURIComponent(path)}`)
  })

  it('is linked from the agency page for the central admin only', async () => {
    const link = `a[href="/admin/agencies/${agencyA.code}/credentials"]`
    const asAdmin = cheerio.load(
      await (await (await signedIn(t, centralAdmin)).get(`/agencies/${agencyA.code}`)).text(),
    )
    assert.equal(asAdmin(link).length, 1)
    const asAgency = cheerio.load(
      await (await (await signedIn(t, adminA)).get(`/agencies/${agencyA.code}`)).text(),
    )
    assert.equal(asAgency(link).length, 0)
  })
})

describe('POST /admin/agencies/:code/credentials', () => {
  it('issues the agency admin once; the one-time password signs in and must be changed', async () => {
    const fresh = await makeAgency(t.deps, { nameFa: 'سازمان تازه' })
    const client = await signedIn(t, centralAdmin)
    const path = `/admin/agencies/${fresh.code}/credentials`
    const posted = await postOnce(client, path, path, {
      displayName: 'مریم احمدی',
      email: 'm.ahmadi@example.ir',
    })
    const res = await followSeeOther(client, posted)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('cache-control'), 'no-store')
    assert.equal(res.headers.get('location'), null)
    const $ = cheerio.load(await res.text())
    const otp = $('.mr-panel__code code').text()
    const username = $('#issued-username').text()
    assert.equal($('#issued-agency-code').text(), fresh.code)
    assert.equal(username, `a${fresh.code}-admin`)
    assert.match(otp, /^[a-zA-Z0-9]{14}$/)
    assert.match($('.mr-warning-text').text(), /فقط همین یک بار نمایش داده می‌شود/)

    const user = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
    assert.equal(user.role, 'agency_admin')
    assert.equal(user.agencyId, fresh.id)
    assert.equal(user.mustChangePassword, true)
    assert.notEqual(user.passwordHash, otp)
    const agency = await t.deps.db
      .selectFrom('agencies')
      .select('credentialsIssuedAt')
      .where('id', '=', fresh.id)
      .executeTakeFirstOrThrow()
    assert.ok(agency.credentialsIssuedAt)
    const event = await lastAuditEvent(t.deps.db)
    assert.equal(event?.action, 'issue-credentials')
    assert.equal(event?.entityId, user.id)
    assert.equal(event?.agencyId, fresh.id)
    assert.ok(!JSON.stringify(event).includes(otp), 'the password never reaches the audit log')

    // The holder signs in with agency code + username + OTP and is sent to change it.
    const holder = t.client()
    const signIn = await holder.signIn(username, otp, fresh.code)
    assert.equal(signIn.headers.get('location'), '/account/password')
    const dashboard = await holder.get('/admin')
    assert.equal(dashboard.status, 303)
    assert.equal(dashboard.headers.get('location'), '/account/password')
    const changed = await holder.post('/account/password', {
      currentPassword: otp,
      newPassword: 'a long passphrase of my own',
      confirmPassword: 'a long passphrase of my own',
    })
    assert.equal(changed.status, 303)
    assert.equal(changed.headers.get('location'), '/admin?changed=password')
    const landed = await holder.get('/admin?changed=password')
    assert.equal(landed.status, 200)
    const $$ = cheerio.load(await landed.text())
    assert.match($$('.mr-notification-banner').text(), /رمز عبور شما تغییر کرد/)
    assert.ok($$('#main').text().includes('سازمان تازه'))
  })

  it('refuses an agency admin acting on another agency, changing nothing', async () => {
    const client = await signedIn(t, adminA)
    const snapshot = await dbSnapshot(t.deps.db)
    const res = await client.post(`/admin/agencies/${agencyB.code}/credentials`, {
      displayName: 'نفوذگر',
      email: '',
    })
    assert.equal(res.status, 403)
    assert.deepEqual(await dbSnapshot(t.deps.db), snapshot)
  })

  it('refuses the central supervisor and anonymous requests, changing nothing', async () => {
    const path = `/admin/agencies/${agencyB.code}/credentials`
    const fields = { displayName: 'کسی', email: '' }
    const asSupervisor = await signedIn(t, supervisor)
    const snapshot = await dbSnapshot(t.deps.db)
    assert.equal((await asSupervisor.post(path, fields)).status, 403)
    const anonymous = await t.client().post(path, fields)
    assert.equal(anonymous.status, 401)
    assert.deepEqual(await dbSnapshot(t.deps.db), snapshot)
  })

  it('re-renders with Persian messages and 422 for bad input, changing nothing', async () => {
    const client = await signedIn(t, centralAdmin)
    const snapshot = await dbSnapshot(t.deps.db)
    const res = await client.post(`/admin/agencies/${agencyB.code}/credentials`, {
      displayName: '',
      email: 'not-an-email',
    })
    assert.equal(res.status, 422)
    const $ = cheerio.load(await res.text())
    assert.match($('.mr-error-summary').text(), /نام و نام خانوادگی را وارد کنید/)
    assert.match($('#email-error').text(), /رایانامه باید نشانی رایانامهٔ درست باشد/)
    assert.equal($('#email').attr('value'), 'not-an-email')
    assert.match($('title').text(), /^خطا: /)
    assert.deepEqual(await dbSnapshot(t.deps.db), snapshot)
  })

  it('refuses a form without the CSRF token, changing nothing', async () => {
    const client = await signedIn(t, centralAdmin)
    const snapshot = await dbSnapshot(t.deps.db)
    const res = await client.post(
      `/admin/agencies/${agencyB.code}/credentials`,
      { displayName: 'مدیر', email: '' },
      { csrf: false },
    )
    assert.equal(res.status, 403)
    assert.deepEqual(await dbSnapshot(t.deps.db), snapshot)
  })
})
