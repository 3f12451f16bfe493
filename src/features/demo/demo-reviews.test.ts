import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import {
  currentQuarter,
  drawSample,
  quarterKey,
  quarterRange,
  runReviewReminders,
  sampleSize,
} from '../reviews/index.ts'
import { countByState, REVIEW_STATES, servicesWithClock } from '../services/index.ts'
import { loadDemoData } from './demo.load.ts'
import { previousQuarter } from './demo-reviews.plan.ts'

/*
 * Issue 12 item 8: on a fresh demo the review pages tell a real story, made by the real review
 * actions and the real reminder job on the demo clock (the test app's fixed clock).
 */
let t: TestApp
let loadMs = 0

before(async () => {
  t = await createTestApp()
  const started = performance.now()
  await loadDemoData(t.deps)
  loadMs = performance.now() - started
})
after(() => t.close())

describe('the demo’s review story', () => {
  it('has services in every review state, most of them current', async () => {
    const services = await servicesWithClock(t.deps, null)
    const counts = countByState(services)
    for (const state of REVIEW_STATES) assert.ok(counts[state] > 0, `${state}: ${counts[state]}`)
    assert.ok(counts.current > services.length / 2, JSON.stringify(counts))
    // The escalated ones are on the public page: the centre has been told.
    assert.ok(counts.escalated < counts.current, JSON.stringify(counts))
    t.deps.log.info({ loadMs, counts }, 'demo loaded')
  })

  it('shows the agency whose accounts the demo prints a bit of everything', async () => {
    // Its editor is printed with its admin; the agencies given an admin by the story have none.
    const admin = await t.deps.db
      .selectFrom('users')
      .select('agencyId')
      .where('role', '=', 'agency_editor')
      .executeTakeFirstOrThrow()
    assert.ok(admin.agencyId)
    const counts = countByState(await servicesWithClock(t.deps, admin.agencyId))
    for (const state of ['current', 'due_soon', 'due', 'overdue'] as const)
      assert.ok(counts[state] > 0, `${state}: ${JSON.stringify(counts)}`)
    const reviews = await t.deps.db
      .selectFrom('serviceReviews')
      .select(['status', 'outcome'])
      .where('agencyId', '=', admin.agencyId)
      .execute()
    assert.ok(reviews.some((r) => r.outcome === 'revised'))
    assert.ok(reviews.some((r) => r.status === 'open'))
  })

  it('has completed reviews of both outcomes; a revised one names the version it published', async () => {
    const reviews = await t.deps.db
      .selectFrom('serviceReviews as r')
      .leftJoin('serviceVersions as v', 'v.id', 'r.versionId')
      .select([
        'r.serviceId',
        'r.status',
        'r.outcome',
        'r.completedAt',
        'r.completedBy',
        'v.serviceId as versionServiceId',
        'v.status as versionStatus',
        'v.publishedAt as versionPublishedAt',
        'v.changeNote',
      ])
      .execute()
    const unchanged = reviews.filter((r) => r.outcome === 'unchanged')
    const revised = reviews.filter((r) => r.outcome === 'revised')
    assert.ok(unchanged.length >= 20, `${unchanged.length} unchanged`)
    assert.ok(revised.length >= 1, `${revised.length} revised`)
    for (const r of revised) {
      assert.equal(r.versionServiceId, r.serviceId)
      assert.equal(r.versionStatus, 'published')
      assert.equal(r.versionPublishedAt?.getTime(), r.completedAt?.getTime())
      assert.ok(r.changeNote && r.changeNote.length > 10)
    }
    for (const r of [...unchanged, ...revised]) assert.ok(r.completedBy, 'signed off by someone')
    assert.equal(reviews.filter((r) => r.status === 'open').length, 1, 'one review in progress')

    // Every service's clock is its last completed review that still counts.
    const services = await t.deps.db
      .selectFrom('services')
      .select(['id', 'lastReviewedAt', 'reviewReopenedAt'])
      .execute()
    for (const s of services) {
      const counting = await t.deps.db
        .selectFrom('serviceReviews')
        .select('completedAt')
        .where('serviceId', '=', s.id)
        .where('status', '=', 'completed')
        .where((eb) => eb.or([eb('auditStatus', 'is', null), eb('auditStatus', '<>', 'rejected')]))
        .orderBy('completedAt', 'desc')
        .executeTakeFirst()
      assert.equal(s.lastReviewedAt?.getTime(), counting?.completedAt?.getTime(), s.id)
    }
  })

  it('has last quarter’s audit sample, drawn by the rule, with one decision', async () => {
    const quarter = previousQuarter(currentQuarter(t.clock.now()))
    const sample = await t.deps.db
      .selectFrom('reviewAuditSamples')
      .selectAll()
      .executeTakeFirstOrThrow()
    assert.equal(sample.quarter, quarterKey(quarter))
    const { from, to } = quarterRange(quarter)
    const population = await t.deps.db
      .selectFrom('serviceReviews')
      .select(['id', 'auditSampleId', 'auditStatus', 'auditReason', 'serviceId'])
      .where('outcome', '=', 'unchanged')
      .where('completedAt', '>=', from)
      .where('completedAt', '<', to)
      .execute()
    assert.equal(sample.population, population.length)
    assert.ok(sample.size >= 2, `sample of ${sample.size}`)
    assert.equal(sample.size, sampleSize(population.length))
    const sampled = population.filter((r) => r.auditSampleId === sample.id)
    assert.deepEqual(
      sampled.map((r) => r.id).sort(),
      drawSample(
        sample.seed,
        population.map((r) => r.id),
        sample.size,
      ).sort(),
      'the recorded seed redraws the same reviews',
    )
    const decided = sampled.filter((r) => r.auditStatus !== 'pending')
    assert.equal(decided.length, 1)
    const [rejected] = decided
    assert.ok(rejected)
    assert.equal(rejected.auditStatus, 'rejected')
    assert.ok((rejected.auditReason ?? '').length > 10)
    const reopened = await t.deps.db
      .selectFrom('services')
      .select('reviewReopenedAt')
      .where('id', '=', rejected.serviceId)
      .executeTakeFirstOrThrow()
    assert.ok(reopened.reviewReopenedAt, 'the rejected review reopened its service')
  })

  it('holds in the outbox the digests the job sent, one per agency and step, and nothing more is due', async () => {
    const mail = await t.deps.db
      .selectFrom('mailOutbox')
      .select(['kind', 'toAddress', 'subject', 'body', 'createdAt'])
      .where('kind', 'like', 'review.%')
      .execute()
    const kinds = new Set(mail.map((m) => m.kind))
    for (const kind of ['review.due-soon', 'review.escalated', 'review.audit-rejected'])
      assert.ok(kinds.has(kind), `${kind} in ${[...kinds].join(', ')}`)
    // A digest: one message per recipient, step and run, whatever the number of services.
    const keys = mail.map((m) => `${m.kind} ${m.toAddress} ${m.createdAt.toISOString()}`)
    assert.equal(new Set(keys).size, keys.length)
    const escalated = mail.filter((m) => m.kind === 'review.escalated')
    assert.ok(escalated.every((m) => m.toAddress.startsWith('demo-supervisor@')))
    assert.ok(
      escalated.some((m) => m.body.split('\n').filter((l) => l.startsWith('- ')).length > 10),
      'the first run reported every escalated service to the centre in one message',
    )
    // The job already ran on the demo clock: running it again sends nothing.
    const again = await runReviewReminders(t.deps)
    assert.equal(again.messages, 0)
  })
})
