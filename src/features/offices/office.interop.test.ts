import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { makeAgency } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import { listOfficesForExport, upsertOfficeFromImport } from './index.ts'
import { findOfficeById } from './office.queries.ts'

let t: TestApp
let agency: Agency
let other: Agency

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps)
  other = await makeAgency(t.deps)
})
after(() => t.close())

const ID = '5b0f3c4e-8a51-4d1e-9c55-3f8e7a1d2b60'
const record = (over: Record<string, unknown> = {}) => ({
  id: ID,
  agencyId: agency.id,
  name: 'دفتر واردشده',
  address: 'خیابان فردوسی، پلاک ۵',
  provinceCode: '17',
  city: 'شیراز',
  postalCode: '7134864931',
  lat: 29.61,
  lng: 52.53,
  phones: ['071-32334561'],
  email: null,
  accessibility: { features: ['wheelchair_access'], notes: null },
  hours: { sat: [{ start: '07:30', end: '14:30' }], thu: [{ start: '07:30', end: '12:30' }] },
  exceptions: [{ day: '2026-12-01', hours: [], note: 'تعطیلی محلی' }],
  closures: [{ from: '2027-01-10', to: '2027-01-12', reason: 'تعمیرات' }],
  ...over,
})

describe('office export and import', () => {
  it('creates, then updates, an office from a record with the API body’s shape; exports it back the same', async () => {
    const first = await upsertOfficeFromImport(t.deps.db, record())
    assert.equal(first.ok && first.created, true)
    const second = await upsertOfficeFromImport(t.deps.db, record({ name: 'دفتر واردشدهٔ تازه' }))
    assert.equal(second.ok && second.created, false)
    assert.equal((await findOfficeById(t.deps.db, ID))?.name, 'دفتر واردشدهٔ تازه')
    const exported = (await listOfficesForExport(t.deps.db)).find((o) => o.id === ID)
    assert.deepEqual(exported, {
      ...record({ name: 'دفتر واردشدهٔ تازه' }),
      hours: {
        sat: [{ start: '07:30', end: '14:30' }],
        sun: [],
        mon: [],
        tue: [],
        wed: [],
        thu: [{ start: '07:30', end: '12:30' }],
        fri: [],
      },
    })
    const again = await upsertOfficeFromImport(t.deps.db, exported ?? record())
    assert.equal(again.ok, true, 'an exported record imports unchanged')
  })

  it('refuses invalid records and moving an office to another agency', async () => {
    const bad = await upsertOfficeFromImport(
      t.deps.db,
      record({ id: 'b1c1d1e1-0000-4000-8000-000000000001', postalCode: '0000000000' }),
    )
    assert.equal(bad.ok, false)
    assert.ok(!bad.ok && bad.errors.postalCode)
    const moved = await upsertOfficeFromImport(t.deps.db, record({ agencyId: other.id }))
    assert.deepEqual(moved.ok ? null : Object.keys(moved.errors), ['agencyId'])
    const noAgency = await upsertOfficeFromImport(
      t.deps.db,
      record({
        id: 'b1c1d1e1-0000-4000-8000-000000000002',
        agencyId: 'b1c1d1e1-0000-4000-8000-0000000000ff',
      }),
    )
    assert.deepEqual(noAgency.ok ? null : Object.keys(noAgency.errors), ['agencyId'])
  })
})
