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
import { AGENCY_LINK_RESULT } from './link-health.present.ts'
import { OFFLINE_RESULT } from './link-health.ts'

const INTERNAL_URL = 'https://intranet.gov.ir/admin'
const OFFLINE_URL = 'https://my.gov.ir/offline/request'
const internalChannel = {
  kind: 'e_service' as const,
  title: 'سامانهٔ درونی',
  phone: null,
  code: null,
  signIn: 'none' as const,
  signatureRequired: false,
  note: null,
}

let t: TestApp
let agency: Agency
let other: Agency
let editor: MadeUser
let otherEditor: MadeUser
let third: Agency
let thirdEditor: MadeUser
let central: MadeUser

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان پیوندهای خراب' })
  other = await makeAgency(t.deps, { nameFa: 'سازمان پیوندهای سالم' })
  editor = await makeUser(t.deps, 'agency_editor', agency)
  otherEditor = await makeUser(t.deps, 'agency_editor', other)
  third = await makeAgency(t.deps, { nameFa: 'سازمان پیوندهای درونی' })
  thirdEditor = await makeUser(t.deps, 'agency_editor', third)
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
  // A link the checker refused (it led into the portal's network), and one not checked offline.
  await makePublishedService(
    t.deps,
    third,
    completeContent('خدمت با پیوند درونی', law.id, {
      channels: [
        { ...internalChannel, id: 'ch-in', url: INTERNAL_URL },
        { ...internalChannel, id: 'ch-off', title: 'درگاه آفلاین', url: OFFLINE_URL },
      ],
    }),
  )
  await recordCheck(
    t.deps.db,
    {
      targetKind: 'url',
      target: INTERNAL_URL,
      ok: false,
      httpStatus: null,
      error: 'بررسی نشد: نام میزبان به نشانی IP غیرعمومی می‌رسد (intranet.gov.ir → 10.0.0.5).',
    },
    new Date('2026-11-20T00:00:00Z'),
  )
  await recordCheck(
    t.deps.db,
    {
      targetKind: 'url',
      target: OFFLINE_URL,
      ok: false,
      unchecked: true,
      httpStatus: null,
      error: OFFLINE_RESULT,
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
  it('the agency sees its broken links with the service, «در دسترس نیست» and since when', async () => {
    const $ = await dashboard(editor)
    const row = $('#broken-links tbody tr')
    assert.equal(row.length, 1)
    assert.match(row.text(), /خدمت با پیوند خراب/)
    assert.match(row.text(), /سامانهٔ ثبت درخواست/)
    assert.match(row.text(), /https:\/\/my\.gov\.ir\/sample\/request/)
    // Coarse on purpose (issue 11 item 2): the HTTP status is not shown to agencies.
    assert.equal(AGENCY_LINK_RESULT, 'در دسترس نیست')
    assert.match(row.text(), /در دسترس نیست/)
    assert.doesNotMatch(row.text(), /HTTP|۴۰۴/)
    assert.match($('#maturity-average').text(), /۴/)
  })

  it('the agency is not told why a link failed: no HTTP status, no refusal, no address (issue 11 item 2)', async () => {
    const $ = await dashboard(thirdEditor)
    const table = $('#broken-links').text()
    assert.doesNotMatch(table, /HTTP|۴۰۴|404/)
    assert.doesNotMatch(table, /بررسی نشد|غیرعمومی|10\.0\.0\.5/)
    const internal = $('#broken-links tbody tr').filter((_, r) =>
      $(r).text().includes('سامانهٔ درونی'),
    )
    assert.equal(internal.length, 1)
    assert.match(internal.text(), /در دسترس نیست/)
    // The detail is kept for the operators.
    const stored = await t.deps.db
      .selectFrom('linkChecks')
      .select('error')
      .where('target', '=', INTERNAL_URL)
      .executeTakeFirstOrThrow()
    assert.match(stored.error ?? '', /10\.0\.0\.5/)
  })

  it('a link not checked (offline) is not listed as broken; the agency is told checks are offline', async () => {
    const $ = await dashboard(thirdEditor)
    assert.doesNotMatch($('#broken-links').text(), /درگاه آفلاین/)
    const notice = $('#links-offline').text()
    assert.match(notice, /۱ پیوند/)
    assert.ok(notice.includes(OFFLINE_RESULT))
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
