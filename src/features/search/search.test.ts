import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { apiRequest, createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Actor } from '../../lib/actor.ts'
import type { Agency } from '../agencies/index.ts'
import { editAgency } from '../agencies/index.ts'
import { setServiceWithdrawn } from '../catalogue/index.ts'
import type { ServiceContent } from '../services/index.ts'
import { NO_FILTERS, searchCatalogue } from './search.actions.ts'
import { reindexAll } from './search.indexer.ts'

const ZWNJ = '\u200c'

let t: TestApp
let lawId: string
let ministry: Agency
let tehranOffice: Agency
let isfahanOffice: Agency
let central: MadeUser
let supervisor: MadeUser
let agencyAdmin: MadeUser
const ids = new Map<string, string>()

async function publish(
  key: string,
  agency: Agency,
  title: string,
  o: Partial<ServiceContent> = {},
) {
  const { service } = await makePublishedService(t.deps, agency, completeContent(title, lawId, o))
  ids.set(key, service.id)
  return service.id
}

async function search(q: string, filters = NO_FILTERS, record = false) {
  return searchCatalogue(t.deps, { q, filters, page: 1, pageSize: 20, record })
}

const titles = async (q: string) => (await search(q)).items.map((i) => i.title)

function eService() {
  return {
    id: 'ch-1',
    kind: 'e_service' as const,
    title: 'درگاه برخط',
    url: 'https://example.ir/apply',
    phone: null,
    code: null,
    signIn: 'national_sso' as const,
    signatureRequired: false,
    note: null,
  }
}

before(async () => {
  t = await createTestApp()
  lawId = (await makeLaw(t.deps)).id
  ministry = await makeAgency(t.deps, {
    nameFa: 'وزارت آزمایش‌های ملی',
    shortNameFa: 'وزارت آزمایش',
    level: 'ministry',
  })
  tehranOffice = await makeAgency(t.deps, {
    nameFa: 'اداره کل آزمایش استان تهران',
    level: 'provincial_office',
    parentId: ministry.id,
    provinceCode: '08',
  })
  isfahanOffice = await makeAgency(t.deps, {
    nameFa: 'اداره کل آزمایش استان اصفهان',
    level: 'provincial_office',
    parentId: ministry.id,
    provinceCode: '04',
  })
  central = await makeUser(t.deps, 'central_admin')
  supervisor = await makeUser(t.deps, 'central_supervisor')
  agencyAdmin = await makeUser(t.deps, 'agency_admin', ministry)

  // Ranking: an exact title, a title prefix, a word inside a title, a summary mention.
  await publish('body', ministry, 'تمدید مجوز پروازهای تفریحی', {
    summary: 'برای سفر با گذرنامه معتبر',
    popularNames: [],
    keywords: [],
  })
  await publish('inside', tehranOffice, 'صدور گذرنامه زیارتی', {
    popularNames: [],
    keywords: [],
    audiences: ['G2C'],
    lifeEvents: ['documents'],
  })
  await publish('prefix', isfahanOffice, 'گذرنامه دانشجویی', {
    popularNames: [],
    keywords: [],
    audiences: ['G2C', 'G2B'],
    lifeEvents: ['education'],
    channels: [eService()],
  })
  await publish('exact', ministry, 'گذرنامه', { popularNames: [], keywords: [] })
  // Variant classes: stored with Persian letters, ZWNJ, Persian digits, diacritics.
  await publish('licence', tehranOffice, `صدور گواهی${ZWNJ}نامه رانندگی`, {
    popularNames: ['لاینسنس'],
    keywords: [],
  })
  await publish('article', isfahanOffice, 'اعتراض به رأی کمیسیون ماده ۱۰۰', {
    popularNames: [],
    keywords: [],
    audiences: ['G2B'],
  })
  await publish('escape', ministry, 'ثبت <نشان> تجاری & برند', {
    popularNames: [],
    keywords: ['علامت'],
    audiences: ['G2B'],
  })
  await publish('document', ministry, 'تأیید صلاحیت آزمایشگاه', {
    popularNames: [],
    keywords: [],
    documents: [
      {
        name: 'گواهی کالیبراسیون تجهیزات',
        form: 'copy',
        count: 1,
        issuer: null,
        obtainableByInquiry: false,
        note: null,
      },
    ],
  })
})
after(() => t.close())

