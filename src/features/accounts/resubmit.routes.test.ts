import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import { type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { refused } from '../../../test/support/forms.ts'
import { checkedPage } from '../../../test/support/pages.ts'
import {
  apiRequest,
  createTestApp,
  type TestApp,
  type TestClient,
} from '../../../test/support/test-app.ts'
import { FORM_ONCE_FIELD } from '../../web/form-once.ts'
import type { Agency } from '../agencies/index.ts'
import { onceToken } from './issued.test-helpers.ts'

// Issue 17 item 10: refreshing the one-time-password page created a second account. A creating
// form now answers 303 to a page that shows the secret once, and the same form sent again (back
// and resubmit, a double click) creates nothing more.

let t: TestApp
let agencyA: Agency
let centralAdmin: MadeUser
let adminA: MadeUser
let editorA: MadeUser

before(async () => {
  t = await createTestApp()
  agencyA = await makeAgency(t.deps, { nameFa: 'سازمان بازفرستادن' })
  centralAdmin = await makeUser(t.deps, 'central_admin')
  adminA = await makeUser(t.deps, 'agency_admin', agencyA)
  editorA = await makeUser(t.deps, 'agency_editor', agencyA)
})
after(() => t.close())

/** Posts the same filled-in form twice (the second as a resubmission or a double click). */
async function postTwice(
  client: TestClient,
  path: string,
  fields: Record<string, string>,
  together = false,
): Promise<string> {
  const posts = together
    ? await Promise.all([client.post(path, fields), client.post(path, fields)])
    : [await client.post(path, fields), await client.post(path, fields)]
  const [first, second] = posts.map((res) => {
    assert.equal(res.status, 303, `${path} → ${res.status}`)
    return res.headers.get('location') ?? ''
  })
  assert.ok(first?.startsWith('/'), `a result page: ${first}`)
  assert.equal(second, first, 'the resubmission leads to the first result')
  return first ?? ''
}

/** The result page: the secret on the first GET only, never in its address. */
async function shownOnce(client: TestClient, location: string): Promise<string> {
  const res = await client.get(location)
  assert.equal(res.status, 200)
  assert.equal(res.headers.get('cache-control'), 'no-store')
  const secret = cheerio
    .load(await res.text())('.mr-panel__code code')
    .text()
  assert.ok(secret.length >= 14, `a secret is shown: ${secret}`)
  assert.ok(!location.includes(secret), 'the secret is not in the address')
  const again = await client.get(location)
  assert.equal(again.status, 410)
  const text = await again.text()
  assert.ok(!text.includes(secret), 'a second GET does not show it')
  assert.match(cheerio.load(text)('#secret-gone').text(), /فقط یک بار/)
  return secret
}

describe('issuing an agency’s credentials', () => {
  it('creates one agency admin for a form sent twice, and shows the password once', async () => {
    const fresh = await makeAgency(t.deps, { nameFa: 'سازمان یک‌بار' })
    const client = await signedIn(t, centralAdmin)
    const path = `/admin/agencies/${fresh.code}/credentials`
    const fields = {
      displayName: 'مریم احمدی',
      email: '',
      [FORM_ONCE_FIELD]: await onceToken(client, path),
    }
    const location = await postTwice(client, path, fields)
    const admins = await t.deps.db
      .selectFrom('users')
      .select('username')
      .where('agencyId', '=', fresh.id)
      .execute()
    assert.deepEqual(admins, [{ username: `a${fresh.code}-admin` }], 'one account')
    const otp = await shownOnce(client, location)
    const holder = t.client()
    const signIn = await holder.signIn(`a${fresh.code}-admin`, otp, fresh.code)
    assert.equal(signIn.headers.get('location'), '/account/password', 'the shown password works')
  })

  it('refuses a form without its one-time token with a Persian message, creating nothing', async () => {
    const fresh = await makeAgency(t.deps, { nameFa: 'سازمان بی‌نشانه' })
    const client = await signedIn(t, centralAdmin)
    const path = `/admin/agencies/${fresh.code}/credentials`
    const html = await refused(t, client, path, { displayName: 'کسی', email: '' }, 422)
    const $ = await checkedPage(new Response(html))
    assert.match($('.mr-error-summary').text(), /فرم کهنه است/)
    const newToken = $(`input[name="${FORM_ONCE_FIELD}"]`).val()
    assert.ok(
      typeof newToken === 'string' && newToken.length === 43,
      'the form comes back with a token',
    )
  })
})

describe('adding a user', () => {
  it('adds one user for a double click, shows the password once and to no one else', async () => {
    const client = await signedIn(t, adminA)
    const path = '/admin/users/new'
    const fields = {
      usernamePart: 'double.click',
      displayName: 'دوبار کلیک',
      email: '',
      role: 'agency_editor',
      [FORM_ONCE_FIELD]: await onceToken(client, path),
    }
    const location = await postTwice(client, path, fields, true)
    const rows = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', `a${agencyA.code}-double.click`)
      .execute()
    assert.equal(rows.length, 1)
    // Another staff member with the address sees nothing, and does not use up the page.
    const other = await (await signedIn(t, centralAdmin)).get(location)
    assert.equal(other.status, 410)
    await shownOnce(client, location)
  })

  it('lets a form refused for a taken username be corrected and sent with the same token', async () => {
    const client = await signedIn(t, adminA)
    const once = await onceToken(client, '/admin/users/new')
    const taken = editorA.username.slice(`a${agencyA.code}-`.length)
    const fields = {
      displayName: 'اصلاح‌شده',
      email: '',
      role: 'agency_editor',
      [FORM_ONCE_FIELD]: once,
    }
    const refusedRes = await client.post('/admin/users/new', { ...fields, usernamePart: taken })
    assert.equal(refusedRes.status, 422)
    const corrected = await client.post('/admin/users/new', {
      ...fields,
      usernamePart: 'corrected',
    })
    assert.equal(corrected.status, 303)
    await shownOnce(client, corrected.headers.get('location') ?? '')
  })

  it('adds one central staff member for a form sent twice', async () => {
    const client = await signedIn(t, centralAdmin)
    const path = '/admin/users/new-central'
    const fields = {
      username: 'twice.central',
      displayName: 'ناظر دوباره',
      email: '',
      role: 'central_supervisor',
      [FORM_ONCE_FIELD]: await onceToken(client, path),
    }
    const location = await postTwice(client, path, fields)
    const rows = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'twice.central')
      .execute()
    assert.equal(rows.length, 1)
    await shownOnce(client, location)
  })
})

