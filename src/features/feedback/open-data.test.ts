import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { jalaliToGregorian } from '../../lib/fa/jalali.ts'
import { startOfTehranDay } from '../../lib/fa/tehran-time.ts'
import type { Agency } from '../agencies/index.ts'
import { SETTING_KEYS } from '../settings/index.ts'
import { FEEDBACK_CSV_HEADER, type FeedbackMonthFile, monthWindow } from './open-data.build.ts'

const HOUR = 3_600_000
/** An instant in Tehran: day `jd` of month `jm` 1405, `h` hours after midnight. */
const at = (jm: number, jd: number, h = 10) =>
  new Date(startOfTehranDay(1405, jm, jd).getTime() + h * HOUR)
const isoDay = (jm: number, jd: number) => {
  const g = jalaliToGregorian(1405, jm, jd)
  return `${g.gy}-${String(g.gm).padStart(2, '0')}-${String(g.gd).padStart(2, '0')}`
}

let t: TestApp
let agency: Agency
let a: { id: string; slug: string; versionId: string }
let b: { id: string; slug: string; versionId: string }
let txCount = 0
let lawId: string

async function service(): Promise<{ id: string; slug: string; versionId: string }> {
  const made = await makePublishedService(
    t.deps,
    agency,
    completeContent(`خدمت آزمایشی ${txCount++}`, lawId),
  )
  const v = await t.deps.db
    .selectFrom('serviceVersions')
    .select('id')
    .where('serviceId', '=', made.service.id)
    .executeTakeFirstOrThrow()
  return { id: made.service.id, slug: made.slug, versionId: v.id }
}

async function transaction(
  s: typeof a,
  startedAt: Date,
  hoursTaken: number | null,
  promiseHours: number | null,
): Promise<string> {
  txCount++
  const row = await t.deps.db
    .insertInto('transactions')
    .values({
      agencyId: agency.id,
      serviceId: s.id,
      versionId: s.versionId,
      trackingHash: `hash-${txCount}`,
      channel: 'online',
      startedAt,
      completedAt: hoursTaken === null ? null : new Date(startedAt.getTime() + hoursTaken * HOUR),
      outcome: hoursTaken === null ? null : 'approved',
      promisedBy:
        promiseHours === null ? null : new Date(startedAt.getTime() + promiseHours * HOUR),
      updatedAt: startedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

async function rating(s: typeof a, transactionId: string, overall: number, createdAt: Date) {
  await t.deps.db
    .insertInto('ratings')
    .values({ transactionId, serviceId: s.id, channel: 'online', overall, createdAt })
    .execute()
}

async function vote(s: typeof a, helpful: boolean, createdAt: Date) {
  await t.deps.db
    .insertInto('helpfulVotes')
    .values({ serviceId: s.id, versionNo: 1, helpful, createdAt })
    .execute()
}

let reportCount = 0
async function report(s: typeof a, received: Date, dueOn: string, answeredAt: Date | null) {
  reportCount++
  await t.deps.db
    .insertInto('accuracyReports')
    .values({
      code: `ABCDEFGH0${reportCount}`,
      serviceId: s.id,
      agencyId: agency.id,
      section: 'description',
      versionNo: 1,
      whatWrong: 'نشانی دفتر نادرست است',
      state: answeredAt ? 'accepted' : 'received',
      fixVersionNo: answeredAt ? 2 : null,
      receivedAt: received,
      dueOn,
      answeredAt,
    })
    .execute()
}

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps)
  lawId = (await makeLaw(t.deps)).id
  a = await service()
  b = await service()
  // Azar 1405 (1405-09), service A: 4 «بله» and 1 «خیر»; one «بله» on the last day of Aban
  // (1405-08-30) that belongs to the month before.
  for (const yes of [true, true, true, true, false]) await vote(a, yes, at(9, 3))
  await vote(a, true, at(8, 30, 23))
  // Transactions completed in Azar, A: 10, 20, 30 and 40 hours; promised 24 hours to the
  // first three (two on time, one late), nothing to the fourth.
  const t1 = await transaction(a, at(9, 5), 10, 24)
  const t2 = await transaction(a, at(9, 6), 20, 24)
  const t3 = await transaction(a, at(9, 7), 30, 24)
  await transaction(a, at(9, 8), 40, null)
  // Completed in Aban: not this month.
  const old = await transaction(a, at(8, 10), 5, 24)
  // B: started in Azar, not completed.
  const t5 = await transaction(b, at(9, 9), null, null)
  // Ratings in Azar: A 4, 5, 5; B 2. One in Aban on A (5) left out.
  await rating(a, t1, 4, at(9, 12))
  await rating(a, t2, 5, at(9, 12))
  await rating(a, t3, 5, at(9, 13))
  await rating(b, t5, 2, at(9, 14))
  await rating(a, old, 5, at(8, 11))
  // Reports received in Azar on A, the clock standing at 1405-10-20:
  // answered before its due day; unanswered past due (overdue); answered after its due day
  // (overdue); unanswered, due 1405-10-25 (not yet overdue). One received in Dey is left out.
  await report(a, at(9, 2), isoDay(9, 20), at(9, 15))
  await report(a, at(9, 4), isoDay(9, 25), null)
  await report(a, at(9, 5), isoDay(9, 20), at(9, 28))
  await report(a, at(9, 29), isoDay(10, 25), null)
  await report(a, at(10, 2), isoDay(10, 28), null)
  t.clock.set(at(10, 20))
})
after(() => t.close())

