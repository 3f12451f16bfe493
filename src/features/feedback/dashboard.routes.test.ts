import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import type * as cheerio from 'cheerio'
import type { KyselyPlugin, QueryId, RootOperationNode } from 'kysely'
import { signedIn } from '../../../test/support/clients.ts'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { checkedPage } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { TransactionChannel } from '../../db/schema.ts'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { loadAgencyDashboard, loadCentralDashboard } from './dashboard.read.ts'
import { PROCESS } from './transaction.test-helpers.ts'

let t: TestApp
let editorA: MadeUser
let editorB: MadeUser
let central: MadeUser
let agencyAId: string
let agencyBId: string
let escapedAgencyId: string
let serviceA1: string

const DAY = 86_400_000
const NOT_ENOUGH = 'هنوز دادهٔ کافی نیست'
const EVIL_AGENCY = '<script>alert(1)</script> دستگاه & همکاران'
const EVIL_SERVICE = 'خدمت <img src=x onerror=alert(2)>'

async function versionId(serviceId: string): Promise<string> {
  const v = await t.deps.db
    .selectFrom('serviceVersions')
    .select('id')
    .where('serviceId', '=', serviceId)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow()
  return v.id
}

/** A completed transaction of the service and its rating (overall, clarity). */
async function rate(
  serviceId: string,
  agencyId: string,
  channel: TransactionChannel,
  overall: number,
  clarity: number | null = null,
) {
  const now = t.clock.now()
  const tx = await t.deps.db
    .insertInto('transactions')
    .values({
      agencyId,
      serviceId,
      versionId: await versionId(serviceId),
      trackingHash: randomUUID(),
      channel,
      startedAt: new Date(now.getTime() - 2 * DAY),
      completedAt: new Date(now.getTime() - DAY),
      outcome: 'approved',
      promisedBy: null,
      ratingExpiresAt: null,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await t.deps.db
    .insertInto('ratings')
    .values({
      transactionId: tx.id,
      serviceId,
      channel,
      overall,
      clarity,
      promisedTime: null,
      visits: null,
      staffConduct: null,
      cost: null,
      onlineEase: null,
      comment: null,
      createdAt: now,
    })
    .execute()
}

let codeCounter = 0
async function report(
  serviceId: string,
  agencyId: string,
  state: 'received' | 'accepted' | 'rejected',
  receivedDaysAgo: number,
  dueInDays: number,
) {
  const now = t.clock.now()
  const due = new Date(now.getTime() + dueInDays * DAY).toISOString().slice(0, 10)
  codeCounter++
  await t.deps.db
    .insertInto('accuracyReports')
    .values({
      code: `DASH${String(codeCounter).padStart(6, '0')}`,
      serviceId,
      agencyId,
      section: 'fees',
      versionNo: 1,
      whatWrong: 'هزینه درست نیست',
      whatRight: null,
      contactMobile: null,
      contactEmail: null,
      receivedAt: new Date(now.getTime() - receivedDaysAgo * DAY),
      dueOn: due,
      ...(state === 'received' ? {} : { state, answeredAt: now }),
      ...(state === 'accepted' ? { fixVersionNo: 99 } : {}),
      ...(state === 'rejected' ? { reason: 'درست است', closedAt: now } : {}),
    })
    .execute()
}

async function helpful(serviceId: string, yes: number, no: number) {
  const now = t.clock.now()
  await t.deps.db
    .insertInto('feedbackRollups')
    .values({ serviceId, helpfulYes: yes, helpfulNo: no, shownAt: now, updatedAt: now })
    .execute()
}

before(async () => {
  t = await createTestApp()
  const law = await makeLaw(t.deps)
  const a = await makeAgency(t.deps, { nameFa: 'دستگاه الف داشبورد' })
  const b = await makeAgency(t.deps, { nameFa: 'دستگاه ب داشبورد' })
  const evil = await makeAgency(t.deps, { nameFa: EVIL_AGENCY })
  agencyAId = a.id
  agencyBId = b.id
  escapedAgencyId = evil.id
  editorA = await makeUser(t.deps, 'agency_editor', a)
  editorB = await makeUser(t.deps, 'agency_editor', b)
  central = await makeUser(t.deps, 'central_admin')
  const withProcess = (title: string) => completeContent(title, law.id, { process: PROCESS })
  serviceA1 = (await makePublishedService(t.deps, a, withProcess(EVIL_SERVICE))).service.id
  const serviceA2 = (await makePublishedService(t.deps, a, withProcess('خدمت دوم الف'))).service.id
  const serviceB = (await makePublishedService(t.deps, b, withProcess('خدمت ب'))).service.id
  // A known calendar for the age buckets: no holidays around the test clock.
  await t.deps.db
    .deleteFrom('holidays')
    .where('day', '>=', '2026-09-01')
    .where('day', '<=', '2027-01-31')
    .execute()

  // The central minimum n, lowered to 5 so a handful of rows shows figures.
  const admin = await signedIn(t, central)
  const saved = await admin.post('/admin/feedback/settings', { feedbackMinN: '5' })
  assert.equal(saved.status, 303)

  // Helpful: 30/5 and 10/5 on A's two services → 40 yes, 10 no; B has 1 yes, 9 no.
  await helpful(serviceA1, 30, 5)
  await helpful(serviceA2, 10, 5)
  await helpful(serviceB, 1, 9)

  // Ratings of A: online 5,4,4,5,3 (clarity 4,4,5,5,2), counter office 2,3. B: ten 1s online.
  for (const [o, c] of [
    [5, 4],
    [4, 4],
    [4, 5],
    [5, 5],
    [3, 2],
  ] as const)
    await rate(serviceA1, agencyAId, 'online', o, c)
  await rate(serviceA2, agencyAId, 'counter_office', 2)
  await rate(serviceA2, agencyAId, 'counter_office', 3)
  for (let i = 0; i < 10; i++) await rate(serviceB, agencyBId, 'online', 1, 1)

  // Reports of A: unanswered today, 12 days old (not due), 30 days old (overdue); one accepted,
  // one rejected. B: two overdue unanswered reports.
  await report(serviceA1, agencyAId, 'received', 0, 20)
  await report(serviceA1, agencyAId, 'received', 12, 5)
  await report(serviceA2, agencyAId, 'received', 30, -5)
  await report(serviceA2, agencyAId, 'accepted', 3, 10)
  await report(serviceA2, agencyAId, 'rejected', 3, 10)
  await report(serviceB, agencyBId, 'received', 30, -6)
  await report(serviceB, agencyBId, 'received', 31, -7)

  // Promised against actual of A's first service: the whole transaction (8, 6 on time) and s2.
  const now = t.clock.now()
  await t.deps.db
    .insertInto('transactionTimeRollups')
    .values([
      {
        serviceId: serviceA1,
        stepId: '',
        n: 8,
        medianSeconds: 2 * 86_400,
        p90Seconds: 4 * 86_400,
        withPromise: 8,
        onTime: 6,
        visitsTotal: 8,
        computedAt: now,
      },
      {
        serviceId: serviceA1,
        stepId: 's2',
        n: 3,
        medianSeconds: 86_400,
        p90Seconds: 3 * 86_400,
        withPromise: 3,
        onTime: 1,
        visitsTotal: 0,
        computedAt: now,
      },
    ])
    .execute()
})

after(() => t.close())

/** The rows of a table as trimmed cell texts. */
function rowsOf($: cheerio.CheerioAPI, tableId: string): string[][] {
  return $(`#${tableId} tbody tr`)
    .map((_, tr) => [
      $(tr)
        .find('th, td')
        .map((_, c) => $(c).text().trim())
        .get(),
    ])
    .get()
}

function row($: cheerio.CheerioAPI, tableId: string, first: string): string[] {
  const r = rowsOf($, tableId).find((cells) => cells[0] === first)
  assert.ok(r, `${tableId} has a row «${first}»`)
  return r
}

/** Every chart has an accessible name and a table after it carrying every number it writes. */
function checkCharts($: cheerio.CheerioAPI, expected: number) {
  const charts = $('svg.mr-chart')
  assert.equal(charts.length, expected)
  charts.each((_, svg) => {
    const name = $(svg).attr('aria-label') ?? ''
    assert.equal($(svg).attr('role'), 'img')
    assert.ok(name.length > 3, 'the chart has a Persian name')
    assert.equal($(svg).children('title').first().text(), name)
    const tableText = $(svg).closest('section').find('table').text()
    assert.ok(tableText.length > 0, `chart «${name}» has a table`)
    $(svg)
      .find('text.mr-chart__value')
      .each((_, v) => {
        const value = $(v).text()
        assert.ok(tableText.includes(value), `«${value}» of «${name}» is in its table`)
      })
    $(svg)
      .find('text.mr-chart__label')
      .each((_, l) => {
        // A long label is cut with «…» in the drawing: each part is still in the table.
        const label = $(l).text()
        for (const part of label.replace(/…$/, '').split(' — '))
          assert.ok(tableText.includes(part), `label «${label}»`)
      })
  })
}

/** The deps with a database handle that records the SQL of every statement it sends. */
function counting(deps: Deps): { deps: Deps; sql: () => string[] } {
  const sent: { node: RootOperationNode; queryId: QueryId }[] = []
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      sent.push(args)
      return args.node
    },
    async transformResult(args) {
      return args.result
    },
  }
  const executor = deps.db.getExecutor()
  return {
    deps: { ...deps, db: deps.db.withPlugin(plugin) },
    sql: () => sent.map((s) => executor.compileQuery(s.node, s.queryId).sql),
  }
}