describe('the search index', () => {
  it('has one row per published service, kept in the publishing transaction', async () => {
    const rows = await t.deps.db.selectFrom('searchEntries').select('serviceId').execute()
    assert.equal(rows.length, ids.size)
  })

  it('drops a withdrawn service and brings it back on restore', async () => {
    const id = ids.get('article') ?? ''
    // Through the catalogue's withdraw command, which updates the index in its transaction.
    const admin = await makeUser(t.deps, 'agency_admin', isfahanOffice)
    const actor: Actor = {
      userId: admin.userId,
      username: admin.username,
      displayName: 'مدیر اداره',
      role: 'agency_admin',
      agencyId: isfahanOffice.id,
      agencyNameFa: isfahanOffice.nameFa,
      mustChangePassword: false,
      via: 'session',
    }
    await setServiceWithdrawn(t.deps, actor, id, 'منسوخ شد')
    assert.equal((await search('کمیسیون ماده 100')).total, 0)
    await setServiceWithdrawn(t.deps, actor, id, null)
    assert.deepEqual(await titles('کمیسیون ماده 100'), ['اعتراض به رأی کمیسیون ماده ۱۰۰'])
  })

  it('re-indexes an agency’s services when it is renamed, with its parent’s names too', async () => {
    assert.equal((await search('وزارت آزمایش')).total, 8)
    const actor: Actor = {
      userId: central.userId,
      username: central.username,
      displayName: 'مدیر',
      role: 'central_admin',
      agencyId: null,
      agencyNameFa: null,
      mustChangePassword: false,
      via: 'session',
    }
    const result = await editAgency(t.deps, actor, tehranOffice.id, {
      nameFa: 'اداره کل سنجش پایتخت',
      nameEn: null,
      shortNameFa: null,
      level: 'provincial_office',
      parentId: ministry.id,
      website: null,
      phone: null,
      email: null,
      address: null,
      provinceCode: '08',
    })
    assert.ok(result.ok)
    assert.deepEqual(
      (await titles('سنجش پایتخت')).sort(),
      ['صدور گذرنامه زیارتی', `صدور گواهی${ZWNJ}نامه رانندگی`].sort(),
    )
    const stale = await t.deps.db
      .selectFrom('searchEntries')
      .select('serviceId')
      .where('allCompact', 'like', '%استانتهران%')
      .execute()
    assert.deepEqual(stale, [])
  })

  it('is rebuilt the same by reindexAll', async () => {
    const before = await t.deps.db
      .selectFrom('searchEntries')
      .select(['serviceId', 'titleKey', 'allCompact', 'words'])
      .orderBy('serviceId')
      .execute()
    const beforeWords = await t.deps.db
      .selectFrom('searchWords')
      .selectAll()
      .orderBy('word')
      .execute()
    assert.equal(await reindexAll(t.deps.db), ids.size)
    const after = await t.deps.db
      .selectFrom('searchEntries')
      .select(['serviceId', 'titleKey', 'allCompact', 'words'])
      .orderBy('serviceId')
      .execute()
    assert.deepEqual(after, before)
    assert.deepEqual(
      await t.deps.db.selectFrom('searchWords').selectAll().orderBy('word').execute(),
      beforeWords,
    )
  })
})

describe('ranking', () => {
  it('puts the exact title first, then a title prefix, then a title word, then other fields', async () => {
    assert.deepEqual(await titles('گذرنامه'), [
      'گذرنامه',
      'گذرنامه دانشجویی',
      'صدور گذرنامه زیارتی',
      'تمدید مجوز پروازهای تفریحی',
    ])
  })

  it('still finds through a typo, with a suggestion', async () => {
    for (const typo of ['گذنامه', 'گذرنماه', 'گذرنانه']) {
      const r = await search(typo)
      assert.equal(r.items[0]?.title, 'گذرنامه', typo)
      assert.equal(r.suggestion, 'گذرنامه', typo)
      assert.equal(r.showingSuggestion, true)
    }
  })

  it('finds popular names and document names', async () => {
    assert.deepEqual(await titles('لاینسنس'), [`صدور گواهی${ZWNJ}نامه رانندگی`])
    assert.deepEqual(await titles('کالیبراسیون'), ['تأیید صلاحیت آزمایشگاه'])
  })

  it('meets every variant class of the query', async () => {
    const licence = `صدور گواهی${ZWNJ}نامه رانندگی`
    for (const q of ['گواهینامه', 'گواهی نامه', `گواهي${ZWNJ}نامه`, 'گـواهینامه رانندگی'])
      assert.deepEqual(await titles(q), [licence], q)
    for (const q of ['ماده 100', 'ماده ١٠٠', 'ماده ۱۰۰', 'رای کمیسیون', 'رَأیِ کمیسیون'])
      assert.deepEqual(await titles(q), ['اعتراض به رأی کمیسیون ماده ۱۰۰'], q)
    assert.deepEqual(await titles('تاييد صلاحيت'), ['تأیید صلاحیت آزمایشگاه'])
  })

  it('finds nothing for nonsense and offers no suggestion', async () => {
    const r = await search('قثفغعهخحج')
    assert.equal(r.total, 0)
    assert.equal(r.suggestion, null)
  })
})

