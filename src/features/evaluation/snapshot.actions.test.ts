import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import {
  actorOf,
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError, ForbiddenError, ValidationError } from '../../lib/errors.ts'
import type { Agency } from '../agencies/index.ts'
import { saveMethod } from './method.actions.ts'
import { DEFAULT_METHOD } from './method.model.ts'
import { latestMethod, methodByVersion } from './method.queries.ts'
import { answerObjection, lodgeObjection } from './objection.actions.ts'
import type { Scorecard } from './scorecard.ts'
import { publishCorrection, publishEvaluation, refreshProvisional } from './snapshot.actions.ts'
import { verifySnapshot } from './snapshot.model.ts'
import {
  currentSnapshot,
  listSnapshots,
  objectionsOfPeriod,
  snapshotById,
} from './snapshot.queries.ts'

let t: TestApp
let ministry: Agency
let other: Agency
let centralAdmin: Actor
let supervisor: Actor
let agencyAdmin: Actor
let agencyEditor: Actor

async function count(table: 'evaluation_snapshots' | 'evaluation_objections'): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(
    t.deps.db,
  )
  return r.rows[0]?.n ?? -1
}

before(async () => {
  t = await createTestApp()
  ministry = await makeAgency(t.deps, { nameFa: 'وزارت ارزیابی‌شونده', level: 'ministry' })
  other = await makeAgency(t.deps, { nameFa: 'وزارت دیگر', level: 'ministry' })
  centralAdmin = actorOf(await makeUser(t.deps, 'central_admin'), 'central_admin')
  supervisor = actorOf(await makeUser(t.deps, 'central_supervisor'), 'central_supervisor')
  agencyAdmin = actorOf(await makeUser(t.deps, 'agency_admin', ministry), 'agency_admin', ministry)
  agencyEditor = actorOf(
    await makeUser(t.deps, 'agency_editor', ministry),
    'agency_editor',
    ministry,
  )
  const law = await makeLaw(t.deps)
  // Published in 1404 (2025-06-22 is 1 Tir 1404), so the year has something to measure.
  const back = new Date('2025-06-22T08:00:00Z').getTime() - t.clock.now().getTime()
  t.clock.advance(back)
  await makePublishedService(t.deps, ministry, completeContent('خدمت سنجیده', law.id))
  await makePublishedService(t.deps, other, { ...completeContent('خدمت دیگر', law.id) })
  t.clock.advance(-back)
})
after(() => t.close())

