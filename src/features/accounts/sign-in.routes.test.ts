import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import { SESSION_COOKIE } from './session.cookie.ts'
import { issueAgencyCredentials } from './user.actions.ts'
import { findUserById } from './user.queries.ts'

let t: TestApp
let agency: Agency
let admin: MadeUser
let central: MadeUser

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان ورود آزمایشی' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  central = await makeUser(t.deps, 'central_admin')
})
after(() => t.close())

async function sessionCount(userId: string): Promise<number> {
  const rows = await t.deps.db
    .selectFrom('sessions')
    .select('id')
    .where('userId', '=', userId)
    .execute()
  return rows.length
}

describe('signing in', () => {
  it('needs the agency code of an agency user, and none for central staff', async () => {
    const withoutCode = await t
      .client()
      .post('/sign-in', { agencyCode: '', username: admin.username, password: admin.password })
    assert.equal(withoutCode.status, 422)
    const wrongCode = await t
      .client()
      .post('/sign-in', { agencyCode: '99999', username: admin.username, password: admin.password })
    assert.equal(wrongCode.status, 422)
    const ok = await t.client().post('/sign-in', {
      agencyCode: agency.code,
      username: admin.username,
      password: admin.password,
    })
    assert.equal(ok.status, 303)
    assert.equal(ok.headers.get('location'), '/admin')
    const centralOk = await t
      .client()
      .post('/sign-in', { agencyCode: '', username: central.username, password: central.password })
    assert.equal(centralOk.status, 303)
  })

  it('accepts the agency code typed in Persian digits', async () => {
    const persian = agency.code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] ?? d)
    const res = await t
      .client()
      .post('/sign-in', { agencyCode: persian, username: admin.username, password: admin.password })
    assert.equal(res.status, 303)
  })

  it('sets an HttpOnly, SameSite=Lax session cookie, Secure only behind TLS', async () => {
    const res = await t.client().post('/sign-in', {
      agencyCode: agency.code,
      username: admin.username,
      password: admin.password,
    })
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? ''
    assert.match(cookie, /HttpOnly/)
    assert.match(cookie, /SameSite=Lax/)
    assert.doesNotMatch(cookie, /Secure/)
    const tls = await t.app.request('https://portal.example/sign-in', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: 'mardom_csrf=abcdefghijklmnopqrstuvwxyz0123456789ABCD',
      },
      body: new URLSearchParams({
        _csrf: 'abcdefghijklmnopqrstuvwxyz0123456789ABCD',
        agencyCode: agency.code,
        username: admin.username,
        password: admin.password,
      }),
    })
    assert.match(
      tls.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '',
      /Secure/,
    )
  })

  it('shows one Persian message for any wrong detail, with status 422', async () => {
    const res = await t.client().post('/sign-in', {
      agencyCode: agency.code,
      username: 'nobody-here',
      password: 'whatever-it-is',
    })
    assert.equal(res.status, 422)
    const $ = cheerio.load(await res.text())
    assert.match($('.mr-error-summary').text(), /کد دستگاه، نام کاربری یا رمز عبور درست نیست/)
  })

  it('slows further tries after repeated failures instead of locking, then lets the right password in', async () => {
    const victim = await makeUser(t.deps, 'agency_editor', agency)
    for (let i = 0; i < t.deps.config.signInMaxFailures; i++) {
      const res = await t.client().post('/sign-in', {
        agencyCode: agency.code,
        username: victim.username,
        password: 'wrong-password-x',
      })
      assert.equal(res.status, 422)
    }
    const tooSoon = await t.client().post('/sign-in', {
      agencyCode: agency.code,
      username: victim.username,
      password: victim.password,
    })
    assert.equal(tooSoon.status, 429)
    assert.equal(tooSoon.headers.get('retry-after'), '1')
    assert.match(await tooSoon.text(), /۱ ثانیهٔ دیگر دوباره تلاش کنید/)
    const locks = await t.deps.db
      .selectFrom('auditEvents')
      .select('id')
      .where('entityId', '=', victim.userId)
      .where('action', '=', 'lock')
      .execute()
    assert.equal(locks.length, 0, 'nothing locks the account')
    t.clock.advance(1000)
    const after = await t.client().post('/sign-in', {
      agencyCode: agency.code,
      username: victim.username,
      password: victim.password,
    })
    assert.equal(after.status, 303)
  })

  it('throttles one client address that tries too many times', async () => {
    const { signIn } = await import('./sign-in.actions.ts')
    let last: Awaited<ReturnType<typeof signIn>> | undefined
    for (let i = 0; i < 51; i++) {
      last = await signIn(
        t.deps,
        { agencyCode: '', username: `ghost${i}`, password: 'x' },
        '203.0.113.9',
      )
    }
    assert.equal(last?.ok, false)
    assert.ok(last && !last.ok && last.retryAfterSeconds)
  })
})

