import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { completeContent, makeAgency, makeLaw } from '../../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts'
import { startOfTehranDay } from '../../../lib/fa/index.ts'
import { isoDayOfJalali } from '../../../lib/working-calendar.ts'
import type { Agency } from '../../agencies/index.ts'
import { sampleChannels } from '../../channels/channel.test-helpers.ts'
import { PROCESS } from '../../feedback/transaction.test-helpers.ts'
import {
  insertDraft,
  insertService,
  publishDraftVersion,
  type ServiceContent,
  type ServiceProcess,
  type StageMatrix,
} from '../../services/index.ts'
import { SETTING_KEYS } from '../../settings/index.ts'
import { computeGeneralIndicators } from './general.compute.ts'
import { type ComputedValue, GENERAL_KEYS as K, type QueryPeriod } from './general.model.ts'

/*
 * Every general indicator on a small world whose figures are worked out by hand below.
 * The period is Aban 1405 (1405-08-01 … 1405-08-30, Tehran time); the test clock stands at
 * 1405-09-01 11:30 Tehran (2026-11-22T08:00Z), so Aban is over and Azar has just begun.
 * Agencies: A (services, ratings, reports, transactions), B (one service, few figures), C (no
 * services at all), D (the review clocks; its cards have no documents).
 */

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** An instant in Tehran: day `jd` of month `jm` of `jy`, `h` hours after midnight. */
const at = (jy: number, jm: number, jd: number, h = 10) =>
  new Date(startOfTehranDay(jy, jm, jd).getTime() + h * HOUR)
const ABAN: QueryPeriod = { from: at(1405, 8, 1, 0), to: at(1405, 9, 1, 0) }
const AZAR: QueryPeriod = { from: at(1405, 9, 1, 0), to: at(1405, 10, 1, 0) }

/** PROCESS with its last step also in person: two visits on its only path. */
const TWO_VISITS: ServiceProcess = {
  ...PROCESS,
  steps: PROCESS.steps.map((s) =>
    s.id === 's3' ? { ...s, actor: 'citizen', requiresAttendance: true } : s,
  ),
}
const ALL_ELECTRONIC: StageMatrix = {
  information: { mode: 'electronic', channelIds: ['ch-online'] },
  request: { mode: 'electronic', channelIds: ['ch-online'] },
  processing: { mode: 'electronic', channelIds: ['ch-online'] },
  delivery: { mode: 'electronic', channelIds: ['ch-online'] },
}
const INFO_AND_REQUEST: StageMatrix = {
  information: { mode: 'electronic', channelIds: ['ch-online'] },
  request: { mode: 'electronic', channelIds: ['ch-online'] },
  processing: { mode: 'in_person', channelIds: ['ch-desk'] },
  delivery: { mode: 'in_person', channelIds: ['ch-desk'] },
}
const doc = (name: string, byInquiry: boolean) => ({
  name,
  form: 'original' as const,
  count: 1,
  issuer: null,
  obtainableByInquiry: byInquiry,
  note: null,
})

let t: TestApp
let lawId: string
let A: Agency
let B: Agency
let C: Agency
let D: Agency
let slugCount = 0
let codeCount = 0
const versionOf = new Map<string, string>()

function card(title: string, over: Partial<ServiceContent> = {}): ServiceContent {
  return completeContent(title, lawId, over)
}

/** A service whose versions are published at the given instants (optionally withdrawn later). */
async function publish(
  agency: Agency,
  versions: { content: ServiceContent; at: Date }[],
  withdrawnAt?: Date,
): Promise<string> {
  const db = t.deps.db
  const first = versions[0]?.at ?? t.clock.now()
  const service = await insertService(db, {
    agencyId: agency.id,
    slug: `general-${++slugCount}`,
    now: first,
  })
  for (const [i, v] of versions.entries()) {
    const draft = await insertDraft(db, {
      serviceId: service.id,
      versionNo: i + 1,
      content: v.content,
      userId: null,
      now: v.at,
    })
    await publishDraftVersion(db, {
      serviceId: service.id,
      draftId: draft.id,
      changeNote: 'نسخهٔ آزمایشی',
      userId: null,
      now: v.at,
    })
    versionOf.set(service.id, draft.id)
  }
  if (withdrawnAt)
    await db
      .updateTable('services')
      .set({ withdrawnAt, withdrawnReason: 'آزمایش' })
      .where('id', '=', service.id)
      .execute()
  return service.id
}

