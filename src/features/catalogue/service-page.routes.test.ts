import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import {
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import type { Law } from '../laws/index.ts'
import { edge, minutes, processOf, task, wd } from '../processes/process.test-helpers.ts'
import { insertDraft, insertService, saveDraft, startDraft } from '../services/index.ts'
import { publishService, setServiceWithdrawn } from './publish.actions.ts'

let t: TestApp
let agency: Agency
let office: Agency
let law: Law
let law2: Law
let passportSlug: string
let passportId: string

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان ثبت احوال آزمایشی' })
  office = await makeAgency(t.deps, {
    nameFa: 'ادارهٔ کل آزمایشی استان فارس',
    level: 'provincial_office',
    parentId: agency.id,
    provinceCode: '07',
  })
  law = await makeLaw(t.deps, 'قانون ثبت احوال')
  law2 = await makeLaw(t.deps, 'قانون گذرنامه')
  const v1 = completeContent('صدور گذرنامه', law.id, {
    audiences: ['G2C'],
    lifeEvents: ['documents'],
  })
  const v2 = {
    ...v1,
    documents: [],
    noDocumentsRequired: true,
    declaredTime: { kind: 'up_to' as const, max: 3, unit: 'working_day' as const },
    legalBases: [...v1.legalBases, { lawId: law2.id, article: 'ماده ۱۷', note: null }],
  }
  const passport = await makePublishedService(t.deps, agency, v1, [
    { content: v2, changeNote: 'حذف شناسنامه از مدارک با استعلام برخط' },
  ])
  passportSlug = passport.slug
  passportId = passport.service.id
  await makePublishedService(
    t.deps,
    agency,
    completeContent('ثبت شرکت', law.id, { audiences: ['G2B'], lifeEvents: ['business'] }),
  )
  await makePublishedService(
    t.deps,
    office,
    completeContent('صدور المثنی شناسنامه در فارس', law.id),
  )
  // A draft that was never published is not public.
  const hidden = await insertService(t.deps.db, {
    agencyId: agency.id,
    slug: 'draft-only',
    now: t.clock.now(),
  })
  await insertDraft(t.deps.db, {
    serviceId: hidden.id,
    versionNo: 1,
    content: completeContent('خدمت پیش‌نویس', law.id),
    userId: null,
    now: t.clock.now(),
  })
})
after(() => t.close())

async function titlesAt(path: string): Promise<string[]> {
  const res = await t.client().get(path)
  assert.equal(res.status, 200)
  const $ = cheerio.load(await res.text())
  return $('.mr-service-list__item h2 a')
    .map((_, a) => $(a).text())
    .get()
}

describe('service lists', () => {
  it('lists published services by agency, audience, life event and province, never drafts', async () => {
    assert.deepEqual(await titlesAt(`/services?agency=${agency.code}`), [
      'ثبت شرکت',
      'صدور گذرنامه',
    ])
    assert.deepEqual(await titlesAt('/services?audience=G2B'), ['ثبت شرکت'])
    assert.deepEqual(await titlesAt('/services?lifeEvent=business'), ['ثبت شرکت'])
    assert.deepEqual(await titlesAt('/services?province=07'), ['صدور المثنی شناسنامه در فارس'])
    assert.ok(!(await titlesAt('/services')).includes('خدمت پیش‌نویس'))
  })

  it('orders titles in Persian alphabetical order', async () => {
    // ث (ثبت) comes before ص (صدور) in the alphabet.
    const all = await titlesAt('/services')
    assert.deepEqual(all, ['ثبت شرکت', 'صدور المثنی شناسنامه در فارس', 'صدور گذرنامه'])
  })
})

