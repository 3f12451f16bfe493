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
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import { sampleChannels, sampleStages } from './channel.test-helpers.ts'
import { recordCheck } from './link-checks.queries.ts'

let t: TestApp
let agency: Agency
let other: Agency
let editor: MadeUser
let otherEditor: MadeUser
let central: MadeUser

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان پیوندهای خراب' })
  other = await makeAgency(t.deps, { nameFa: 'سازمان پیوندهای سالم' })
  editor = await makeUser(t.deps, 'agency_editor', agency)
  otherEditor = await makeUser(t.deps, 'agency_editor', other)
  central = await makeUser(t.deps, 'central_supervisor')
  const law = await makeLaw(t.deps)
  await makePublishedService(
    t.deps,
    agency,
    completeContent('خدمت با پیوند خراب', law.id, {
      channels: sampleChannels,
      stages: sampleStages,
    }),
  )
  await makePublishedService(t.deps, other, completeContent('خدمت حضوری', law.id))
  await recordCheck(
    t.deps.db,
    {
      targetKind: 'url',
      target: 'https://my.gov.ir/sample/request',
      ok: false,
      httpStatus: 404,
      error: 'پاسخ HTTP ۴۰۴.',
    },
    new Date('2026-11-20T00:00:00Z'),
  )
})
after(() => t.close())

async function dashboard(user: MadeUser) {
  const client = t.client()
  await client.signIn(user.username, user.password, user.agencyCode)
  const res = await client.get('/admin')
  assert.equal(res.status, 200)
  return cheerio.load(await res.text())
}

describe('dashboards: broken links and maturity', () => {
  it('the agency sees its broken links with the service, the error and since when', async () => {
    const $ = await dashboard(editor)
    const row = $('#broken-links tbody tr')
    assert.equal(row.length, 1)
    assert.match(row.text(), /خدمت با پیوند خراب/)
    assert.match(row.text(), /سامانهٔ ثبت درخواست/)
    assert.match(row.text(), /https:\/\/my\.gov\.ir\/sample\/request/)
    assert.match(row.text(), /HTTP ۴۰۴/)
    assert.match($('#maturity-average').text(), /۴/)
  })

  it('another agency sees none of them', async () => {
    const $ = await dashboard(otherEditor)
    assert.equal($('#broken-links').length, 0)
    assert.equal($('#no-broken-links').length, 1)
  })

  it('central staff see the count per agency', async () => {
    const $ = await dashboard(central)
    const rows = $('#agency-broken-links tbody tr')
      .toArray()
      .map((r) =>
        $(r)
          .find('th, td')
          .toArray()
          .map((c) => $(c).text().trim()),
      )
    const mine = rows.find((r) => r[0] === 'سازمان پیوندهای خراب')
    assert.deepEqual(mine?.slice(1), ['۱', '۱', '۴'])
    const theirs = rows.find((r) => r[0] === 'سازمان پیوندهای سالم')
    assert.deepEqual(theirs?.slice(1), ['۰', '۱', '۱'])
  })
})
