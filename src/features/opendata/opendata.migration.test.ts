import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Kysely } from 'kysely'
import {
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { down, up } from '../../db/migrations/2026_11_22_1700_create_opendata.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

describe('migration 2026_11_22_1700_create_opendata', () => {
  it('backfills public_changed_at from publications, withdrawals and restore events', async () => {
    const agency = await makeAgency(t.deps)
    const lawId = (await makeLaw(t.deps)).id
    const content = completeContent('خدمت', lawId)
    // Published twice (a day apart, the second a day before "now").
    const published = await makePublishedService(t.deps, agency, content, [
      { content: { ...content, summary: 'تازه' }, changeNote: 'دوم' },
    ])
    const withdrawn = await makePublishedService(t.deps, agency, content)
    const withdrawnAt = new Date('2026-11-25T10:00:00Z')
    await t.deps.db
      .updateTable('services')
      .set({ withdrawnAt, withdrawnReason: 'آزمون' })
      .where('id', '=', withdrawn.service.id)
      .execute()
    const restored = await makePublishedService(t.deps, agency, content)
    const restoredAt = new Date('2026-11-26T10:00:00Z')
    await t.deps.db
      .insertInto('auditEvents')
      .values({
        at: restoredAt,
        actorLabel: 'system',
        agencyId: agency.id,
        entityType: 'service',
        entityId: restored.service.id,
        action: 'restore',
        before: null,
        after: null,
      })
      .execute()

    const db = t.deps.db as unknown as Kysely<unknown>
    await down(db)
    await up(db)

    const rows = await t.deps.db.selectFrom('services').select(['id', 'publicChangedAt']).execute()
    const at = (id: string) => rows.find((r) => r.id === id)?.publicChangedAt?.toISOString()
    const dayBefore = new Date(t.clock.now().getTime() - 86_400_000).toISOString()
    assert.equal(at(published.service.id), dayBefore, 'the latest publication')
    assert.equal(at(withdrawn.service.id), withdrawnAt.toISOString())
    assert.equal(at(restored.service.id), restoredAt.toISOString())
  })
})