describe('resetting a password', () => {
  it('resets once for a form sent twice: the shown password is the one that works', async () => {
    const user = await makeUser(t.deps, 'agency_editor', agencyA)
    const client = await signedIn(t, adminA)
    const page = `/admin/users/${user.userId}`
    const fields = { [FORM_ONCE_FIELD]: await onceToken(client, page) }
    const location = await postTwice(client, `${page}/reset-password`, fields)
    const resets = await t.deps.db
      .selectFrom('auditEvents')
      .select('id')
      .where('entityId', '=', user.userId)
      .where('action', '=', 'reset-password')
      .execute()
    assert.equal(resets.length, 1, 'one reset')
    const otp = await shownOnce(client, location)
    const signIn = await t.client().signIn(user.username, otp, agencyA.code)
    assert.equal(signIn.headers.get('location'), '/account/password')
  })

  it('refuses a reset form without its token on the user’s page, resetting nothing', async () => {
    const user = await makeUser(t.deps, 'agency_editor', agencyA)
    const path = `/admin/users/${user.userId}/reset-password`
    const html = await refused(t, await signedIn(t, adminA), path, {}, 422)
    assert.match(
      (await checkedPage(new Response(html)))('.mr-error-summary').text(),
      /فرم کهنه است/,
    )
  })
})

describe('creating an API token', () => {
  it('creates one token for a form sent twice; its secret is shown once and works', async () => {
    const client = await signedIn(t, editorA)
    const path = '/account/tokens'
    const fields = {
      name: 'یک بار',
      access: 'read',
      [FORM_ONCE_FIELD]: await onceToken(client, path),
    }
    const location = await postTwice(client, path, fields)
    const tokens = await t.deps.db
      .selectFrom('apiTokens')
      .select('id')
      .where('userId', '=', editorA.userId)
      .where('name', '=', 'یک بار')
      .execute()
    assert.equal(tokens.length, 1)
    const secret = await shownOnce(client, location)
    assert.equal(
      (await apiRequest(t.app, 'GET', '/api/v1/agencies', { token: secret })).status,
      200,
    )
  })
})