describe('the service page', () => {
  it('shows every card section, the version and the last update', async () => {
    const res = await t.client().get(`/services/${passportSlug}`)
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    assert.equal($('h1').text(), 'صدور گذرنامه')
    for (const id of [
      'description',
      'eligibility',
      'documents',
      'fees',
      'laws',
      'output',
      'redress',
      'contact',
    ]) {
      assert.equal($(`#${id}`).length, 1, `section ${id}`)
    }
    assert.match($('#documents').parent().text(), /مدرکی لازم نیست/)
    assert.match($('.mr-summary-list').text(), /حداکثر ۳ روز کاری/)
    assert.match($('.mr-summary-list').text(), /۲۵۰٬۰۰۰ ریال/)
    assert.match($('.mr-service-meta').text(), /نسخهٔ ۲/)
    assert.equal($(`a[href="/laws/${law2.id}"]`).length, 1)
  })

  it("says one total time, the process's, in the card, the steps section, the API and CPSV-AP", async () => {
    // The service: the card declared «حداکثر ۷ روز کاری» while the steps added up to
    // «۴ روز کاری و ۳ ساعت و ۳۶ دقیقه تا ۶ روز کاری و ۵ ساعت».
    const { service, slug } = await makePublishedService(
      t.deps,
      agency,
      completeContent('صدور پروانهٔ آزمایشی زمان کل', law.id, {
        declaredTime: { kind: 'up_to', max: 7, unit: 'working_day' },
        process: processOf(
          [task('s1', 'ثبت درخواست', minutes(216, 300)), task('s2', 'بررسی و صدور', wd(4, 6))],
          [edge('s1', 's2')],
        ),
      }),
    )
    const $ = cheerio.load(await (await t.client().get(`/services/${slug}`)).text())
    const card = $('.mr-summary-list__row')
      .filter((_, r) => $(r).find('.mr-summary-list__key').text().trim() === 'زمان کل انجام کار')
      .find('.mr-summary-list__value')
      .text()
      .trim()
    assert.equal(card, '۴ تا ۶ روز کاری')
    assert.equal($('#process > p.mr-body strong').first().text().trim(), card)
    assert.doesNotMatch($('main').text(), /حداکثر ۷ روز کاری|۳ ساعت و ۳۶ دقیقه/)

    const api = (await (await t.client().get(`/api/v1/services/${service.id}`)).json()) as {
      totalTime: unknown
    }
    assert.deepEqual(api.totalTime, {
      source: 'process',
      text: card,
      min: 4,
      max: 6,
      unit: 'working_day',
    })
    const cpsv = (await (
      await t.client().get(`/api/v1/services/${service.id}/cpsv-ap`)
    ).json()) as { '@graph': Record<string, unknown>[] }
    const node = cpsv['@graph'].find((n) => n['@type'] === 'cpsv:PublicService')
    // Six working days span ceil(6 × 7 / 5) = 9 calendar days (the declared 7 would be P10D).
    assert.deepEqual(node?.['cv:processingTime'], { '@value': 'P9D', '@type': 'xsd:duration' })
  })

  it('embeds schema.org GovernmentService JSON-LD that cannot break out of its script', async () => {
    const $ = cheerio.load(await (await t.client().get(`/services/${passportSlug}`)).text())
    const json = JSON.parse($('script[type="application/ld+json"]').text()) as {
      '@type': string
      name: string
    }
    assert.equal(json['@type'], 'GovernmentService')
    assert.equal(json.name, 'صدور گذرنامه')
  })

  it('answers an unknown service with 404', async () => {
    assert.equal((await t.client().get('/services/no-such-service')).status, 404)
    assert.equal((await t.client().get('/services/draft-only')).status, 404)
  })

  it('serves anonymous visitors from the cache and drops it when a new version is published', async () => {
    const first = await t.client().get(`/services/${passportSlug}`)
    const etag = first.headers.get('etag') ?? ''
    assert.ok(etag)
    assert.equal(
      (await t.client().get(`/services/${passportSlug}`, { 'if-none-match': etag })).status,
      304,
    )

    const admin = await makeUser(t.deps, 'agency_admin', agency)
    const actor = {
      userId: admin.userId,
      username: admin.username,
      displayName: 'مدیر',
      role: 'agency_admin' as const,
      agencyId: agency.id,
      agencyNameFa: agency.nameFa,
      mustChangePassword: false,
      via: 'session' as const,
    }
    const draft = await startDraft(t.deps, actor, passportId)
    const saved = await saveDraft(t.deps, actor, passportId, draft.revision, (c) => ({
      ...c,
      summary: 'خلاصهٔ تازه',
    }))
    assert.equal(saved.ok, true)
    const published = await publishService(t.deps, actor, passportId, 'به‌روزرسانی خلاصه')
    assert.equal(published.ok, true)
    const after = await t.client().get(`/services/${passportSlug}`)
    assert.notEqual(after.headers.get('etag'), etag)
    assert.match(await after.text(), /خلاصهٔ تازه/)
  })
})

