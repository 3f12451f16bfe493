import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Hono } from 'hono'
import { signedIn } from '../../test/support/clients.ts'
import { type MadeUser, makeAgency, makeToken, makeUser } from '../../test/support/fixtures.ts'
import { apiRequest, createTestApp, type TestApp } from '../../test/support/test-app.ts'
import type { Agency } from '../features/agencies/index.ts'
import { CSRF_FIELD, csrfProtection } from './csrf.ts'
import type { AppEnv } from './env.ts'
import { handleError } from './error-handler.ts'
import { securityHeaders } from './security-headers.ts'

let t: TestApp
let production: Hono<AppEnv>
let agency: Agency
let editor: MadeUser

before(async () => {
  t = await createTestApp()
  // The plumbing as a production process reached over plain HTTP from nginx without
  // TRUST_PROXY: Secure and HSTS must not depend on the proxy headers.
  const config = { ...t.deps.config, env: 'production' as const }
  production = new Hono<AppEnv>()
  production.use(securityHeaders(config))
  production.use(csrfProtection({ ...config, sessionCookie: '__Host-mardom_session' }))
  production.get('/', (c) => c.text('ok'))
  production.post('/form', (c) => c.text('done'))
  production.onError(handleError)
  agency = await makeAgency(t.deps, { nameFa: 'سازمان سرآیندها' })
  editor = await makeUser(t.deps, 'agency_editor', agency)
})
after(() => t.close())

function cookieLine(res: Response, name: string): string {
  return res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? ''
}

describe('in production', () => {
  it('sends HSTS and a Secure __Host- CSRF cookie even without TRUST_PROXY or TLS seen by the app', async () => {
    const res = await production.request('http://portal.example/')
    assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=31536000/)
    const csrf = cookieLine(res, '__Host-mardom_csrf')
    assert.match(csrf, /; Secure/)
    assert.match(csrf, /; HttpOnly/)
    assert.match(csrf, /; Path=\//)
    assert.doesNotMatch(csrf, /Domain=/)
    assert.equal(cookieLine(res, 'mardom_csrf'), '', 'no bare-named cookie in production')
  })

  it('reads the CSRF cookie by its __Host- name', async () => {
    const token = 'a-production-csrf-token-of-forty-characters'
    const post = (cookie: string) =>
      production.request('http://portal.example/form', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ [CSRF_FIELD]: token }),
      })
    assert.equal((await post(`__Host-mardom_csrf=${token}`)).status, 200)
    assert.equal((await post(`mardom_csrf=${token}`)).status, 403)
  })
})

describe('on a plain-HTTP dev or test server', () => {
  it('keeps bare cookie names without Secure, and sends no HSTS', async () => {
    const res = await t.app.request('/sign-in')
    assert.match(cookieLine(res, 'mardom_csrf'), /HttpOnly/)
    assert.doesNotMatch(cookieLine(res, 'mardom_csrf'), /Secure/)
    assert.equal(res.headers.get('strict-transport-security'), null)
  })
})

describe('Cache-Control: no-store', () => {
  it('is on every page a signed-in person is shown, staff or public', async () => {
    const client = await signedIn(t, editor)
    for (const path of ['/admin', '/admin/services', '/account/tokens', '/account/password', '/']) {
      const res = await client.get(path)
      assert.equal(res.status, 200, path)
      assert.match(res.headers.get('cache-control') ?? '', /no-store/, path)
    }
  })

  it('is on staff pages even before signing in, and on the sign-in page', async () => {
    for (const path of ['/admin', '/account/tokens', '/sign-in']) {
      const res = await t.client().get(path)
      assert.match(res.headers.get('cache-control') ?? '', /no-store/, path)
    }
  })

  it('is not on public pages for anonymous visitors, which stay cacheable', async () => {
    const res = await t.client().get('/')
    assert.doesNotMatch(res.headers.get('cache-control') ?? '', /no-store/)
  })

  it("is on the API's answers about drafts and to writes, not on public reads", async () => {
    const token = await makeToken(t.deps, editor.userId)
    const publicRead = await apiRequest(t.app, 'GET', '/api/v1/agencies', { token })
    assert.equal(publicRead.headers.get('cache-control'), 'private, no-cache')
    const created = await apiRequest(t.app, 'POST', '/api/v1/services', {
      token,
      body: { title: 'خدمت سرآیندها', slug: 'headers-test' },
    })
    assert.equal(created.status, 201)
    assert.equal(created.headers.get('cache-control'), 'no-store')
    const { id } = (await created.json()) as { id: string }
    const draft = await apiRequest(t.app, 'GET', `/api/v1/services/${id}/draft`, { token })
    assert.equal(draft.status, 200)
    assert.equal(draft.headers.get('cache-control'), 'no-store')
  })
})