describe('sessions', () => {
  it('ends after the idle timeout and after the absolute timeout', async () => {
    const client = t.client()
    await client.signIn(admin.username, admin.password, agency.code)
    assert.equal(
      (await client.get('/admin/agencies/new')).status,
      403,
      'signed in (forbidden, not redirected)',
    )
    t.clock.advance(t.deps.config.sessionIdleMs + 1000)
    const idle = await client.get('/admin/agencies/new')
    assert.equal(idle.status, 303, 'idle session is gone: redirected to sign in')

    const busy = t.client()
    await busy.signIn(admin.username, admin.password, agency.code)
    const steps = Math.ceil(t.deps.config.sessionAbsoluteMs / (t.deps.config.sessionIdleMs / 2)) + 1
    let status = 0
    for (let i = 0; i < steps; i++) {
      t.clock.advance(t.deps.config.sessionIdleMs / 2)
      status = (await busy.get('/admin/agencies/new')).status
    }
    assert.equal(status, 303, 'a session kept busy still ends at the absolute timeout')
  })

  it('signs out, deleting the session server-side', async () => {
    const client = t.client()
    await client.signIn(central.username, central.password)
    const before = await sessionCount(central.userId)
    const res = await client.post('/sign-out', {})
    assert.equal(res.status, 303)
    assert.equal(await sessionCount(central.userId), before - 1)
    assert.equal(client.cookies.has(SESSION_COOKIE), false)
    assert.equal((await client.get('/admin/agencies/new')).status, 303)
  })

  it('refuses a stolen cookie after sign-out', async () => {
    const client = t.client()
    await client.signIn(central.username, central.password)
    const stolen = client.cookies.get(SESSION_COOKIE) ?? ''
    await client.post('/sign-out', {})
    const thief = t.client()
    thief.cookies.set(SESSION_COOKIE, stolen)
    assert.equal((await thief.get('/admin/agencies/new')).status, 303)
  })
})

describe('first sign-in with a one-time password', () => {
  it('forces a password change before anything else, then lets the user in', async () => {
    const issued = await issueAgencyCredentials(
      t.deps,
      { ...centralActor(), userId: central.userId },
      agency.id,
      {
        displayName: 'مدیر تازه',
        email: null,
      },
    )
    const client = t.client()
    const signIn = await client.post('/sign-in', {
      agencyCode: issued.agencyCode ?? '',
      username: issued.username,
      password: issued.oneTimePassword,
    })
    assert.equal(signIn.headers.get('location'), '/account/password')
    const elsewhere = await client.get(`/agencies/${agency.code}`)
    assert.equal(elsewhere.status, 303)
    assert.equal(elsewhere.headers.get('location'), '/account/password')

    const weak = await client.post('/account/password', {
      currentPassword: issued.oneTimePassword,
      newPassword: 'short',
      confirmPassword: 'short',
    })
    assert.equal(weak.status, 422)
    assert.match(await weak.text(), /دست‌کم ۱۰ نویسه/)
    const mismatch = await client.post('/account/password', {
      currentPassword: issued.oneTimePassword,
      newPassword: 'a long passphrase of mine',
      confirmPassword: 'a different passphrase',
    })
    assert.equal(mismatch.status, 422)
    const wrongCurrent = await client.post('/account/password', {
      currentPassword: 'not-the-otp-at-all',
      newPassword: 'a long passphrase of mine',
      confirmPassword: 'a long passphrase of mine',
    })
    assert.equal(wrongCurrent.status, 422)

    const ok = await client.post('/account/password', {
      currentPassword: issued.oneTimePassword,
      newPassword: 'a long passphrase of mine',
      confirmPassword: 'a long passphrase of mine',
    })
    assert.equal(ok.status, 303)
    assert.equal(ok.headers.get('location'), '/admin?changed=password')
    assert.equal((await findUserById(t.deps.db, issued.userId))?.mustChangePassword, false)
    assert.equal((await client.get(`/agencies/${agency.code}`)).status, 200)

    const again = t.client()
    await again.signIn(issued.username, 'a long passphrase of mine', issued.agencyCode ?? '')
  })
})

function centralActor() {
  return {
    userId: '',
    username: central.username,
    displayName: 'مدیر',
    role: 'central_admin' as const,
    agencyId: null,
    agencyNameFa: null,
    mustChangePassword: false,
    via: 'session' as const,
  }
}
