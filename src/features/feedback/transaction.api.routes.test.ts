import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { makeUser } from '../../../test/support/fixtures.ts'
import { apiRequest, createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { createApiToken } from '../accounts/index.ts'
import {
  at,
  type FeedWorld,
  feedSnapshot,
  makeFeedWorld,
  postTransaction,
} from './transaction.test-helpers.ts'

let t: TestApp
let w: FeedWorld

before(async () => {
  t = await createTestApp()
  w = await makeFeedWorld(t)
})
after(() => t.close())

interface Problem {
  status: number
  errors?: Record<string, string>
  detail?: string
}

/** Posts `body` and asserts it is refused with `status` and leaves the database as it was. */
async function refusedPost(body: unknown, status: number, token: string | null = w.token) {
  const snapshot = await feedSnapshot(t)
  const res = await postTransaction(t, token ?? undefined, body)
  assert.equal(res.status, status, await res.clone().text())
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/)
  assert.deepEqual(await feedSnapshot(t), snapshot, 'nothing stored')
  return (await res.json()) as Problem
}

const base = (code: string) => ({
  serviceId: w.serviceId,
  trackingCode: code,
  channel: 'counter_office' as const,
  startedAt: at(t, -50),
})

describe('POST /api/v1/transactions', () => {
  it('records a transaction, keeps only a keyed hash of the code, and updates it on a repost', async () => {
    const code = 'TRK-1405-000123'
    const first = await postTransaction(t, w.token, {
      ...base(code),
      steps: [{ stepId: 's1', startedAt: at(t, -50), finishedAt: at(t, -49.5) }],
    })
    assert.equal(first.status, 201)
    const created = (await first.json()) as { id: string; completed: boolean; ratingUrl?: string }
    assert.equal(created.completed, false)
    assert.equal(created.ratingUrl, undefined, 'no link before the transaction ends')

    const row = await t.deps.db
      .selectFrom('transactions')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow()
    assert.match(row.trackingHash, /^[0-9a-f]{64}$/)
    assert.ok(!JSON.stringify(await feedSnapshot(t)).includes(code), 'code never stored')
    assert.equal(row.inPersonVisits, 1, 's1 needs the citizen in person')

    // The same code again: the step events so far, the end and the outcome.
    const again = await postTransaction(t, w.token, {
      ...base(code),
      completedAt: at(t, -1),
      outcome: 'approved',
      steps: [
        { stepId: 's2', startedAt: at(t, -49), finishedAt: at(t, -2) },
        { stepId: 's3', startedAt: at(t, -2), finishedAt: at(t, -1.5) },
      ],
    })
    assert.equal(again.status, 200)
    const updated = (await again.json()) as { id: string; completed: boolean; ratingUrl: string }
    assert.equal(updated.id, created.id, 'same transaction')
    assert.equal(updated.completed, true)
    assert.match(updated.ratingUrl, /^http:\/\/localhost:\d+\/rate\/[A-Za-z0-9_-]{48}$/)
    const steps = await t.deps.db
      .selectFrom('transactionSteps')
      .select(['stepId', 'finishedAt', 'promisedBy'])
      .where('transactionId', '=', created.id)
      .orderBy('stepId')
      .execute()
    assert.deepEqual(
      steps.map((s) => s.stepId),
      ['s1', 's2', 's3'],
      'earlier events kept',
    )
    // s1 promises one hour on the clock from its start.
    assert.equal(steps[0]?.promisedBy?.toISOString(), at(t, -49))
    assert.equal(
      await t.deps.db
        .selectFrom('transactions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n)),
      1,
    )
    // A third post returns the same link (it is signed over the stored expiry).
    const third = await postTransaction(t, w.token, {
      ...base(code),
      completedAt: at(t, -1),
      outcome: 'approved',
    })
    assert.equal(((await third.json()) as { ratingUrl: string }).ratingUrl, updated.ratingUrl)
  })

  it('refuses an unknown service (404) and a step the published process does not have (422)', async () => {
    await refusedPost(
      { ...base('TRK-UNKNOWN-1'), serviceId: '00000000-0000-4000-8000-000000000000' },
      404,
    )
    const p = await refusedPost(
      { ...base('TRK-UNKNOWN-2'), steps: [{ stepId: 's9', startedAt: at(t, -40) }] },
      422,
    )
    assert.match(p.errors?.['steps.0.stepId'] ?? '', /«s9» در فرایند منتشرشدهٔ این خدمت نیست/)
  })

  it('refuses events out of order', async () => {
    const early = await refusedPost(
      {
        ...base('TRK-ORDER-1'),
        steps: [
          { stepId: 's1', startedAt: at(t, -30) },
          { stepId: 's2', startedAt: at(t, -40) },
        ],
      },
      422,
    )
    assert.match(early.errors?.['steps.1.startedAt'] ?? '', /به ترتیب فرایند نیستند/)
    const backwards = await refusedPost(
      {
        ...base('TRK-ORDER-2'),
        steps: [{ stepId: 's1', startedAt: at(t, -30), finishedAt: at(t, -31) }],
      },
      422,
    )
    assert.match(backwards.errors?.['steps.0.finishedAt'] ?? '', /پیش از زمان شروع/)
    const beforeStart = await refusedPost(
      { ...base('TRK-ORDER-3'), steps: [{ stepId: 's1', startedAt: at(t, -60) }] },
      422,
    )
    assert.match(beforeStart.errors?.['steps.0.startedAt'] ?? '', /پیش از شروع تراکنش/)
    const endBeforeStart = await refusedPost(
      { ...base('TRK-ORDER-4'), completedAt: at(t, -51), outcome: 'approved' },
      422,
    )
    assert.ok(endBeforeStart.errors?.completedAt)
    // Out of order across posts: s2 already started; s1 now reported as starting after it.
    const code = 'TRK-ORDER-5'
    const ok = await postTransaction(t, w.token, {
      ...base(code),
      steps: [{ stepId: 's2', startedAt: at(t, -45) }],
    })
    assert.equal(ok.status, 201)
    await refusedPost({ ...base(code), steps: [{ stepId: 's1', startedAt: at(t, -44) }] }, 422)
  })

  it('refuses a finished step that never started', async () => {
    const p = await refusedPost(
      { ...base('TRK-NEVER-1'), steps: [{ stepId: 's1', finishedAt: at(t, -40) }] },
      422,
    )
    assert.match(p.errors?.['steps.0.startedAt'] ?? '', /شروع نشده نمی‌تواند پایان یابد/)
  })

  it("refuses another agency's service, a missing token, and times in the future", async () => {
    const p = await refusedPost(base('TRK-OTHER-1'), 403, w.otherToken)
    assert.match(p.detail ?? '', /خدمات دستگاه خودتان/)
    await refusedPost(base('TRK-OTHER-2'), 401, null)
    // A read-only token of the right agency cannot write.
    const reader = await makeUser(t.deps, 'agency_editor', w.agency)
    const { secret } = await createApiToken(t.deps, null, reader.userId, 'read', { access: 'read' })
    await refusedPost(base('TRK-OTHER-3'), 403, secret)
    await refusedPost({ ...base('TRK-FUTURE'), startedAt: at(t, 2) }, 422)
  })
})

describe('GET /api/v1/services/{id}/feedback', () => {
  it('reports promised against actual from the rollup, with n', async () => {
    // Three more completed transactions, whole durations 10 h, 20 h and 30 h; s3 takes 20, 40,
    // 60 minutes against a promise of 30: one of three on time.
    for (const [i, hoursTaken] of [10, 20, 30].entries()) {
      const res = await postTransaction(t, w.token, {
        serviceId: w.serviceId,
        trackingCode: `TRK-TIME-${i}`,
        channel: 'online',
        startedAt: at(t, -40),
        completedAt: at(t, -40 + hoursTaken),
        outcome: 'approved',
        steps: [{ stepId: 's3', startedAt: at(t, -40), finishedAt: at(t, -40 + (i + 1) / 3) }],
      })
      assert.equal(res.status, 201, await res.text())
    }
    const res = await apiRequest(t.app, 'GET', `/api/v1/services/${w.serviceId}/feedback`)
    assert.equal(res.status, 200)
    const body = (await res.json()) as {
      helpful: { n: number }
      satisfaction: { n: number; shown: boolean; mean: number | null }
      actualTime: {
        n: number
        medianHours: number
        p90Hours: number
        windowDays: number
        steps: {
          stepId: string
          n: number
          medianHours: number
          onTimeRate: number
          withPromise: number
        }[]
      }
    }
    // Four completed: the first test's (49 h) and these three (10, 20, 30 h).
    assert.equal(body.actualTime.n, 4)
    assert.equal(body.actualTime.medianHours, 25)
    // p90 of 10, 20, 30, 49 by linear interpolation: 30 + 0.7 × 19 = 43.3.
    assert.equal(body.actualTime.p90Hours, 43.3)
    assert.equal(body.actualTime.windowDays, 90)
    const s3 = body.actualTime.steps.find((s) => s.stepId === 's3')
    // The first test's s3 took 30 minutes (on time), these 20, 40, 60: four, two on time.
    assert.equal(s3?.n, 4)
    assert.equal(s3?.withPromise, 4)
    assert.equal(s3?.onTimeRate, 0.5)
    assert.equal(body.satisfaction.n, 0)
    assert.equal(body.satisfaction.shown, false)
    assert.equal(body.satisfaction.mean, null)
    assert.equal(body.helpful.n, 0)
  })

  it('reads the rollup, recomputed at most once a minute per service, not per request', async () => {
    const n = async () => {
      const res = await apiRequest(t.app, 'GET', `/api/v1/services/${w.serviceId}/feedback`)
      return ((await res.json()) as { actualTime: { n: number } }).actualTime.n
    }
    const before = await n()
    const res = await postTransaction(t, w.token, {
      serviceId: w.serviceId,
      trackingCode: 'TRK-ROLLUP-1',
      channel: 'online',
      startedAt: at(t, -5),
      completedAt: at(t, -4),
      outcome: 'approved',
    })
    assert.equal(res.status, 201)
    assert.equal(await n(), before, 'the figures of a minute ago')
    t.clock.advance(61_000)
    assert.equal(await n(), before + 1, 'folded in after a minute')
  })

  it("takes «helpful» from the helpful votes' rollup, with its Wilson lower bound", async () => {
    await t.deps.db
      .insertInto('feedbackRollups')
      .values({
        serviceId: w.serviceId,
        helpfulYes: 8,
        helpfulNo: 2,
        shownAt: t.deps.clock.now(),
        updatedAt: t.deps.clock.now(),
      })
      .execute()
    const res = await apiRequest(t.app, 'GET', `/api/v1/services/${w.serviceId}/feedback`)
    const { helpful } = (await res.json()) as { helpful: Record<string, number> }
    // 8 of 10: (0.8 + z²/20 − z·√(0.016 + z²/400)) / (1 + z²/10) = 0.4902 at z = 1.96.
    assert.deepEqual(helpful, { yes: 8, no: 2, n: 10, wilsonLow: 0.49, shown: false })
  })

  it('answers 404 for an unknown service', async () => {
    const res = await apiRequest(
      t.app,
      'GET',
      '/api/v1/services/00000000-0000-4000-8000-000000000000/feedback',
    )
    assert.equal(res.status, 404)
  })
})
