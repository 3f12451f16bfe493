import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Hono } from 'hono'
import { makeAgency, makeToken, makeUser } from '../../test/support/fixtures.ts'
import { apiRequest, createTestApp, type TestApp } from '../../test/support/test-app.ts'
import { PUBLIC_CACHE_CONTROL } from './cache-policy.ts'
import { apiEtag, etagMatches } from './etag.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
  await makeAgency(t.deps, { nameFa: 'سازمان نمونه برای ETag' })
})
after(() => t.close())

describe('etagMatches', () => {
  it('compares weakly, lists and *', () => {
    assert.equal(etagMatches('"abc"', '"abc"'), true)
    assert.equal(etagMatches('W/"abc"', '"abc"'), true)
    assert.equal(etagMatches('"x", W/"abc"', '"abc"'), true)
    assert.equal(etagMatches('*', '"abc"'), true)
    assert.equal(etagMatches('"abd"', '"abc"'), false)
    assert.equal(etagMatches(undefined, '"abc"'), false)
  })
})

describe('API ETags', () => {
  it('gives a GET an ETag and the public policy, and answers a matching If-None-Match with 304 and no body', async () => {
    const first = await t.app.request('/api/v1/agencies')
    assert.equal(first.status, 200)
    const etag = first.headers.get('etag')
    assert.match(etag ?? '', /^"[A-Za-z0-9_-]{27}"$/)
    assert.equal(first.headers.get('cache-control'), PUBLIC_CACHE_CONTROL)
    const body = await first.text()
    assert.match(body, /سازمان نمونه برای ETag/)

    const again = await t.app.request('/api/v1/agencies')
    assert.equal(again.headers.get('etag'), etag, 'same data, same ETag')

    const revalidated = await t.app.request('/api/v1/agencies', {
      headers: { 'if-none-match': etag ?? '' },
    })
    assert.equal(revalidated.status, 304)
    assert.equal(await revalidated.text(), '')
    assert.equal(revalidated.headers.get('etag'), etag)
    assert.equal(revalidated.headers.get('cache-control'), PUBLIC_CACHE_CONTROL)
    assert.equal(revalidated.headers.get('x-content-type-options'), 'nosniff')

    const weak = await t.app.request('/api/v1/agencies', {
      headers: { 'if-none-match': `W/${etag}` },
    })
    assert.equal(weak.status, 304, 'a proxy may have weakened it')
  })

  it('changes the ETag when the data changes through a public write', async () => {
    const before = (await t.app.request('/api/v1/agencies')).headers.get('etag')
    const central = await makeUser(t.deps, 'central_admin')
    const created = await apiRequest(t.app, 'POST', '/api/v1/agencies', {
      token: await makeToken(t.deps, central.userId),
      body: { nameFa: 'سازمان دیگر', nameEn: 'Another', level: 'organisation' },
    })
    assert.equal(created.status, 201)
    const res = await t.app.request('/api/v1/agencies', {
      headers: { 'if-none-match': before ?? '' },
    })
    assert.equal(res.status, 200)
    assert.notEqual(res.headers.get('etag'), before)
    assert.match(await res.text(), /سازمان دیگر/)
  })

  it('answers HEAD with the same ETag and no body', async () => {
    const get = await t.app.request('/api/v1/agencies')
    const head = await t.app.request('/api/v1/agencies', { method: 'HEAD' })
    assert.equal(head.status, 200)
    assert.equal(head.headers.get('etag'), get.headers.get('etag'))
    assert.equal(await head.text(), '')
  })

  it('puts no ETag or caching on errors', async () => {
    const res = await t.app.request('/api/v1/services/00000000-0000-4000-8000-000000000000')
    assert.equal(res.status, 404)
    assert.equal(res.headers.get('etag'), null)
    assert.equal(res.headers.get('cache-control'), null)
    const bad = await t.app.request('/api/v1/services?pageSize=5000')
    assert.equal(bad.status, 422)
    assert.equal(bad.headers.get('etag'), null)
  })

  it('marks responses to authenticated requests private', async () => {
    const agency = await makeAgency(t.deps)
    const user = await makeUser(t.deps, 'agency_admin', agency)
    const token = await makeToken(t.deps, user.userId)
    const res = await t.app.request('/api/v1/agencies', {
      headers: { authorization: `Bearer ${token}` },
    })
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('cache-control'), 'private, no-cache')
  })

  it('leaves writes alone and keeps an ETag a route set itself', async () => {
    const app = new Hono()
    app.use('*', apiEtag())
    app.get('/own', (c) => c.body('streamed', 200, { ETag: '"mine"' }))
    app.post('/write', (c) => c.json({ ok: true }))
    const own = await app.request('/own', { headers: { 'if-none-match': '"mine"' } })
    assert.equal(own.status, 304)
    const plain = await app.request('/own')
    assert.equal(plain.headers.get('etag'), '"mine"')
    assert.equal(await plain.text(), 'streamed')
    const write = await app.request('/write', { method: 'POST' })
    assert.equal(write.headers.get('etag'), null)
    assert.equal(write.headers.get('cache-control'), null)
  })
})
