import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Validator } from '@seriousme/openapi-schema-validator'
import * as cheerio from 'cheerio'
import { createTestApp, type TestApp } from '../../test/support/test-app.ts'
import { loggedPath } from './request-log.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
  // A route that fails unexpectedly, to see what the error handler shows.
  t.app.get('/__boom', () => {
    throw new Error('secret internal detail')
  })
  t.app.get('/api/v1/__boom', () => {
    throw new Error('secret internal detail')
  })
})
after(() => t.close())

describe('security headers', () => {
  it('sends a strict CSP without inline script and the other hardening headers', async () => {
    const res = await t.client().get('/')
    const csp = res.headers.get('content-security-policy') ?? ''
    assert.match(csp, /script-src 'self'(;|$)/)
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/)
    assert.match(csp, /frame-ancestors 'none'/)
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff')
    assert.equal(res.headers.get('strict-transport-security'), null, 'no HSTS over plain HTTP')
    const https = await t.app.request('https://portal.example/')
    assert.match(https.headers.get('strict-transport-security') ?? '', /max-age=/)
  })

  it('renders pages with no inline script or style attribute', async () => {
    const $ = cheerio.load(await (await t.client().get('/')).text())
    assert.equal($('script:not([src])').length, 0)
    assert.equal($('[style]').length, 0)
    assert.equal($('html').attr('lang'), 'fa')
    assert.equal($('html').attr('dir'), 'rtl')
  })
})

describe('CSRF', () => {
  it('refuses a cross-site form post even with a matching token', async () => {
    const client = t.client()
    const res = await client.request('/sign-in', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
      body: new URLSearchParams({ _csrf: client.csrfToken, username: 'x', password: 'y' }),
    })
    assert.equal(res.status, 403)
  })

  it('issues a CSRF cookie to a first-time visitor', async () => {
    const res = await t.app.request('/sign-in')
    assert.ok(
      res.headers.getSetCookie().some((c) => c.startsWith('mardom_csrf=') && /HttpOnly/.test(c)),
    )
  })
})

describe('errors', () => {
  it('shows a Persian 404 page', async () => {
    const res = await t.client().get('/no/such/page')
    assert.equal(res.status, 404)
    const $ = cheerio.load(await res.text())
    assert.equal($('h1').text(), 'صفحه پیدا نشد')
  })

  it('shows a Persian 500 page without internals, and problem+json on the API', async () => {
    const page = await t.client().get('/__boom')
    assert.equal(page.status, 500)
    const html = await page.text()
    assert.match(html, /مشکلی در سامانه پیش آمد/)
    assert.doesNotMatch(html, /secret internal detail/)
    const api = await t.app.request('/api/v1/__boom')
    assert.equal(api.status, 500)
    assert.match(api.headers.get('content-type') ?? '', /application\/problem\+json/)
    assert.doesNotMatch(await api.text(), /secret internal detail/)
  })

  it('refuses an oversized body with 413 and a Persian message', async () => {
    const client = t.client()
    const res = await client.post('/sign-in', {
      username: 'x',
      password: 'y'.repeat(1024 * 1024 + 10),
    })
    assert.equal(res.status, 413)
    assert.match(await res.text(), /حجم درخواست/)
  })

  it('answers unknown API paths with problem+json', async () => {
    const res = await t.app.request('/api/v1/nothing-here')
    assert.equal(res.status, 404)
    assert.equal(((await res.json()) as { status: number }).status, 404)
  })
})

describe('health', () => {
  it('reports liveness and readiness, and not ready while draining', async () => {
    assert.equal((await t.app.request('/healthz')).status, 200)
    assert.equal((await t.app.request('/readyz')).status, 200)
    t.deps.lifecycle.draining = true
    assert.equal((await t.app.request('/readyz')).status, 503)
    t.deps.lifecycle.draining = false
  })
})

describe('static assets', () => {
  it('serves the stylesheet and the Vazirmatn font with ETags', async () => {
    const css = await t.app.request('/assets/site.css')
    assert.equal(css.status, 200)
    const etag = css.headers.get('etag') ?? ''
    assert.ok(etag)
    assert.equal(
      (await t.app.request('/assets/site.css', { headers: { 'if-none-match': etag } })).status,
      304,
    )
    const font = await t.app.request('/assets/fonts/Vazirmatn[wght].woff2')
    assert.equal(font.status, 200)
    assert.equal(font.headers.get('content-type'), 'font/woff2')
  })
})

describe('OpenAPI', () => {
  it('publishes a document that passes an OpenAPI 3.1 validator', async () => {
    const res = await t.app.request('/api/v1/openapi.json')
    assert.equal(res.status, 200)
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> }
    assert.equal(doc.openapi, '3.1.0')
    assert.ok(doc.paths['/agencies'])
    assert.ok(doc.paths['/agencies/{id}'])
    const result = await new Validator().validate(doc)
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2))
  })

  it('has a human docs page listing every operation', async () => {
    const $ = cheerio.load(await (await t.client().get('/api/docs')).text())
    const ops = $('.mr-api-op h3')
      .map((_, h) => $(h).text().replace(/\s+/g, ' ').trim())
      .get()
    assert.ok(ops.some((o) => o.includes('GET') && o.includes('/api/v1/agencies')))
    assert.ok(ops.some((o) => o.includes('PATCH') && o.includes('/api/v1/agencies/{id}')))
  })
})

describe('request log', () => {
  it('never logs the secret of a one-time rating link', () => {
    assert.equal(loggedPath('/rate/abcDEF123_-xyz'), '/rate/…')
    assert.equal(loggedPath('/rate/abc/extra'), '/rate/…/extra')
    assert.equal(loggedPath('/services/x'), '/services/x')
  })
})
