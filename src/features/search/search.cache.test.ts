import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import {
  actorOf,
  completeContent,
  makeAgency,
  makeDraftService,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { apiRequest, createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Actor } from '../../lib/actor.ts'
import { searchTokens } from '../../lib/fa/normalize.ts'
import { PageCache } from '../../web/page-cache.ts'
import type { Agency } from '../agencies/index.ts'
import { publishService, setServiceWithdrawn } from '../catalogue/index.ts'
import { CATALOGUE_CACHE_TAG } from '../services/index.ts'
import {
  NO_FILTERS,
  type SearchFilters,
  searchCachesOf,
  searchCatalogue,
  searchUncached,
  suggestForTyping,
} from './search.actions.ts'
import { LruCache, SearchCaches } from './search.cache.ts'

let t: TestApp
let lawId: string
let agency: Agency
let office: Agency
let publisher: Actor
const ids = new Map<string, string>()
let slugN = 0

async function published(key: string, on: Agency, title: string, names: string[] = []) {
  const content = completeContent(title, lawId, { popularNames: names, keywords: [] })
  const { service } = await makePublishedService(t.deps, on, content)
  ids.set(key, service.id)
  return service.id
}

/** Publishes through the one publish command (its transaction, index update and cache tags). */
async function publishedByCommand(title: string, names: string[] = []) {
  slugN++
  const content = completeContent(title, lawId, { popularNames: names, keywords: [] })
  const service = await makeDraftService(t.deps, agency, `cache-test-${slugN}`, content)
  const result = await publishService(t.deps, publisher, service.id, 'نخستین انتشار')
  assert.equal(result.ok, true)
  return service.id
}

function req(q: string, filters: SearchFilters = NO_FILTERS, page = 1) {
  return { q, filters, page, pageSize: 20, record: false }
}

const titlesOf = async (q: string) =>
  (await searchCatalogue(t.deps, req(q))).items.map((i) => i.title)
const suggested = async (q: string) => (await suggestForTyping(t.deps, q)).map((s) => s.title)

before(async () => {
  t = await createTestApp()
  lawId = (await makeLaw(t.deps)).id
  agency = await makeAgency(t.deps, { nameFa: 'سازمان آزمون نهان‌گاه', level: 'ministry' })
  office = await makeAgency(t.deps, {
    nameFa: 'اداره کل آزمون نهان‌گاه استان فارس',
    level: 'provincial_office',
    parentId: agency.id,
    provinceCode: '07',
  })
  const admin = await makeUser(t.deps, 'agency_admin', agency)
  publisher = actorOf(admin, 'agency_admin', agency)
  await published('passport', agency, 'صدور گذرنامه', ['پاسپورت'])
  await published('student', office, 'گذرنامه دانشجویی')
  await published('licence', agency, 'صدور گواهی\u200cنامه رانندگی', ['لاینسنس'])
  await published('card', office, 'صدور کارت ملی هوشمند')
})
after(() => t.close())

describe('the search result cache', () => {
  it('answers a repeated search from memory with what the database answers', async () => {
    const caches = searchCachesOf(t.deps)
    const cases: [string, SearchFilters][] = [
      ['گذرنامه', NO_FILTERS],
      ['گذرنامه', { ...NO_FILTERS, provinces: ['07'] }],
      ['گذرنامه', { ...NO_FILTERS, agencies: [office.code], audiences: ['G2C'] }],
      ['گذنامه', NO_FILTERS], // a typo: corrected readings
      ['قثفغعهخ', NO_FILTERS], // nothing
      ['', { ...NO_FILTERS, provinces: ['07'] }],
    ]
    for (const [q, filters] of cases) {
      const fresh = await searchUncached(t.deps, searchTokens(q).slice(0, 12), req(q, filters))
      const hitsBefore = caches.hits
      const first = await searchCatalogue(t.deps, req(q, filters))
      const second = await searchCatalogue(t.deps, req(q, filters))
      assert.equal(caches.hits, hitsBefore + 1, `${q}: the second is a hit`)
      assert.deepEqual(first, fresh, q)
      assert.equal(second, first, `${q}: the same answer, not a copy`)
    }
  })

  it('keys by the normalised words: spellings that search the same share one entry', async () => {
    const caches = searchCachesOf(t.deps)
    const a = await searchCatalogue(t.deps, req('گذرنامه  دانشجويي'))
    const hits = caches.hits
    const b = await searchCatalogue(t.deps, req('گـذرنامه دانشجویی'))
    assert.equal(caches.hits, hits + 1)
    assert.equal(b, a)
    // Another page or filter is another entry.
    const page2 = await searchCatalogue(t.deps, req('گذرنامه دانشجویی', NO_FILTERS, 2))
    assert.notEqual(page2, a)
    assert.equal(page2.items.length, 0)
  })

  it('serves answers that nobody can change', async () => {
    const r = await searchCatalogue(t.deps, req('گذرنامه'))
    assert.ok(Object.isFrozen(r) && Object.isFrozen(r.items) && Object.isFrozen(r.items[0]))
    assert.throws(() => {
      ;(r.items as unknown[]).push(null)
    }, TypeError)
  })

  it('drops a withdrawn service from a repeated search at once, and brings it back', async () => {
    const id = ids.get('student') ?? ''
    const pageUrl = `/search?q=${encodeURIComponent('گذرنامه')}`
    assert.ok((await titlesOf('گذرنامه')).includes('گذرنامه دانشجویی'))
    assert.match(await (await t.client().get(pageUrl)).text(), /دانشجویی/)
    const admin = await makeUser(t.deps, 'agency_admin', office)
    await setServiceWithdrawn(t.deps, actorOf(admin, 'agency_admin', office), id, 'منسوخ')
    assert.deepEqual(await titlesOf('گذرنامه'), ['صدور گذرنامه'])
    // The page's rendered content is dropped with the answer.
    assert.doesNotMatch(await (await t.client().get(pageUrl)).text(), /دانشجویی/)
    assert.equal((await searchCatalogue(t.deps, req('دانشجویی'))).total, 0)
    await setServiceWithdrawn(t.deps, actorOf(admin, 'agency_admin', office), id, null)
    assert.deepEqual(
      (await titlesOf('گذرنامه')).sort(),
      ['صدور گذرنامه', 'گذرنامه دانشجویی'].sort(),
    )
  })

  it('shows a newly published service in a repeated search at once', async () => {
    assert.deepEqual(await titlesOf('تابعیت'), [])
    const id = await publishedByCommand('درخواست تابعیت')
    assert.deepEqual(await titlesOf('تابعیت'), ['درخواست تابعیت'])
    // Also in the API, which is answered from the same cache.
    const res = await apiRequest(t.app, 'GET', `/api/v1/search?q=${encodeURIComponent('تابعیت')}`)
    const body = (await res.json()) as { items: { id: string }[]; total: number }
    assert.equal(body.total, 1)
    assert.equal(body.items[0]?.id, id)
  })

  it('drops its answers when another process marks the catalogue changed (NOTIFY → tag)', async () => {
    const before = await titlesOf('هوشمند')
    assert.deepEqual(before, ['صدور کارت ملی هوشمند'])
    // A write this process does not see: what another process's publish looks like from here.
    await sql`UPDATE search_entries SET title = 'صدور کارت ملی هوشمند نو'
              WHERE service_id = ${ids.get('card') ?? ''}`.execute(t.deps.db)
    assert.deepEqual(await titlesOf('هوشمند'), before, 'still the kept answer')
    // main.ts invalidates the page cache with each tag the cache channel delivers.
    t.deps.pageCache.invalidate(CATALOGUE_CACHE_TAG)
    assert.deepEqual(await titlesOf('هوشمند'), ['صدور کارت ملی هوشمند نو'])
    // A listener that lost its connection clears the page cache: the same.
    await sql`UPDATE search_entries SET title = 'صدور کارت ملی هوشمند'
              WHERE service_id = ${ids.get('card') ?? ''}`.execute(t.deps.db)
    t.deps.pageCache.clear()
    assert.deepEqual(await titlesOf('هوشمند'), before)
  })

  it('still counts a query that finds nothing each time, answered from memory or not', async () => {
    await t.deps.db.deleteFrom('searchZeroResults').execute()
    for (let i = 0; i < 3; i++)
      await searchCatalogue(t.deps, { ...req('ناپیداترینواژه'), record: true })
    const rows = await t.deps.db.selectFrom('searchZeroResults').select('count').execute()
    assert.deepEqual(rows, [{ count: 3 }])
  })

  it('answers the search page from the cache too', async () => {
    const caches = searchCachesOf(t.deps)
    const url = `/search?q=${encodeURIComponent('لاینسنس')}`
    const first = await (await t.client().get(url)).text()
    const hits = caches.hits
    const second = await (await t.client().get(url)).text()
    assert.equal(caches.hits, hits + 1)
    assert.equal(second, first)
    assert.match(second, /رانندگی/)
  })
})

describe('the stamp', () => {
  it('is gone with either tag, and what was read under it is not kept', () => {
    const pageCache = new PageCache()
    const caches = new SearchCaches<string, never>(pageCache)
    const stamp = caches.stamp()
    caches.results.set('k', 'v')
    assert.equal(caches.stamp(), stamp)
    assert.equal(caches.current(stamp), true)
    pageCache.invalidate('agencies')
    assert.equal(caches.current(stamp), false)
    const next = caches.stamp()
    assert.notEqual(next, stamp)
    assert.equal(caches.results.get('k'), undefined)
    pageCache.invalidate('catalogue')
    assert.equal(caches.current(next), false)
    // Other tags (a service page's own, the layout) leave it.
    const third = caches.stamp()
    pageCache.invalidate('service:x')
    pageCache.invalidate('layout')
    assert.equal(caches.current(third), true)
  })
})

describe('LruCache', () => {
  it('evicts the least recently used beyond its entries or its weight', () => {
    const lru = new LruCache<number>(3, 10)
    lru.set('a', 1)
    lru.set('b', 2)
    lru.set('c', 3)
    assert.equal(lru.get('a'), 1) // a is now the most recent
    lru.set('d', 4)
    assert.equal(lru.get('b'), undefined)
    assert.deepEqual(
      ['a', 'c', 'd'].map((k) => lru.get(k)),
      [1, 3, 4],
    )
    lru.set('heavy', 5, 9) // 3 + 9 > 10: the least recent (a, then c) go until it fits
    assert.equal(lru.size, 2)
    assert.deepEqual(
      [lru.get('a'), lru.get('c'), lru.get('d'), lru.get('heavy')],
      [undefined, undefined, 4, 5],
    )
    lru.set('too-heavy', 6, 11)
    assert.equal(lru.get('too-heavy'), undefined)
  })
})

describe('autocomplete from memory', () => {
  it('answers from the prefix index without a statement per keystroke', async () => {
    let statements = 0
    const counted = {
      ...t.deps,
      db: t.deps.db.withPlugin({
        transformQuery: (args) => {
          statements++
          return args.node
        },
        transformResult: async (args) => args.result,
      }),
    }
    await suggestForTyping(counted, 'گذ') // may build the index: one statement
    statements = 0
    for (const q of ['گذر', 'گذرن', 'گذرنام', 'گذرنامه'])
      assert.equal((await suggestForTyping(counted, q))[0]?.title, 'گذرنامه دانشجویی', q)
    assert.equal(statements, 0)
  })

  it('puts titles that begin with the words first, then title words, then popular names', async () => {
    assert.deepEqual(await suggested('گذرنامه'), ['گذرنامه دانشجویی', 'صدور گذرنامه'])
    assert.deepEqual(await suggested('پاسپ'), ['صدور گذرنامه'])
    // ZWNJ, space or nothing between the parts of a word; Arabic letters; words in any order.
    for (const q of ['گواهینامه', 'گواهی نامه', 'گواهين', 'رانندگی صدور'])
      assert.deepEqual(await suggested(q), ['صدور گواهی\u200cنامه رانندگی'], q)
    assert.deepEqual(await suggested('ن'), [])
    assert.deepEqual(await suggested('ناموجودترین'), [])
  })

  it('shows a published service and forgets a withdrawn one', async () => {
    assert.deepEqual(await suggested('مهاجر'), [])
    const id = await publishedByCommand('ثبت درخواست مهاجرت', ['ویزای مهاجرتی'])
    assert.deepEqual(await suggested('مهاجر'), ['ثبت درخواست مهاجرت'])
    assert.deepEqual(await suggested('ویزا'), ['ثبت درخواست مهاجرت'])
    await setServiceWithdrawn(t.deps, publisher, id, 'منسوخ')
    assert.deepEqual(await suggested('مهاجر'), [])
  })

  it('is served at /search/suggest', async () => {
    const res = await t.client().get(`/search/suggest?q=${encodeURIComponent('کارت م')}`)
    const body = (await res.json()) as { items: { title: string; url: string }[] }
    assert.deepEqual(
      body.items.map((i) => i.title),
      ['صدور کارت ملی هوشمند'],
    )
    assert.match(body.items[0]?.url ?? '', /^\/services\/test-service-\d+$/)
  })
})
