import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  actorOf,
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import {
  computeGeneralIndicators,
  decidePeriod,
  decideVersion,
  GENERAL_KEYS,
  parsePeriod,
  periodInstants,
  proposeIndicator,
  recordValue,
  submitPeriod,
  submitVersion,
} from '../indicators/index.ts'
import { DEFAULT_METHOD } from './method.model.ts'
import { loadScorecardInputs } from './scorecard.inputs.ts'
import { scorecards } from './scorecard.ts'

let t: TestApp
let agency: Agency

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان ارزیابی‌شونده' })
  const admin = actorOf(await makeUser(t.deps, 'agency_admin', agency), 'agency_admin', agency)
  const editor = actorOf(await makeUser(t.deps, 'agency_editor', agency), 'agency_editor', agency)
  const supervisor = actorOf(await makeUser(t.deps, 'central_supervisor'), 'central_supervisor')
  const law = await makeLaw(t.deps)
  // On 1 Tir 1405 (2026-06-22): a service, and an approved quarterly indicator whose 1405
  // target is 80%.
  const back = new Date('2026-06-22T08:00:00Z').getTime() - t.clock.now().getTime()
  t.clock.advance(back)
  await makePublishedService(t.deps, agency, completeContent('خدمت ارزیابی', law.id))
  const { indicator, version } = await proposeIndicator(t.deps, admin, {
    kind: 'specific',
    agencyId: agency.id,
    definition: {
      nameFa: 'پروانه‌های صادرشده در مهلت',
      definition: 'سهم پروانه‌هایی که در مهلت صادر شده‌اند.',
      rationale: 'به‌هنگامی مهم‌ترین شکایت است.',
      category: 'time',
      unit: 'percent',
      direction: 'higher',
      numeratorFa: 'پروانه‌های به‌موقع',
      denominatorFa: 'همهٔ پروانه‌ها',
      frequency: 'quarterly',
      source: 'manual',
      maxAgeDays: 120,
      limitations: '',
      scopeServiceIds: [],
      targets: [{ year: 1405, baseline: null, target: 80 }],
    },
  })
  const sent = await submitVersion(t.deps, admin, version.id, version.revision)
  await decideVersion(t.deps, supervisor, sent.id, {
    decision: 'approve',
    comment: null,
    expectedRevision: sent.revision,
  })
  // Spring 1405 (due 15 Tir): 60% recorded on 1 Tir, on time; sent and accepted.
  await recordValue(
    t.deps,
    editor,
    indicator.code,
    {
      period: '1405-Q1',
      numerator: 60,
      denominator: 100,
      note: null,
      evidenceNote: 'گزارش سامانه',
    },
    'manual',
  )
  await submitPeriod(t.deps, admin, '1405-Q1')
  await decidePeriod(t.deps, supervisor, agency.id, '1405-Q1', { accept: true, comment: null })
  // Summer 1405 (due 15 Mehr), recorded on 1 Azar: late, and not accepted.
  t.clock.advance(-back)
  await recordValue(
    t.deps,
    editor,
    indicator.code,
    {
      period: '1405-Q2',
      numerator: 90,
      denominator: 100,
      note: null,
      evidenceNote: 'گزارش سامانه',
    },
    'manual',
  )
})
after(() => t.close())

describe('the inputs of a year’s scorecards', () => {
  it('reads the general indicators over the year, values on time and specific targets reached', async () => {
    const inputs = await loadScorecardInputs(t.deps, 1405)
    const mine = inputs.find((i) => i.agencyId === agency.id)
    assert.ok(mine)
    assert.equal(
      mine.peerGroup,
      'national',
      'an organisation is compared with national organisations',
    )
    // Two values fell due in 1405, one came by its due day: 50%, n = 2 (1 of 2).
    assert.deepEqual(mine.observed.indicatorsOnTime, {
      value: 50,
      n: 2,
      numerator: 1,
      denominator: 2,
    })
    // Only the accepted spring value counts: 60 of a target of 80 = 75%, n = 1.
    assert.deepEqual(mine.observed.specificTargets, {
      value: 75,
      n: 1,
      numerator: 0.75,
      denominator: 1,
    })
    // The card component is the general indicator computed over the whole year.
    const year = parsePeriod('1405')
    assert.ok(year)
    const general = await computeGeneralIndicators(t.deps.db, periodInstants(year), t.clock.now())
    const card = general.get(GENERAL_KEYS.cardComplete)?.find((v) => v.agencyId === agency.id)
    assert.deepEqual(mine.observed.publication, {
      value: card?.value ?? null,
      n: card?.n ?? 0,
      numerator: card?.numerator,
      denominator: card?.denominator,
    })

    const [scored] = scorecards(DEFAULT_METHOD, [mine])
    const reached = scored?.components.find((c) => c.key === 'specificTargets')
    // 75 of the default target 100 → 0.75 × 5 = 3.75 points.
    assert.deepEqual(reached?.result, { comparable: true, ratio: 0.75, score: 3.75 })
  })
})
