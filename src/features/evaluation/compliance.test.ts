import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../../test/support/clients.ts'
import {
  completeContent,
  makeAgency,
  makeDraftService,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { checkedPage } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import { sampleChannels, sampleStages } from '../channels/channel.test-helpers.ts'
import { PROCESS } from '../feedback/transaction.test-helpers.ts'
import { CATALOGUE_CACHE_TAG } from '../services/index.ts'
import { complianceJson } from './compliance.export.ts'
import { loadComplianceBoard } from './compliance.read.ts'

// A hand-counted world of three agencies (clock: 2026-11-22 08:00 UTC, 1 Azar 1405 in Tehran).
//
// A, a ministry: credentials 40 days ago, its admin signed in; three public services:
//   s1 complete (process with a time on every step), request/processing/information online
//      (3 of 4 stages electronic), a transaction posted 10 days ago;
//   s2 complete, all stages unstated (0 of 4), a transaction posted 100 days ago (too old);
//   s3 without a process (not complete), first published four years ago (review overdue).
//   It proposed a specific indicator 10 days after its credentials (within the month).
//   → published 3, complete 2 of 3, reviews 2 current + 1 overdue of 3, integration 1 of 3,
//     electronic stages 3 of 12, proposal on time.
// B, a provincial office in province 07: credentials 60 days ago, a user who never signed in,
//   a draft only (never published), no proposal → overdue (its month ended 30 days ago).
// C, a national organisation named like a spreadsheet formula: no credentials, nothing at all.

const DAY = 86_400_000
let t: TestApp
let a: Agency
let b: Agency
let c: Agency

async function postTransaction(serviceId: string, daysAgo: number): Promise<void> {
  const v = await t.deps.db
    .selectFrom('serviceVersions')
    .select(['id'])
    .where('serviceId', '=', serviceId)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow()
  const at = new Date(t.clock.now().getTime() - daysAgo * DAY)
  const service = await t.deps.db
    .selectFrom('services')
    .select('agencyId')
    .where('id', '=', serviceId)
    .executeTakeFirstOrThrow()
  await t.deps.db
    .insertInto('transactions')
    .values({
      agencyId: service.agencyId,
      serviceId,
      versionId: v.id,
      trackingHash: randomUUID(),
      channel: 'online',
      startedAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .execute()
}

async function submitIndicator(agency: Agency, at: Date): Promise<void> {
  const indicator = await t.deps.db
    .insertInto('indicators')
    .values({ code: `S-${agency.code}-01`, kind: 'specific', agencyId: agency.id, createdAt: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  const version = await t.deps.db
    .insertInto('indicatorVersions')
    .values({
      indicatorId: indicator.id,
      versionNo: 1,
      state: 'submitted',
      nameFa: 'درصد پروانه‌های صادرشده در مهلت',
      definition: 'سهم پروانه‌هایی که در مهلت صادر شده‌اند.',
      rationale: 'به‌هنگامی صدور پروانه.',
      category: 'time',
      unit: 'percent',
      direction: 'higher',
      numeratorFa: 'پروانه‌های به‌موقع',
      denominatorFa: 'همهٔ پروانه‌ها',
      frequency: 'quarterly',
      source: 'manual',
      maxAgeDays: 120,
      scopeServiceIds: JSON.stringify([]),
      targets: JSON.stringify([]),
      createdAt: at,
      createdBy: null,
      updatedAt: at,
      submittedAt: at,
      decidedAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await t.deps.db
    .insertInto('indicatorDecisions')
    .values({
      versionId: version.id,
      action: 'submitted',
      actorId: null,
      actorName: 'مدیر دستگاه',
      at,
      comment: null,
      untilDay: null,
    })
    .execute()
}

async function setCredentials(agency: Agency, daysAgo: number | null): Promise<void> {
  await t.deps.db
    .updateTable('agencies')
    .set({
      credentialsIssuedAt:
        daysAgo === null ? null : new Date(t.clock.now().getTime() - daysAgo * DAY),
    })
    .where('id', '=', agency.id)
    .execute()
}

before(async () => {
  t = await createTestApp()
  const law = await makeLaw(t.deps)
  a = await makeAgency(t.deps, { level: 'ministry', nameFa: 'وزارت آزمایش' })
  b = await makeAgency(t.deps, {
    level: 'provincial_office',
    nameFa: 'ادارهٔ کل آزمایش استان',
    provinceCode: '07',
  })
  c = await makeAgency(t.deps, { level: 'organisation', nameFa: '=HYPERLINK("x")' })

  const admin = await makeUser(t.deps, 'agency_admin', a)
  await makeUser(t.deps, 'agency_editor', b)
  await setCredentials(a, 40)
  await setCredentials(b, 60)
  await setCredentials(c, null)
  await signedIn(t, admin)

  const s1 = await makePublishedService(
    t.deps,
    a,
    completeContent('خدمت یک', law.id, {
      process: PROCESS,
      channels: sampleChannels,
      stages: sampleStages,
    }),
  )
  const s2 = await makePublishedService(
    t.deps,
    a,
    completeContent('خدمت دو', law.id, { process: PROCESS }),
  )
  const s3 = await makePublishedService(t.deps, a, completeContent('خدمت سه', law.id))
  await t.deps.db
    .updateTable('services')
    .set({ firstPublishedAt: new Date(t.clock.now().getTime() - 4 * 365 * DAY) })
    .where('id', '=', s3.service.id)
    .execute()
  await postTransaction(s1.service.id, 10)
  await postTransaction(s2.service.id, 100)
  await submitIndicator(a, new Date(t.clock.now().getTime() - 30 * DAY))
  await makeDraftService(t.deps, b, 'draft-only', completeContent('پیش‌نویس', law.id))
})
after(() => t.close())

describe('the compliance board rows', () => {
  it('counts each agency as hand-counted, the ones that did nothing included', async () => {
    const board = await loadComplianceBoard(t.deps, { group: null, province: null })
    assert.equal(board.total, 3)
    const row = (x: Agency) => {
      const r = board.rows.find((r) => r.agencyCode === x.code)
      assert.ok(r, x.code)
      return r
    }
    const ra = row(a)
    assert.equal(ra.peerGroup, 'ministry')
    assert.ok(ra.credentialsIssuedAt)
    assert.equal(ra.firstSignInAt?.getTime(), t.clock.now().getTime())
    assert.equal(ra.published, 3)
    assert.deepEqual(ra.completeCards, { count: 2, of: 3 })
    assert.deepEqual(ra.reviews, { current: 2, overdue: 1, of: 3 })
    assert.deepEqual(ra.integration, { count: 1, of: 3 })
    assert.deepEqual(ra.eService, { count: 3, of: 12 })
    assert.equal(ra.proposal.kind, 'proposed')
    assert.equal(ra.proposal.kind === 'proposed' && ra.proposal.late, false)
    assert.equal(ra.participating, true)

    const rb = row(b)
    assert.equal(rb.peerGroup, 'provincial')
    assert.equal(rb.provinceCode, '07')
    assert.equal(rb.firstSignInAt, null)
    assert.equal(rb.published, 0)
    assert.deepEqual(rb.completeCards, { count: 0, of: 0 })
    assert.deepEqual(rb.reviews, { current: 0, overdue: 0, of: 0 })
    assert.deepEqual(rb.integration, { count: 0, of: 0 })
    assert.equal(rb.proposal.kind, 'overdue')
    assert.equal(rb.proposal.kind === 'overdue' && rb.proposal.daysLate, 30)
    assert.equal(rb.participating, true)

    const rc = row(c)
    assert.equal(rc.peerGroup, 'national')
    assert.equal(rc.credentialsIssuedAt, null)
    assert.equal(rc.proposal.kind, 'no-credentials')
    assert.equal(rc.participating, false)
  })

  it('filters by peer group and by province', async () => {
    const codes = async (
      group: 'ministry' | 'national' | 'provincial' | null,
      province: string | null,
    ) => (await loadComplianceBoard(t.deps, { group, province })).rows.map((r) => r.agencyCode)
    assert.deepEqual(await codes('provincial', null), [b.code])
    assert.deepEqual(await codes('ministry', null), [a.code])
    assert.deepEqual(await codes('national', null), [c.code])
    assert.deepEqual(await codes(null, '07'), [b.code])
    assert.deepEqual(await codes('ministry', '07'), [])
  })
})

describe('GET /compliance', () => {
  it('shows every row with its base, the rule in plain Persian, and is cached', async () => {
    const res = await t.client().get('/compliance')
    assert.equal(res.status, 200)
    const $ = await checkedPage(res)
    assert.equal($('html').attr('lang'), 'fa')
    const rowText = (name: string) =>
      $('#compliance tbody tr')
        .filter((_, tr) => $(tr).find('th').text().includes(name))
        .text()
    const ta = rowText('وزارت آزمایش')
    assert.match(ta, /شناسنامهٔ کامل با زمان هر مرحله: ۲ از ۳/)
    assert.match(ta, /به‌موقع: ۲ از ۳؛ گذشته از موعد: ۱/)
    assert.match(ta, /۱ از ۳/)
    assert.match(ta, /۳ از ۱۲/)
    assert.match(ta, /به‌موقع پیشنهاد داد/)
    assert.match(ta, /نخستین ورود: ۱ آذر ۱۴۰۵/)
    const tb = rowText('ادارهٔ کل آزمایش استان')
    assert.match(tb, /هیچ‌کس هنوز وارد نشده است/)
    assert.match(tb, /هیچ خدمتی منتشر نکرده است/)
    assert.match(tb, /مهلت .* گذشته است \(۳۰ روز\)/)
    const tc = rowText('=HYPERLINK')
    assert.match(tc, /هنوز مشارکتی نکرده است/)
    assert.match(tc, /رمز ورود صادر نشده است/)
    assert.match($('#rules + ul').text(), /ظرف یک ماه/)
    // Until the end of the test clock's Tehran day.
    assert.ok(
      t.deps.pageCache.get('/compliance', t.clock.now().getTime()),
      'the anonymous page is cached',
    )
    assert.equal($('footer a[href="/compliance"]').length, 1, 'linked from the footer')
  })

  it('filters through the form, and refuses a group not in the list with a Persian message', async () => {
    const $ = await checkedPage(await t.client().get('/compliance?group=provincial&province=07'))
    assert.equal($('#compliance tbody tr').length, 1)
    assert.equal(
      $('a[href^="/compliance.csv"]').attr('href'),
      '/compliance.csv?group=provincial&province=07',
    )
    const bad = await t.client().get('/compliance?group=everyone')
    assert.equal(bad.status, 400)
    const $bad = await checkedPage(bad)
    assert.match($bad('.mr-error-summary').text(), /گروه هم‌تراز را از فهرست برگزینید/)
    assert.equal($bad('#compliance tbody tr').length, 3, 'the whole board, unfiltered')
  })

  it('gives the rows as CSV with a BOM, CRLF and formula guard', async () => {
    const res = await t.client().get('/compliance.csv')
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type') ?? '', /text\/csv/)
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer())
    assert.ok(text.startsWith('\uFEFF'), 'BOM')
    const lines = text.slice(1).split('\r\n')
    assert.equal(lines.at(-1), '', 'every line ends with CRLF')
    assert.equal(lines.length, 5, 'header, three agencies and the final empty string')
    assert.match(lines[0] ?? '', /^agency_code,agency_name,peer_group/)
    const lineA = lines.find((l) => l.startsWith(`${a.code},`))
    // Credentials 1405/07/21 (2026-10-13); the month ends 1405/08/21 (2026-11-12); proposed
    // 1405/08/01 (2026-10-23); signed in today.
    assert.equal(
      lineA?.split(',').slice(2).join(','),
      'ministry,,true,2026-10-13,2026-11-22,3,2,2,1,on-time,2026-11-12,2026-10-23,1,3,12',
    )
    assert.ok(
      lines.some((l) => l.includes(`"'=HYPERLINK(""x"")"`)),
      'formula guarded',
    )
    assert.equal((await t.client().get('/compliance.csv?province=99')).status, 400)
  })
})

describe('GET /api/v1/compliance', () => {
  it('answers in the documented shape, filters, and gives CSV on request', async () => {
    const res = await t.client().get('/api/v1/compliance?group=ministry')
    assert.equal(res.status, 200)
    const body = complianceJson.parse(await res.json())
    assert.equal(body.total, 3)
    assert.equal(body.integrationDays, 90)
    assert.deepEqual(
      body.items.map((i) => i.agencyCode),
      [a.code],
    )
    const item = body.items[0]
    assert.deepEqual(item?.completeCards, { count: 2, of: 3 })
    assert.equal(item?.indicatorProposal.status, 'on-time')
    assert.equal(item?.firstSignInOn, '2026-11-22')

    const csv = await t.client().get('/api/v1/compliance?format=csv&group=national')
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/)
    assert.match(await csv.text(), /"'=HYPERLINK/)

    const bad = await t.client().get('/api/v1/compliance?province=99')
    assert.equal(bad.status, 422)
    assert.match(bad.headers.get('content-type') ?? '', /problem\+json/)

    const doc = (await (await t.client().get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>
    }
    assert.ok(doc.paths['/compliance'], 'in OpenAPI')
  })
})

describe('the shared count', () => {
  it('serves every filter from one count until a catalogue change drops it', async () => {
    const before = await loadComplianceBoard(t.deps, { group: 'ministry', province: null })
    assert.equal(before.rows[0]?.published, 3)
    const law = await makeLaw(t.deps)
    // Below the publish command: nothing marks the catalogue tag yet.
    await makePublishedService(t.deps, a, completeContent('خدمت چهار', law.id))
    const held = await loadComplianceBoard(t.deps, { group: 'ministry', province: null })
    assert.equal(held.rows[0]?.published, 3, 'the shared rows')
    t.deps.pageCache.invalidate(CATALOGUE_CACHE_TAG)
    const after = await loadComplianceBoard(t.deps, { group: 'ministry', province: null })
    assert.equal(after.rows[0]?.published, 4, 'counted again')
    assert.deepEqual(after.rows[0]?.completeCards, { count: 2, of: 4 })
  })
})
