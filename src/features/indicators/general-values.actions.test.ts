import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  actorOf,
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import type { Agency } from '../agencies/index.ts'
import { computeGeneralIndicators, GENERAL_INDICATORS, GENERAL_KEYS } from './general/index.ts'
import { proposeGeneralIndicators, recomputeGeneralIndicators } from './general-values.actions.ts'
import { decideVersion, submitVersion } from './indicator.actions.ts'
import { listIndicators } from './indicator.queries.ts'

let t: TestApp
let agency: Agency
let centralAdmin: MadeUser
let supervisor: MadeUser

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان محاسبه‌شونده' })
  centralAdmin = await makeUser(t.deps, 'central_admin')
  supervisor = await makeUser(t.deps, 'central_supervisor')
  const law = await makeLaw(t.deps)
  // Published long before the period, so every card indicator sees them.
  t.clock.advance(-200 * 86_400_000)
  await makePublishedService(t.deps, agency, completeContent('خدمت نخست', law.id))
  await makePublishedService(t.deps, agency, completeContent('خدمت دوم', law.id))
  t.clock.advance(200 * 86_400_000)
})
after(() => t.close())

describe('general indicators computed by the portal', () => {
  it('are proposed by the central admin as drafts and are not computed before approval', async () => {
    await assert.rejects(
      proposeGeneralIndicators(t.deps, actorOf(supervisor, 'central_supervisor')),
      ForbiddenError,
    )
    const created = await proposeGeneralIndicators(t.deps, actorOf(centralAdmin, 'central_admin'))
    assert.deepEqual(
      created,
      GENERAL_INDICATORS.map((g) => g.key),
    )
    assert.deepEqual(
      await proposeGeneralIndicators(t.deps, actorOf(centralAdmin, 'central_admin')),
      [],
    )
    const none = await recomputeGeneralIndicators(t.deps)
    assert.equal(none.values, 0, 'nothing approved, nothing computed')
  })

  it('once approved, each value is stored with its numerator, denominator, n and query period', async () => {
    const rows = await listIndicators(t.deps.db, { kind: 'general' })
    for (const r of rows.filter((x) => x.indicator.code === GENERAL_KEYS.cardComplete)) {
      const draft = r.open
      assert.ok(draft)
      const sent = await submitVersion(
        t.deps,
        actorOf(centralAdmin, 'central_admin'),
        draft.id,
        draft.revision,
      )
      await decideVersion(t.deps, actorOf(supervisor, 'central_supervisor'), sent.id, {
        decision: 'approve',
        comment: null,
        expectedRevision: sent.revision,
      })
    }
    // The card indicator is monthly: the last ended month at 1 Azar 1405 is Aban 1405.
    const done = await recomputeGeneralIndicators(t.deps)
    assert.deepEqual(done.periods, ['1405-08'])
    const stored = await t.deps.db
      .selectFrom('indicatorValues as v')
      .innerJoin('indicators as i', 'i.id', 'v.indicatorId')
      .selectAll('v')
      .where('i.code', '=', GENERAL_KEYS.cardComplete)
      .where('v.agencyId', '=', agency.id)
      .executeTakeFirstOrThrow()
    // Stored exactly as the computation gives it (its arithmetic is tested in general/):
    // both services count in the denominator.
    const computed = (
      await computeGeneralIndicators(
        t.deps.db,
        { from: stored.queryFrom ?? new Date(0), to: stored.queryTo ?? new Date(0) },
        t.clock.now(),
      )
    )
      .get(GENERAL_KEYS.cardComplete)
      ?.find((v) => v.agencyId === agency.id)
    assert.ok(computed)
    assert.deepEqual(
      {
        period: stored.period,
        numerator: stored.numerator,
        denominator: stored.denominator,
        value: stored.value,
        n: stored.n,
        source: stored.source,
      },
      {
        period: '1405-08',
        numerator: computed.numerator,
        denominator: 2,
        value: computed.value,
        n: 2,
        source: 'computed',
      },
    )
    // 1 Aban 1405 = 2026-10-23, 1 Azar = 2026-11-22, at Tehran midnight (UTC+03:30).
    assert.equal(stored.queryFrom?.toISOString(), '2026-10-22T20:30:00.000Z')
    assert.equal(stored.queryTo?.toISOString(), '2026-11-21T20:30:00.000Z')

    const again = await recomputeGeneralIndicators(t.deps, '1405-08')
    assert.equal(again.values, done.values, 'a second run replaces, never duplicates')
    const count = await t.deps.db
      .selectFrom('indicatorValues')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    assert.equal(Number(count.n), done.values)
  })
})