async function monthFile(month: string): Promise<FeedbackMonthFile> {
  const res = await t.client().get(`/api/v1/export/feedback/${month}.json`)
  assert.equal(res.status, 200)
  return (await res.json()) as FeedbackMonthFile
}

describe('monthly open-data file of the feedback aggregates', () => {
  it('bounds a Jalali month in Tehran time', () => {
    const w = monthWindow('1405-09')
    // 1 Azar 1405 = 22 November 2026, 00:00 Tehran (UTC+3:30); 1 Dey = 22 December.
    assert.equal(w.from.toISOString(), '2026-11-21T20:30:00.000Z')
    assert.equal(w.to.toISOString(), '2026-12-21T20:30:00.000Z')
    assert.equal(
      monthWindow('1405-12').to.toISOString(),
      startOfTehranDay(1406, 1, 1).toISOString(),
    )
  })

  it('gives per service and per agency the hand-computed figures, with n, not shown below the minimum', async () => {
    const file = await monthFile('1405-09')
    assert.equal(file.complete, true)
    assert.equal(file.minimumN, 30)
    // The prior: the month's four ratings 4, 5, 5, 2 → mean 4, ten pseudo-ratings.
    assert.deepEqual(file.prior, { mean: 4, weight: 10 })
    const rowA = file.rows.find((r) => r.serviceId === a.id)
    const rowB = file.rows.find((r) => r.serviceId === b.id)
    const rowX = file.rows.find((r) => r.level === 'agency')
    assert.equal(file.rows.length, 3)
    assert.equal(rowA?.serviceSlug, a.slug)
    assert.equal(rowX?.agencyCode, agency.code)
    // Helpful, A: 4 of 5; Wilson lower bound at 95% = 0.37553 (z = 1.96).
    assert.deepEqual(rowA?.helpful, { yes: 4, no: 1, n: 5, wilsonLow: 0.376, shown: false })
    // Satisfaction, A: 4, 5, 5 → mean 4.6667, s = 0.57735, t(2) = 4.30265, half-width 1.43422;
    // Bayesian (10·4 + 14) / 13 = 4.1538.
    assert.deepEqual(rowA?.satisfaction, {
      n: 3,
      mean: 4.667,
      ci95: [3.232, 6.101],
      bayesMean: 4.154,
      shown: false,
    })
    // B: one 2 → (40 + 2) / 11 = 3.8182; nothing else.
    assert.deepEqual(rowB?.satisfaction, {
      n: 1,
      mean: 2,
      ci95: [2, 2],
      bayesMean: 3.818,
      shown: false,
    })
    assert.equal(rowB?.actualTime.n, 0)
    assert.equal(rowB?.helpful.n, 0)
    // Actual time, A: 10, 20, 30, 40 h → median 25, p90 30 + 0.7·10 = 37; 2 of 3 on time.
    assert.deepEqual(rowA?.actualTime, {
      n: 4,
      medianHours: 25,
      p90Hours: 37,
      withPromise: 3,
      onTimeRate: 0.667,
      shown: false,
    })
    assert.deepEqual(rowA?.reports, { received: 4, answered: 2, overdue: 2, n: 4, shown: false })
    // The agency: A and B together. Ratings 4, 5, 5, 2 → mean 4, s = √2, t(3) = 3.18245,
    // half-width 2.25033; Bayesian (40 + 16) / 14 = 4.
    assert.deepEqual(rowX?.satisfaction, {
      n: 4,
      mean: 4,
      ci95: [1.75, 6.25],
      bayesMean: 4,
      shown: false,
    })
    assert.deepEqual(rowX?.helpful, rowA?.helpful)
    assert.deepEqual(rowX?.actualTime, rowA?.actualTime)
    assert.deepEqual(rowX?.reports, rowA?.reports)
  })

  it('shows a figure once its n reaches the central minimum', async () => {
    // The lowest minimum the settings page accepts (5), written as the page would.
    await t.deps.db
      .insertInto('settings')
      .values({
        key: SETTING_KEYS.feedbackMinN,
        value: JSON.stringify(5),
        updatedAt: t.clock.now(),
      })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(5) }))
      .execute()
    const file = await monthFile('1405-09')
    assert.equal(file.minimumN, 5)
    const rowA = file.rows.find((r) => r.serviceId === a.id)
    assert.equal(rowA?.helpful.shown, true) // n = 5
    assert.equal(rowA?.satisfaction.shown, false) // n = 3
    assert.equal(rowA?.actualTime.shown, false) // n = 4
    await t.deps.db.deleteFrom('settings').where('key', '=', SETTING_KEYS.feedbackMinN).execute()
  })

  it('serves the same rows as CSV', async () => {
    const res = await t.client().get('/api/v1/export/feedback/1405-09.csv')
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/)
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    assert.equal(lines[0], FEEDBACK_CSV_HEADER.join(','))
    assert.equal(lines.length, 4)
    const line = lines.find((l) => l.includes(a.id))
    assert.ok(line)
    const cells = line.split(',')
    const col = (name: (typeof FEEDBACK_CSV_HEADER)[number]) =>
      cells[FEEDBACK_CSV_HEADER.indexOf(name)]
    assert.equal(col('month'), '1405-09')
    assert.equal(col('level'), 'service')
    assert.equal(col('helpful_wilson_low'), '0.376')
    assert.equal(col('satisfaction_ci95_low'), '3.232')
    assert.equal(col('satisfaction_ci95_high'), '6.101')
    assert.equal(col('actual_time_median_hours'), '25')
    assert.equal(col('actual_time_p90_hours'), '37')
    assert.equal(col('actual_time_on_time_rate'), '0.667')
    assert.equal(col('reports_overdue'), '2')
    assert.equal(col('satisfaction_shown'), 'false')
  })

  it('answers a bad or future month with problem+json, and is in OpenAPI', async () => {
    const bad = await t.client().get('/api/v1/export/feedback/1405-13.json')
    assert.equal(bad.status, 422)
    assert.match(bad.headers.get('content-type') ?? '', /problem\+json/)
    assert.equal((await t.client().get('/api/v1/export/feedback/1405-9.json')).status, 404)
    assert.equal((await t.client().get('/api/v1/export/feedback/1405-09.xml')).status, 404)
    const future = await t.client().get('/api/v1/export/feedback/1405-11.json')
    assert.equal(future.status, 404)
    // The running month (Dey, the clock at its 20th): one report so far, not complete.
    const running = await monthFile('1405-10')
    assert.equal(running.complete, false)
    assert.equal(running.rows.find((r) => r.serviceId === a.id)?.reports.received, 1)
    const doc = (await (await t.client().get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>
    }
    assert.ok(doc.paths['/export/feedback/{month}.json'])
    assert.ok(doc.paths['/export/feedback/{month}.csv'])
  })

  it('is described and linked on /open-data', async () => {
    const page = await (await t.client().get('/open-data')).text()
    assert.match(page, /id="feedback-figures"/)
    assert.match(page, /هنوز دادهٔ کافی نیست/)
    for (const href of [
      '/api/v1/export/feedback/1405-09.json',
      '/api/v1/export/feedback/1405-09.csv',
    ]) {
      assert.ok(page.includes(`href="${href}"`), href)
      assert.equal((await t.client().get(href)).status, 200, href)
    }
  })
})
