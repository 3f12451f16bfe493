import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import {
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'

/**
 * Site-wide conventions of issue 17 item 9, checked over the public pages: the icon, one
 * spelling of «جست‌وجو», Persian digits in document titles.
 */
let t: TestApp
let slug = ''
before(async () => {
  t = await createTestApp()
  const agency = await makeAgency(t.deps)
  const law = await makeLaw(t.deps)
  const content = completeContent('صدور گواهی نمونه', law.id)
  const made = await makePublishedService(t.deps, agency, content, [
    { content: { ...content, summary: `${content.summary} (بازنگری)` }, changeNote: 'بازنگری' },
  ])
  slug = made.slug
})
after(() => t.close())

const PUBLIC_PAGES = () => [
  '/',
  '/search',
  `/search?q=${encodeURIComponent('گواهی')}`,
  '/services',
  `/services/${slug}`,
  `/services/${slug}/history`,
  `/services/${slug}/v/1`,
  `/services/${slug}/v/2`,
  '/agencies',
  '/calendar',
  '/open-data',
  '/contact',
  '/privacy',
  '/accessibility',
]

/** «جستجو» written solid, without the zero-width non-joiner of «جست‌وجو». */
const SOLID_SPELLING = /جستجو/

describe('every public page', () => {
  it('spells «جست‌وجو» one way', async () => {
    for (const path of PUBLIC_PAGES()) {
      const res = await t.client().get(path)
      assert.equal(res.status, 200, path)
      const body = await res.text()
      assert.doesNotMatch(body, SOLID_SPELLING, `${path} writes «جستجو»`)
      assert.match(cheerio.load(body)('header form[role=search] button').text(), /^جست‌وجو$/)
    }
  })

  it('links the icon', async () => {
    for (const path of PUBLIC_PAGES()) {
      const $ = cheerio.load(await (await t.client().get(path)).text())
      assert.equal($('head link[rel=icon][href="/favicon.ico"]').length, 1, path)
      assert.equal($('head link[rel=icon][type="image/svg+xml"]').length, 1, path)
    }
  })

  it('writes the numbers in its document title in Persian digits («(نسخهٔ ۱)»)', async () => {
    for (const path of PUBLIC_PAGES()) {
      const $ = cheerio.load(await (await t.client().get(path)).text())
      assert.doesNotMatch($('title').text(), /[0-9]/, `${path}: «${$('title').text()}»`)
    }
    const $ = cheerio.load(await (await t.client().get(`/services/${slug}/v/1`)).text())
    assert.match($('title').text(), /\(نسخهٔ ۱\)/)
  })

  it('the calendar page title «تعطیلات رسمی ۱۴۰۵» in Persian digits', async () => {
    const $ = cheerio.load(await (await t.client().get('/calendar')).text())
    assert.match($('title').text(), /^تعطیلات رسمی [۰-۹]{4} — /, $('title').text())
  })
})

describe('GET /favicon.ico', () => {
  it('is a 32 px PNG icon in an ICO file, cached for a day and revalidated by its ETag', async () => {
    const res = await t.client().get('/favicon.ico')
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), 'image/x-icon')
    assert.equal(res.headers.get('cache-control'), 'public, max-age=86400')
    const bytes = Buffer.from(await res.arrayBuffer())
    assert.deepEqual([...bytes.subarray(0, 6)], [0, 0, 1, 0, 1, 0], 'ICO header, one image')
    assert.equal(bytes[6], 32)
    assert.equal(bytes[7], 32)
    const size = bytes.readUInt32LE(14)
    const offset = bytes.readUInt32LE(18)
    assert.equal(offset + size, bytes.length)
    assert.equal(bytes.subarray(offset + 1, offset + 4).toString('ascii'), 'PNG')
    const etag = res.headers.get('etag')
    assert.ok(etag)
    const again = await t.client().get('/favicon.ico', { 'if-none-match': etag })
    assert.equal(again.status, 304)
  })

  it('has an SVG twin under /assets', async () => {
    const res = await t.client().get('/assets/favicon.svg')
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), 'image/svg+xml')
    assert.match(
      await res.text(),
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32">/,
    )
  })
})
