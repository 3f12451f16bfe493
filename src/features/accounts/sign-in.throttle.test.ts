import assert from 'node:assert/strict'
import { after, before, describe, it, mock } from 'node:test'
import * as cheerio from 'cheerio'
import { Hono } from 'hono'
import { type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Deps } from '../../deps.ts'
import { CSRF_COOKIE, CSRF_FIELD, csrfProtection } from '../../web/csrf.ts'
import type { AppEnv } from '../../web/env.ts'
import { handleError } from '../../web/error-handler.ts'
import type { Agency } from '../agencies/index.ts'
import { loadActor } from './actor.middleware.ts'
import { signInVerifier } from './password.hash.ts'
import { SESSION_COOKIE } from './session.cookie.ts'
import { signInRoutes } from './sign-in.routes.ts'

/** The sign-in pages with the plumbing they need, as the app mounts them. */
function signInApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.use(csrfProtection({ ...deps.config, sessionCookie: SESSION_COOKIE }))
  app.use(loadActor(deps))
  app.route('/', signInRoutes(deps))
  app.onError(handleError)
  return app
}

// Behind one nginx (TRUST_PROXY=true, TRUST_PROXY_HOPS=1): the client address is the last
// X-Forwarded-For entry, the one nginx appended.
let t: TestApp
let proxied: Hono<AppEnv>
let agency: Agency

before(async () => {
  t = await createTestApp()
  proxied = signInApp({ ...t.deps, config: { ...t.deps.config, trustProxy: true } })
  agency = await makeAgency(t.deps, { nameFa: 'سازمان آزمون کندسازی' })
})
after(() => t.close())

const ANON_CSRF = 'anonymous-csrf-token-of-this-test-0123456789'

/** A sign-in form post arriving through nginx with this X-Forwarded-For. */
function signInVia(forwardedFor: string, fields: Record<string, string>): Promise<Response> {
  return Promise.resolve(
    proxied.request('/sign-in', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `${CSRF_COOKIE}=${ANON_CSRF}`,
        'x-forwarded-for': forwardedFor,
      },
      body: new URLSearchParams({ [CSRF_FIELD]: ANON_CSRF, ...fields }),
    }),
  )
}

function as(user: MadeUser, password = user.password) {
  return { agencyCode: user.agencyCode, username: user.username, password }
}

async function errorText(res: Response): Promise<string> {
  return cheerio
    .load(await res.text())('.mr-error-summary')
    .text()
    .trim()
}

describe('the per-address limit behind a proxy', () => {
  it('holds when the client rotates the first X-Forwarded-For hop: 60 failures, the last 10 refused with 429', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 60; i++) {
      // The client writes any first hop it likes; nginx appends the address it really saw.
      const res = await signInVia(`10.${i}.${i}.1, 198.51.100.7`, {
        agencyCode: '',
        username: `ghost-${i}`,
        password: 'not-a-password',
      })
      statuses.push(res.status)
    }
    assert.deepEqual(statuses.slice(0, 50), Array(50).fill(422))
    assert.deepEqual(statuses.slice(50), Array(10).fill(429))
  })

  it('does not count successful sign-ins: 60 people behind one office NAT all get in', async () => {
    const user = await makeUser(t.deps, 'agency_editor', agency)
    for (let i = 0; i < 60; i++) {
      const res = await signInVia('192.0.2.200', as(user))
      assert.equal(res.status, 303, `sign-in ${i + 1} from the office`)
    }
  })
})

