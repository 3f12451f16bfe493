import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signedIn } from '../../../test/support/clients.ts'
import { makeUser } from '../../../test/support/fixtures.ts'
import { checkedPage } from '../../../test/support/pages.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { formatNumberFa, toPersianDigits } from '../../lib/fa/digits.ts'
import { startOfTehranDay, tehranDateOf } from '../../lib/fa/index.ts'
import { tehranIsoDay } from '../../lib/working-calendar.ts'
import {
  keyedHash,
  maskPersonalData,
  openReportsOfService,
  REPORT_STATE_LABELS,
  refreshTimeRollup,
  serverSecret,
  stepPromisedBy,
  stepsAfter,
  TRACKING_SECRET,
  totalPromisedBy,
} from '../feedback/index.ts'
import { NOT_ENOUGH_DATA, parseStoredContent } from '../services/index.ts'
import { loadDemoData } from './demo.load.ts'
import { demoFeedbackPlanInput } from './demo-feedback.load.ts'
import {
  type FeedbackPlan,
  type FeedbackPlanInput,
  type FeedbackTier,
  planDemoFeedback,
} from './demo-feedback.plan.ts'
import { COMMENT_WITH_MOBILE } from './demo-feedback.texts.ts'
import { TehranDays } from './demo-feedback.time.ts'

/*
 * Issue 13 item 9: on a fresh demo some services show every feedback figure, some say «هنوز
 * دادهٔ کافی نیست», most have none, and some steps run late — on the service page and in
 * GET /api/v1/services/{id}/feedback — from data the real actions could have written.
 */
let t: TestApp
let input: FeedbackPlanInput
let plan: FeedbackPlan

before(async () => {
  t = await createTestApp()
  await loadDemoData(t.deps)
  // The loader planned from the same inputs on the same (fixed) clock: the same plan again.
  input = (await demoFeedbackPlanInput(t.deps)).input
  plan = planDemoFeedback(input)
})
after(() => t.close())

const MASKED = maskPersonalData('۰۹۱۲۰۰۰۱۲۳۴')

interface FeedbackBody {
  helpful: { yes: number; no: number; n: number; wilsonLow: number; shown: boolean }
  satisfaction: {
    n: number
    mean: number | null
    ci95: [number, number] | null
    bayesMean: number
    shown: boolean
    minimumN: number
  }
  actualTime: {
    n: number
    medianHours: number | null
    shown: boolean
    steps: {
      stepId: string
      promised: unknown
      withPromise: number
      onTimeRate: number | null
    }[]
  }
}

async function feedbackOf(serviceId: string): Promise<FeedbackBody> {
  const res = await t.app.request(`/api/v1/services/${serviceId}/feedback`)
  assert.equal(res.status, 200)
  return (await res.json()) as FeedbackBody
}

async function pageOf(slug: string) {
  const $ = await checkedPage(await t.app.request(`/services/${slug}`))
  return {
    helpful: $('#helpful-figure').text(),
    actualTime: $('#actual-time').text(),
    satisfaction: $('#satisfaction').text(),
  }
}

const servicesOf = (tier: FeedbackTier) => plan.tiers.filter((s) => s.tier === tier)