function actorOf(role: Actor['role'], agencyId: string | null): Actor {
  return {
    userId: randomUUID(),
    username: 'x',
    displayName: 'x',
    role,
    agencyId,
    agencyNameFa: null,
    mustChangePassword: false,
    via: 'session',
  }
}

describe('staff feedback dashboard (issue 13 item 7)', () => {
  it('sends anonymous visitors to sign in', async () => {
    const res = await t.client().get('/admin/feedback')
    assert.equal(res.status, 303)
    assert.match(res.headers.get('location') ?? '', /sign-in/)
  })

  it('shows the agency its own figures, against hand-computed values', async () => {
    const client = await signedIn(t, editorA)
    const $ = await checkedPage(await client.get('/admin/feedback'))
    assert.match($('h1').text(), /دستگاه الف داشبورد/)
    // Helpful: 40 yes of 50; Wilson 95% lower bound 0.6696 (upper 0.8876).
    assert.deepEqual(rowsOf($, 'helpful-table'), [['۴۰', '۱۰', '۵۰', '۸۰٪', '۶۷٪']])
    // Reports: 3 unanswered, 1 accepted, 1 rejected; by age 1 / 1 / 1 (overdue).
    assert.equal(row($, 'report-states-table', 'دریافت شد؛ در انتظار پاسخ دستگاه')[1], '۳')
    assert.equal(row($, 'report-states-table', 'پذیرفته شد')[1], '۱')
    assert.equal(row($, 'report-states-table', 'پذیرفته نشد')[1], '۱')
    assert.equal(row($, 'report-states-table', 'اصلاح شد')[1], '۰')
    assert.equal(row($, 'report-ages-table', '۰ تا ۵ روز کاری')[1], '۱')
    assert.equal(row($, 'report-ages-table', '۶ تا ۱۵ روز کاری')[1], '۱')
    assert.equal(row($, 'report-ages-table', 'بیش از ۱۵ روز کاری (گذشته از موعد)')[1], '۱')
    // Overall 5,4,4,5,3,2,3: mean 3.714, t(6) interval 2.685–4.743.
    assert.deepEqual(row($, 'dimensions-table', 'رضایت کلی'), [
      'رضایت کلی',
      '۷',
      '۳٫۷۱',
      '۲٫۶۹ تا ۴٫۷۴',
    ])
    // Clarity 4,4,5,5,2: mean 4, t(4) interval 2.479–5.521.
    assert.deepEqual(row($, 'dimensions-table', 'شفافیت اطلاعات'), [
      'شفافیت اطلاعات',
      '۵',
      '۴',
      '۲٫۴۸ تا ۵٫۵۲',
    ])
    // Below the minimum n (5): no figure, the wording instead.
    assert.deepEqual(row($, 'dimensions-table', 'هزینه'), ['هزینه', '۰', NOT_ENOUGH])
    // Online 5,4,4,5,3: mean 4.2, interval 3.161–5.239; counter office n = 2 below the minimum.
    assert.deepEqual(row($, 'channels-table', 'اینترنتی'), ['اینترنتی', '۵', '۴٫۲', '۳٫۱۶ تا ۵٫۲۴'])
    assert.deepEqual(row($, 'channels-table', 'دفتر پیشخوان'), ['دفتر پیشخوان', '۲', NOT_ENOUGH])
    // Promised against actual: whole transaction 6 of 8 on time; step s2 (3 < 5) not enough.
    const times = rowsOf($, 'times-table')
    assert.equal(times.length, 2)
    const whole = times.find((r) => r[1] === 'کل درخواست')
    assert.deepEqual(whole?.slice(2), ['۸', '۲ روز', '۴ روز', '—', '۸', '۷۵٪'])
    const s2 = times.find((r) => r[1] === 'بررسی')
    assert.deepEqual(s2?.slice(2), ['۳', '۱ روز', '۳ روز', '۲ روز کاری', '۳', NOT_ENOUGH])
    assert.match($('#times-computed').text(), /قدیمی‌ترین محاسبه/)
    checkCharts($, 6)
    // The helpful chart writes 80% with its whisker; below-minimum bars are not drawn.
    assert.ok($('#helpful svg path.mr-chart__whisker').length === 1)
    assert.equal($('#channels svg rect.mr-chart__bar').length, 1)
    // Service names are escaped in the SVG and the table alike.
    const html = $.html()
    assert.ok(!html.includes('<img src=x'), 'no raw service markup')
    assert.ok($('#times-table').text().includes(EVIL_SERVICE))
    assert.ok($('#times svg g > title').text().includes(EVIL_SERVICE))
  })

  it("never shows another agency's figures", async () => {
    const client = await signedIn(t, editorB)
    const $ = await checkedPage(await client.get('/admin/feedback'))
    assert.match($('h1').text(), /دستگاه ب داشبورد/)
    assert.deepEqual(rowsOf($, 'helpful-table'), [['۱', '۹', '۱۰', '۱۰٪', '۱٫۸٪']])
    assert.deepEqual(row($, 'dimensions-table', 'رضایت کلی').slice(0, 3), ['رضایت کلی', '۱۰', '۱'])
    assert.equal(row($, 'report-ages-table', 'بیش از ۱۵ روز کاری (گذشته از موعد)')[1], '۲')
    assert.ok(!$.html().includes('دستگاه الف'))
    // A's page and the centre's comparison are closed to B's staff.
    assert.equal((await client.get(`/admin/feedback/agencies/${agencyAId}`)).status, 404)
    assert.equal((await client.get('/admin/feedback/agencies')).status, 403)
    assert.equal((await client.get(`/admin/feedback/agencies/${agencyBId}`)).status, 200)
  })

  it('shows the centre every agency, ranked only where n reaches the minimum, escaped', async () => {
    const client = await signedIn(t, central)
    const $ = await checkedPage(await client.get('/admin/feedback'))
    // Satisfaction by Bayesian average with prior 10 × 36/17: A (26 over 7) 2.775, B 1.559.
    const rows = rowsOf($, 'agencies-table')
    const a = rows.find((r) => r[1] === 'دستگاه الف داشبورد')
    const b = rows.find((r) => r[1] === 'دستگاه ب داشبورد')
    const evil = rows.find((r) => r[1] === EVIL_AGENCY)
    assert.deepEqual(a?.slice(0, 4), ['۱', 'دستگاه الف داشبورد', '۷', '۲٫۷۸'])
    assert.deepEqual(b?.slice(0, 4), ['۲', 'دستگاه ب داشبورد', '۱۰', '۱٫۵۶'])
    assert.deepEqual(evil?.slice(0, 4), ['—', EVIL_AGENCY, '۰', NOT_ENOUGH])
    assert.equal(a?.[6], '۳٫۷۱ (۲٫۶۹ تا ۴٫۷۴)')
    // A: 5 reports, 4 open (3 unanswered, 1 accepted), 1 overdue; 8 transactions with a promise.
    assert.deepEqual(a?.slice(7), ['۵', '۴', '۱', '۸'])
    assert.deepEqual(b?.slice(7), ['۲', '۲', '۲', '۰'])
    assert.ok(rows.indexOf(a ?? []) < rows.indexOf(b ?? []), 'ranked by value')
    assert.ok(!$.html().includes('<script>alert'), 'agency names are escaped')
    assert.ok($('svg.mr-chart g > title').text().includes(EVIL_AGENCY))
    checkCharts($, 1)

    // Sorted by n: B (10) before A (7); the ranks stay those of the value.
    const byN = await checkedPage(
      await client.get('/admin/feedback/agencies?by=satisfaction&sort=n'),
    )
    const nRows = rowsOf(byN, 'agencies-table')
    assert.deepEqual(nRows[0]?.slice(0, 3), ['۲', 'دستگاه ب داشبورد', '۱۰'])
    assert.deepEqual(nRows[1]?.slice(0, 3), ['۱', 'دستگاه الف داشبورد', '۷'])

    // Helpful by Wilson lower bound: A 0.670 ranks before B (1 of 10: 0.018).
    const byHelpful = await checkedPage(await client.get('/admin/feedback/agencies?by=helpful'))
    const h = rowsOf(byHelpful, 'agencies-table')
    assert.deepEqual(h[0]?.slice(0, 4), ['۱', 'دستگاه الف داشبورد', '۵۰', '۶۷٪'])
    assert.deepEqual(h[1]?.slice(0, 4), ['۲', 'دستگاه ب داشبورد', '۱۰', '۱٫۸٪'])

    // The centre may open one agency's page; an unknown one is not found.
    const one = await checkedPage(await client.get(`/admin/feedback/agencies/${escapedAgencyId}`))
    assert.ok(one('h1').text().includes(EVIL_AGENCY))
    assert.equal((await client.get(`/admin/feedback/agencies/${randomUUID()}`)).status, 404)
    assert.equal((await client.get('/admin/feedback/agencies/nonsense')).status, 404)
  })

  it('reads a bounded number of aggregate statements, whatever the number of rows', async () => {
    const editor = actorOf('agency_editor', agencyAId)
    const centre = actorOf('central_supervisor', null)
    const before1 = counting(t.deps)
    await loadAgencyDashboard(before1.deps, editor, null)
    const before2 = counting(t.deps)
    await loadCentralDashboard(before2.deps, centre, {})
    // Twenty more ratings and reports change the figures, not the statements.
    for (let i = 0; i < 20; i++) {
      await rate(serviceA1, agencyAId, 'in_person', 4, 4)
      await report(serviceA1, agencyAId, 'received', 1, 14)
    }
    const after1 = counting(t.deps)
    const v = await loadAgencyDashboard(after1.deps, editor, null)
    const after2 = counting(t.deps)
    await loadCentralDashboard(after2.deps, centre, {})
    assert.equal(v.channels.find((c) => c.key === 'in_person')?.figure.n, 20)
    assert.equal(after1.sql().length, before1.sql().length)
    assert.equal(after2.sql().length, before2.sql().length)
    assert.ok(after1.sql().length <= 12, `agency page: ${after1.sql().length} statements`)
    assert.ok(after2.sql().length <= 10, `central page: ${after2.sql().length} statements`)
    // Helpful figures come from the rollup rows, never from the votes.
    for (const q of [...after1.sql(), ...after2.sql()]) assert.doesNotMatch(q, /helpful_votes/)
  })

  it('is linked from the dashboard’s «بازخورد مردم» panel', async () => {
    const client = await signedIn(t, editorA)
    const $ = await checkedPage(await client.get('/admin'))
    assert.equal($('#feedback-links a[href="/admin/feedback"]').length, 1)
  })
})
