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
import type { Agency } from '../agencies/index.ts'
import type { Law } from '../laws/index.ts'
import { sampleChannels, sampleStages } from './channel.test-helpers.ts'

let t: TestApp
let agency: Agency
let law: Law

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps)
  law = await makeLaw(t.deps)
})
after(() => t.close())

async function servicePage(slug: string) {
  const res = await t.client().get(`/services/${slug}`)
  assert.equal(res.status, 200)
  return cheerio.load(await res.text())
}

describe('service page: online block, channels and maturity badge', () => {
  it('shows the online block at the top when there is an e-service, with sign-in and signature', async () => {
    const { slug } = await makePublishedService(
      t.deps,
      agency,
      completeContent('خدمت برخط', law.id, { channels: sampleChannels, stages: sampleStages }),
    )
    const $ = await servicePage(slug)
    const block = $('#online')
    assert.equal(block.length, 1)
    // At the top: before the facts list and the description.
    const all = $('main *')
    assert.ok(all.index(block) >= 0 && all.index(block) < all.index($('#description')))
    const start = $('#online-start')
    assert.equal(start.attr('href'), 'https://my.gov.ir/sample/request')
    assert.equal(start.attr('rel'), 'noopener')
    assert.equal(block.find('bdi[dir="ltr"]').first().text(), 'https://my.gov.ir/sample/request')
    assert.match($('#online-sign-in').text(), /ورود یکپارچه/)
    assert.match($('#online-signature').text(), /امضای الکترونیکی لازم است/)
    assert.match($('#maturity-badge').text(), /۴ از ۵/)
    assert.equal($('#maturity-badge a').attr('href'), '/help/e-service-maturity#level-4')
    const rows = $('#stage-matrix tbody tr')
      .toArray()
      .map((r) =>
        $(r)
          .find('th, td')
          .toArray()
          .map((c) => $(c).text().trim()),
      )
    assert.deepEqual(rows[3], ['تحویل', 'حضوری', 'دفاتر پیشخوان دولت'])
    assert.equal($('#stage-matrix th[scope="col"]').length, 3)
    assert.equal($('#channel-list li').length, 2)
  })

  it('has no online block without an e-service, but still a badge (level 1)', async () => {
    const desk = sampleChannels.filter((c) => c.kind !== 'e_service')
    const { slug } = await makePublishedService(
      t.deps,
      agency,
      completeContent('خدمت حضوری', law.id, {
        channels: desk,
        stages: {
          information: { mode: null, channelIds: [] },
          request: { mode: 'in_person', channelIds: ['ch-desk'] },
          processing: { mode: 'in_person', channelIds: [] },
          delivery: { mode: 'in_person', channelIds: ['ch-desk'] },
        },
      }),
    )
    const $ = await servicePage(slug)
    assert.equal($('#online').length, 0)
    assert.equal($('#online-start').length, 0)
    assert.match($('#maturity-badge').text(), /۱ از ۵/)
    assert.equal($('#stage-matrix').length, 1)
  })

  it('publishes the definition of the levels at /help/e-service-maturity', async () => {
    const res = await t.client().get('/help/e-service-maturity')
    assert.equal(res.status, 200)
    const $ = cheerio.load(await res.text())
    assert.equal($('html').attr('lang'), 'fa')
    for (const n of [1, 2, 3, 4, 5]) assert.equal($(`#level-${n}`).length, 1)
    assert.match($('#level-5').text(), /هر چهار مرحله/)
  })
})
