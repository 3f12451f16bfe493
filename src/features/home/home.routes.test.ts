import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { signedIn } from '../../../test/support/clients.ts'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeDraftService,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { PUBLIC_CACHE_CONTROL } from '../../web/cache-policy.ts'
import { AGENCIES_CACHE_TAG, type Agency } from '../agencies/index.ts'
import type { Law } from '../laws/index.ts'
import { CATALOGUE_CACHE_TAG } from '../services/index.ts'

let t: TestApp
let ministry: Agency
let organisation: Agency
let law: Law
let editor: MadeUser
let publisher: MadeUser

/** A home page as an anonymous visitor gets it, parsed. */
async function home() {
  const res = await t.client().get('/')
  assert.equal(res.status, 200)
  return { res, $: cheerio.load(await res.text()) }
}

/** The «label → count» of a list of links under the heading `h2`. */
function facet($: cheerio.CheerioAPI, h2: string): Record<string, string> {
  const list = $('h2')
    .filter((_, el) => $(el).text() === h2)
    .next('ul')
  return Object.fromEntries(
    list
      .find('li')
      .map((_, li) => [[$(li).find('a').attr('href'), $(li).find('.mr-hint-inline').text()]])
      .get(),
  )
}

function ministryNames($: cheerio.CheerioAPI): string[] {
  return $('a[href^="/agencies/"]')
    .map((_, a) => $(a).text())
    .get()
}

before(async () => {
  t = await createTestApp()
  ministry = await makeAgency(t.deps, { level: 'ministry', nameFa: 'وزارت آزمون صفحهٔ اصلی' })
  organisation = await makeAgency(t.deps, { parentId: ministry.id, nameFa: 'سازمان زیرمجموعه' })
  law = await makeLaw(t.deps)
  editor = await makeUser(t.deps, 'agency_editor', organisation)
  publisher = await makeUser(t.deps, 'agency_admin', organisation)
  await makePublishedService(
    t.deps,
    organisation,
    completeContent('صدور گواهی آزمایشی', law.id, {
      audiences: ['G2C', 'G2B'],
      lifeEvents: ['documents', 'birth'],
    }),
  )
  await makePublishedService(t.deps, organisation, completeContent('خدمت دوم', law.id))
  // A draft that was never published counts nowhere.
  await makeDraftService(
    t.deps,
    organisation,
    'home-unpublished',
    completeContent('پیش‌نویس منتشرنشده', law.id, { audiences: ['G2G'], lifeEvents: ['tax'] }),
  )
})
after(() => t.close())

describe('GET /', () => {
  it('is a Persian, right-to-left page with a search box that submits to /search', async () => {
    const { res, $ } = await home()
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/)
    assert.equal($('html').attr('lang'), 'fa')
    assert.equal($('html').attr('dir'), 'rtl')
    assert.equal($('h1').text(), 'پرتال مردم')
    const search = $('form.mr-search-hero')
    assert.equal(search.attr('action'), '/search')
    assert.equal(search.attr('method'), 'get')
    assert.equal(search.attr('role'), 'search')
    assert.equal(search.find('input[type="search"]').attr('name'), 'q')
    assert.equal(search.find('label').attr('for'), search.find('input').attr('id'))
    assert.ok($('script[src="/assets/search.js"]').length, 'loads the suggestions script')
  })

  it('lists every audience with the count of published services for it', async () => {
    const { $ } = await home()
    assert.deepEqual(facet($, 'خدمات برای'), {
      '/services?audience=G2C': '۲ خدمت',
      '/services?audience=G2B': '۱ خدمت',
      '/services?audience=G2G': '۰ خدمت',
    })
    assert.match($('a[href="/services?audience=G2C"]').text(), /خدمات به شهروندان/)
  })

  it('lists only the life events that published services serve', async () => {
    const { $ } = await home()
    assert.deepEqual(facet($, 'رویدادهای زندگی'), {
      '/services?lifeEvent=birth': '۱',
      '/services?lifeEvent=documents': '۲',
    })
    assert.equal($('a[href="/services?lifeEvent=documents"]').text(), 'مدارک و گواهی‌نامه‌ها')
  })

  it('counts every agency and names the ministries only', async () => {
    const { $ } = await home()
    assert.match($('main').text(), /۲ دستگاه در پرتال ثبت شده است/)
    assert.deepEqual(ministryNames($), ['وزارت آزمون صفحهٔ اصلی'])
    assert.equal($(`a[href="/agencies/${ministry.code}"]`).text(), 'وزارت آزمون صفحهٔ اصلی')
    assert.equal($('a[href="/agencies"]').length >= 1, true)
    assert.equal($('a[href="/sign-in"]').length >= 1, true)
  })
})

describe('the cached home page', () => {
  it('serves anonymous visitors the same bytes with an ETag, and 304 when they have them', async () => {
    const first = await t.client().get('/')
    const etag = first.headers.get('etag')
    assert.ok(etag)
    assert.equal(first.headers.get('cache-control'), PUBLIC_CACHE_CONTROL)
    const second = await t.client().get('/')
    assert.equal(second.headers.get('etag'), etag)
    assert.equal(await second.text(), await first.text())
    const revalidated = await t.client().get('/', { 'if-none-match': etag })
    assert.equal(revalidated.status, 304)
    assert.equal(await revalidated.text(), '')
  })

  it('keeps showing the cached page until the agencies tag is invalidated', async () => {
    await home()
    await makeAgency(t.deps, { level: 'ministry', nameFa: 'وزارت تازه‌ثبت‌شده' })
    assert.ok(!ministryNames((await home()).$).includes('وزارت تازه‌ثبت‌شده'), 'still cached')
    const staff = await signedIn(t, editor)
    const fresh = cheerio.load(await (await staff.get('/')).text())
    assert.ok(ministryNames(fresh).includes('وزارت تازه‌ثبت‌شده'), 'staff always get a fresh page')
    t.deps.pageCache.invalidate(AGENCIES_CACHE_TAG)
    const { $ } = await home()
    assert.ok(ministryNames($).includes('وزارت تازه‌ثبت‌شده'))
    assert.match($('main').text(), /۳ دستگاه در پرتال ثبت شده است/)
  })

  it('keeps showing the cached counts until the catalogue tag is invalidated', async () => {
    await home()
    await makePublishedService(
      t.deps,
      organisation,
      completeContent('خدمت سلامت', law.id, { lifeEvents: ['health'] }),
    )
    assert.equal(
      facet((await home()).$, 'رویدادهای زندگی')['/services?lifeEvent=health'],
      undefined,
    )
    t.deps.pageCache.invalidate(CATALOGUE_CACHE_TAG)
    const { $ } = await home()
    assert.equal(facet($, 'رویدادهای زندگی')['/services?lifeEvent=health'], '۱')
    assert.equal(facet($, 'خدمات برای')['/services?audience=G2C'], '۳ خدمت')
  })

  it('is refreshed when an agency admin publishes a service', async () => {
    await home()
    const draft = await makeDraftService(
      t.deps,
      organisation,
      'home-published-by-editor',
      completeContent('خدمت مالیاتی', law.id, { audiences: ['G2G'], lifeEvents: ['tax'] }),
    )
    const res = await (await signedIn(t, publisher)).post(`/admin/services/${draft.id}/publish`, {
      changeNote: 'انتشار نخست',
    })
    assert.equal(res.status, 303, await res.text())
    const { $ } = await home()
    assert.equal(facet($, 'خدمات برای')['/services?audience=G2G'], '۱ خدمت')
    assert.equal(facet($, 'رویدادهای زندگی')['/services?lifeEvent=tax'], '۱')
  })
})
