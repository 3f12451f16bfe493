import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../test/support/clients.ts'
import { type MadeUser, makeAgency, makeUser } from '../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../test/support/test-app.ts'
import { CSRF_COOKIE, CSRF_FIELD, csrfTokenForSession } from './csrf.ts'

let t: TestApp
let user: MadeUser

before(async () => {
  t = await createTestApp()
  const agency = await makeAgency(t.deps)
  user = await makeUser(t.deps, 'agency_editor', agency)
})
after(() => t.close())

/** A sign-in form post from a browser that sends this Origin header. */
function postWithOrigin(origin: string): Promise<Response> {
  const client = t.client()
  return client.request('/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({
      [CSRF_FIELD]: client.csrfToken,
      agencyCode: '',
      username: 'nobody-at-all',
      password: 'nothing',
    }),
  })
}

describe('Origin', () => {
  it('refuses Origin: null on a state-changing request', async () => {
    assert.equal((await postWithOrigin('null')).status, 403)
  })

  it('refuses an Origin that is not a URL with 403, not 500', async () => {
    for (const origin of ['foo', 'http//', '::', 'javascript:alert(1)', 'data:,x']) {
      const res = await postWithOrigin(origin)
      assert.equal(res.status, 403, origin)
    }
  })

  it("accepts the site's own origin", async () => {
    assert.equal((await postWithOrigin('http://localhost')).status, 422)
  })
})

describe('the CSRF token', () => {
  it('is rotated at sign-in: the token held before no longer works afterwards', async () => {
    const client = t.client()
    const before = client.csrfToken
    await client.signIn(user.username, user.password, user.agencyCode)
    const afterSignIn = client.csrfToken
    assert.notEqual(afterSignIn, before)
    const stale = await client.request('/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ [CSRF_FIELD]: before }),
    })
    assert.equal(stale.status, 403)
    assert.equal((await client.post('/sign-out', {})).status, 303)
  })

  it("is bound to the session: another session's token, or the cookie alone, is refused", async () => {
    const a = await signedIn(t, user)
    const b = await signedIn(t, user)
    assert.notEqual(a.csrfToken, b.csrfToken)
    const withOthers = await a.request('/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ [CSRF_FIELD]: b.csrfToken }),
    })
    assert.equal(withOthers.status, 403)
    // A planted CSRF cookie matching the form does not help: the session decides the token.
    a.cookies.set(CSRF_COOKIE, 'x'.repeat(43))
    const planted = await a.request('/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ [CSRF_FIELD]: 'x'.repeat(43) }),
    })
    assert.equal(planted.status, 403)
  })

  it('is derived from the session secret and changes with every session', () => {
    assert.equal(csrfTokenForSession('one'), csrfTokenForSession('one'))
    assert.notEqual(csrfTokenForSession('one'), csrfTokenForSession('two'))
    assert.ok(!csrfTokenForSession('session-secret').includes('session-secret'))
  })

  it('answers an unreadable multipart body with a 4xx, not 500', async () => {
    const client = t.client()
    const res = await client.request('/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=----nope' },
      body: '------nope\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nabc',
    })
    assert.ok(res.status >= 400 && res.status < 500, String(res.status))
  })
})
