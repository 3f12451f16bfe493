import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { auditEventsOf } from '../../../test/support/db-snapshot.ts'
import { actorOf, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Actor } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../lib/errors.ts'
import type { Agency } from '../agencies/index.ts'
import { canEditLaw, createLaw, editLaw } from './law.actions.ts'
import type { LawInput } from './law.input.ts'
import type { Law } from './law.model.ts'
import { findLawById } from './law.queries.ts'

let t: TestApp
let agency: Agency
let otherAgency: Agency
let central: Actor
let supervisor: Actor
let agencyAdmin: Actor
let otherAgencyAdmin: Actor
let agencyEditor: Actor

const input = (overrides: Partial<LawInput> = {}): LawInput => ({
  title: 'قانون انتشار و دسترسی آزاد به اطلاعات',
  kind: 'law',
  number: '۹۸۸۷۳',
  url: null,
  approvedOn: { jy: 1388, jm: 11, jd: 6 },
  ...overrides,
})

async function rowCount(table: 'laws' | 'auditEvents'): Promise<number> {
  const row = await t.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

const lawCount = () => rowCount('laws')
const auditCount = () => rowCount('auditEvents')

async function created(actor: Actor, over: Partial<LawInput> = {}): Promise<Law> {
  const result = await createLaw(t.deps, actor, input(over))
  assert.ok(result.ok, JSON.stringify(result))
  return result.law
}

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps)
  otherAgency = await makeAgency(t.deps)
  central = actorOf(await makeUser(t.deps, 'central_admin'), 'central_admin')
  supervisor = actorOf(await makeUser(t.deps, 'central_supervisor'), 'central_supervisor')
  agencyAdmin = actorOf(await makeUser(t.deps, 'agency_admin', agency), 'agency_admin', agency)
  otherAgencyAdmin = actorOf(
    await makeUser(t.deps, 'agency_admin', otherAgency),
    'agency_admin',
    otherAgency,
  )
  agencyEditor = actorOf(await makeUser(t.deps, 'agency_editor', agency), 'agency_editor', agency)
})
after(() => t.close())

describe('createLaw', () => {
  it('stores the Jalali approval date as its Gregorian calendar day, with one audit event', async () => {
    const law = await created(central)
    assert.equal(law.approvedOn, '2010-01-26', '6 Bahman 1388')
    assert.equal(law.addedByAgencyId, null)
    assert.deepEqual(law.createdAt, t.clock.now())
    const stored = await findLawById(t.deps.db, law.id)
    assert.equal(stored?.title, 'قانون انتشار و دسترسی آزاد به اطلاعات')
    assert.equal(stored?.number, '۹۸۸۷۳')
    const events = await auditEventsOf(t.deps.db, law.id)
    assert.equal(events.length, 1)
    const [event] = events
    assert.equal(event?.entityType, 'law')
    assert.equal(event?.action, 'create')
    assert.equal(event?.actorUserId, central.userId)
    assert.equal(event?.agencyId, null)
    assert.equal(event?.before, null)
    assert.deepEqual(event?.after, {
      title: 'قانون انتشار و دسترسی آزاد به اطلاعات',
      kind: 'law',
      number: '۹۸۸۷۳',
      url: null,
      approvedOn: '2010-01-26',
    })
  })

  it('keeps a law without a date or number', async () => {
    const law = await created(central, {
      title: 'بخشنامهٔ بی‌تاریخ',
      kind: 'circular',
      number: null,
      approvedOn: null,
    })
    assert.equal(law.approvedOn, null)
    assert.equal(law.number, null)
  })

  it('registers a law an agency admin adds to that agency, and audits it under it', async () => {
    const law = await created(agencyAdmin, { title: 'آیین‌نامهٔ دستگاه', kind: 'regulation' })
    assert.equal(law.addedByAgencyId, agency.id)
    assert.equal((await auditEventsOf(t.deps.db, law.id))[0]?.agencyId, agency.id)
  })

  it('answers a duplicate title and number with a field error, writing nothing', async () => {
    await created(central, { title: 'قانون تکراری', number: '7' })
    const [laws, events] = [await lawCount(), await auditCount()]
    const again = await createLaw(
      t.deps,
      agencyAdmin,
      input({ title: 'قانون تکراری', number: '7' }),
    )
    assert.deepEqual(again, {
      ok: false,
      errors: { title: 'این قانون با همین عنوان و شماره پیش‌تر ثبت شده است.' },
    })
    const noNumber = await created(central, { title: 'قانون تکراری', number: null })
    assert.equal(noNumber.number, null, 'the same title with another number is another law')
    const sameEmpty = await createLaw(
      t.deps,
      central,
      input({ title: 'قانون تکراری', number: null }),
    )
    assert.equal(sameEmpty.ok, false, 'no number matches no number')
    assert.equal(await lawCount(), laws + 1)
    assert.equal(await auditCount(), events + 1)
  })

  it('refuses nobody, agency editors and supervisors, writing nothing', async () => {
    const [laws, events] = [await lawCount(), await auditCount()]
    await assert.rejects(createLaw(t.deps, null, input()), UnauthenticatedError)
    for (const actor of [agencyEditor, supervisor])
      await assert.rejects(createLaw(t.deps, actor, input({ title: 'غیرمجاز' })), ForbiddenError)
    assert.equal(await lawCount(), laws)
    assert.equal(await auditCount(), events)
  })
})

