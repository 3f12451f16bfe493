import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { AuditEvent } from './audit.model.ts'
import { findAuditNames } from './audit-names.queries.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

function event(n: number, fields: Partial<AuditEvent>): AuditEvent {
  return {
    id: String(n),
    at: t.clock.now(),
    actorUserId: null,
    actorLabel: 'system',
    agencyId: null,
    entityType: 'setting',
    entityId: 'directiveDate',
    action: 'update',
    before: null,
    after: null,
    ...fields,
  }
}

/** The database, counting the statements sent through it. */
function counted() {
  const count = { statements: 0 }
  const db = t.deps.db.withPlugin({
    transformQuery: (args) => {
      count.statements++
      return args.node
    },
    transformResult: async (args) => args.result,
  })
  return { db, count }
}

describe('findAuditNames', () => {
  it('names a page of events in one statement per kind of entity, however many rows', async () => {
    const law = await makeLaw(t.deps, 'قانون نام‌یابی')
    const events: AuditEvent[] = []
    for (let i = 0; i < 8; i++) {
      const agency = await makeAgency(t.deps, { nameFa: `دستگاه ${i}` })
      const user = await makeUser(t.deps, 'agency_editor', agency)
      const { service } = await makePublishedService(
        t.deps,
        agency,
        completeContent(`خدمت ${i}`, law.id),
      )
      const by = { actorUserId: user.userId, agencyId: agency.id }
      events.push(
        event(events.length, { ...by, entityType: 'service', entityId: service.id }),
        event(events.length + 1, { ...by, entityType: 'user', entityId: user.userId }),
        event(events.length + 2, { ...by, entityType: 'agency', entityId: agency.id }),
        event(events.length + 3, { ...by, entityType: 'law', entityId: law.id }),
      )
    }
    const { db, count } = counted()
    const names = await findAuditNames(db, events)
    // users, agencies, service titles, laws: offices are not mentioned, so not read.
    assert.equal(count.statements, 4)
    assert.equal(names.users.size, 8)
    assert.equal(names.agencies.size, 8)
    assert.deepEqual(
      [...names.services.values()].sort(),
      [...Array(8).keys()].map((i) => `خدمت ${i}`).sort(),
    )
    assert.equal(names.laws.get(law.id), 'قانون نام‌یابی')
  })

  it('reads nothing for ids that are not uuids, which the database would refuse', async () => {
    const { db, count } = counted()
    const names = await findAuditNames(db, [
      event(1, { entityType: 'service', entityId: 'not-a-uuid' }),
      event(2, { entityType: 'form-file', entityId: 'a'.repeat(64), agencyId: 'x' }),
    ])
    assert.equal(count.statements, 0)
    assert.equal(names.services.size, 0)
  })

  it('takes the title of the newest version of a service', async () => {
    const law = await makeLaw(t.deps)
    const agency = await makeAgency(t.deps)
    const { service } = await makePublishedService(
      t.deps,
      agency,
      completeContent('نام کهنه', law.id),
      [{ content: completeContent('نام تازه', law.id), changeNote: 'تغییر نام' }],
    )
    const names = await findAuditNames(t.deps.db, [
      event(1, { entityType: 'service', entityId: service.id }),
    ])
    assert.equal(names.services.get(service.id), 'نام تازه')
  })
})
