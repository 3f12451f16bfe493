import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../test/support/clients.ts'
import { dbSnapshot } from '../../test/support/db-snapshot.ts'
import {
  completeContent,
  makeAgency,
  makeDraftService,
  makeLaw,
  makeToken,
  makeUser,
} from '../../test/support/fixtures.ts'
import { apiRequest, createTestApp, type TestApp } from '../../test/support/test-app.ts'
import type { Agency } from '../features/agencies/index.ts'
import { CSRF_FIELD } from './csrf.ts'

/** Issue 11 items 4 and 14: the body boundary (`web/body.ts`) in front of every route. */
describe('request bodies at the input boundary', () => {
  let t: TestApp
  let agency: Agency
  let token: string
  before(async () => {
    t = await createTestApp()
    agency = await makeAgency(t.deps)
    const admin = await makeUser(t.deps, 'agency_admin', agency)
    token = await makeToken(t.deps, admin.userId)
  })
  after(() => t.close())

  const boundary = '----mardom'
  const part = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`

  it('answers malformed multipart with 400 and a Persian page, even on the anonymous sign-in', async () => {
    const client = t.client()
    const fields = `${part(CSRF_FIELD, client.csrfToken)}${part('username', 'a')}${part('password', 'b')}`
    const cases: [string, string][] = [
      [fields, `multipart/form-data; boundary=${boundary}`], // no closing boundary
      [`${fields}--${boundary}--\r\n`, 'multipart/form-data; boundary=other'], // wrong boundary
      [`${fields}--${boundary}--\r\n`, 'multipart/form-data'], // no boundary at all
    ]
    for (const [body, contentType] of cases) {
      const snapshot = await dbSnapshot(t.deps.db)
      const res = await client.request('/sign-in', {
        method: 'POST',
        body,
        headers: { 'content-type': contentType },
      })
      assert.equal(res.status, 400, contentType)
      const html = await res.text()
      assert.match(html, /<html lang="fa" dir="rtl"/)
      assert.match(html, /فرم فرستاده‌شده خوانا نیست/)
      assert.deepEqual(await dbSnapshot(t.deps.db), snapshot)
    }
  })

  it('still reads a well-formed multipart form', async () => {
    const client = t.client()
    const body = `${part(CSRF_FIELD, client.csrfToken)}${part('username', 'nobody')}${part('password', 'wrong')}--${boundary}--\r\n`
    const res = await client.request('/sign-in', {
      method: 'POST',
      body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    })
    assert.equal(res.status, 422, 'a wrong password, not an unreadable form')
  })

  it('refuses a NUL or a lone surrogate in any text field with 422 and a Persian message, storing nothing', async () => {
    const central = await signedIn(t, await makeUser(t.deps, 'central_admin'))
    // A form cannot carry a lone surrogate (UTF-8 has none: it arrives as U+FFFD); JSON can.
    for (const nameFa of ['سازمان\u0000نمونه', '\u0000']) {
      const snapshot = await dbSnapshot(t.deps.db)
      const res = await central.post('/admin/agencies/new', { nameFa, level: 'ministry' })
      assert.equal(res.status, 422)
      assert.match(await res.text(), /متن فرستاده‌شده نویسه/)
      assert.deepEqual(await dbSnapshot(t.deps.db), snapshot)
    }
    for (const body of ['{"nameFa": "\\u0000", "level": "ministry"}', '{"nameFa": "\\udc00"}']) {
      const res = await t.app.request('/api/v1/agencies', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      })
      assert.equal(res.status, 422)
      assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8')
      const problem = (await res.json()) as { detail: string; type: string }
      assert.match(problem.type, /^\/problems\/body\./)
      assert.match(problem.detail, /متن فرستاده‌شده نویسه/)
    }
  })

  it('answers broken and too deeply nested JSON with 422 problem+json', async () => {
    for (const body of ['{', `${'['.repeat(10_000)}${']'.repeat(10_000)}`]) {
      const res = await t.app.request('/api/v1/agencies', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      })
      assert.equal(res.status, 422)
      assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8')
    }
  })

  it('refuses an encoded NUL in the path', async () => {
    const res = await t.client().get('/services/a%00b')
    assert.equal(res.status, 400)
  })

  it('strips bidi overrides from a change note sent through the API, so none reaches the history page (item 14)', async () => {
    const law = await makeLaw(t.deps)
    const draft = await makeDraftService(
      t.deps,
      agency,
      'bidi-note',
      completeContent('خدمت یادداشت دوسویه', law.id),
    )
    const res = await apiRequest(t.app, 'POST', `/api/v1/services/${draft.id}/publish`, {
      token,
      body: { changeNote: '\u202eنسخهٔ نخست\u202c \u2067با تغییر\u2069' },
    })
    assert.equal(res.status, 200, await res.clone().text())
    const stored = await t.deps.db
      .selectFrom('serviceVersions')
      .select('changeNote')
      .where('serviceId', '=', draft.id)
      .executeTakeFirstOrThrow()
    assert.equal(stored.changeNote, 'نسخهٔ نخست با تغییر')
    const history = await (await t.client().get('/services/bidi-note/history')).text()
    assert.match(history, /نسخهٔ نخست با تغییر/)
    assert.doesNotMatch(history, /[\u202a-\u202e\u2066-\u2069]/)
  })
})