describe('history (R8)', () => {
  it('lists every published version with date, change note and the fields that changed', async () => {
    const res = await t.client().get(`/services/${passportSlug}/history`)
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    const headings = $('.mr-history__entry h2')
      .map((_, h) => $(h).text())
      .get()
    assert.deepEqual(headings.slice(-2), ['نسخهٔ ۲', 'نسخهٔ ۱'])
    const v2 = $('#v2').closest('.mr-history__entry')
    assert.match(v2.text(), /حذف شناسنامه از مدارک با استعلام برخط/)
    const changed = v2
      .find('tbody th')
      .map((_, th) => $(th).text())
      .get()
    assert.deepEqual(changed, [
      'قوانین و مقررات',
      'مدارک لازم',
      'بدون نیاز به مدرک',
      'زمان کل اعلام‌شده',
    ])
    assert.match(v2.find('tbody').text(), /حداکثر ۷ روز کاری/)
    assert.match(v2.find('tbody').text(), /افزوده: قانون گذرنامه، ماده ۱۷/)
    assert.equal(v2.find('time').length, 1)
  })

  it('shows an earlier version marked as superseded', async () => {
    const res = await t.client().get(`/services/${passportSlug}/v/1`)
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    assert.match($('.mr-inset-text').text(), /نسخهٔ پیشین/)
    assert.match($('#documents').parent().text(), /اصل شناسنامه/)
    assert.equal((await t.client().get(`/services/${passportSlug}/v/99`)).status, 404)
  })
})

describe('process revisions (R8)', () => {
  it('shows the previous and revised process as graphs with a step diff and a Persian summary', async () => {
    const v1 = completeContent('صدور پروانهٔ آزمایشی', law.id, {
      declaredTime: { kind: 'up_to', max: 20, unit: 'working_day' },
      process: processOf(
        [
          task('s1', 'ثبت درخواست', wd(1)),
          task('s2', 'استعلام از ثبت احوال', wd(5)),
          task('s3', 'صدور پروانه', wd(9)),
        ],
        [edge('s1', 's2'), edge('s2', 's3')],
      ),
    })
    const v2 = {
      ...v1,
      process: processOf(
        [task('s1', 'ثبت درخواست', wd(1)), task('s3', 'صدور پروانه', wd(6))],
        [edge('s1', 's3')],
      ),
    }
    const { slug } = await makePublishedService(t.deps, agency, v1, [
      { content: v2, changeNote: 'استعلام برخط شد' },
    ])
    const page = cheerio.load(await (await t.client().get(`/services/${slug}`)).text())
    assert.equal(page('#process svg[role="img"]').length, 1)
    assert.match(page('#process').text(), /۷ روز کاری/)
    assert.match(page('#process').text(), /انتظار می‌رود نتیجه بین/)
    const $ = cheerio.load(await (await t.client().get(`/services/${slug}/history`)).text())
    const v2entry = $('#v2').closest('.mr-history__entry')
    assert.match(v2entry.find('.mr-process-revision').text(), /مرحلهٔ «استعلام از ثبت احوال» حذف شد/)
    assert.match(
      v2entry.find('.mr-process-revision').text(),
      /زمان کل از ۱۵ روز کاری به ۷ روز کاری کاهش یافت/,
    )
    assert.equal(v2entry.find('.mr-process-compare svg[role="img"]').length, 2)
    assert.doesNotMatch(v2entry.text(), /محتوای شناسنامه تغییری نکرد/)
    const ids = $('svg [id]')
      .map((_, el) => $(el).attr('id'))
      .get()
    assert.equal(new Set(ids).size, ids.length, 'ids inside the charts are unique on the page')
  })
})

describe('withdrawal', () => {
  it('shows the reason on the page and removes the service from lists', async () => {
    const { service, slug } = await makePublishedService(
      t.deps,
      agency,
      completeContent('خدمت منسوخ', law.id),
    )
    const admin = await makeUser(t.deps, 'agency_admin', agency)
    const actor = {
      userId: admin.userId,
      username: admin.username,
      displayName: 'مدیر',
      role: 'agency_admin' as const,
      agencyId: agency.id,
      agencyNameFa: agency.nameFa,
      mustChangePassword: false,
      via: 'session' as const,
    }
    await t.client().get(`/services/${slug}`)
    await setServiceWithdrawn(t.deps, actor, service.id, 'ادغام در خدمت صدور گذرنامه')
    const res = await t.client().get(`/services/${slug}`)
    assert.match(await res.text(), /این خدمت لغو شده است: ادغام در خدمت صدور گذرنامه/)
    assert.ok(!(await titlesAt('/services')).includes('خدمت منسوخ'))
  })
})
