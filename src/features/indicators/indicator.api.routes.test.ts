import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  actorOf,
  type MadeUser,
  makeAgency,
  makeToken,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { apiRequest, createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import { decideVersion, proposeIndicator, submitVersion } from './indicator.actions.ts'
import { definition } from './indicator.test-helpers.ts'
import { decidePeriod, submitPeriod } from './value.actions.ts'

let t: TestApp
let agency: Agency
let other: Agency
let admin: MadeUser
let supervisor: MadeUser
let token: string
let otherToken: string
let centralToken: string
let approvedCode: string
let draftCode: string

const asAdmin = () => actorOf(admin, 'agency_admin', agency)
const asSupervisor = () => actorOf(supervisor, 'central_supervisor')
const get = (path: string, tok?: string) =>
  apiRequest(t.app, 'GET', path, tok ? { token: tok } : {})

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'سازمان API شاخص' })
  other = await makeAgency(t.deps, { nameFa: 'سازمان دیگر API' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  const editor = await makeUser(t.deps, 'agency_editor', agency)
  const otherEditor = await makeUser(t.deps, 'agency_editor', other)
  supervisor = await makeUser(t.deps, 'central_supervisor')
  token = await makeToken(t.deps, editor.userId)
  otherToken = await makeToken(t.deps, otherEditor.userId)
  centralToken = await makeToken(t.deps, supervisor.userId)
  const a = await proposeIndicator(t.deps, asAdmin(), {
    kind: 'specific',
    agencyId: agency.id,
    definition: definition(),
  })
  const sent = await submitVersion(t.deps, asAdmin(), a.version.id, a.version.revision)
  await decideVersion(t.deps, asSupervisor(), sent.id, {
    decision: 'approve',
    comment: null,
    expectedRevision: sent.revision,
  })
  approvedCode = a.indicator.code
  draftCode = (
    await proposeIndicator(t.deps, asAdmin(), {
      kind: 'specific',
      agencyId: agency.id,
      definition: definition({ nameFa: 'پیش‌نویس محرمانه' }),
    })
  ).indicator.code
})
after(() => t.close())

describe('the indicators API', () => {
  it('lists approved indicators to the public, and drafts only to their agency and the centre', async () => {
    const codes = async (tok?: string) =>
      ((await (await get('/api/v1/indicators', tok)).json()) as { items: { code: string }[] }).items
        .map((i) => i.code)
        .sort()
    assert.deepEqual(await codes(), [approvedCode])
    assert.deepEqual(await codes(otherToken), [approvedCode])
    assert.deepEqual(await codes(token), [approvedCode, draftCode].sort())
    assert.deepEqual(await codes(centralToken), [approvedCode, draftCode].sort())
    const item = (
      (await (await get(`/api/v1/indicators?agency=${agency.code}`)).json()) as {
        items: Record<string, unknown>[]
      }
    ).items[0]
    assert.deepEqual(item, {
      code: approvedCode,
      name: 'درصد پروانه‌های صادرشده در مهلت',
      kind: 'specific',
      state: 'approved',
      agencyCode: agency.code,
      unit: 'percent',
      direction: 'higher',
      frequency: 'quarterly',
      category: 'time',
      approvedVersion: 1,
    })
    assert.equal((await get('/api/v1/indicators?agency=99999999')).status, 404)
  })

  it('shows an indicator with its decisions, without staff names to the public; a draft is 404 to them', async () => {
    const pub = (await (await get(`/api/v1/indicators/${approvedCode}`)).json()) as {
      decisions: { action: string; by: string }[]
      versions: { versionNo: number; state: string }[]
    }
    assert.deepEqual(
      pub.decisions.map((d) => [d.action, d.by]),
      [
        ['submitted', 'دستگاه'],
        ['approved', 'ستاد مرکزی'],
      ],
    )
    assert.deepEqual(
      pub.versions.map((v) => [v.versionNo, v.state]),
      [[1, 'approved']],
    )
    const staff = (await (
      await get(`/api/v1/indicators/${approvedCode}`, centralToken)
    ).json()) as {
      decisions: { by: string }[]
    }
    assert.equal(staff.decisions[1]?.by, supervisor.username)
    assert.equal((await get(`/api/v1/indicators/${draftCode}`)).status, 404)
    assert.equal((await get(`/api/v1/indicators/${draftCode}`, otherToken)).status, 404)
    assert.equal((await get(`/api/v1/indicators/${draftCode}`, token)).status, 200)
    assert.equal((await get('/api/v1/indicators/not-a-code')).status, 422)
  })

  it('takes values from the agency’s system, refuses bad ones with problem+json, and publishes only accepted periods', async () => {
    const post = (body: unknown, tok: string | null = token) =>
      apiRequest(t.app, 'POST', `/api/v1/indicators/${approvedCode}/values`, {
        ...(tok ? { token: tok } : {}),
        body,
      })
    const created = await post({ period: '1405-Q2', numerator: 30, denominator: 40 })
    assert.equal(created.status, 201, await created.clone().text())
    const value = (await created.json()) as Record<string, unknown>
    assert.equal(value.value, 75)
    assert.equal(value.periodState, 'open')
    // 1405-Q2's values were due on 15 Mehr (2026-10-07); the test clock stands on 1 Azar.
    assert.equal(value.late, true)
    assert.equal(value.dueOn, '2026-10-07')

    const zero = await post({ period: '1405-Q1', numerator: 3, denominator: 0 })
    assert.equal(zero.status, 422)
    assert.match(zero.headers.get('content-type') ?? '', /problem\+json/)
    assert.match(await zero.text(), /مخرج کسر صفر است/)
    assert.equal((await post({ period: '1405-07', numerator: 3, denominator: 4 })).status, 422)
    assert.equal(
      (await post({ period: '1405-Q2', numerator: 3, denominator: 4 }, otherToken)).status,
      403,
    )
    assert.equal(
      (await post({ period: '1405-Q2', numerator: 3, denominator: 4 }, null)).status,
      401,
    )

    const values = async (tok?: string) =>
      (
        (await (await get(`/api/v1/indicators/${approvedCode}/values`, tok)).json()) as {
          items: { period: string }[]
        }
      ).items.map((v) => v.period)
    assert.deepEqual(await values(), [], 'not yet accepted: not public')
    assert.deepEqual(await values(token), ['1405-Q2'])
    await submitPeriod(t.deps, asAdmin(), '1405-Q2')
    assert.equal((await post({ period: '1405-Q2', numerator: 3, denominator: 4 })).status, 409)
    await decidePeriod(t.deps, asSupervisor(), agency.id, '1405-Q2', {
      accept: true,
      comment: null,
    })
    assert.deepEqual(await values(), ['1405-Q2'], 'accepted: public')
  })
})
