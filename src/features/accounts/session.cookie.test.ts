import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Hono } from 'hono'
import { type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Deps } from '../../deps.ts'
import { CSRF_FIELD, csrfProtection, csrfTokenForSession } from '../../web/csrf.ts'
import type { AppEnv } from '../../web/env.ts'
import { handleError } from '../../web/error-handler.ts'
import { loadActor } from './actor.middleware.ts'
import { sessionCookieName } from './session.cookie.ts'
import { signInRoutes } from './sign-in.routes.ts'
import { tokenRoutes } from './tokens.routes.ts'

let t: TestApp
let user: MadeUser
let production: Hono<AppEnv>

/** Sign-in and one staff page with the plumbing they need, as the app mounts them. */
function accountsApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.use(csrfProtection({ ...deps.config, sessionCookie: sessionCookieName(deps.config.env) }))
  app.use(loadActor(deps))
  app.route('/', signInRoutes(deps))
  app.route('/account/tokens', tokenRoutes(deps))
  app.onError(handleError)
  return app
}

function cookieValue(res: Response, name: string): { line: string; value: string } {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? ''
  return { line, value: line.slice(name.length + 1).split(';')[0] ?? '' }
}

before(async () => {
  t = await createTestApp()
  user = await makeUser(t.deps, 'agency_editor', await makeAgency(t.deps))
  // A production process behind nginx without TRUST_PROXY, reached over plain HTTP.
  production = accountsApp({ ...t.deps, config: { ...t.deps.config, env: 'production' } })
})
after(() => t.close())

describe('session cookies in production', () => {
  it('are named __Host-mardom_session, Secure, HttpOnly, SameSite=Lax, Path=/, with the CSRF token rotated', async () => {
    assert.equal(sessionCookieName('production'), '__Host-mardom_session')
    assert.equal(sessionCookieName('development'), 'mardom_session')
    const first = await production.request('http://portal.example/sign-in')
    const csrf = cookieValue(first, '__Host-mardom_csrf')
    assert.match(csrf.line, /; Secure/)
    const res = await production.request('http://portal.example/sign-in', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `__Host-mardom_csrf=${csrf.value}`,
      },
      body: new URLSearchParams({
        [CSRF_FIELD]: csrf.value,
        agencyCode: user.agencyCode,
        username: user.username,
        password: user.password,
      }),
    })
    assert.equal(res.status, 303)
    const session = cookieValue(res, '__Host-mardom_session')
    for (const attribute of [/; Secure/, /; HttpOnly/, /; SameSite=Lax/, /; Path=\//]) {
      assert.match(session.line, attribute)
    }
    assert.doesNotMatch(session.line, /Domain=/)
    assert.equal(cookieValue(res, 'mardom_session').line, '')
    const rotated = cookieValue(res, '__Host-mardom_csrf')
    assert.equal(rotated.value, csrfTokenForSession(session.value))
    assert.notEqual(rotated.value, csrf.value)
    assert.match(rotated.line, /; Secure/)

    const page = (cookie: string) =>
      production.request('http://portal.example/account/tokens', { headers: { cookie } })
    assert.equal((await page(`__Host-mardom_session=${session.value}`)).status, 200)
    assert.equal((await page(`mardom_session=${session.value}`)).status, 303, 'bare name ignored')
  })
})
