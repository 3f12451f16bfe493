import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { findPublished, insertDraft, publishDraftVersion } from '../services/index.ts'
import { at, type FeedWorld, makeFeedWorld, postTransaction } from './transaction.test-helpers.ts'

let t: TestApp
let w: FeedWorld

before(async () => {
  t = await createTestApp()
  w = await makeFeedWorld(t)
})
after(() => t.close())

/** Publishes a revision of the world's service whose process ends at s2 (no step s3). */
async function publishWithoutS3(): Promise<string> {
  const published = await findPublished(t.deps.db, w.serviceId)
  if (!published) throw new Error('the service is not published')
  const { process } = published.content
  const content = {
    ...published.content,
    process: {
      ...process,
      steps: process.steps.filter((s) => s.id !== 's3'),
      transitions: process.transitions.filter((tr) => tr.to !== 's3'),
    },
  }
  const draft = await insertDraft(t.deps.db, {
    serviceId: w.serviceId,
    versionNo: published.versionNo + 1,
    content,
    userId: null,
    now: t.deps.clock.now(),
  })
  await publishDraftVersion(t.deps.db, {
    serviceId: w.serviceId,
    draftId: draft.id,
    changeNote: 'بدون مرحلهٔ صدور',
    userId: null,
    now: t.deps.clock.now(),
  })
  return draft.id
}

describe('POST /api/v1/transactions across a new published version', () => {
  it('measures a transaction against the version published when it started, a new one against the new version', async () => {
    const head = (code: string) => ({
      serviceId: w.serviceId,
      trackingCode: code,
      channel: 'online' as const,
      startedAt: at(t, -30),
    })
    // Posted under the first version (which has s3), so the card is read and kept for it.
    const early = await postTransaction(t, w.token, {
      ...head('VERSION-EARLY'),
      steps: [{ stepId: 's1', startedAt: at(t, -29), finishedAt: at(t, -28) }],
    })
    assert.equal(early.status, 201, await early.clone().text())
    const { id } = (await early.json()) as { id: string }
    const first = await t.deps.db
      .selectFrom('transactions')
      .select('versionId')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()

    const second = await publishWithoutS3()
    assert.notEqual(second, first.versionId)

    // The early transaction goes on under its own version: s3 is still a step of it.
    const update = await postTransaction(t, w.token, {
      ...head('VERSION-EARLY'),
      completedAt: at(t, -1),
      outcome: 'approved',
      steps: [
        { stepId: 's2', startedAt: at(t, -20), finishedAt: at(t, -10) },
        { stepId: 's3', startedAt: at(t, -5), finishedAt: at(t, -2) },
      ],
    })
    assert.equal(update.status, 200, await update.clone().text())
    const kept = await t.deps.db
      .selectFrom('transactions')
      .select('versionId')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    assert.equal(kept.versionId, first.versionId, 'still measured against the first version')

    // A transaction started now is measured against the new version, which has no s3.
    const late = await postTransaction(t, w.token, {
      ...head('VERSION-LATE'),
      steps: [{ stepId: 's3', startedAt: at(t, -5) }],
    })
    assert.equal(late.status, 422, await late.clone().text())
    const problem = (await late.json()) as { errors?: Record<string, string> }
    assert.ok(problem.errors?.['steps.0.stepId'], 'the unknown step is named')
    const ok = await postTransaction(t, w.token, {
      ...head('VERSION-LATE'),
      steps: [{ stepId: 's1', startedAt: at(t, -5) }],
    })
    assert.equal(ok.status, 201, await ok.clone().text())
    const { id: lateId } = (await ok.json()) as { id: string }
    const late2 = await t.deps.db
      .selectFrom('transactions')
      .select('versionId')
      .where('id', '=', lateId)
      .executeTakeFirstOrThrow()
    assert.equal(late2.versionId, second)
  })
})