describe('filters and facet counts', () => {
  it('counts each facet with the other filters applied', async () => {
    const all = await search('گذرنامه')
    assert.deepEqual(Object.fromEntries(all.facets.audience.map((f) => [f.value, f.n])), {
      G2C: 4,
      G2B: 1,
    })
    assert.equal(all.facets.online, 1)
    assert.deepEqual(Object.fromEntries(all.facets.province.map((f) => [f.value, f.n])), {
      '08': 1,
      '04': 1,
    })
    const g2b = await search('گذرنامه', { ...NO_FILTERS, audiences: ['G2B'] })
    assert.deepEqual(
      g2b.items.map((i) => i.title),
      ['گذرنامه دانشجویی'],
    )
    // The audience facet ignores its own filter, so G2C still shows its 4.
    assert.deepEqual(Object.fromEntries(g2b.facets.audience.map((f) => [f.value, f.n])), {
      G2C: 4,
      G2B: 1,
    })
    assert.deepEqual(Object.fromEntries(g2b.facets.province.map((f) => [f.value, f.n])), {
      '04': 1,
    })
  })

  it('filters by agency, province, life event and online', async () => {
    const t1 = async (filters: typeof NO_FILTERS) =>
      (await search('گذرنامه', filters)).items.map((i) => i.title)
    assert.deepEqual(await t1({ ...NO_FILTERS, agencies: [isfahanOffice.code] }), [
      'گذرنامه دانشجویی',
    ])
    assert.deepEqual(await t1({ ...NO_FILTERS, provinces: ['08'] }), ['صدور گذرنامه زیارتی'])
    assert.deepEqual(await t1({ ...NO_FILTERS, lifeEvents: ['education'] }), ['گذرنامه دانشجویی'])
    assert.deepEqual(await t1({ ...NO_FILTERS, onlineOnly: true }), ['گذرنامه دانشجویی'])
    assert.deepEqual(await t1({ ...NO_FILTERS, agencies: ['no-such-code'] }), [])
  })
})

describe('the zero-result log', () => {
  it('keeps only the normalised query, the day and a count', async () => {
    await t.deps.db.deleteFrom('searchZeroResults').execute()
    const res = await t.client().get(`/search?q=${encodeURIComponent('  زيرزمينی   ناموجود ')}`, {
      'x-forwarded-for': '203.0.113.9',
      'user-agent': 'Secret Browser 1.0',
    })
    assert.equal(res.status, 200)
    await t.client().get(`/search?q=${encodeURIComponent('زیرزمینی ناموجود')}`)
    // Found something, autocomplete, or a later page: not counted.
    await t.client().get(`/search?q=${encodeURIComponent('گذرنامه')}`)
    await t.client().get(`/search/suggest?q=${encodeURIComponent('قثفغعهخ')}`)
    await t.client().get(`/search?q=${encodeURIComponent('ناموجودتر')}&page=2`)
    const rows = await t.deps.db.selectFrom('searchZeroResults').selectAll().execute()
    assert.deepEqual(rows, [{ day: '2026-11-22', query: 'زیرزمینی ناموجود', count: 2 }])
    const columns = await t.deps.db.introspection.getTables()
    const table = columns.find((c) => c.name === 'search_zero_results')
    assert.deepEqual(table?.columns.map((c) => c.name).sort(), ['count', 'day', 'query'])
  })

  it('caps the stored query at 100 characters', async () => {
    await t.deps.db.deleteFrom('searchZeroResults').execute()
    await search('ناموجود'.repeat(40), NO_FILTERS, true)
    const rows = await t.deps.db.selectFrom('searchZeroResults').select('query').execute()
    assert.equal(rows[0]?.query.length, 100)
  })

  it('is shown to central staff only, most frequent first, with Jalali dates', async () => {
    await t.deps.db.deleteFrom('searchZeroResults').execute()
    for (const q of ['کمیاب', 'پرتکرار', 'پرتکرار', 'پرتکرار'])
      await search(`${q}ناموجود`, NO_FILTERS, true)
    const anonymous = await t.client().get('/admin/search/zero-results')
    assert.equal(anonymous.status, 303)
    const agencyClient = t.client()
    await agencyClient.signIn(agencyAdmin.username, agencyAdmin.password, agencyAdmin.agencyCode)
    assert.equal((await agencyClient.get('/admin/search/zero-results')).status, 403)
    for (const user of [supervisor, central]) {
      const client = t.client()
      await client.signIn(user.username, user.password, user.agencyCode)
      const res = await client.get('/admin/search/zero-results')
      assert.equal(res.status, 200)
      const $ = cheerio.load(await res.text())
      const rows = $('tbody tr')
        .map((_, tr) => [[$(tr).find('th').text().trim(), $(tr).find('td').first().text().trim()]])
        .get()
      assert.deepEqual(rows, [
        ['پرتکرارناموجود', '۳'],
        ['کمیابناموجود', '۱'],
      ])
      assert.match($('tbody tr').first().text(), /۱ آذر ۱۴۰۵/)
    }
    const dashboard = t.client()
    await dashboard.signIn(supervisor.username, supervisor.password, supervisor.agencyCode)
    const $ = cheerio.load(await (await dashboard.get('/admin')).text())
    assert.equal($('a[href="/admin/search/zero-results"]').length, 1)
  })
})