/** A completed transaction of a service; returns its id. */
async function transaction(
  agency: Agency,
  serviceId: string,
  completedAt: Date | null,
  promisedBy: Date | null,
): Promise<string> {
  const startedAt = new Date((completedAt ?? t.clock.now()).getTime() - 5 * DAY)
  const row = await t.deps.db
    .insertInto('transactions')
    .values({
      agencyId: agency.id,
      serviceId,
      versionId: versionOf.get(serviceId) ?? '',
      trackingHash: `general-hash-${++codeCount}`,
      channel: 'online',
      startedAt,
      completedAt,
      outcome: completedAt ? 'approved' : null,
      promisedBy,
      updatedAt: startedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

async function rating(agency: Agency, serviceId: string, overall: number, createdAt: Date) {
  const transactionId = await transaction(
    agency,
    serviceId,
    new Date(createdAt.getTime() - HOUR),
    null,
  )
  await t.deps.db
    .insertInto('ratings')
    .values({ transactionId, serviceId, channel: 'online', overall, createdAt })
    .execute()
}

/** A report of wrong information in a final or accepted state. */
async function report(
  agency: Agency,
  serviceId: string,
  r: {
    state: 'accepted' | 'fixed' | 'rejected'
    receivedAt: Date
    answeredAt: Date
    closedAt?: Date
  },
) {
  // Ten characters of Crockford base32, unique per report.
  const code = `GEN${String(++codeCount).padStart(7, '0')}`
  await t.deps.db
    .insertInto('accuracyReports')
    .values({
      code,
      serviceId,
      agencyId: agency.id,
      section: 'documents',
      versionNo: 1,
      whatWrong: 'مدرک نادرست نوشته شده است',
      state: r.state,
      fixVersionNo: r.state === 'rejected' ? null : 2,
      reason: r.state === 'rejected' ? 'درست است' : null,
      receivedAt: r.receivedAt,
      dueOn: isoDayOfJalali(1405, 9, 20),
      answeredAt: r.answeredAt,
      closedAt: r.state === 'accepted' ? null : (r.closedAt ?? r.answeredAt),
    })
    .execute()
}

async function views(serviceId: string, jy: number, jm: number, jd: number, count: number) {
  await t.deps.db
    .insertInto('servicePageViews')
    .values({ serviceId, day: isoDayOfJalali(jy, jm, jd), views: count })
    .execute()
}

async function review(
  agency: Agency,
  serviceId: string,
  completedAt: Date,
  audit?: 'rejected' | 'accepted',
) {
  let auditSampleId: string | null = null
  if (audit) {
    const sample = await t.deps.db
      .insertInto('reviewAuditSamples')
      .values({
        quarter: '1405-Q3',
        seed: 'seed',
        size: 1,
        population: 1,
        drawnAt: completedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    auditSampleId = sample.id
  }
  await t.deps.db
    .insertInto('serviceReviews')
    .values({
      serviceId,
      agencyId: agency.id,
      status: 'completed',
      sections: JSON.stringify({}),
      openedAt: new Date(completedAt.getTime() - DAY),
      outcome: 'unchanged',
      completedAt,
      auditSampleId,
      auditStatus: audit ?? null,
      auditedAt: audit ? new Date(completedAt.getTime() + DAY) : null,
    })
    .execute()
}

function figure(m: Map<string, ComputedValue[]>, key: string, agency: Agency): ComputedValue {
  const v = m.get(key)?.find((x) => x.agencyId === agency.id)
  assert.ok(v, `${key} has a value for ${agency.nameFa}`)
  return v
}

before(async () => {
  t = await createTestApp()
  lawId = (await makeLaw(t.deps)).id
  A = await makeAgency(t.deps)
  B = await makeAgency(t.deps)
  C = await makeAgency(t.deps)
  D = await makeAgency(t.deps)
  await t.deps.db
    .insertInto('settings')
    .values({ key: SETTING_KEYS.feedbackMinN, value: JSON.stringify(5), updatedAt: t.clock.now() })
    .execute()
})

after(async () => {
  await t.close()
})

describe('general indicators', () => {
  let s1: string
  let s2: string
  let s3: string

  before(async () => {
    // ---- Agency A's cards.
    // S1: two visits, then one (published in Aban); a third version after Aban drops the summary.
    s1 = await publish(A, [
      { content: card('خدمت یک', { process: TWO_VISITS }), at: at(1405, 7, 10) },
      { content: card('خدمت یک', { process: PROCESS }), at: at(1405, 8, 15) },
      { content: card('خدمت یک', { process: PROCESS, summary: '' }), at: at(1405, 9, 1, 6) },
    ])
    // S2: three visits stated, then a process with one visit, but no output stated (incomplete);
    // fully electronic (level 5, 4 stages); two documents, one obtained by inquiry.
    s2 = await publish(A, [
      { content: card('خدمت دو', { inPersonVisits: 3 }), at: at(1405, 6, 1) },
      {
        content: card('خدمت دو', {
          process: PROCESS,
          output: null,
          channels: sampleChannels,
          stages: ALL_ELECTRONIC,
          documents: [doc('شناسنامه', false), doc('گواهی پایان خدمت', true)],
        }),
        at: at(1405, 8, 20),
      },
    ])
    // S3: one visit stated, then two (no process either time); information and request online
    // (level 3, 2 stages); no documents needed.
    s3 = await publish(A, [
      { content: card('خدمت سه', { inPersonVisits: 1 }), at: at(1405, 7, 1) },
      {
        content: card('خدمت سه', {
          inPersonVisits: 2,
          channels: sampleChannels,
          stages: INFO_AND_REQUEST,
          documents: [],
          noDocumentsRequired: true,
        }),
        at: at(1405, 8, 5),
      },
    ])
    // S4: complete, but withdrawn during Aban; S5: complete, first published after Aban.
    await publish(
      A,
      [{ content: card('خدمت چهار', { process: PROCESS }), at: at(1405, 7, 5) }],
      at(1405, 8, 20),
    )
    await publish(A, [{ content: card('خدمت پنج', { process: PROCESS }), at: at(1405, 9, 1, 5) }])

    // ---- Agency B: one service whose visits are never known; its one document by inquiry.
    const b1 = await publish(B, [
      { content: card('خدمت ب', { inPersonVisits: null }), at: at(1405, 5, 1) },
      {
        content: card('خدمت ب', { inPersonVisits: null, documents: [doc('سند', true)] }),
        at: at(1405, 8, 10),
      },
    ])

    // ---- Ratings given in Aban: A 5, 4, 4, 3, 5; B 1, 2; two outside Aban (ignored).
    for (const [i, overall] of [5, 4, 4, 3, 5].entries())
      await rating(A, s1, overall, at(1405, 8, 2 + i))
    await rating(B, b1, 1, at(1405, 8, 3))
    await rating(B, b1, 2, at(1405, 8, 30, 23.5))
    await rating(A, s1, 1, at(1405, 7, 30, 23.9))
    await rating(A, s1, 1, at(1405, 9, 1, 0))

    // ---- Transactions completed in Aban with a promise: A 4 of 6 on time (one exactly at the
    // promise); B 2 of 2. Not counted: no promise, completed on 1 Azar, not completed.
    const promise = (d: number) => at(1405, 8, d, 12)
    await transaction(A, s1, at(1405, 8, 3, 11), promise(3))
    await transaction(A, s1, at(1405, 8, 4, 12), promise(4))
    await transaction(A, s2, at(1405, 8, 5, 9), promise(6))
    await transaction(A, s2, at(1405, 8, 7, 9), promise(9))
    await transaction(A, s3, at(1405, 8, 10, 13), promise(10))
    await transaction(A, s3, at(1405, 8, 20, 9), promise(12))
    await transaction(A, s1, at(1405, 8, 11), null)
    await transaction(A, s1, at(1405, 9, 1, 0), at(1405, 9, 2))
    await transaction(A, s1, null, promise(25))
    await transaction(B, b1, at(1405, 8, 3), promise(4))
    await transaction(B, b1, at(1405, 8, 4), promise(5))

    // ---- Reports. Fixed in Aban after 2, 4, 5, 10 and 21 days (the last accepted in Mehr);
    // accepted in Aban; accepted in Mehr; rejected in Aban; accepted in Aban but fixed on 1 Azar.
    for (const [jd, days] of [
      [10, 2],
      [12, 4],
      [14, 5],
      [16, 10],
      [18, 21],
    ] as const) {
      const closedAt = at(1405, 8, jd, 12)
      const receivedAt = new Date(closedAt.getTime() - days * DAY)
      await report(A, s1, {
        state: 'fixed',
        receivedAt,
        answeredAt: new Date(receivedAt.getTime() + HOUR),
        closedAt,
      })
    }
    await report(A, s2, {
      state: 'accepted',
      receivedAt: at(1405, 8, 15),
      answeredAt: at(1405, 8, 20),
    })
    await report(A, s2, {
      state: 'accepted',
      receivedAt: at(1405, 7, 20),
      answeredAt: at(1405, 7, 29),
    })
    await report(A, s2, {
      state: 'rejected',
      receivedAt: at(1405, 8, 15),
      answeredAt: at(1405, 8, 21),
    })
    await report(A, s3, {
      state: 'fixed',
      receivedAt: at(1405, 8, 24),
      answeredAt: at(1405, 8, 25),
      closedAt: at(1405, 9, 1, 0),
    })
    await report(B, b1, {
      state: 'accepted',
      receivedAt: at(1405, 8, 1),
      answeredAt: at(1405, 8, 2),
    })

    // ---- Page views: A 1,500 + 500 in Aban (300 on 30 Mehr and 700 on 1 Azar are outside).
    await views(s1, 1405, 8, 1, 1_500)
    await views(s2, 1405, 8, 30, 500)
    await views(s1, 1405, 7, 30, 300)
    await views(s1, 1405, 9, 1, 700)
    await views(b1, 1405, 8, 12, 400)

    // ---- Agency D: review clocks (a 36-month cycle: due the same Jalali day three years on).
    const plain = (title: string) => card(title, { documents: [], noDocumentsRequired: true })
    const d = async (title: string, firstPublished: Date, withdrawnAt?: Date) =>
      publish(D, [{ content: plain(title), at: firstPublished }], withdrawnAt)
    // D1 due 10 Aban, signed off that evening: on time.
    await review(D, await d('د۱', at(1402, 8, 10)), at(1405, 8, 10, 20))
    // D2 due 30 Aban (the period's last day), signed off at 23:00 that day: on time, counted.
    await review(D, await d('د۲', at(1402, 8, 30)), at(1405, 8, 30, 23))
    // D3 due 1 Azar (the day after the period), signed off early on 25 Aban: not in Aban.
    await review(D, await d('د۳', at(1402, 9, 1)), at(1405, 8, 25))
    // D4 due 5 Aban, signed off on the 6th: late.
    await review(D, await d('د۴', at(1402, 8, 5)), at(1405, 8, 6, 9))
    // D5 due 15 Aban, never reviewed (the day is over): late.
    await d('د۵', at(1402, 8, 15))
    // D6 due 12 Aban: an early review on 1 Aban was rejected by the audit, the next came on the
    // 14th: late (the rejected review does not count).
    const d6 = await d('د۶', at(1402, 8, 12))
    await review(D, d6, at(1405, 8, 1), 'rejected')
    await review(D, d6, at(1405, 8, 14))
    // D7: first published 1399, reviewed 20 Aban 1402 at 09:00, so due 20 Aban 1405; signed off
    // on the 19th: on time. (Its first cycle fell due in 1402, outside the period.)
    const d7 = await d('د۷', at(1399, 8, 20))
    await review(D, d7, at(1402, 8, 20, 9))
    await review(D, d7, at(1405, 8, 19))
    // D8 due 18 Aban, but withdrawn on 1 Aban: not counted.
    await d('د۸', at(1402, 8, 18), at(1405, 8, 1))
    // D9 due 1 Azar (today), not reviewed yet: its outcome is not known.
    await d('د۹', at(1402, 9, 1, 12))
  })

  it('computes every indicator for every agency, agencies without services included', async () => {
    const m = await computeGeneralIndicators(t.deps.db, ABAN, t.clock.now())
    assert.deepEqual([...m.keys()].sort(), Object.values(K).sort())
    for (const [key, values] of m)
      for (const agency of [A, B, C, D])
        assert.equal(
          values.filter((v) => v.agencyId === agency.id).length,
          1,
          `${key} once per agency`,
        )
  })

  it('counts the cards in force at the end of the period', async () => {
    const m = await computeGeneralIndicators(t.deps.db, ABAN, t.clock.now())
    // A at the end of Aban: S1 v2 (complete, every step timed), S2 v2 (no output stated),
    // S3 v2 (no process). S4 was withdrawn on 20 Aban, S5 and S1 v3 came on 1 Azar.
    // Complete: 1 of 3 → 100 × 1 ÷ 3 = 33.33 %.
    assert.deepEqual(figure(m, K.cardComplete, A), {
      agencyId: A.id,
      numerator: 1,
      denominator: 3,
      value: 33.33,
      n: 3,
    })
    // Maturity: S1 level 1 (no channel, no form) + S2 level 5 + S3 level 3 = 9; 9 ÷ 3 = 3.
    assert.deepEqual(figure(m, K.maturity, A), {
      agencyId: A.id,
      numerator: 9,
      denominator: 3,
      value: 3,
      n: 3,
    })
    // Electronic stages: 0 + 4 + 2 = 6 of 3 × 4 = 12 → 50 %.
    assert.deepEqual(figure(m, K.electronicStages, A), {
      agencyId: A.id,
      numerator: 6,
      denominator: 12,
      value: 50,
      n: 12,
    })
    // Documents: S1 one (not by inquiry) + S2 two (one by inquiry) + S3 none = 1 of 3 → 33.33 %.
    assert.deepEqual(figure(m, K.documentsByInquiry, A), {
      agencyId: A.id,
      numerator: 1,
      denominator: 3,
      value: 33.33,
      n: 3,
    })
    // B: its one service has no process (0 of 1 complete), level 1, no electronic stage, and
    // its one document is obtained by inquiry (1 of 1).
    assert.equal(figure(m, K.cardComplete, B).value, 0)
    assert.equal(figure(m, K.cardComplete, B).denominator, 1)
    assert.equal(figure(m, K.maturity, B).value, 1)
    assert.equal(figure(m, K.electronicStages, B).value, 0)
    assert.deepEqual(figure(m, K.documentsByInquiry, B), {
      agencyId: B.id,
      numerator: 1,
      denominator: 1,
      value: 100,
      n: 1,
    })
    // D: eight services in force (D1–D7, D9; D8 withdrawn on 1 Aban), none complete (no
    // process) and none needing a document: a zero denominator.
    assert.deepEqual(figure(m, K.cardComplete, D), {
      agencyId: D.id,
      numerator: 0,
      denominator: 8,
      value: 0,
      n: 8,
    })
    assert.deepEqual(figure(m, K.documentsByInquiry, D), {
      agencyId: D.id,
      numerator: 0,
      denominator: 0,
      value: null,
      n: 0,
      note: 'خدمات منتشرشده مدرکی نمی‌خواهند',
    })
  })

  it('gives an agency without services empty values that say why', async () => {
    const m = await computeGeneralIndicators(t.deps.db, ABAN, t.clock.now())
    for (const key of [K.cardComplete, K.maturity, K.electronicStages, K.documentsByInquiry])
      assert.deepEqual(figure(m, key, C), {
        agencyId: C.id,
        numerator: 0,
        denominator: 0,
        value: null,
        n: 0,
        note: 'هیچ خدمتی منتشر نشده است',
      })
    assert.equal(
      figure(m, K.reviewsOnTime, C).note,
      'در این دوره موعد بازبینی هیچ خدمتی نرسیده است',
    )
    assert.equal(figure(m, K.visitsRemoved, C).value, null)
    for (const key of [K.satisfaction, K.fixDays, K.promiseOnTime]) {
      const v = figure(m, key, C)
      assert.equal(v.value, null)
      assert.equal(v.n, 0)
      assert.equal(v.note, 'هنوز دادهٔ کافی نیست: ۰ از حداقل ۵')
    }
    assert.equal(figure(m, K.reportsPer1000, C).note, 'هنوز دادهٔ کافی نیست: ۰ بازدید از حداقل ۱۰۰۰')
  })

  it('counts in-person visits removed by the versions published in the period', async () => {
    const m = await computeGeneralIndicators(t.deps.db, ABAN, t.clock.now())
    // S1 2 → 1 (+1), S2 3 stated → 1 in its process (+2), S3 1 → 2 (−1): net 2 over 3 pairs.
    assert.deepEqual(figure(m, K.visitsRemoved, A), {
      agencyId: A.id,
      numerator: 2,
      denominator: null,
      value: 2,
      n: 3,
    })
    // B's only new version and the one before it state no number of visits: nothing to compare.
    assert.deepEqual(figure(m, K.visitsRemoved, B), {
      agencyId: B.id,
      numerator: 0,
      denominator: null,
      value: null,
      n: 0,
      note: 'در این دوره نسخهٔ تازه‌ای با شمار مراجعهٔ معلوم جای نسخهٔ پیشین را نگرفته است',
    })
  })

  it('counts reviews due in the period, the last day in and the next day out', async () => {
    const m = await computeGeneralIndicators(t.deps.db, ABAN, t.clock.now())
    // Due in Aban: D1 ✓, D2 ✓ (last day), D4 ✗, D5 ✗, D6 ✗ (rejected review), D7 ✓; D3 and D9
    // are due on 1 Azar, D8 was withdrawn. 3 of 6 → 50 %.
    assert.deepEqual(figure(m, K.reviewsOnTime, D), {
      agencyId: D.id,
      numerator: 3,
      denominator: 6,
      value: 50,
      n: 6,
    })
    // Azar, still running: D3 (signed off early) counts; D9's due day is not over, unknown yet.
    const azar = await computeGeneralIndicators(t.deps.db, AZAR, t.clock.now())
    assert.deepEqual(figure(azar, K.reviewsOnTime, D), {
      agencyId: D.id,
      numerator: 1,
      denominator: 1,
      value: 100,
      n: 1,
    })
    // Once 1 Azar is over, D9 counts as late: 1 of 2.
    const later = await computeGeneralIndicators(t.deps.db, AZAR, at(1405, 9, 2, 0))
    assert.equal(figure(later, K.reviewsOnTime, D).numerator, 1)
    assert.equal(figure(later, K.reviewsOnTime, D).denominator, 2)
  })

  it('reads a running period’s cards as they are now', async () => {
    const m = await computeGeneralIndicators(t.deps.db, AZAR, t.clock.now())
    // Now (1 Azar 11:30): S1 v3 (no summary), S2, S3, S5 (complete) → 1 of 4 = 25 %.
    assert.deepEqual(figure(m, K.cardComplete, A), {
      agencyId: A.id,
      numerator: 1,
      denominator: 4,
      value: 25,
      n: 4,
    })
  })

  it('computes satisfaction as a Bayesian mean with the period’s portal mean as prior', async () => {
    const m = await computeGeneralIndicators(t.deps.db, ABAN, t.clock.now())
    // Aban's ratings: A 5+4+4+3+5 = 21 (n 5), B 1+2 = 3 (n 2); prior mean 24 ÷ 7, weight 10.
    // A: (10 × 24/7 + 21) ÷ (10 + 5) = (387/7) ÷ 15 = 3.6857… → 3.686.
    const a = figure(m, K.satisfaction, A)
    assert.equal(a.value, 3.686)
    assert.equal(a.n, 5)
    assert.equal(a.denominator, 15)
    assert.ok(Math.abs(a.numerator - 387 / 7) < 1e-9)
    // B: n 2 below the minimum 5, withheld; its figures are kept: (240/7 + 3) ÷ 12.
    const b = figure(m, K.satisfaction, B)
    assert.equal(b.value, null)
    assert.equal(b.n, 2)
    assert.equal(b.denominator, 12)
    assert.ok(Math.abs(b.numerator - (240 / 7 + 3)) < 1e-9)
    assert.equal(b.note, 'هنوز دادهٔ کافی نیست: ۲ از حداقل ۵')
  })

  it('computes accepted reports per 1,000 page views and the median fix time', async () => {
    const m = await computeGeneralIndicators(t.deps.db, ABAN, t.clock.now())
    // Accepted in Aban: the four fixed reports answered in Aban, the accepted one on 20 Aban and
    // the one fixed on 1 Azar (answered 25 Aban) = 6; views 1,500 + 500 = 2,000.
    // 1,000 × 6 ÷ 2,000 = 3 per 1,000.
    assert.deepEqual(figure(m, K.reportsPer1000, A), {
      agencyId: A.id,
      numerator: 6,
      denominator: 2000,
      value: 3,
      n: 2000,
    })
    // B: 1 accepted over 400 views, below the 1,000 views a rate needs.
    assert.deepEqual(figure(m, K.reportsPer1000, B), {
      agencyId: B.id,
      numerator: 1,
      denominator: 400,
      value: null,
      n: 400,
      note: 'هنوز دادهٔ کافی نیست: ۴۰۰ بازدید از حداقل ۱۰۰۰',
    })
    // Fixed in Aban after 2, 4, 5, 10, 21 days: the median is 5 days (n 5).
    assert.deepEqual(figure(m, K.fixDays, A), {
      agencyId: A.id,
      numerator: 5,
      denominator: null,
      value: 5,
      n: 5,
    })
  })

  it('computes the on-time rate of transactions completed in the period', async () => {
    const m = await computeGeneralIndicators(t.deps.db, ABAN, t.clock.now())
    // A: 6 completed in Aban with a promise, 4 by it (the 4 Aban one exactly at it): 66.67 %.
    assert.deepEqual(figure(m, K.promiseOnTime, A), {
      agencyId: A.id,
      numerator: 4,
      denominator: 6,
      value: 66.67,
      n: 6,
    })
    // B: 2 of 2, but n 2 is below the minimum 5.
    assert.deepEqual(figure(m, K.promiseOnTime, B), {
      agencyId: B.id,
      numerator: 2,
      denominator: 2,
      value: null,
      n: 2,
      note: 'هنوز دادهٔ کافی نیست: ۲ از حداقل ۵',
    })
  })

  it('reads every agency in the same ten statements, however many agencies there are', async () => {
    let statements = 0
    const counted = t.deps.db.withPlugin({
      transformQuery: (args) => {
        statements++
        return args.node
      },
      transformResult: async (args) => args.result,
    })
    await computeGeneralIndicators(counted, ABAN, t.clock.now())
    const before = statements
    // Ten statements: settings, agencies, cards, version pairs, review cycles, ratings, accepted
    // reports, page views, fix times, promises (BEGIN and COMMIT are not queries here).
    assert.equal(before, 10)
    // Three more agencies, each with a service, a rating and a review cycle due in Aban.
    for (let i = 0; i < 3; i++) {
      const agency = await makeAgency(t.deps)
      const id = await publish(agency, [{ content: card(`خدمت افزوده ${i}`), at: at(1402, 8, 3) }])
      await rating(agency, id, 4, at(1405, 8, 3))
    }
    statements = 0
    const m = await computeGeneralIndicators(counted, ABAN, t.clock.now())
    assert.equal(statements, before)
    assert.equal(m.get(K.reviewsOnTime)?.length, 7)
  })
})
