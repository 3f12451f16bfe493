import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDb, type TestDb } from '../../test/support/test-db.ts'
import type { Db } from '../db/create-db.ts'
import { randomToken } from '../lib/secrets.ts'
import {
  FORM_ONCE_FIELD,
  type FormOnce,
  formOnceField,
  inFormOnce,
  newFormOnceToken,
  onceTokenFor,
  readFormOnceToken,
  takeShownOnce,
} from './form-once.ts'
import { claimFirst } from './form-once-claim.ts'

let t: TestDb
let db: Db
let alice: string
let bob: string
const now = new Date('2026-12-07T08:00:00Z')
const later = (ms: number) => new Date(now.getTime() + ms)

async function user(username: string): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      agencyId: null,
      username,
      displayName: username,
      email: null,
      role: 'central_supervisor',
      passwordHash: 'not a real hash',
      mustChangePassword: false,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

function once(userId: string, token = newFormOnceToken(), sessionToken = randomToken()): FormOnce {
  return { userId, purpose: 'test.thing', token, sessionToken }
}

/** A form's work, counting its runs: it "creates" a row of its own (an audit event stands in). */
function submit(form: FormOnce, at: Date, shown?: string, fail = false) {
  return db.transaction().execute((trx) =>
    inFormOnce(
      trx,
      form,
      at,
      (id) => `/things/issued/${id}`,
      async () => {
        await trx
          .insertInto('auditEvents')
          .values({
            at,
            actorUserId: null,
            actorLabel: 'test',
            agencyId: null,
            entityType: 'thing',
            entityId: form.token,
            action: 'create',
            before: null,
            after: null,
          })
          .execute()
        if (fail) throw new Error('the work failed')
        return { value: 'made', ...(shown === undefined ? {} : { showOnce: shown }) }
      },
    ),
  )
}

async function made(token: string): Promise<number> {
  const rows = await db
    .selectFrom('auditEvents')
    .select('id')
    .where('entityType', '=', 'thing')
    .where('entityId', '=', token)
    .execute()
  return rows.length
}

before(async () => {
  t = await createTestDb()
  db = t.db
  alice = await user('alice.once')
  bob = await user('bob.once')
})
after(() => t.cleanup())

describe('form tokens', () => {
  it('puts a fresh 256-bit token in a hidden field and reads back only its own shape', () => {
    const a = newFormOnceToken()
    assert.notEqual(a, newFormOnceToken())
    assert.match(
      String(formOnceField(a)),
      new RegExp(`type="hidden" name="${FORM_ONCE_FIELD}" value="${a}"`),
    )
    assert.equal(readFormOnceToken({ [FORM_ONCE_FIELD]: a }), a)
    assert.equal(readFormOnceToken({}), null)
    assert.equal(readFormOnceToken({ [FORM_ONCE_FIELD]: 'short' }), null)
    assert.equal(readFormOnceToken({ [FORM_ONCE_FIELD]: `${a.slice(0, 42)}"` }), null)
  })

  it('gives a creating form a fresh token each time it is shown and an edit form none', () => {
    const first = onceTokenFor('new').onceToken ?? ''
    assert.equal(readFormOnceToken({ [FORM_ONCE_FIELD]: first }), first)
    assert.notEqual(onceTokenFor('new').onceToken, first)
    assert.deepEqual(onceTokenFor('edit'), {})
  })
})

