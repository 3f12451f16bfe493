import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { actorOf, type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { ConflictError, ForbiddenError, ValidationError } from '../../lib/errors.ts'
import type { Agency } from '../agencies/index.ts'
import { decideVersion, proposeIndicator, submitVersion } from './indicator.actions.ts'
import { definition } from './indicator.test-helpers.ts'
import { parsePeriod } from './period.ts'
import { decidePeriod, recordValue, submitPeriod } from './value.actions.ts'
import { isStale } from './value.model.ts'
import { valuesOf } from './value.queries.ts'

// The test clock stands on 2026-11-22 (1 Azar 1405): 1405-Q2 (Tir–Shahrivar) has ended,
// 1405-Q3 (Mehr–Azar) has not.
let t: TestApp
let agency: Agency
let other: Agency
let admin: MadeUser
let editor: MadeUser
let otherEditor: MadeUser
let supervisor: MadeUser
let code: string
let countCode: string

const asAdmin = () => actorOf(admin, 'agency_admin', agency)
const asEditor = () => actorOf(editor, 'agency_editor', agency)
const asSupervisor = () => actorOf(supervisor, 'central_supervisor')

async function approved(over: Parameters<typeof definition>[0]): Promise<string> {
  const { indicator, version } = await proposeIndicator(t.deps, asAdmin(), {
    kind: 'specific',
    agencyId: agency.id,
    definition: definition(over),
  })
  const sent = await submitVersion(t.deps, asAdmin(), version.id, version.revision)
  await decideVersion(t.deps, asSupervisor(), sent.id, {
    decision: 'approve',
    comment: null,
    expectedRevision: sent.revision,
  })
  return indicator.code
}

const value = (over: Partial<Parameters<typeof recordValue>[3]> = {}) => ({
  period: '1405-Q2',
  numerator: 45,
  denominator: 60,
  note: null,
  evidenceNote: 'گزارش سامانهٔ صدور پروانه، خروجی ۳ مهر',
  ...over,
})

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان مقداردار' })
  other = await makeAgency(t.deps, { nameFa: 'سازمان دیگر' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  otherEditor = await makeUser(t.deps, 'agency_editor', other)
  supervisor = await makeUser(t.deps, 'central_supervisor')
  code = await approved({})
  countCode = await approved({
    nameFa: 'شمار شکایت‌های رسیدگی‌نشده',
    unit: 'count',
    direction: 'lower',
    denominatorFa: null,
    frequency: 'monthly',
  })
})
after(() => t.close())

describe('values of an approved indicator', () => {
  it('records numerator, denominator and the value in the unit, due 15 days after the period', async () => {
    const v = await recordValue(t.deps, asEditor(), code, value(), 'manual')
    // 45 of 60 in time = 75 percent.
    assert.equal(v.value, 75)
    assert.equal(v.numerator, 45)
    assert.equal(v.denominator, 60)
    // 1405-Q2 ends 31 Shahrivar; due 15 Mehr 1405 = 2026-10-07.
    assert.equal(v.dueOn, '2026-10-07')
    const count = await recordValue(
      t.deps,
      asEditor(),
      countCode,
      value({ period: '1405-07', numerator: 12, denominator: null }),
      'api',
    )
    assert.equal(count.value, 12)
  })

  it('refuses a zero denominator, a missing one, a value outside the unit, the wrong frequency and an open period', async () => {
    const refused = async (over: Partial<Parameters<typeof recordValue>[3]>, text: RegExp) => {
      const before = await valuesOf(
        t.deps.db,
        (
          await t.deps.db
            .selectFrom('indicators')
            .select('id')
            .where('code', '=', code)
            .executeTakeFirstOrThrow()
        ).id,
      )
      await assert.rejects(
        recordValue(t.deps, asEditor(), code, value(over), 'manual'),
        (e: unknown) => {
          assert.ok(e instanceof ValidationError, String(e))
          assert.match(e.message, text)
          return true
        },
      )
      const after = await valuesOf(t.deps.db, before[0]?.indicatorId ?? '')
      assert.deepEqual(after, before, 'nothing stored')
    }
    await refused({ denominator: 0 }, /مخرج کسر صفر است/)
    await refused({ denominator: null }, /مخرج کسر را بنویسید/)
    await refused({ numerator: 70, denominator: 60 }, /در بازهٔ یکای «درصد» نیست/)
    await refused({ numerator: -1 }, /در بازهٔ یکای «درصد» نیست/)
    await refused({ period: '1405-07' }, /این شاخص فصلی است/)
    await refused({ period: '1405-Q3' }, /هنوز تمام نشده/)
    await refused({ period: 'Q2' }, /دوره را به شکل/)
    await refused({ evidenceNote: null }, /مستند/)
  })

  it('is the agency’s own: another agency and the centre cannot record it', async () => {
    await assert.rejects(
      recordValue(t.deps, actorOf(otherEditor, 'agency_editor', other), code, value(), 'manual'),
      ForbiddenError,
    )
    await assert.rejects(
      recordValue(t.deps, asSupervisor(), code, value(), 'manual'),
      ForbiddenError,
    )
  })

  it('a submitted period waits for the centre; a returned one opens again; an accepted one is locked', async () => {
    await assert.rejects(submitPeriod(t.deps, asEditor(), '1405-Q2'), ForbiddenError)
    await assert.rejects(
      submitPeriod(t.deps, asAdmin(), '1405-Q1'),
      ValidationError,
      'nothing to submit',
    )
    await submitPeriod(t.deps, asAdmin(), '1405-Q2')
    await assert.rejects(recordValue(t.deps, asEditor(), code, value(), 'manual'), ConflictError)
    await assert.rejects(
      decidePeriod(t.deps, asSupervisor(), agency.id, '1405-Q2', { accept: false, comment: null }),
      ValidationError,
      'a return needs its reason',
    )
    await decidePeriod(t.deps, asSupervisor(), agency.id, '1405-Q2', {
      accept: false,
      comment: 'مستند خروجی سامانه را پیوست کنید.',
    })
    const fixed = await recordValue(t.deps, asEditor(), code, value({ numerator: 48 }), 'manual')
    assert.equal(fixed.value, 80)
    await submitPeriod(t.deps, asAdmin(), '1405-Q2')
    await decidePeriod(t.deps, asSupervisor(), agency.id, '1405-Q2', {
      accept: true,
      comment: null,
    })
    await assert.rejects(recordValue(t.deps, asEditor(), code, value(), 'manual'), (e: unknown) => {
      assert.ok(e instanceof ConflictError)
      assert.match(e.message, /قفل شده/)
      return true
    })
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'indicator-period')
      .orderBy('id')
      .execute()
    assert.deepEqual(
      audit.map((a) => a.action),
      ['submit', 'return', 'submit', 'accept'],
    )
  })

  it('flags an indicator stale when its newest value is older than its maximum age', () => {
    const q2 = parsePeriod('1405-Q2')
    // 1405-Q2 ended on 2026-09-22 (Tehran midnight); 120 days later is 2027-01-20.
    assert.equal(isStale({ maxAgeDays: 120 }, q2, new Date('2027-01-19T12:00:00Z')), false)
    assert.equal(isStale({ maxAgeDays: 120 }, q2, new Date('2027-01-21T12:00:00Z')), true)
    assert.equal(isStale({ maxAgeDays: 120 }, null, new Date('2026-01-01T00:00:00Z')), true)
  })
})
