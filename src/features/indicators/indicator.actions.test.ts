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
import { ConflictError, ForbiddenError, ValidationError } from '../../lib/errors.ts'
import type { Agency } from '../agencies/index.ts'
import {
  decideVersion,
  proposeIndicator,
  saveDefinition,
  startNewVersion,
  submitVersion,
  withdrawVersion,
} from './indicator.actions.ts'
import { decisionsOf, versionsOf } from './indicator.queries.ts'
import { definition } from './indicator.test-helpers.ts'

let t: TestApp
let agency: Agency
let other: Agency
let admin: MadeUser
let editor: MadeUser
let otherAdmin: MadeUser
let supervisor: MadeUser
let centralAdmin: MadeUser
let otherServiceId: string
let ownServiceId: string

const asAdmin = () => actorOf(admin, 'agency_admin', agency)
const asSupervisor = () => actorOf(supervisor, 'central_supervisor')
const asCentralAdmin = () => actorOf(centralAdmin, 'central_admin')

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'وزارت شاخص‌دار' })
  other = await makeAgency(t.deps, { nameFa: 'دستگاه دیگر' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  otherAdmin = await makeUser(t.deps, 'agency_admin', other)
  supervisor = await makeUser(t.deps, 'central_supervisor')
  centralAdmin = await makeUser(t.deps, 'central_admin')
  const law = await makeLaw(t.deps)
  ownServiceId = (await makePublishedService(t.deps, agency, completeContent('خدمت خودی', law.id)))
    .service.id
  otherServiceId = (
    await makePublishedService(t.deps, other, completeContent('خدمت دیگری', law.id))
  ).service.id
})
after(() => t.close())

async function inbox(userId: string) {
  return t.deps.db
    .selectFrom('notifications')
    .select(['kind', 'subject'])
    .where('userId', '=', userId)
    .orderBy('createdAt')
    .execute()
}