describe('GET /search', () => {
  it('answers 200 with the form and no results when nothing is asked', async () => {
    const res = await t.client().get('/search')
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    assert.equal($('main form[role=search]').attr('aria-label'), 'جست‌وجوی خدمات')
    assert.equal($('label[for=search-q]').length, 1)
    assert.equal($('.mr-service-list').length, 0)
    assert.equal($('script[src="/assets/search.js"]').length, 1)
  })

  it('renders results with highlighting, the agency, tags and a count in Persian digits', async () => {
    const res = await t.client().get(`/search?q=${encodeURIComponent('گذرنامه')}`)
    const $ = cheerio.load(await res.text())
    assert.match($('title').text(), /جست‌وجو: گذرنامه \(۴ نتیجه\)/)
    assert.equal($('#search-count').attr('role'), 'status')
    assert.equal($('#search-count').text(), '۴ خدمت پیدا شد.')
    const first = $('.mr-service-list__item').first()
    assert.equal(first.find('h3 a').attr('href'), `/services/${await slugOf('exact')}`)
    assert.equal(first.find('h3 mark').text(), 'گذرنامه')
    assert.match(first.text(), /وزارت آزمایش‌های ملی/)
    assert.equal($('.mr-service-list__item').eq(1).find('.mr-tag--green').text(), 'برخط')
    assert.equal($('#filter-online').length, 1)
  })

  it('escapes a title with < and still marks the match', async () => {
    const res = await t.client().get(`/search?q=${encodeURIComponent('نشان')}`)
    const body = await res.text()
    assert.match(body, /ثبت &lt;<mark>نشان<\/mark>&gt; تجاری &amp; برند/)
    assert.doesNotMatch(body, /<نشان>/)
  })

  it('applies GET filters and keeps them when the query changes', async () => {
    const res = await t
      .client()
      .get(`/search?q=${encodeURIComponent('گذرنامه')}&audience=G2B&online=1`)
    const $ = cheerio.load(await res.text())
    assert.deepEqual(
      $('.mr-service-list__item h3')
        .map((_, h) => $(h).text())
        .get(),
      ['گذرنامه دانشجویی'],
    )
    assert.equal($('#filter-audience-2').attr('checked'), 'checked')
    assert.equal($('main form[role=search] input[type=hidden][name=audience]').attr('value'), 'G2B')
    assert.equal($('main form[role=search] input[type=hidden][name=online]').attr('value'), '1')
    // Counted with the other filters (online) applied: one G2C service is online.
    assert.match($('label[for=filter-audience]').text(), /\(۱\)/)
  })

  it('shows a suggestion link for a typo', async () => {
    const $ = cheerio.load(
      await (await t.client().get(`/search?q=${encodeURIComponent('گذرنماه')}`)).text(),
    )
    assert.equal(
      $('a[href="/search?q=%DA%AF%D8%B0%D8%B1%D9%86%D8%A7%D9%85%D9%87"]').text(),
      'گذرنامه',
    )
  })

  it('answers 422 with a Persian error summary for an unknown filter value', async () => {
    const res = await t.client().get('/search?q=x&audience=G2X&province=99')
    assert.equal(res.status, 422)
    const $ = cheerio.load(await res.text())
    assert.match($('title').text(), /^خطا: /)
    const errors = $('.mr-error-summary li a')
      .map((_, a) => $(a).text())
      .get()
    assert.deepEqual(errors, ['گروه مخاطب انتخاب‌شده معتبر نیست.', 'استان انتخاب‌شده معتبر نیست.'])
    // The error summary links into the filters, so the disclosure holding them is open.
    assert.ok($('details#search-filters').is('[open]'))
  })

  it('reads in order: results summary, the filters folded in «محدود کردن نتایج», the results', async () => {
    const res = await t.client().get(`/search?q=${encodeURIComponent('گذرنامه')}&audience=G2C`)
    const $ = cheerio.load(await res.text())
    const layout = $('.mr-search-layout').children()
    assert.deepEqual(layout.map((_, el) => $(el).attr('class')).get(), [
      'mr-search-layout__summary',
      'mr-search-layout__filters',
      'mr-search-layout__results',
    ])
    assert.equal(layout.eq(0).find('#search-count').length, 1)
    const filters = $('details#search-filters')
    assert.equal(filters.attr('open'), undefined, 'folded until asked for (no JavaScript needed)')
    assert.match(filters.children('summary').text(), /^محدود کردن نتایج \(۱ فیلتر انتخاب شده\)$/)
    assert.equal(filters.find('form select#filter-agency').length, 1)
    assert.equal(layout.eq(2).find('.mr-service-list__item').length > 0, true)
    // The chosen filters are named above the folded filters, with the way to clear them.
    const chosen = $('#search-chosen-filters')
    assert.match(chosen.text(), /فیلترهای انتخاب‌شده: خدمات به شهروندان/)
    assert.equal(chosen.find('a').attr('href'), `/search?q=${encodeURIComponent('گذرنامه')}`)
  })

  it('names no chosen filters when there are none', async () => {
    const $ = cheerio.load(
      await (await t.client().get(`/search?q=${encodeURIComponent('گذرنامه')}`)).text(),
    )
    assert.equal($('#search-chosen-filters').length, 0)
    assert.equal($('details#search-filters summary').text(), 'محدود کردن نتایج')
  })

  it('suggests titles as JSON for autocomplete', async () => {
    const res = await t.client().get(`/search/suggest?q=${encodeURIComponent('گذر')}`)
    assert.equal(res.status, 200)
    const body = (await res.json()) as { items: { title: string; url: string }[] }
    assert.equal(body.items[0]?.title, 'گذرنامه')
    assert.equal(body.items[0]?.url, `/services/${await slugOf('exact')}`)
  })
})