describe('closing and publishing a year', () => {
  it('refuses a period with no method, before anything is written', async () => {
    await assert.rejects(publishEvaluation(t.deps, supervisor, '1404'), (e: unknown) => {
      assert.ok(e instanceof ValidationError)
      assert.match(e.message, /هنوز روشی برای ارزیابی ثبت نشده است/)
      return true
    })
    assert.equal(await refreshProvisional(t.deps), null, 'no provisional evaluation either')
    assert.equal(await count('evaluation_snapshots'), 0)
  })

  it('refuses agency staff, a malformed period and a year not yet ended', async () => {
    await saveMethod(t.deps, centralAdmin, DEFAULT_METHOD)
    await assert.rejects(publishEvaluation(t.deps, agencyAdmin, '1404'), ForbiddenError)
    await assert.rejects(publishEvaluation(t.deps, supervisor, '14o4'), (e: unknown) => {
      assert.ok(e instanceof ValidationError)
      assert.match(e.message, /یک سال شمسی چهاررقمی/)
      return true
    })
    await assert.rejects(publishEvaluation(t.deps, supervisor, '1405'), (e: unknown) => {
      assert.ok(e instanceof ValidationError)
      assert.match(e.message, /سال ۱۴۰۵ هنوز تمام نشده است/)
      return true
    })
    assert.equal(await count('evaluation_snapshots'), 0)
  })

  it('a failure inside the publishing transaction leaves no snapshot and the method unfrozen', async () => {
    // The audit event is written after the snapshot: refusing it makes the transaction fail late.
    await sql`ALTER TABLE audit_events ADD CONSTRAINT no_evaluation_audit
      CHECK (entity_type <> 'evaluation') NOT VALID`.execute(t.deps.db)
    try {
      await assert.rejects(publishEvaluation(t.deps, supervisor, '1404'))
    } finally {
      await sql`ALTER TABLE audit_events DROP CONSTRAINT no_evaluation_audit`.execute(t.deps.db)
    }
    assert.equal(await count('evaluation_snapshots'), 0)
    assert.equal((await latestMethod(t.deps.db))?.frozenAt, null)
  })

  it('publishes every agency’s scorecard frozen with its inputs, freezes the method, tells agencies', async () => {
    const provisional = await refreshProvisional(t.deps, 1404)
    assert.equal(provisional?.status, 'provisional')
    const saved = await publishEvaluation(t.deps, supervisor, '1404')
    assert.equal(saved.status, 'published')
    assert.equal(saved.seq, 1)
    assert.equal(saved.agencies, 2)
    assert.ok(saved.objectionsUntil && saved.objectionsUntil > t.clock.now())
    const all = await listSnapshots(t.deps.db)
    assert.deepEqual(
      all.map((s) => [s.period, s.status]),
      [['1404', 'published']],
      'the provisional evaluation of the year is gone once it is published',
    )
    assert.ok((await latestMethod(t.deps.db))?.frozenAt, 'the method used is frozen')
    const inbox = await t.deps.db
      .selectFrom('notifications')
      .select(['userId', 'link'])
      .where('kind', '=', 'evaluation.published')
      .execute()
    assert.deepEqual(inbox, [{ userId: agencyAdmin.userId, link: '/evaluation/1404' }])
  })

  it('refuses to close a year twice and writes nothing the second time', async () => {
    await assert.rejects(publishEvaluation(t.deps, supervisor, '1404'), (e: unknown) => {
      assert.ok(e instanceof ConflictError)
      assert.match(e.message, /پیش‌تر بسته و منتشر شده است/)
      return true
    })
    assert.equal(await count('evaluation_snapshots'), 1)
  })

  it('recomputes from the stored inputs and method to exactly the stored scores', async () => {
    const stored = await currentSnapshot(t.deps.db, '1404')
    assert.ok(stored)
    const method = await methodByVersion(t.deps.db, stored.methodVersion)
    assert.ok(method)
    const check = verifySnapshot(stored, method)
    assert.deepEqual(check, { digestMatches: true, scoresMatch: true, differing: [] })
    // The check can fail: a changed score or input is caught.
    const [first, ...rest] = stored.scorecards
    assert.ok(first)
    const tampered = {
      ...stored,
      scorecards: [{ ...first, score: (first.score ?? 0) + 1 }, ...rest],
    }
    assert.deepEqual(verifySnapshot(tampered, method).differing, [first.agencyId])
    const input = stored.inputs[0]
    assert.ok(input)
    const moved = {
      ...stored,
      inputs: [{ ...input, previousTotal: 12 }, ...stored.inputs.slice(1)],
    }
    assert.equal(verifySnapshot(moved, method).digestMatches, false)
  })
})

