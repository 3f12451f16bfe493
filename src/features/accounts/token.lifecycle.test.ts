import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import { lastAuditEvent } from '../../../test/support/db-snapshot.ts'
import { type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { apiRequest, createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Actor } from '../../lib/actor.ts'
import { sha256Hex } from '../../lib/secrets.ts'
import type { Agency } from '../agencies/index.ts'
import { followSeeOther, postOnce } from './issued.test-helpers.ts'
import { createApiToken } from './token.actions.ts'
import { resetUserPassword, setUserDisabled } from './user.actions.ts'

let t: TestApp
let agency: Agency
let central: MadeUser

const DAY = 86_400_000

function centralActor(): Actor {
  return {
    userId: central.userId,
    username: central.username,
    displayName: 'مدیر مرکزی',
    role: 'central_admin',
    agencyId: null,
    agencyNameFa: null,
    mustChangePassword: false,
    via: 'session',
  }
}

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان آزمون توکن‌ها' })
  central = await makeUser(t.deps, 'central_admin')
})
after(() => t.close())

async function tokenRow(secret: string) {
  return t.deps.db
    .selectFrom('apiTokens')
    .selectAll()
    .where('tokenHash', '=', sha256Hex(secret))
    .executeTakeFirstOrThrow()
}

const readAgencies = (token: string) => apiRequest(t.app, 'GET', '/api/v1/agencies', { token })

let slugs = 0
const createService = (token: string) =>
  apiRequest(t.app, 'POST', '/api/v1/services', {
    token,
    body: { title: 'خدمت آزمایشی توکن', slug: `token-test-${++slugs}` },
  })

/** Creates a token through the form; returns its secret. */
async function createThroughForm(user: MadeUser, access: 'read' | 'read-write'): Promise<string> {
  const client = await signedIn(t, user)
  const posted = await postOnce(client, '/account/tokens', '/account/tokens', {
    name: `سامانهٔ ${access}`,
    access,
  })
  const res = await followSeeOther(client, posted)
  assert.equal(res.status, 200)
  return cheerio
    .load(await res.text())('.mr-panel__code code')
    .text()
}

describe('token expiry', () => {
  it('lasts 90 days by default, is shown, and is refused after it expires', async () => {
    const editor = await makeUser(t.deps, 'agency_editor', agency)
    const secret = await createThroughForm(editor, 'read')
    const row = await tokenRow(secret)
    assert.equal(row.expiresAt.getTime() - t.clock.now().getTime(), 90 * DAY)
    const list = cheerio.load(
      await (await (await signedIn(t, editor)).get('/account/tokens')).text(),
    )
    assert.equal(list('#tokens thead').text().includes('انقضا'), true)
    assert.equal(list('#tokens tbody time').length >= 2, true)
    assert.equal((await readAgencies(secret)).status, 200)
    t.clock.advance(90 * DAY)
    const expired = await readAgencies(secret)
    assert.equal(expired.status, 401)
    assert.match(expired.headers.get('content-type') ?? '', /problem\+json/)
    const after = cheerio.load(
      await (await (await signedIn(t, editor)).get('/account/tokens')).text(),
    )
    assert.match(after('#tokens tbody').text(), /منقضی‌شده/)
    assert.equal(after('#tokens tbody form').length, 0, 'an expired token cannot be renewed')
  })

  it('is renewed by its owner for another 90 days from then, and keeps working', async () => {
    const editor = await makeUser(t.deps, 'agency_editor', agency)
    const secret = await createThroughForm(editor, 'read')
    const { id } = await tokenRow(secret)
    t.clock.advance(80 * DAY)
    const client = await signedIn(t, editor)
    const renewed = await client.post(`/account/tokens/${id}/renew`, {})
    assert.equal(renewed.status, 303)
    assert.equal(renewed.headers.get('location'), '/account/tokens?renewed=1')
    assert.equal((await tokenRow(secret)).expiresAt.getTime(), t.clock.now().getTime() + 90 * DAY)
    assert.equal((await lastAuditEvent(t.deps.db))?.action, 'renew')
    t.clock.advance(20 * DAY)
    assert.equal((await readAgencies(secret)).status, 200)
  })

  it("refuses renewal by anyone but the owner, even the agency's admin", async () => {
    const editor = await makeUser(t.deps, 'agency_editor', agency)
    const admin = await makeUser(t.deps, 'agency_admin', agency)
    const secret = await createThroughForm(editor, 'read')
    const { id, expiresAt } = await tokenRow(secret)
    const res = await (await signedIn(t, admin)).post(`/account/tokens/${id}/renew`, {})
    assert.equal(res.status, 403)
    assert.equal((await tokenRow(secret)).expiresAt.getTime(), expiresAt.getTime())
  })
})