describe('inFormOnce', () => {
  it('does the work for the first submission only; a resubmission goes to the same result', async () => {
    const form = once(alice)
    const first = await submit(form, now)
    assert.equal(first.first, true)
    assert.match(first.resultPath, /^\/things\/issued\/[0-9a-f-]{36}$/)
    const again = await submit(form, later(5_000))
    assert.deepEqual(again, { first: false, resultPath: first.resultPath })
    assert.equal(await made(form.token), 1, 'one thing made')
  })

  it('runs once for five concurrent submissions of one form (a double click on PostgreSQL)', async () => {
    const form = once(alice)
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map(() => submit(form, now)))
    assert.equal(outcomes.filter((o) => o.first).length, 1)
    assert.equal(new Set(outcomes.map((o) => o.resultPath)).size, 1)
    assert.equal(await made(form.token), 1)
  })

  it('keeps forms apart: another token, another user, another purpose each run', async () => {
    const token = newFormOnceToken()
    await submit(once(alice, token), now)
    assert.equal((await submit(once(bob, token), now)).first, true, 'same token, another user')
    const other = { ...once(alice, token), purpose: 'test.other' }
    assert.equal((await submit(other, now)).first, true, 'same token, another form')
    assert.equal((await submit(once(alice), now)).first, true, 'a fresh token')
  })

  it('rolls the claim back with failed work, so the corrected form can be sent again', async () => {
    const form = once(alice)
    await assert.rejects(submit(form, now, undefined, true), /the work failed/)
    assert.equal(await made(form.token), 0)
    assert.equal((await submit(form, now)).first, true)
    assert.equal(await made(form.token), 1)
  })

  it('forgets claims after a day', async () => {
    const form = once(alice)
    await submit(form, now)
    const dayLater = later(24 * 60 * 60_000 + 1)
    await submit(once(bob), dayLater) // any claim sweeps the old ones
    assert.equal((await submit(form, dayLater)).first, true)
  })
})

describe('takeShownOnce', () => {
  it('shows the sealed text to its submitter once; the database never holds it in clear', async () => {
    const form = once(alice)
    const secret = `secret-${randomToken(8)}`
    const done = await submit(form, now, secret)
    const id = done.resultPath.split('/').pop() ?? ''
    const stored = await db
      .selectFrom('formOnce')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    assert.ok(stored.sealedResult, 'sealed until shown')
    assert.ok(!JSON.stringify(stored).includes(secret), 'not in clear in the row')
    const viewer = { userId: alice, sessionToken: form.sessionToken }
    assert.equal(await takeShownOnce(db, id, viewer, later(60_000)), secret)
    assert.equal(await takeShownOnce(db, id, viewer, later(61_000)), null, 'a second GET')
    const row = await db
      .selectFrom('formOnce')
      .select('sealedResult')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    assert.equal(row.sealedResult, null, 'cleared once shown')
    // A resubmission after it was shown leads to the same (now empty) page and seals nothing new.
    assert.deepEqual(await submit(form, later(62_000), 'another'), {
      first: false,
      resultPath: done.resultPath,
    })
    assert.equal(await takeShownOnce(db, id, viewer, later(63_000)), null)
  })

  it('shows nothing to another user, another session or after a quarter of an hour', async () => {
    const form = once(alice)
    const id = (await submit(form, now, 'hidden')).resultPath.split('/').pop() ?? ''
    assert.equal(
      await takeShownOnce(db, id, { userId: bob, sessionToken: form.sessionToken }, now),
      null,
    )
    assert.equal(
      await takeShownOnce(db, id, { userId: alice, sessionToken: randomToken() }, now),
      null,
    )
    const late = once(alice)
    const lateId = (await submit(late, now, 'late')).resultPath.split('/').pop() ?? ''
    const viewer = { userId: alice, sessionToken: late.sessionToken }
    assert.equal(await takeShownOnce(db, lateId, viewer, later(15 * 60_000 + 1)), null)
    assert.equal(await takeShownOnce(db, lateId, viewer, now), null, 'and it was cleared')
  })
})

describe('claimFirst', () => {
  it('commits the claim before the action: the same form again goes to the first result', async () => {
    const form = once(alice)
    assert.deepEqual(await claimFirst(db, form, now, '/things/1?done=made'), { kind: 'first' })
    // Sent again while (or after) the first one's action runs, with another result in mind.
    assert.deepEqual(await claimFirst(db, form, later(5_000), '/things/2?done=made'), {
      kind: 'again',
      resultPath: '/things/1?done=made',
    })
    assert.equal((await submit(form, later(6_000))).first, false, 'the claim is committed')
  })

  it('answers «missing» for a form without its token and claims nothing', async () => {
    assert.deepEqual(await claimFirst(db, null, now, '/things/3'), { kind: 'missing' })
  })
})