describe('GET /api/v1/search', () => {
  it('returns items with id and title, total and facets', async () => {
    const res = await apiRequest(
      t.app,
      'GET',
      `/api/v1/search?q=${encodeURIComponent('گذرنامه')}&audience=G2C&pageSize=2`,
    )
    assert.equal(res.status, 200)
    const body = (await res.json()) as {
      items: { id: string; title: string; slug: string; url: string; agency: { code: string } }[]
      total: number
      facets: { audience: { value: string; count: number }[]; online: number }
    }
    assert.equal(body.total, 4)
    assert.equal(body.items.length, 2)
    assert.equal(body.items[0]?.id, ids.get('exact'))
    assert.equal(body.items[0]?.title, 'گذرنامه')
    assert.equal(body.items[0]?.agency.code, ministry.code)
    assert.match(body.items[0]?.url ?? '', /\/services\/test-service-\d+$/)
    assert.deepEqual(
      body.facets.audience.find((f) => f.value === 'G2B'),
      { value: 'G2B', count: 1 },
    )
  })

  it('takes repeated filters and refuses bad ones with problem+json', async () => {
    const ok = await apiRequest(
      t.app,
      'GET',
      `/api/v1/search?q=${encodeURIComponent('گذرنامه')}&province=04&province=08`,
    )
    assert.equal(((await ok.json()) as { total: number }).total, 2)
    const bad = await apiRequest(t.app, 'GET', '/api/v1/search?q=x&audience=G2X')
    assert.equal(bad.status, 422)
    assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/)
  })

  it('is described in OpenAPI', async () => {
    const doc = (await (await apiRequest(t.app, 'GET', '/api/v1/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>
    }
    const names = doc.paths['/search']?.get?.parameters?.map((p) => p.name) ?? []
    for (const n of ['q', 'agency', 'audience', 'lifeEvent', 'province', 'online', 'page'])
      assert.ok(names.includes(n), n)
  })
})

async function slugOf(key: string): Promise<string> {
  const row = await t.deps.db
    .selectFrom('services')
    .select('slug')
    .where('id', '=', ids.get(key) ?? '')
    .executeTakeFirstOrThrow()
  return row.slug
}
