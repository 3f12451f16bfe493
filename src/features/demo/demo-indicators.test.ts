import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { tehranDateOf } from '../../lib/fa/index.ts'
import {
  GENERAL_KEYS,
  isoDayOf,
  isStale,
  parsePeriod,
  periodInstants,
  proposalStanding,
  recordValue,
} from '../indicators/index.ts'
import { loadPortalSettings } from '../settings/index.ts'
import { loadDemoData } from './demo.load.ts'
import { DEMO_AGENCIES } from './demo-agencies.data.ts'
import { planDemoIndicators } from './demo-indicators.plan.ts'
import { DEMO_INDICATOR_PROPOSALS } from './demo-indicators.texts.ts'
import { listStaff } from './demo-reviews.queries.ts'

/*
 * Issue 14 item 7: on a fresh demo the indicator pages tell a real story, made by the real
 * indicator actions on the demo clock (the test app's fixed clock).
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

async function versions() {
  return t.deps.db
    .selectFrom('indicatorVersions as v')
    .innerJoin('indicators as i', 'i.id', 'v.indicatorId')
    .select(['i.id', 'i.code', 'i.kind', 'i.agencyId', 'v.state', 'v.versionNo', 'v.maxAgeDays'])
    .execute()
}

describe('the demo’s indicator story', () => {
  it('has every general indicator proposed by the central admin and approved by the supervisor, with values', async () => {
    const rows = await t.deps.db
      .selectFrom('indicatorDecisions as d')
      .innerJoin('indicatorVersions as v', 'v.id', 'd.versionId')
      .innerJoin('indicators as i', 'i.id', 'v.indicatorId')
      .innerJoin('users as creator', 'creator.id', 'v.createdBy')
      .innerJoin('users as decider', 'decider.id', 'd.actorId')
      .select(['i.code', 'v.state', 'creator.role as creatorRole', 'decider.role as deciderRole'])
      .where('i.kind', '=', 'general')
      .where('d.action', '=', 'approved')
      .execute()
    const codes = Object.values(GENERAL_KEYS)
    assert.deepEqual(rows.map((r) => r.code).sort(), [...codes].sort())
    for (const r of rows) {
      assert.equal(r.state, 'approved', r.code)
      assert.equal(r.creatorRole, 'central_admin', r.code)
      assert.equal(r.deciderRole, 'central_supervisor', r.code)
    }
    const computed = await t.deps.db
      .selectFrom('indicatorValues as x')
      .innerJoin('indicators as i', 'i.id', 'x.indicatorId')
      .select(['i.code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('x.source', '=', 'computed')
      .groupBy('i.code')
      .execute()
    assert.deepEqual(computed.map((c) => c.code).sort(), [...codes].sort())
    t.deps.log.info({ loadMs }, 'demo loaded')
  })

  it('has specific proposals in every state, and a new version pending beside an approved one', async () => {
    const rows = (await versions()).filter((v) => v.kind === 'specific')
    for (const state of ['approved', 'submitted', 'changes_requested', 'rejected', 'withdrawn'])
      assert.ok(
        rows.some((r) => r.state === state),
        state,
      )
    const byIndicator = new Map<string, string[]>()
    for (const r of rows) byIndicator.set(r.code, [...(byIndicator.get(r.code) ?? []), r.state])
    const beside = [...byIndicator].filter(
      ([, states]) => states.includes('approved') && states.includes('submitted'),
    )
    assert.ok(beside.length >= 1, JSON.stringify([...byIndicator]))
    // Most ministries propose, two to five each.
    const ministries = new Set(
      (
        await t.deps.db
          .selectFrom('agencies')
          .select('id')
          .where('level', '=', 'ministry')
          .execute()
      ).map((a) => a.id),
    )
    const perAgency = new Map<string, number>()
    for (const r of rows.filter((r) => r.versionNo === 1))
      if (r.agencyId) perAgency.set(r.agencyId, (perAgency.get(r.agencyId) ?? 0) + 1)
    const proposing = [...perAgency].filter(([id]) => ministries.has(id))
    assert.ok(proposing.length > ministries.size / 2, `${proposing.length} of ${ministries.size}`)
    for (const [, n] of perAgency) assert.ok(n >= 2 && n <= 5, String(n))
  })

  it('has two years of values, some recorded after their due day, and one stale indicator', async () => {
    const values = await t.deps.db
      .selectFrom('indicatorValues as x')
      .innerJoin('indicators as i', 'i.id', 'x.indicatorId')
      .select(['i.code', 'x.period', 'x.recordedAt', 'x.dueOn', 'x.source'])
      .where('i.kind', '=', 'specific')
      .execute()
    const late = values.filter((v) => isoDayOf(tehranDateOf(new Date(v.recordedAt))) > v.dueOn)
    assert.ok(late.length >= 1, 'a late value')
    assert.ok(late.length < values.length / 3, `${late.length} late of ${values.length}`)
    const now = t.clock.now()
    const jy = tehranDateOf(now).jy
    const years = new Set(values.map((v) => Number(v.period.slice(0, 4))))
    assert.deepEqual([...years].sort(), [jy - 1, jy])
    // Nothing recorded before its period ended or after now.
    for (const v of values) {
      const p = parsePeriod(v.period)
      assert.ok(p, v.period)
      const at = new Date(v.recordedAt).getTime()
      assert.ok(at >= periodInstants(p).to.getTime() && at <= now.getTime(), v.period)
    }

    const approved = (await versions()).filter(
      (v) => v.kind === 'specific' && v.state === 'approved',
    )
    let stale = 0
    let fresh = 0
    for (const v of approved) {
      const own = values.filter((x) => x.code === v.code).map((x) => x.period)
      if (own.length === 0) continue
      const newest = parsePeriod(own.sort().at(-1) ?? '')
      if (isStale(v, newest, now)) stale++
      else fresh++
    }
    assert.ok(stale >= 1, 'a stale indicator')
    assert.ok(fresh > stale, `${fresh} fresh, ${stale} stale`)
  })

  it('has locked periods, one returned and one waiting; a locked period refuses a value', async () => {
    const periods = await t.deps.db
      .selectFrom('indicatorPeriodSubmissions')
      .select(['agencyId', 'period', 'state', 'comment'])
      .execute()
    const accepted = periods.filter((p) => p.state === 'accepted')
    assert.ok(accepted.length >= 5, String(accepted.length))
    const returned = periods.filter((p) => p.state === 'returned')
    assert.equal(returned.length, 1)
    assert.ok(returned[0]?.comment)
    assert.ok(periods.some((p) => p.state === 'submitted'))

    const locked = await t.deps.db
      .selectFrom('indicatorValues as x')
      .innerJoin('indicators as i', 'i.id', 'x.indicatorId')
      .select(['i.code', 'x.agencyId', 'x.period', 'x.numerator', 'x.denominator'])
      .where('i.kind', '=', 'specific')
      .where(
        'x.period',
        'in',
        accepted.map((p) => p.period),
      )
      .execute()
    const one = locked.find((v) =>
      accepted.some((p) => p.agencyId === v.agencyId && p.period === v.period),
    )
    assert.ok(one)
    const admin = (await listStaff(t.deps.db)).find(
      (u) => u.role === 'agency_admin' && u.agencyId === one.agencyId,
    )
    assert.ok(admin)
    await assert.rejects(
      recordValue(
        t.deps,
        { ...admin, mustChangePassword: false, via: 'session' },
        one.code,
        {
          period: one.period,
          numerator: one.numerator ?? 0,
          denominator: one.denominator,
          note: null,
          evidenceNote: 'آزمون',
        },
        'manual',
      ),
      /locked|قفل|پذیرفته/,
    )
  })

  it('has agencies on time, late, overdue and waiting against the one-month deadline', async () => {
    const { directiveDate } = await loadPortalSettings(t.deps.db)
    const agencies = await t.deps.db
      .selectFrom('agencies')
      .select(['id', 'credentialsIssuedAt'])
      .execute()
    const firsts = await t.deps.db
      .selectFrom('indicatorDecisions as d')
      .innerJoin('indicatorVersions as v', 'v.id', 'd.versionId')
      .innerJoin('indicators as i', 'i.id', 'v.indicatorId')
      .select(['i.agencyId', (eb) => eb.fn.min('d.at').as('firstAt')])
      .where('d.action', '=', 'submitted')
      .where('i.kind', '=', 'specific')
      .groupBy('i.agencyId')
      .execute()
    const first = new Map(firsts.map((f) => [f.agencyId, new Date(f.firstAt)]))
    const kinds = agencies.map((a) => {
      const s = proposalStanding(
        directiveDate,
        { credentialsIssuedAt: a.credentialsIssuedAt, firstSubmittedAt: first.get(a.id) ?? null },
        t.clock.now(),
      )
      return s.kind === 'proposed' ? (s.late ? 'late' : 'on_time') : s.kind
    })
    for (const k of ['on_time', 'late', 'overdue', 'waiting'] as const)
      assert.ok(kinds.includes(k), `${k}: ${kinds.join(',')}`)
    assert.ok(
      kinds.filter((k) => k === 'on_time').length > kinds.filter((k) => k === 'late').length,
    )
  })

  it('lists only approved indicators on the public API', async () => {
    const res = await t.client().request('/api/v1/indicators')
    assert.equal(res.status, 200)
    const body = (await res.json()) as { items: { code: string; state: string }[] }
    const approved = new Set(
      (await versions()).filter((v) => v.state === 'approved').map((v) => v.code),
    )
    assert.ok(body.items.length > Object.keys(GENERAL_KEYS).length)
    assert.deepEqual(body.items.map((i) => i.code).sort(), [...approved].sort())
    for (const i of body.items) assert.equal(i.state, 'approved', i.code)

    // The public page of an approved specific indicator shows it; a rejected one is not public.
    const all = await versions()
    const shown = all.find((v) => v.kind === 'specific' && v.state === 'approved')
    const hidden = all.find((v) => v.kind === 'specific' && v.state === 'rejected')
    assert.ok(shown && hidden)
    const page = await t.client().request(`/indicators/${shown.code}`)
    assert.equal(page.status, 200)
    assert.match(await page.text(), new RegExp(shown.code))
    assert.equal((await t.client().request(`/indicators/${hidden.code}`)).status, 404)
  })
})

describe('the indicator story’s plan', () => {
  const input = (now: Date) => ({
    now,
    proposing: DEMO_INDICATOR_PROPOSALS.filter((a) => DEMO_AGENCIES.some((d) => d.key === a.key)),
    overdueKey: 'moj',
    waitingKey: 'msy',
  })

  it('is the same plan for the same moment', () => {
    const now = new Date('2026-11-22T08:00:00Z')
    assert.deepEqual(planDemoIndicators(input(now)), planDemoIndicators(input(now)))
  })

  it('tells the whole story whenever the demo is loaded, with every step before the moment', () => {
    // Early in a year, mid-year, late in a year.
    for (const iso of ['2026-03-25T06:00:00Z', '2026-07-01T06:00:00Z', '2027-03-10T06:00:00Z']) {
      const now = new Date(iso)
      const plan = planDemoIndicators(input(now))
      const fates = new Set(plan.proposals.map((p) => p.fate))
      for (const f of [
        'approved',
        'amended_approved',
        'new_version',
        'submitted',
        'changes_requested',
        'rejected',
        'withdrawn',
      ])
        assert.ok(fates.has(f as never), `${iso}: ${f}`)
      for (const s of plan.steps) assert.ok(s.at < now, iso)
      for (const v of plan.values) assert.ok(v.recordedAt < now, iso)
      assert.ok(
        plan.values.some((v) => v.late),
        iso,
      )
      assert.ok(plan.staleProposal, iso)
      // A proposal's steps keep their order: proposed, then sent, then decided.
      const order = plan.steps
        .filter((s) => s.proposal === plan.proposals[0]?.id)
        .map((s) => s.action)
      assert.deepEqual(order.slice(0, 2), ['propose', 'submit'], iso)
    }
  })
})
