import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { validateAgainstCpsvShapes } from '../catalogue/index.ts'
import { loadDemoData } from './demo.load.ts'
import { DEMO_SERVICES } from './demo-services.data.ts'

let t: TestApp
let ids: string[] = []

before(async () => {
  t = await createTestApp()
  await loadDemoData(t.deps)
  const rows = await t.deps.db.selectFrom('services').select('id').execute()
  ids = rows.map((r) => r.id)
})
after(() => t.close())

describe('the demo catalogue', () => {
  it('loads every demo service with all its versions published in order', async () => {
    assert.equal(ids.length, DEMO_SERVICES.length)
    assert.ok(ids.length >= 300)
    const versions = await t.deps.db.selectFrom('serviceVersions').select(['status']).execute()
    const expected = DEMO_SERVICES.reduce((n, s) => n + s.versions.length, 0)
    // And one more for each review the demo's story completed as revised (issue 12 item 8).
    const revised = await t.deps.db
      .selectFrom('serviceReviews')
      .select('versionId')
      .where('outcome', '=', 'revised')
      .execute()
    assert.equal(versions.length, expected + revised.length)
    assert.equal(versions.filter((v) => v.status === 'published').length, DEMO_SERVICES.length)
  })

  it('exports every demo service as CPSV-AP 3.2.0 with 0 SHACL violations', async () => {
    const failures: string[] = []
    for (const id of ids) {
      const res = await t.app.request(`/api/v1/services/${id}/cpsv-ap`)
      assert.equal(res.status, 200)
      const report = await validateAgainstCpsvShapes((await res.json()) as object)
      if (!report.conforms) failures.push(`${id}: ${JSON.stringify(report.violations.slice(0, 3))}`)
    }
    assert.deepEqual(failures, [])
  })
})
