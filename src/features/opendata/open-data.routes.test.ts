import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as cheerio from 'cheerio'
import { makeUser } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { setServiceWithdrawn } from '../catalogue/index.ts'
import { CSV_COLUMNS } from './catalogue.csv.ts'
import { adminActor, type SeededCatalogue, seedCatalogue } from './opendata.test-helpers.ts'

let t: TestApp
let seed: SeededCatalogue
before(async () => {
  t = await createTestApp()
  seed = await seedCatalogue(t.deps)
})
after(() => t.close())

describe('/open-data', () => {
  it('explains what is published, the formats, the CSV columns, sync, the API and the licence', async () => {
    const res = await t.client().get('/open-data')
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    assert.equal($('html').attr('lang'), 'fa')
    assert.equal($('html').attr('dir'), 'rtl')
    assert.equal($('h1').text(), 'داده‌های باز')
    assert.match($('main').text(), /شناسنامهٔ ۲ خدمت از ۲ دستگاه/, 'counts in Persian digits')
    const downloads = $('main a[download]')
      .map((_, a) => $(a).attr('href'))
      .get()
    assert.deepEqual(downloads, [
      '/api/v1/export/catalogue.json',
      '/api/v1/export/catalogue.csv',
      '/api/v1/export/catalogue.jsonld',
    ])
    for (const href of downloads) {
      const file = await t.app.request(href)
      assert.equal(file.status, 200, href)
      await file.body?.cancel()
    }
    const columns = $('#csv-columns-table tbody th code')
      .map((_, c) => $(c).text())
      .get()
    assert.deepEqual(
      columns,
      CSV_COLUMNS.map((c) => c.name),
    )
    assert.deepEqual(columns.slice(-2), ['last_reviewed_at', 'next_review_due'])
    // The review dates are documented: the JSON fields, the CSV columns, and why no state.
    const review = $('#review-dates').nextUntil('h2').text()
    for (const field of ['lastReviewedAt', 'nextReviewDue', 'reviewPolicy', 'next_review_due'])
      assert.ok(review.includes(field), field)
    assert.match(review, /وضعیت بازبینی .* در پرونده‌ها نیست/)
    assert.match(
      $('pre code').first().text(),
      /\/api\/v1\/services\?updated_since=\d{4}-\d\d-\d\dT/,
    )
    assert.equal($('pre code').first().parent().attr('dir'), 'ltr')
    assert.equal($('a[href="/api/docs"]').length > 0, true)
    const licence = $('a[rel="license"]')
    assert.equal(licence.attr('href'), 'https://creativecommons.org/licenses/by/4.0/deed.fa')
    assert.match($('#licence').next().text(), /کریتیو کامنز اِسناد ۴٫۰ بین‌المللی/)
    assert.equal($('script:not([src])').length, 0)
    assert.equal($('[style]').length, 0)
  })

  it('is linked from every page footer', async () => {
    for (const path of ['/', '/open-data', '/agencies']) {
      const $ = cheerio.load(await (await t.client().get(path)).text())
      assert.equal($('footer a[href="/open-data"]').text(), 'داده‌های باز', path)
    }
  })

  it('shows the new count once a service is withdrawn (the cached page is invalidated)', async () => {
    const first = await t.client().get('/open-data')
    assert.match(await first.text(), /شناسنامهٔ ۲ خدمت/)
    const admin = await makeUser(t.deps, 'agency_admin', seed.ministry)
    const id = seed.published[1]?.id ?? ''
    await setServiceWithdrawn(t.deps, adminActor(admin.userId, seed.ministry), id, 'آزمون')
    const second = await t.client().get('/open-data')
    assert.match(await second.text(), /شناسنامهٔ ۱ خدمت/)
  })
})
