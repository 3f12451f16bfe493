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
import { edge, processOf, task, wd } from '../processes/process.test-helpers.ts'

// The service page's completion estimate past the seeded 1405 calendar (issue 17 item 3).

let t: TestApp
let slug: string

before(async () => {
  t = await createTestApp()
  const agency = await makeAgency(t.deps)
  const law = await makeLaw(t.deps)
  const content = completeContent('صدور گواهی آزمایشی', law.id, {
    declaredTime: { kind: 'up_to', max: 3, unit: 'working_day' },
    process: processOf(
      [task('s1', 'ثبت درخواست', wd(1)), task('s2', 'صدور گواهی', wd(2))],
      [edge('s1', 's2')],
    ),
  })
  slug = (await makePublishedService(t.deps, agency, content)).slug
})
after(() => t.close())

async function completion(jy: string, jm: string, jd: string) {
  const q = new URLSearchParams({ 'start-year': jy, 'start-month': jm, 'start-day': jd })
  const res = await t.client().get(`/services/${slug}?${q}`)
  assert.equal(res.status, 200)
  return cheerio.load(await res.text())('.mr-completion')
}

describe('the completion estimate across Nowruz and past the known lunar holidays', () => {
  it('does not count through Nowruz 1406 for a request on 28 Esfand 1405', async () => {
    // Friday 28 Esfand: the application is taken on the first working day, Thursday 5
    // Farvardin (29 Esfand and 1–4 Farvardin rest), then 7, 8 and 9 Farvardin. Counting
    // through Nowruz gave 4 Farvardin.
    const box = await completion('۱۴۰۵', '۱۲', '۲۸')
    assert.match(box.text(), /بین\s+دوشنبه ۹ فروردین ۱۴۰۶\s+و\s+دوشنبه ۹ فروردین ۱۴۰۶/)
    assert.match(box.text(), /تعطیلات رسمی در این محاسبه شمرده نمی‌شوند/)
    assert.equal(box.find('#completion-lunar-unknown').length, 0, '1406 lunar holidays are entered')
  })

  it('says the lunar holidays are not known when the result lies in 1407', async () => {
    // Thursday 26 Esfand 1406: 28 Esfand, then Nowruz 1407 and a Friday, 6 and 7 Farvardin 1407.
    const box = await completion('1406', '12', '26')
    assert.match(box.text(), /شنبه ۷ فروردین ۱۴۰۷/)
    const note = box.find('#completion-lunar-unknown')
    assert.equal(note.length, 1)
    assert.match(note.text(), /تعطیلات قمری پس از ۲۹ اسفند ۱۴۰۶ هنوز در تقویم تعطیلات ثبت نشده/)
    assert.equal(note.find('a').attr('href'), '/calendar')
    assert.doesNotMatch(box.text(), /روزهای جمعه و تعطیلات رسمی در این محاسبه شمرده نمی‌شوند/)
  })
})