describe('the proposal → approval ladder', () => {
  it('an agency admin proposes, the centre returns it with a comment, the admin amends, the centre approves', async () => {
    const { indicator, version } = await proposeIndicator(t.deps, asAdmin(), {
      kind: 'specific',
      agencyId: agency.id,
      definition: definition({ scopeServiceIds: [ownServiceId] }),
    })
    assert.match(indicator.code, new RegExp(`^S-${agency.code}-01$`))
    assert.equal(version.state, 'draft')

    const sent = await submitVersion(t.deps, asAdmin(), version.id, version.revision)
    assert.equal(sent.state, 'submitted')
    assert.deepEqual(
      (await inbox(supervisor.userId)).map((n) => n.kind),
      ['indicator.submitted'],
      'the central supervisor is told',
    )

    // A return needs a reason.
    await assert.rejects(
      decideVersion(t.deps, asSupervisor(), sent.id, {
        decision: 'request_changes',
        comment: null,
        expectedRevision: sent.revision,
      }),
      ValidationError,
    )
    const returned = await decideVersion(t.deps, asSupervisor(), sent.id, {
      decision: 'request_changes',
      comment: 'مخرج کسر را دقیق‌تر تعریف کنید.',
      expectedRevision: sent.revision,
      untilDay: '2026-12-20',
    })
    assert.equal(returned.state, 'changes_requested')
    assert.deepEqual(
      (await inbox(admin.userId)).map((n) => n.kind),
      ['indicator.changes_requested'],
    )

    const amended = await saveDefinition(
      t.deps,
      asAdmin(),
      returned.id,
      definition({ denominatorFa: 'همهٔ پروانه‌های صادرشده در دورهٔ گزارش' }),
      returned.revision,
    )
    const resent = await submitVersion(t.deps, asAdmin(), amended.id, amended.revision)
    const approved = await decideVersion(t.deps, asSupervisor(), resent.id, {
      decision: 'approve',
      comment: null,
      expectedRevision: resent.revision,
    })
    assert.equal(approved.state, 'approved')
    assert.equal(approved.denominatorFa, 'همهٔ پروانه‌های صادرشده در دورهٔ گزارش')

    const history = await decisionsOf(t.deps.db, indicator.id)
    assert.deepEqual(
      history.map((d) => [d.action, d.versionNo, d.actorName]),
      [
        ['submitted', 1, admin.username],
        ['changes_requested', 1, supervisor.username],
        ['submitted', 1, admin.username],
        ['approved', 1, supervisor.username],
      ],
    )
    assert.equal(history[1]?.comment, 'مخرج کسر را دقیق‌تر تعریف کنید.')
    assert.equal(history[1]?.untilDay, '2026-12-20')

    // Approved is frozen: no edit, no second decision.
    await assert.rejects(
      saveDefinition(t.deps, asAdmin(), approved.id, definition(), approved.revision),
      ConflictError,
    )
    await assert.rejects(
      decideVersion(t.deps, asSupervisor(), approved.id, {
        decision: 'reject',
        comment: 'x',
        expectedRevision: approved.revision,
      }),
      ConflictError,
    )

    // A change is version 2 beside it; version 1 stays in force until 2 is approved.
    const v2 = await startNewVersion(t.deps, asAdmin(), indicator.code)
    assert.equal(v2.versionNo, 2)
    await assert.rejects(startNewVersion(t.deps, asAdmin(), indicator.code), ConflictError)
    const v2edited = await saveDefinition(
      t.deps,
      asAdmin(),
      v2.id,
      definition({ targets: [{ year: 1405, baseline: 60, target: 85 }] }),
      v2.revision,
    )
    const v2sent = await submitVersion(t.deps, asAdmin(), v2edited.id, v2edited.revision)
    let states = (await versionsOf(t.deps.db, indicator.id)).map((v) => [v.versionNo, v.state])
    assert.deepEqual(states, [
      [2, 'submitted'],
      [1, 'approved'],
    ])
    await decideVersion(t.deps, asSupervisor(), v2sent.id, {
      decision: 'approve',
      comment: null,
      expectedRevision: v2sent.revision,
    })
    states = (await versionsOf(t.deps.db, indicator.id)).map((v) => [v.versionNo, v.state])
    assert.deepEqual(states, [
      [2, 'approved'],
      [1, 'superseded'],
    ])

    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'indicator')
      .where('entityId', '=', indicator.id)
      .orderBy('id')
      .execute()
    assert.deepEqual(
      audit.map((a) => a.action),
      [
        'propose',
        'submit',
        'changes_requested',
        'edit',
        'submit',
        'approved',
        'new-version',
        'edit',
        'submit',
        'approved',
      ],
    )
  })

  it('a rejected proposal stays rejected with its reason; a withdrawn one is gone from the queue', async () => {
    const { version } = await proposeIndicator(t.deps, asAdmin(), {
      kind: 'specific',
      agencyId: agency.id,
      definition: definition({ nameFa: 'شاخص ردشدنی' }),
    })
    const sent = await submitVersion(t.deps, asAdmin(), version.id, version.revision)
    const rejected = await decideVersion(t.deps, asSupervisor(), sent.id, {
      decision: 'reject',
      comment: 'با شاخص عمومی رضایت هم‌پوشانی دارد.',
      expectedRevision: sent.revision,
    })
    assert.equal(rejected.state, 'rejected')
    await assert.rejects(
      submitVersion(t.deps, asAdmin(), rejected.id, rejected.revision),
      ConflictError,
    )

    const { version: draft } = await proposeIndicator(t.deps, asAdmin(), {
      kind: 'specific',
      agencyId: agency.id,
      definition: definition({ nameFa: 'شاخص پس‌گرفتنی' }),
    })
    const withdrawn = await withdrawVersion(t.deps, asAdmin(), draft.id, draft.revision)
    assert.equal(withdrawn.state, 'withdrawn')
  })

  it('refuses the wrong people, another agency’s services, a stale revision and computed specific indicators', async () => {
    const base = { kind: 'specific' as const, agencyId: agency.id, definition: definition() }
    await assert.rejects(
      proposeIndicator(t.deps, actorOf(editor, 'agency_editor', agency), base),
      ForbiddenError,
    )
    await assert.rejects(
      proposeIndicator(t.deps, actorOf(otherAdmin, 'agency_admin', other), base),
      ForbiddenError,
    )
    await assert.rejects(proposeIndicator(t.deps, asSupervisor(), base), ForbiddenError)
    await assert.rejects(
      proposeIndicator(t.deps, asAdmin(), {
        ...base,
        definition: definition({ scopeServiceIds: [otherServiceId] }),
      }),
      ValidationError,
    )
    await assert.rejects(
      proposeIndicator(t.deps, asAdmin(), {
        ...base,
        definition: definition({ source: 'computed' }),
      }),
      ValidationError,
    )
    const { version } = await proposeIndicator(t.deps, asAdmin(), base)
    await assert.rejects(
      submitVersion(t.deps, asAdmin(), version.id, version.revision + 1),
      ConflictError,
    )
    const sent = await submitVersion(t.deps, asAdmin(), version.id, version.revision)
    await assert.rejects(
      decideVersion(t.deps, asAdmin(), sent.id, {
        decision: 'approve',
        comment: null,
        expectedRevision: sent.revision,
      }),
      ForbiddenError,
      'an agency cannot approve its own proposal',
    )
  })

  it('general indicators are proposed by the central admin and decided by someone else at the centre', async () => {
    const { indicator, version } = await proposeIndicator(t.deps, asCentralAdmin(), {
      kind: 'general',
      agencyId: null,
      code: 'G-TEST-MANUAL',
      definition: definition({ nameFa: 'شاخص عمومی آزمایشی' }),
    })
    assert.equal(indicator.agencyId, null)
    await assert.rejects(
      proposeIndicator(t.deps, asCentralAdmin(), {
        kind: 'general',
        agencyId: null,
        code: 'G-TEST-MANUAL',
        definition: definition(),
      }),
      ValidationError,
      'codes are unique',
    )
    const sent = await submitVersion(t.deps, asCentralAdmin(), version.id, version.revision)
    await assert.rejects(
      decideVersion(t.deps, asCentralAdmin(), sent.id, {
        decision: 'approve',
        comment: null,
        expectedRevision: sent.revision,
      }),
      ForbiddenError,
      'four eyes',
    )
    const approved = await decideVersion(t.deps, asSupervisor(), sent.id, {
      decision: 'approve',
      comment: null,
      expectedRevision: sent.revision,
    })
    assert.equal(approved.state, 'approved')
  })
})