describe('token scope', () => {
  it('a read-only token reads but is refused every write with 403; a read-write one writes', async () => {
    const editor = await makeUser(t.deps, 'agency_editor', agency)
    const readOnly = await createThroughForm(editor, 'read')
    const readWrite = await createThroughForm(editor, 'read-write')
    assert.equal((await tokenRow(readOnly)).access, 'read')
    assert.equal((await readAgencies(readOnly)).status, 200)
    const refused = await createService(readOnly)
    assert.equal(refused.status, 403)
    assert.match(((await refused.json()) as { detail: string }).detail, /فقط برای خواندن/)
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await apiRequest(t.app, method, '/api/v1/services/anything', {
        token: readOnly,
        body: {},
      })
      assert.equal(res.status, 403, method)
    }
    // Reading a service's draft starts one when there is none: refused to a read-only token.
    const draft = await apiRequest(t.app, 'GET', '/api/v1/services/anything/draft', {
      token: readOnly,
    })
    assert.equal(draft.status, 403)
    assert.equal((await createService(readWrite)).status, 201)
  })

  it("acts for the owner's agency only: a token whose agency is not the owner's is refused", async () => {
    const editor = await makeUser(t.deps, 'agency_editor', agency)
    const secret = await createThroughForm(editor, 'read')
    assert.equal((await tokenRow(secret)).agencyId, agency.id)
    const other = await makeAgency(t.deps, { nameFa: 'سازمان دیگر توکن' })
    await t.deps.db
      .updateTable('apiTokens')
      .set({ agencyId: other.id })
      .where('tokenHash', '=', sha256Hex(secret))
      .execute()
    assert.equal((await readAgencies(secret)).status, 401)
  })

  it('requires choosing the access level in the form', async () => {
    const editor = await makeUser(t.deps, 'agency_editor', agency)
    const res = await (await signedIn(t, editor)).post('/account/tokens', { name: 'بی‌دسترسی' })
    assert.equal(res.status, 422)
    assert.match(
      cheerio
        .load(await res.text())('#access-error')
        .text(),
      /دسترسی توکن/,
    )
  })

  it('records when it was last used', async () => {
    const editor = await makeUser(t.deps, 'agency_editor', agency)
    const secret = await createThroughForm(editor, 'read')
    assert.equal((await tokenRow(secret)).lastUsedAt, null)
    await readAgencies(secret)
    assert.equal((await tokenRow(secret)).lastUsedAt?.getTime(), t.clock.now().getTime())
  })
})

describe('token revocation', () => {
  it('ends every token of the user when an admin resets the password', async () => {
    const editor = await makeUser(t.deps, 'agency_editor', agency)
    const admin = await makeUser(t.deps, 'agency_admin', agency)
    const one = await createThroughForm(editor, 'read')
    const two = await createThroughForm(editor, 'read-write')
    const page = `/admin/users/${editor.userId}`
    const reset = await postOnce(await signedIn(t, admin), page, `${page}/reset-password`, {})
    assert.equal(reset.status, 303)
    assert.equal((await readAgencies(one)).status, 401)
    assert.equal((await readAgencies(two)).status, 401)
    assert.equal((await tokenRow(one)).revokedReason, 'password-reset')
    const event = await t.deps.db
      .selectFrom('auditEvents')
      .select('after')
      .where('entityId', '=', editor.userId)
      .where('action', '=', 'reset-password')
      .executeTakeFirstOrThrow()
    assert.deepEqual(event.after, { mustChangePassword: true, tokensRevoked: 2 })
  })

  it('ends every token when the account is disabled, and enabling it again does not revive them', async () => {
    const editor = await makeUser(t.deps, 'agency_editor', agency)
    const secret = await createThroughForm(editor, 'read')
    await setUserDisabled(t.deps, centralActor(), editor.userId, true)
    assert.equal((await tokenRow(secret)).revokedReason, 'account-disabled')
    await setUserDisabled(t.deps, centralActor(), editor.userId, false)
    assert.equal((await readAgencies(secret)).status, 401)
  })

  it('is shown with its reason in the list', async () => {
    const editor = await makeUser(t.deps, 'agency_editor', agency)
    await createThroughForm(editor, 'read')
    const issued = await resetUserPassword(t.deps, centralActor(), editor.userId)
    const client = t.client()
    await client.signIn(editor.username, issued.oneTimePassword, agency.code)
    await client.post('/account/password', {
      currentPassword: issued.oneTimePassword,
      newPassword: 'a brand new passphrase',
      confirmPassword: 'a brand new passphrase',
    })
    const $ = cheerio.load(await (await client.get('/account/tokens')).text())
    assert.match($('#tokens tbody').text(), /با بازنشانی رمز/)
  })
})

describe('notifying the owner', () => {
  it('tells the owner when a token is made for their account, from the form or the console', async () => {
    const editor = await makeUser(t.deps, 'agency_editor', agency)
    await createThroughForm(editor, 'read')
    await createApiToken(t.deps, null, editor.userId, 'کنسول')
    const inbox = await t.deps.db
      .selectFrom('notifications')
      .select(['subject', 'body', 'link'])
      .where('userId', '=', editor.userId)
      .where('kind', '=', 'account.token-created')
      .orderBy('id')
      .execute()
    assert.equal(inbox.length, 2)
    assert.match(inbox[0]?.body ?? '', /سامانهٔ read/)
    assert.match(inbox[1]?.body ?? '', /کنسول/)
    assert.equal(inbox[0]?.link, '/account/tokens')
  })
})
