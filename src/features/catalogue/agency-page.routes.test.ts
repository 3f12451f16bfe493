import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import {
  completeContent,
  makeAgency,
  makeDraftService,
  makeLaw,
  makePublishedService,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import { SERVICES_PER_AGENCY } from './agency-services.read.ts'

// `/agencies/<code>` lists the published services of the agency and of those under it
// (issue 17 item 4); every service page's provider row links there.

let t: TestApp
let ministry: Agency
let organisation: Agency
let provincial: Agency
let busy: Agency
let organisationSlug: string

before(async () => {
  t = await createTestApp()
  const law = await makeLaw(t.deps)
  const card = (title: string) => completeContent(title, law.id)
  ministry = await makeAgency(t.deps, { level: 'ministry', nameFa: 'وزارت نمونه' })
  organisation = await makeAgency(t.deps, { parentId: ministry.id, nameFa: 'سازمان نمونه' })
  provincial = await makeAgency(t.deps, {
    level: 'provincial_office',
    parentId: organisation.id,
    provinceCode: '07',
    nameFa: 'ادارهٔ کل نمونهٔ استان فارس',
  })
  const other = await makeAgency(t.deps, { nameFa: 'سازمان بی‌ربط' })
  await makePublishedService(t.deps, ministry, card('صدور مجوز وزارتی'))
  organisationSlug = (await makePublishedService(t.deps, organisation, card('ثبت نمونه'))).slug
  await makePublishedService(t.deps, organisation, card('تمدید نمونه'))
  await makePublishedService(t.deps, provincial, card('گواهی استانی'))
  // Neither a withdrawn service, nor a draft never published, nor another agency's service.
  const { service } = await makePublishedService(t.deps, organisation, card('خدمت لغوشده'))
  await t.deps.db
    .updateTable('services')
    .set({ withdrawnAt: t.clock.now(), withdrawnReason: 'ادغام' })
    .where('id', '=', service.id)
    .execute()
  await makeDraftService(t.deps, organisation, 'draft-only', card('خدمت پیش‌نویس'))
  await makePublishedService(t.deps, other, card('خدمت دستگاه دیگر'))
  busy = await makeAgency(t.deps, { nameFa: 'سازمان پرکار' })
  for (let i = 0; i <= SERVICES_PER_AGENCY; i++)
    await makePublishedService(t.deps, busy, card(`خدمت شمارهٔ ${i + 100}`))
})
after(() => t.close())

async function agencyPage(code: string) {
  const res = await t.client().get(`/agencies/${code}`)
  assert.equal(res.status, 200)
  return cheerio.load(await res.text())
}

describe('the agency page lists services', () => {
  it('lists its own services and its subordinates’, grouped under each, with counts', async () => {
    const $ = await agencyPage(ministry.code)
    assert.equal($('#services-heading').text(), 'خدمات (۴)')
    assert.equal(
      $('#services-count').text(),
      '۴ خدمت منتشرشده: ۱ خدمت از خود این دستگاه و ۳ خدمت از ۲ دستگاه زیرمجموعه.',
    )
    const own = $('#services > ul .mr-service-list__item a')
    assert.deepEqual(own.map((_, a) => $(a).text()).get(), ['صدور مجوز وزارتی'])
    const groups = $('.mr-agency-services__group')
    assert.deepEqual(groups.map((_, g) => $(g).find('h3 a').text()).get(), [
      'سازمان نمونه',
      'ادارهٔ کل نمونهٔ استان فارس',
    ])
    assert.equal(groups.first().find('h3 a').attr('href'), `/agencies/${organisation.code}`)
    assert.match(groups.first().find('h3').text(), /۲ خدمت/)
    assert.deepEqual(
      groups
        .first()
        .find('.mr-service-list__item a')
        .map((_, a) => $(a).text())
        .get()
        .sort(),
      ['تمدید نمونه', 'ثبت نمونه'],
    )
    assert.equal(
      groups.first().find(`a[href="/services/${organisationSlug}"]`).length,
      1,
      'each service links to its page',
    )
    const text = $('#services').text()
    for (const absent of ['خدمت لغوشده', 'خدمت پیش‌نویس', 'خدمت دستگاه دیگر'])
      assert.ok(!text.includes(absent), absent)
  })

  it('lists only what is under a subordinate agency, and says so when there is nothing', async () => {
    const $ = await agencyPage(provincial.code)
    assert.equal($('#services-heading').text(), 'خدمات (۱)')
    assert.equal($('.mr-agency-services__group').length, 0)
    const empty = await makeAgency(t.deps, { nameFa: 'سازمان تازه' })
    const e = await agencyPage(empty.code)
    assert.equal(e('#services-heading').text(), 'خدمات (۰)')
    assert.match(e('#services').text(), /هنوز خدمتی منتشر نکرده‌اند/)
  })

  it('shows at most the limit per agency, with a link to the whole list', async () => {
    const $ = await agencyPage(busy.code)
    const total = SERVICES_PER_AGENCY + 1
    assert.match(
      $('#services-heading').text(),
      new RegExp(`\\(${total.toLocaleString('fa-IR')}\\)`),
    )
    assert.equal($('#services .mr-service-list__item').length, SERVICES_PER_AGENCY)
    assert.equal($(`#services a[href="/services?agency=${busy.code}"]`).length, 1)
  })

  it('keeps the rest of the page and the 404 for an unknown agency', async () => {
    const $ = await agencyPage(organisation.code)
    assert.equal($('h1').text(), 'سازمان نمونه')
    assert.ok($('nav.mr-breadcrumbs').text().includes('وزارت نمونه'))
    const res = await t.client().get('/agencies/999999')
    assert.equal(res.status, 404)
  })

  it('is linked from the service page’s provider row', async () => {
    const res = await t.client().get(`/services/${organisationSlug}`)
    const $ = cheerio.load(await res.text())
    const link = $('#provider-services')
    assert.equal(link.attr('href'), `/agencies/${organisation.code}#services`)
    assert.equal(link.closest('.mr-summary-list__row').find('dt').text().trim(), 'ارائه‌دهنده')
  })
})
