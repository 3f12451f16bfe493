import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import { lastAuditEvent } from '../../../test/support/db-snapshot.ts'
import { type MadeUser, makeAgency, makeToken, makeUser } from '../../../test/support/fixtures.ts'
import { refused } from '../../../test/support/forms.ts'
import { apiRequest, createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { sha256Hex } from '../../lib/secrets.ts'
import { followSeeOther, postOnce } from './issued.test-helpers.ts'

let t: TestApp
let editorA: MadeUser
let editorB: MadeUser
let adminA: MadeUser
let supervisor: MadeUser

async function tokenIdOf(secret: string): Promise<string> {
  const row = await t.deps.db
    .selectFrom('apiTokens')
    .select('id')
    .where('tokenHash', '=', sha256Hex(secret))
    .executeTakeFirstOrThrow()
  return row.id
}

before(async () => {
  t = await createTestApp()
  const agencyA = await makeAgency(t.deps, { nameFa: 'سازمان الف' })
  const agencyB = await makeAgency(t.deps, { nameFa: 'سازمان ب' })
  editorA = await makeUser(t.deps, 'agency_editor', agencyA)
  adminA = await makeUser(t.deps, 'agency_admin', agencyA)
  editorB = await makeUser(t.deps, 'agency_editor', agencyB)
  supervisor = await makeUser(t.deps, 'central_supervisor')
})
after(() => t.close())

describe('GET /account/tokens', () => {
  it("lists only the signed-in person's own tokens", async () => {
    await makeToken(t.deps, editorA.userId)
    await makeToken(t.deps, editorB.userId)
    const res = await (await signedIn(t, editorA)).get('/account/tokens')
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    assert.equal($('#tokens tbody tr').length, 1)
    assert.match($('#tokens').text(), /هرگز/)
    assert.match($('#tokens').text(), /mardom_/)
  })

  it('sends anonymous visitors to sign in', async () => {
    const res = await t.client().get('/account/tokens')
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), '/sign-in?next=%2Faccount%2Ftokens')
  })
})

describe('POST /account/tokens', () => {
  it('creates a token for oneself, shows the secret once, and the API accepts it', async () => {
    const client = await signedIn(t, supervisor)
    // A field naming another user is ignored: a token is always the signer's own.
    const posted = await postOnce(client, '/account/tokens', '/account/tokens', {
      name: 'سامانهٔ گزارش‌گیری',
      access: 'read',
      userId: editorB.userId,
    })
    const res = await followSeeOther(client, posted)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('cache-control'), 'no-store')
    const $ = cheerio.load(await res.text())
    const secret = $('.mr-panel__code code').text()
    assert.match(secret, /^mardom_[\w-]{40,}$/)
    assert.match($('.mr-warning-text').text(), /فقط همین یک بار نمایش داده می‌شود/)
    const row = await t.deps.db
      .selectFrom('apiTokens')
      .selectAll()
      .where('tokenHash', '=', sha256Hex(secret))
      .executeTakeFirstOrThrow()
    assert.equal(row.userId, supervisor.userId)
    assert.equal(row.name, 'سامانهٔ گزارش‌گیری')
    const event = await lastAuditEvent(t.deps.db)
    assert.equal(event?.action, 'create')
    assert.equal(event?.entityType, 'api-token')
    assert.ok(!JSON.stringify(event).includes(secret))
    const api = await apiRequest(t.app, 'GET', '/api/v1/agencies', { token: secret })
    assert.equal(api.status, 200)
    // The list shows the token without its secret.
    const list = await (await client.get('/account/tokens')).text()
    assert.ok(!list.includes(secret))
    assert.ok(list.includes(row.prefix))
  })

  it('re-renders with 422 and a Persian message for a missing name', async () => {
    const $ = cheerio.load(
      await refused(t, await signedIn(t, editorA), '/account/tokens', { name: '  ' }, 422),
    )
    assert.match($('#name-error').text(), /نام توکن را وارد کنید/)
  })

  it('refuses anonymous requests and a missing CSRF token', async () => {
    await refused(t, null, '/account/tokens', { name: 'ناشناس' }, 401)
    await refused(t, await signedIn(t, editorA), '/account/tokens', { name: 'بی‌توکن' }, 403, {
      csrf: false,
    })
  })
})

describe('POST /account/tokens/:id/revoke', () => {
  it('revokes an own token; the API then answers 401 problem+json', async () => {
    const secret = await makeToken(t.deps, editorA.userId)
    const id = await tokenIdOf(secret)
    const client = await signedIn(t, editorA)
    const res = await client.post(`/account/tokens/${id}/revoke`, {})
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), '/account/tokens?revoked=1')
    const event = await lastAuditEvent(t.deps.db)
    assert.equal(event?.action, 'revoke')
    assert.equal(event?.entityId, id)
    const api = await apiRequest(t.app, 'GET', '/api/v1/agencies', { token: secret })
    assert.equal(api.status, 401)
    assert.match(api.headers.get('content-type') ?? '', /^application\/problem\+json/)
    assert.equal(((await api.json()) as { status: number }).status, 401)
    const $ = cheerio.load(await (await client.get('/account/tokens?revoked=1')).text())
    assert.match($('.mr-notification-banner').text(), /توکن باطل شد/)
    const row = $('#tokens tbody tr').filter((_, tr) => $(tr).text().includes('باطل‌شده'))
    assert.equal(row.find('form').length, 0, 'no revoke button on a revoked token')
  })

  it("lets an agency admin revoke their agency's tokens", async () => {
    const secret = await makeToken(t.deps, editorA.userId)
    const res = await (await signedIn(t, adminA)).post(
      `/account/tokens/${await tokenIdOf(secret)}/revoke`,
      {},
    )
    assert.equal(res.status, 303)
  })

  it("refuses another agency's token, anonymous requests, bad ids and a missing CSRF token", async () => {
    const id = await tokenIdOf(await makeToken(t.deps, editorB.userId))
    await refused(t, await signedIn(t, editorA), `/account/tokens/${id}/revoke`, {}, 403)
    await refused(t, await signedIn(t, adminA), `/account/tokens/${id}/revoke`, {}, 403)
    await refused(t, null, `/account/tokens/${id}/revoke`, {}, 401)
    await refused(t, await signedIn(t, editorA), '/account/tokens/not-a-token/revoke', {}, 404)
    await refused(t, await signedIn(t, editorB), `/account/tokens/${id}/revoke`, {}, 403, {
      csrf: false,
    })
  })
})