describe('the demo’s feedback story', () => {
  it('is planned the same way every time, and is what was loaded', async () => {
    assert.deepEqual(planDemoFeedback(input), plan)
    assert.ok(plan.transactions.length > 500, `${plan.transactions.length} transactions`)
    // Another moment makes another story (nothing is fixed in advance).
    const later = planDemoFeedback({ ...input, now: new Date(input.now.getTime() + 86_400_000) })
    assert.notDeepEqual(
      later.transactions.map((x) => x.startedAt),
      plan.transactions.map((x) => x.startedAt),
    )

    const secret = await serverSecret(t.deps.db, TRACKING_SECRET)
    const stored = await t.deps.db
      .selectFrom('transactions')
      .select(['trackingHash', 'serviceId', 'channel', 'startedAt', 'completedAt', 'outcome'])
      .execute()
    assert.equal(stored.length, plan.transactions.length)
    const byHash = new Map(stored.map((r) => [r.trackingHash, r]))
    for (const p of plan.transactions) {
      // Only the keyed hash of the code is stored, as the transaction feed keeps it.
      const row = byHash.get(keyedHash(secret, p.trackingCode))
      assert.ok(row, p.trackingCode)
      assert.equal(row.serviceId, p.serviceId)
      assert.equal(row.channel, p.channel)
      assert.equal(row.startedAt.getTime(), p.startedAt.getTime())
      assert.equal(row.completedAt?.getTime(), p.completedAt?.getTime())
      assert.equal(row.outcome, p.outcome)
    }
    const counts = await t.deps.db
      .selectFrom('ratings')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    assert.equal(Number(counts.n), plan.ratings.length)
  })

  it('shows every figure for the busy services, on the page and in the API', async () => {
    const full = servicesOf('full')
    assert.ok(full.length >= 3, JSON.stringify(plan.tiers))
    for (const s of full) {
      const f = await feedbackOf(s.serviceId)
      const minN = f.satisfaction.minimumN
      assert.equal(minN, 30, 'the default minimum n')
      assert.ok(f.satisfaction.shown && f.satisfaction.n >= minN, `${s.slug}: ${f.satisfaction.n}`)
      const { mean, ci95, bayesMean } = f.satisfaction
      assert.ok(mean !== null && ci95 !== null, s.slug)
      assert.ok(ci95[0] < mean && mean < ci95[1] && mean >= 1 && mean <= 5, s.slug)
      assert.ok(bayesMean >= 1 && bayesMean <= 5, s.slug)
      assert.ok(f.helpful.shown && f.helpful.n >= minN, `${s.slug}: helpful ${f.helpful.n}`)
      assert.ok(f.helpful.wilsonLow > 0 && f.helpful.wilsonLow < f.helpful.yes / f.helpful.n)
      assert.ok(f.actualTime.shown && f.actualTime.n >= minN, `${s.slug}: time ${f.actualTime.n}`)
      assert.ok((f.actualTime.medianHours ?? 0) > 0, s.slug)

      const page = await pageOf(s.slug)
      assert.match(page.satisfaction, /میانگین رضایت .* از ۵ \(بازهٔ اطمینان ۹۵٪/, s.slug)
      assert.ok(page.satisfaction.includes(`${formatNumberFa(f.satisfaction.n)} امتیاز`), s.slug)
      assert.ok(page.actualTime.includes('در ۹۰ روز گذشته، نیمی از درخواست‌ها در'), s.slug)
      assert.ok(page.actualTime.includes(`${toPersianDigits(f.actualTime.n)} درخواست`), s.slug)
      assert.match(page.helpful, /کران پایین ویلسون/, s.slug)
      for (const text of Object.values(page)) assert.ok(!text.includes(NOT_ENOUGH_DATA), s.slug)
    }
  })

  it('has some steps that ran late against the published process', async () => {
    let lateSteps = 0
    for (const s of [...servicesOf('full'), ...servicesOf('mixed')]) {
      const f = await feedbackOf(s.serviceId)
      for (const step of f.actualTime.steps)
        if (step.promised && step.withPromise > 0 && (step.onTimeRate ?? 1) < 1) lateSteps++
      // Late here and there, not everywhere: most steps keep their promise.
      const rates = f.actualTime.steps.flatMap((x) => (x.onTimeRate === null ? [] : [x.onTimeRate]))
      assert.ok(rates.filter((r) => r >= 0.8).length > rates.length / 2, s.slug)
    }
    assert.ok(lateSteps >= 3, `${lateSteps} late steps`)
  })

  it('says «هنوز دادهٔ کافی نیست» with its n below the minimum', async () => {
    const few = servicesOf('few')
    assert.ok(few.length >= 3, JSON.stringify(plan.tiers))
    for (const s of few) {
      const f = await feedbackOf(s.serviceId)
      const minN = f.satisfaction.minimumN
      for (const [what, x] of Object.entries({
        satisfaction: f.satisfaction,
        helpful: f.helpful,
        actualTime: f.actualTime,
      }))
        assert.ok(!x.shown && x.n > 0 && x.n < minN, `${s.slug} ${what}: ${x.n}`)
      const page = await pageOf(s.slug)
      for (const text of Object.values(page)) assert.ok(text.includes(NOT_ENOUGH_DATA), s.slug)
      assert.ok(page.satisfaction.includes(`${formatNumberFa(f.satisfaction.n)} امتیاز`), s.slug)
      assert.ok(page.helpful.includes(`${formatNumberFa(f.helpful.n)} پاسخ`), s.slug)
    }
    // Each figure by its own n: time shown, too few ratings.
    for (const s of servicesOf('mixed')) {
      const f = await feedbackOf(s.serviceId)
      assert.ok(f.actualTime.shown, s.slug)
      assert.ok(!f.satisfaction.shown && f.satisfaction.n > 0, s.slug)
      const page = await pageOf(s.slug)
      assert.ok(
        !page.actualTime.includes(NOT_ENOUGH_DATA) && page.satisfaction.includes(NOT_ENOUGH_DATA),
      )
    }
    for (const s of servicesOf('helpful_only')) {
      const f = await feedbackOf(s.serviceId)
      assert.ok(!f.helpful.shown && f.helpful.n > 0, s.slug)
      assert.equal(f.satisfaction.n + f.actualTime.n, 0, s.slug)
    }
  })

  it('leaves most services without any data', async () => {
    const services = await t.deps.db.selectFrom('services').select(['id', 'slug']).execute()
    const told = new Set(plan.tiers.map((s) => s.serviceId))
    assert.ok(told.size < services.length / 4, `${told.size} of ${services.length}`)
    const quiet = services.find((s) => !told.has(s.id))
    assert.ok(quiet)
    const f = await feedbackOf(quiet.id)
    assert.equal(f.helpful.n + f.satisfaction.n + f.actualTime.n, 0)
    assert.match((await pageOf(quiet.slug)).satisfaction, /هنوز دادهٔ کافی نیست \(۰ امتیاز/)
  })

  it('records each transaction as the feed would have: real steps, in order, its deadlines', async () => {
    const cal = input.cal
    const rows = await t.deps.db
      .selectFrom('transactions as x')
      .innerJoin('serviceVersions as v', 'v.id', 'x.versionId')
      .select([
        'x.id',
        'x.startedAt',
        'x.completedAt',
        'x.promisedBy',
        'x.inPersonVisits',
        'v.status',
        'v.content',
      ])
      .execute()
    const steps = await t.deps.db.selectFrom('transactionSteps').selectAll().execute()
    const stepsOf = Map.groupBy(steps, (s) => s.transactionId)
    const contents = new Map<unknown, ReturnType<typeof parseStoredContent>>()
    let checked = 0
    for (const x of rows) {
      assert.equal(x.status, 'published', 'measured against the version on the page')
      const content = contents.get(x.content) ?? parseStoredContent(x.content)
      contents.set(x.content, content)
      const process = content.process
      const mine = stepsOf.get(x.id) ?? []
      const known = new Set(process.steps.map((s) => s.id))
      const afterOf = stepsAfter(process)
      for (const s of mine) {
        assert.ok(known.has(s.stepId), s.stepId)
        assert.ok(s.startedAt >= x.startedAt)
        if (x.completedAt) assert.ok(s.finishedAt && s.finishedAt <= x.completedAt)
        for (const o of mine)
          if (afterOf.get(s.stepId)?.has(o.stepId)) assert.ok(o.startedAt >= s.startedAt)
      }
      // The deadlines are those the feed computes (checked on a sample: it is the slow path).
      if (checked++ < 150) {
        assert.equal(
          x.promisedBy?.getTime(),
          totalPromisedBy(content.declaredTime, x.startedAt, cal)?.getTime(),
        )
        for (const s of mine)
          assert.equal(
            s.promisedBy?.getTime(),
            stepPromisedBy(process, s.stepId, s.startedAt, cal)?.getTime(),
          )
      }
    }
    // Some are still under way at the moment the demo was loaded.
    assert.ok(rows.some((x) => x.completedAt === null))
    assert.ok(rows.some((x) => x.inPersonVisits > 0))
  })

  it('binds each rating to a completed transaction; comments are masked; rollups add up', async () => {
    const ratings = await t.deps.db
      .selectFrom('ratings as r')
      .innerJoin('transactions as x', 'x.id', 'r.transactionId')
      .select([
        'r.serviceId',
        'r.channel',
        'r.overall',
        'r.comment',
        'r.createdAt',
        'r.onlineEase',
        'x.serviceId as txService',
        'x.channel as txChannel',
        'x.completedAt',
        'x.ratingExpiresAt',
      ])
      .execute()
    const now = t.clock.now()
    const sums = new Map<string, { n: number; total: number; squares: number }>()
    for (const r of ratings) {
      assert.equal(r.serviceId, r.txService)
      assert.equal(r.channel, r.txChannel)
      assert.ok(r.completedAt && r.ratingExpiresAt)
      assert.ok(r.createdAt > r.completedAt && r.createdAt <= r.ratingExpiresAt)
      assert.ok(r.createdAt <= now)
      if (r.channel !== 'online') assert.equal(r.onlineEase, null)
      if (r.comment !== null) assert.equal(maskPersonalData(r.comment), r.comment)
      const s = sums.get(r.serviceId) ?? { n: 0, total: 0, squares: 0 }
      s.n++
      s.total += r.overall
      s.squares += r.overall ** 2
      sums.set(r.serviceId, s)
    }
    const masked = ratings.filter((r) => r.comment?.includes(MASKED))
    assert.equal(masked.length, 1)
    assert.equal(masked[0]?.comment, maskPersonalData(COMMENT_WITH_MOBILE))
    assert.ok(ratings.filter((r) => r.comment !== null).length >= 5, 'a few comments')

    const rollups = await t.deps.db.selectFrom('ratingRollups').selectAll().execute()
    assert.equal(rollups.length, sums.size)
    for (const r of rollups)
      assert.deepEqual(
        { n: r.n, total: r.total, squares: r.totalSquares },
        sums.get(r.serviceId),
        r.serviceId,
      )

    const votes = await t.deps.db
      .selectFrom('helpfulVotes')
      .select(['serviceId', 'helpful', 'followedUpAt', 'missing', 'createdAt'])
      .execute()
    const helpful = await t.deps.db.selectFrom('feedbackRollups').selectAll().execute()
    assert.equal(helpful.length, new Set(votes.map((v) => v.serviceId)).size)
    for (const h of helpful) {
      const mine = votes.filter((v) => v.serviceId === h.serviceId)
      assert.equal(h.helpfulYes, mine.filter((v) => v.helpful).length)
      assert.equal(h.helpfulNo, mine.filter((v) => !v.helpful).length)
      assert.equal(h.shownTotal, mine.length, 'nothing waits to be shown')
    }
    assert.ok(votes.some((v) => v.followedUpAt !== null && v.missing !== null))
  })

  it('keeps the time rollups the feed would compute now', async () => {
    const before = await t.deps.db
      .selectFrom('transactionTimeRollups')
      .selectAll()
      .orderBy('serviceId')
      .orderBy('stepId')
      .execute()
    const states = await t.deps.db.selectFrom('transactionRollupState').selectAll().execute()
    assert.ok(states.length > 0)
    for (const s of states) {
      assert.equal(s.computedAt?.getTime(), t.clock.now().getTime())
      assert.ok(s.changedAt < (s.computedAt ?? s.changedAt), 'not stale')
      await refreshTimeRollup(t.deps, s.serviceId, true)
    }
    const again = await t.deps.db
      .selectFrom('transactionTimeRollups')
      .selectAll()
      .orderBy('serviceId')
      .orderBy('stepId')
      .execute()
    assert.deepEqual(again, before)
  })

  it('has reports of wrong information in every state, one overdue', async () => {
    const reports = await t.deps.db.selectFrom('accuracyReports').selectAll().execute()
    const states = new Set(reports.map((r) => r.state))
    for (const s of ['received', 'accepted', 'rejected', 'duplicate', 'spam', 'fixed'] as const)
      assert.ok(states.has(s), `${s}: ${[...states].join(', ')}`)
    const today = tehranIsoDay(t.clock.now())
    const overdue = reports.filter((r) => r.state === 'received' && r.dueOn < today)
    assert.ok(overdue.length >= 1 && overdue.length < reports.length)
    for (const r of reports) {
      if (r.closedAt) assert.equal(r.contactEmail ?? r.contactMobile, null, 'contact deleted')
      if (r.state !== 'received') assert.ok(r.answeredAt && r.answeredBy, r.state)
    }
    const dup = reports.find((r) => r.state === 'duplicate')
    assert.equal(reports.find((r) => r.id === dup?.duplicateOf)?.serviceId, dup?.serviceId)

    const fixed = reports.find((r) => r.state === 'fixed')
    assert.ok(fixed?.fixVersionNo && fixed.closedAt)
    const published = await t.deps.db
      .selectFrom('serviceVersions')
      .select(['versionNo', 'publishedAt'])
      .where('serviceId', '=', fixed.serviceId)
      .where('versionNo', '=', fixed.fixVersionNo)
      .executeTakeFirstOrThrow()
    assert.equal(published.publishedAt?.getTime(), fixed.closedAt.getTime())
    assert.ok(fixed.receivedAt < fixed.closedAt && fixed.versionNo < fixed.fixVersionNo)
    const $ = await checkedPage(await t.app.request(`/reports/${fixed.code}`))
    assert.ok($('main').text().includes(REPORT_STATE_LABELS.fixed))

    // An accepted report still waiting for its fix holds the review of its section back.
    const accepted = reports.find((r) => r.state === 'accepted')
    assert.ok(accepted)
    const open = await openReportsOfService(t.deps.db, accepted.serviceId)
    assert.ok(open.some((o) => o.code === accepted.code && o.state === 'accepted'))

    // The agency was told of each, and each step is in the audit log.
    const told = await t.deps.db
      .selectFrom('notificationSends')
      .select('dedupeKey')
      .where('kind', '=', 'feedback.report')
      .execute()
    assert.deepEqual(
      new Set(told.map((x) => x.dedupeKey)),
      new Set(reports.map((r) => `feedback.report:${r.id}`)),
    )
    const inbox = await t.deps.db
      .selectFrom('notifications')
      .select('userId')
      .where('kind', '=', 'feedback.report')
      .execute()
    assert.ok(inbox.length >= reports.length, `${inbox.length} inbox entries`)
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select(['entityId', 'action'])
      .where('entityType', '=', 'accuracy-report')
      .execute()
    assert.equal(audit.filter((a) => a.action === 'submit').length, reports.length)
    assert.equal(audit.filter((a) => a.action === 'fixed').length, 1)
  })

  it('fills the staff feedback dashboards of the agency whose accounts the demo prints', async () => {
    const supervisor = await signedIn(t, await makeUser(t.deps, 'central_supervisor'))
    assert.equal((await supervisor.get('/admin/feedback')).status, 200)
    const showcase = input.showcaseAgencyId
    assert.ok(showcase)
    const res = await supervisor.get(`/admin/feedback/agencies/${showcase}`)
    assert.equal(res.status, 200)
    const text = (await checkedPage(res))('main').text()
    const mine = input.candidates.filter((c) => c.agencyId === showcase)
    const busy = plan.tiers.filter(
      (s) => s.tier === 'full' && mine.some((c) => c.serviceId === s.serviceId),
    )
    assert.ok(busy.length >= 1)
    for (const s of busy) {
      const title = mine.find((c) => c.serviceId === s.serviceId)?.title ?? ''
      assert.ok(text.includes(title), title)
    }
    // Its services with few transactions say so, step by step.
    assert.ok(text.includes(NOT_ENOUGH_DATA))
  })

  it('reads Tehran days exactly as the library does, also around midnight and old DST', () => {
    const days = new TehranDays(input.cal)
    // 2022 still had Iran's summer time (+04:30) until 21 September; 2026 has none.
    for (const from of [Date.UTC(2022, 2, 1), Date.UTC(2026, 0, 1)]) {
      for (let ms = from; ms < from + 300 * 86_400_000; ms += 3 * 3_600_000 + 17 * 60_000) {
        const at = new Date(ms)
        assert.equal(days.day(at), tehranIsoDay(at), at.toISOString())
      }
      for (let ms = from; ms < from + 300 * 86_400_000; ms += 86_400_000) {
        const iso = tehranIsoDay(new Date(ms))
        const midnight = days.at(iso, 0)
        const d = tehranDateOf(midnight)
        assert.equal(midnight.getTime(), startOfTehranDay(d.jy, d.jm, d.jd).getTime(), iso)
        assert.equal(days.day(midnight), iso)
        assert.equal(
          days.day(new Date(midnight.getTime() - 1)),
          tehranIsoDay(new Date(midnight.getTime() - 1)),
        )
      }
    }
  })
})