describe('editLaw', () => {
  it('updates the law and audits the fields before and after', async () => {
    const law = await created(central, { title: 'قانون پیش از ویرایش', number: '100' })
    t.clock.advance(60_000)
    const result = await editLaw(
      t.deps,
      central,
      law.id,
      input({ title: 'قانون پس از ویرایش', number: '100', approvedOn: { jy: 1400, jm: 1, jd: 1 } }),
    )
    assert.ok(result.ok)
    assert.equal(result.law.title, 'قانون پس از ویرایش')
    assert.equal(result.law.approvedOn, '2021-03-21')
    assert.ok(result.law.updatedAt > law.updatedAt)
    const update = (await auditEventsOf(t.deps.db, law.id)).find((e) => e.action === 'update')
    assert.deepEqual(update?.before, {
      title: 'قانون پیش از ویرایش',
      kind: 'law',
      number: '100',
      approvedOn: '2010-01-26',
      url: null,
    })
    assert.deepEqual(update?.after, {
      title: 'قانون پس از ویرایش',
      kind: 'law',
      number: '100',
      url: null,
      approvedOn: '2021-03-21',
    })
  })

  it('lets a law keep its own title and number, but not take another law’s', async () => {
    const a = await created(central, { title: 'قانون الف', number: '1' })
    const b = await created(central, { title: 'قانون ب', number: '1' })
    const same = await editLaw(t.deps, central, a.id, input({ title: 'قانون الف', number: '1' }))
    assert.equal(same.ok, true)
    const events = await auditCount()
    const clash = await editLaw(t.deps, central, b.id, input({ title: 'قانون الف', number: '1' }))
    assert.equal(clash.ok, false)
    assert.equal((await findLawById(t.deps.db, b.id))?.title, 'قانون ب')
    assert.equal(await auditCount(), events)
  })

  it('lets an agency admin edit only what their agency added', async () => {
    const own = await created(agencyAdmin, { title: 'مقررهٔ خود دستگاه' })
    const centralLaw = await created(central, { title: 'مقررهٔ مرکزی' })
    const ok = await editLaw(t.deps, agencyAdmin, own.id, input({ title: 'مقررهٔ خود دستگاه ۲' }))
    assert.equal(ok.ok, true)
    assert.equal((await auditEventsOf(t.deps.db, own.id)).at(-1)?.agencyId, agency.id)
    const events = await auditCount()
    await assert.rejects(editLaw(t.deps, agencyAdmin, centralLaw.id, input()), ForbiddenError)
    await assert.rejects(editLaw(t.deps, otherAgencyAdmin, own.id, input()), ForbiddenError)
    await assert.rejects(editLaw(t.deps, agencyEditor, own.id, input()), ForbiddenError)
    await assert.rejects(editLaw(t.deps, null, own.id, input()), UnauthenticatedError)
    assert.equal((await findLawById(t.deps.db, centralLaw.id))?.title, 'مقررهٔ مرکزی')
    assert.equal(await auditCount(), events)
  })

  it('answers an unknown id with NotFoundError', async () => {
    await assert.rejects(
      editLaw(t.deps, central, '00000000-0000-4000-8000-000000000000', input()),
      NotFoundError,
    )
  })
})

describe('canEditLaw', () => {
  it('is true for the central admin, and for an agency admin of the agency that added it', async () => {
    const own = await created(agencyAdmin, { title: 'مقررهٔ آزمون دسترسی' })
    const centralLaw = await created(central, { title: 'مقررهٔ مرکزی آزمون دسترسی' })
    assert.equal(canEditLaw(central, own, []), true)
    assert.equal(canEditLaw(central, centralLaw, []), true)
    assert.equal(canEditLaw(agencyAdmin, own, []), true)
    assert.equal(canEditLaw(agencyAdmin, centralLaw, []), false)
    assert.equal(canEditLaw(otherAgencyAdmin, own, []), false)
    assert.equal(canEditLaw(agencyEditor, own, []), false)
    assert.equal(canEditLaw(supervisor, own, []), false)
    assert.equal(canEditLaw(null, own, []), false)
  })

  it('is false for the registering agency once another agency cites the law; the centre still may', async () => {
    const own = await created(agencyAdmin, { title: 'مقررهٔ آزمون استناد دیگران' })
    const others = ['00000000-0000-4000-8000-000000000001']
    assert.equal(canEditLaw(agencyAdmin, own, others), false)
    assert.equal(canEditLaw(central, own, others), true)
  })
})