describe('failed sign-ins for one account', () => {
  it('never lock the owner out: 20 failures from one address leave another address free', async () => {
    const victim = await makeUser(t.deps, 'agency_admin', agency)
    for (let i = 0; i < 20; i++) {
      await signInVia('203.0.113.66', as(victim, 'a guess at the password'))
      t.clock.advance(200)
    }
    const owner = await signInVia('198.51.100.20', as(victim))
    assert.equal(owner.status, 303)
    const row = await t.deps.db
      .selectFrom('users')
      .select('failedSignIns')
      .where('id', '=', victim.userId)
      .executeTakeFirstOrThrow()
    assert.equal(row.failedSignIns, 0, 'a successful sign-in resets the count')
  })

  it('make each further try from the same address wait longer: 1 s, 2 s, 4 s…, never more than the cap', async () => {
    const user = await makeUser(t.deps, 'agency_editor', agency)
    const from = '203.0.113.70'
    for (let i = 0; i < t.deps.config.signInMaxFailures; i++) {
      assert.equal((await signInVia(from, as(user, 'wrong one'))).status, 422)
    }
    for (const wait of [1, 2, 4, 8]) {
      const early = await signInVia(from, as(user))
      assert.equal(early.status, 429)
      assert.equal(early.headers.get('retry-after'), String(wait))
      t.clock.advance(wait * 1000 - 1)
      assert.equal((await signInVia(from, as(user))).status, 429, 'still too early')
      t.clock.advance(1)
      assert.equal((await signInVia(from, as(user, 'wrong again'))).status, 422)
    }
    for (let i = 0; i < 12; i++) {
      t.clock.advance(t.deps.config.signInMaxDelayMs)
      await signInVia(from, as(user, 'wrong again'))
    }
    const capped = await signInVia(from, as(user))
    assert.equal(capped.headers.get('retry-after'), String(t.deps.config.signInMaxDelayMs / 1000))
    t.clock.advance(t.deps.config.signInMaxDelayMs)
    assert.equal((await signInVia(from, as(user))).status, 303)
  })

  it('answer the same for an unknown user, a wrong password, a disabled account and a wrong agency code', async () => {
    const user = await makeUser(t.deps, 'agency_editor', agency)
    const disabled = await makeUser(t.deps, 'agency_editor', agency)
    await t.deps.db
      .updateTable('users')
      .set({ disabledAt: t.clock.now() })
      .where('id', '=', disabled.userId)
      .execute()
    const answers = [
      await signInVia('198.51.100.31', { ...as(user), username: `${user.username}-nobody` }),
      await signInVia('198.51.100.32', as(user, 'wrong password here')),
      await signInVia('198.51.100.33', as(disabled)),
      await signInVia('198.51.100.34', { ...as(user), agencyCode: '99999' }),
    ]
    const texts: string[] = []
    for (const answer of answers) texts.push(await errorText(answer))
    assert.deepEqual(
      answers.map((r) => r.status),
      [422, 422, 422, 422],
    )
    assert.equal(new Set(texts).size, 1, texts.join(' | '))
  })

  it('answer the same when too early, whether or not the user exists', async () => {
    const user = await makeUser(t.deps, 'agency_editor', agency)
    const from = '203.0.113.80'
    const nobody = { ...as(user), username: 'a99999-admin' }
    for (let i = 0; i < t.deps.config.signInMaxFailures; i++) {
      await signInVia(from, as(user, 'wrong'))
      await signInVia(from, nobody)
    }
    const known = await signInVia(from, as(user))
    const unknown = await signInVia(from, nobody)
    assert.equal(known.status, 429)
    assert.equal(unknown.status, 429)
    assert.equal(known.headers.get('retry-after'), unknown.headers.get('retry-after'))
    assert.equal(await errorText(known), await errorText(unknown))
  })

  it('run one password verification on every path: unknown, wrong, disabled, too early and right', async () => {
    const user = await makeUser(t.deps, 'agency_editor', agency)
    const disabled = await makeUser(t.deps, 'agency_editor', agency)
    await t.deps.db
      .updateTable('users')
      .set({ disabledAt: t.clock.now() })
      .where('id', '=', disabled.userId)
      .execute()
    const verify = mock.method(signInVerifier, 'verify')
    try {
      const from = '203.0.113.90'
      const cases: [string, () => Promise<Response>, number][] = [
        ['unknown', () => signInVia(from, { ...as(user), username: 'a12345-nobody' }), 422],
        ['wrong', () => signInVia(from, as(user, 'wrong password')), 422],
        ['disabled', () => signInVia(from, as(disabled)), 422],
      ]
      for (let i = 1; i < t.deps.config.signInMaxFailures; i++) {
        cases.push([`wrong ${i}`, () => signInVia(from, as(user, `wrong ${i}`)), 422])
      }
      cases.push(['too early', () => signInVia(from, as(user)), 429])
      cases.push(['right', () => signInVia('203.0.113.91', as(user)), 303])
      for (const [name, send, status] of cases) {
        const before = verify.mock.callCount()
        const res = await send()
        assert.equal(res.status, status, name)
        assert.equal(verify.mock.callCount() - before, 1, `${name}: one verification`)
      }
    } finally {
      verify.mock.restore()
    }
  })

  it('tell the owner of repeated failures (at 5 and 10, not in between), in their inbox and the audit log', async () => {
    const user = await makeUser(t.deps, 'agency_admin', agency)
    const inbox = () =>
      t.deps.db
        .selectFrom('notifications')
        .select(['kind', 'body'])
        .where('userId', '=', user.userId)
        .where('kind', '=', 'account.failed-sign-ins')
        .execute()
    // From many addresses, as a spread-out guesser would.
    for (let i = 0; i < 4; i++) await signInVia(`198.18.0.${i}`, as(user, 'guess'))
    assert.equal((await inbox()).length, 0)
    await signInVia('198.18.0.4', as(user, 'guess'))
    const first = await inbox()
    assert.equal(first.length, 1)
    assert.match(first[0]?.body ?? '', /۵ بار پیاپی/)
    for (let i = 5; i < 9; i++) await signInVia(`198.18.0.${i}`, as(user, 'guess'))
    assert.equal((await inbox()).length, 1)
    await signInVia('198.18.0.9', as(user, 'guess'))
    assert.equal((await inbox()).length, 2)
    const events = await t.deps.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', user.userId)
      .where('action', '=', 'failed-sign-ins')
      .execute()
    assert.equal(events.length, 2)
  })
})