describe('objections and the corrected evaluation', () => {
  it('takes an objection from the agency admin only, per component of its scorecard', async () => {
    const reason = {
      component: 'publication',
      reasonFa: 'شناسنامهٔ خدمت ما در این سال کامل بوده است.',
    }
    await assert.rejects(lodgeObjection(t.deps, agencyEditor, '1404', reason), ForbiddenError)
    await assert.rejects(
      lodgeObjection(t.deps, agencyAdmin, '1404', { ...reason, component: 'growth-hacking' }),
      ValidationError,
    )
    await assert.rejects(
      lodgeObjection(t.deps, agencyAdmin, '1404', { ...reason, reasonFa: 'کوتاه' }),
      ValidationError,
    )
    await assert.rejects(lodgeObjection(t.deps, agencyAdmin, '1403', reason), /منتشر نشده است/)
    const lodged = await lodgeObjection(t.deps, agencyAdmin, '1404', reason)
    assert.equal(lodged.status, 'open')
    await assert.rejects(lodgeObjection(t.deps, agencyAdmin, '1404', reason), ConflictError)
    assert.equal(await count('evaluation_objections'), 1)
  })

  it('a correction needs an accepted objection; accepting needs the right value and its n', async () => {
    await assert.rejects(
      publishCorrection(t.deps, supervisor, '1404', null),
      /هیچ اعتراض پذیرفته‌شده‌ای/,
    )
    const [objection] = await objectionsOfPeriod(t.deps.db, '1404')
    assert.ok(objection)
    await assert.rejects(
      answerObjection(t.deps, agencyAdmin, objection.id, {
        decision: 'reject',
        answerFa: 'پاسخ دستگاه به خودش.',
      }),
      ForbiddenError,
    )
    await assert.rejects(
      answerObjection(t.deps, supervisor, objection.id, {
        decision: 'accept',
        answerFa: 'بررسی شد و درست است.',
        correctedValue: 100,
        correctedN: -1,
      }),
      ValidationError,
    )
    const answered = await answerObjection(t.deps, supervisor, objection.id, {
      decision: 'accept',
      answerFa: 'بررسی شد؛ شناسنامه در آن سال کامل بوده است.',
      correctedValue: 100,
      correctedN: 1,
    })
    assert.equal(answered.status, 'accepted')
    await assert.rejects(
      answerObjection(t.deps, supervisor, objection.id, {
        decision: 'reject',
        answerFa: 'دوباره پاسخ می‌دهیم.',
      }),
      ConflictError,
    )
  })

  it('publishes a corrected snapshot with the accepted value, keeping the old one', async () => {
    const earlier = await currentSnapshot(t.deps.db, '1404')
    assert.ok(earlier)
    const corrected = await publishCorrection(t.deps, supervisor, '1404', 'اعتراض پذیرفته شد.')
    assert.equal(corrected.status, 'corrected')
    assert.equal(corrected.seq, 2)
    assert.equal(corrected.correctsId, earlier.id)
    assert.notEqual(corrected.inputsDigest, earlier.inputsDigest)
    const old = await snapshotById(t.deps.db, earlier.id)
    assert.deepEqual(
      old?.scorecards,
      earlier.scorecards,
      'the corrected evaluation stays as it was',
    )
    const now = await currentSnapshot(t.deps.db, '1404')
    assert.equal(now?.id, corrected.id)
    const card = now?.scorecards.find((c) => c.agencyId === ministry.id)
    const publication = card?.components.find((c) => c.key === 'publication')
    assert.deepEqual(publication?.observed, { value: 100, n: 1 })
    assert.deepEqual(publication?.result, { comparable: true, ratio: 1, score: 20 })
    const method = await methodByVersion(t.deps.db, corrected.methodVersion)
    assert.ok(now && method)
    assert.equal(verifySnapshot(now, method).scoresMatch, true)
    const [objection] = await objectionsOfPeriod(t.deps.db, '1404')
    assert.equal(objection?.appliedIn, corrected.id)
    await assert.rejects(
      publishCorrection(t.deps, supervisor, '1404', null),
      /هیچ اعتراض پذیرفته‌شده‌ای/,
    )
  })

  it('refuses an objection after the window, and writes nothing', async () => {
    const stored = await currentSnapshot(t.deps.db, '1404')
    assert.ok(stored?.objectionsUntil)
    t.clock.advance(stored.objectionsUntil.getTime() - t.clock.now().getTime() + 1000)
    await assert.rejects(
      lodgeObjection(t.deps, agencyAdmin, '1404', {
        component: 'reviews',
        reasonFa: 'بازبینی‌ها به‌موقع انجام شده بود.',
      }),
      /مهلت اعتراض در .* به پایان رسیده است/,
    )
    assert.equal(await count('evaluation_objections'), 1)
  })
})

describe('the provisional evaluation of the running year', () => {
  it('is replaced whole each day and counts growth against the published previous year', async () => {
    const first = await refreshProvisional(t.deps)
    const second = await refreshProvisional(t.deps)
    assert.equal(first?.period, '1405')
    assert.equal(second?.status, 'provisional')
    const rows = (await listSnapshots(t.deps.db)).filter((s) => s.period === '1405')
    assert.equal(rows.length, 1, 'one provisional evaluation per year')
    const provisional = await currentSnapshot(t.deps.db, '1405')
    const published = await currentSnapshot(t.deps.db, '1404', { publishedOnly: true })
    assert.ok(provisional && published)
    for (const input of provisional.inputs) {
      const lastYear: Scorecard['base'] | undefined = published.scorecards.find(
        (c) => c.agencyId === input.agencyId,
      )?.base
      assert.equal(input.previousTotal, lastYear?.comparable ? lastYear.score : null)
    }
  })
})
