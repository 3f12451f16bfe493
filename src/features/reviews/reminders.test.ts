import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { pino } from 'pino'
import {
  completeContent,
  type MadeUser,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { reviewRemindersJob } from '../../jobs/review-reminders.ts'
import { reviewDueAt } from '../services/index.ts'
import { stepsDue } from './reminders.model.ts'

// Issue 12 item 4: one service walked through the whole ladder with a controlled clock.

const DAY = 86_400_000
const POLICY = { cycleMonths: 36, dueSoonDays: 90, dueDays: 30 }

let t: TestApp
let admin: MadeUser
let editor: MadeUser
let otherAdmin: MadeUser
let supervisor: MadeUser
let centralAdmin: MadeUser
let serviceId: string
let dueAt: Date
let slug: string

async function inbox(user: MadeUser) {
  return t.deps.db
    .selectFrom('notifications')
    .select(['kind', 'subject', 'body'])
    .where('userId', '=', user.userId)
    .where('kind', 'like', 'review.%')
    .orderBy('id')
    .execute()
}

async function run() {
  return reviewRemindersJob({ ...t.deps, log: pino({ level: 'silent' }) }, t.db.kind)
}

before(async () => {
  t = await createTestApp()
  const agency = await makeAgency(t.deps, { nameFa: 'دستگاه نردبان' })
  const other = await makeAgency(t.deps, { nameFa: 'دستگاه بی‌خبر' })
  admin = await makeUser(t.deps, 'agency_admin', agency)
  editor = await makeUser(t.deps, 'agency_editor', agency)
  otherAdmin = await makeUser(t.deps, 'agency_admin', other)
  supervisor = await makeUser(t.deps, 'central_supervisor')
  centralAdmin = await makeUser(t.deps, 'central_admin')
  const law = await makeLaw(t.deps)
  const made = await makePublishedService(t.deps, agency, completeContent('خدمت نردبانی', law.id))
  serviceId = made.service.id
  slug = made.slug
  const row = await t.deps.db
    .selectFrom('services')
    .select('firstPublishedAt')
    .where('id', '=', serviceId)
    .executeTakeFirstOrThrow()
  assert.ok(row.firstPublishedAt)
  dueAt = reviewDueAt(row.firstPublishedAt, 36)
})
after(() => t.close())

describe('the reminder ladder', () => {
  it('sends nothing while the service is current', async () => {
    t.clock.set(new Date(dueAt.getTime() - 91 * DAY))
    const s = await run()
    assert.equal(s?.messages, 0)
    assert.equal((await inbox(admin)).length, 0)
  })

  it('90 days before: a digest to the agency editors and admin, once', async () => {
    t.clock.set(new Date(dueAt.getTime() - 90 * DAY + 3_600_000))
    assert.equal((await run())?.sent.due_soon, 1)
    assert.equal((await run())?.messages, 0, 'a second run the same day sends nothing')
    for (const u of [admin, editor]) {
      const got = await inbox(u)
      assert.deepEqual(
        got.map((n) => n.kind),
        ['review.due-soon'],
      )
      assert.ok(got[0]?.body.includes('خدمت نردبانی'))
    }
    assert.equal((await inbox(otherAdmin)).length, 0, 'another agency hears nothing')
    assert.equal((await inbox(supervisor)).length, 0)
  })

  it('30 days before, on the due date and 30 days after: each once, to the right people', async () => {
    t.clock.set(new Date(dueAt.getTime() - 30 * DAY + 3_600_000))
    await run()
    t.clock.set(new Date(dueAt.getTime() + 3_600_000))
    await run()
    await run()
    t.clock.set(new Date(dueAt.getTime() + 30 * DAY + 3_600_000))
    await run()
    assert.deepEqual(
      (await inbox(editor)).map((n) => n.kind),
      ['review.due-soon', 'review.due'],
      'editors get the two warnings only',
    )
    assert.deepEqual(
      (await inbox(admin)).map((n) => n.kind),
      ['review.due-soon', 'review.due', 'review.due-date', 'review.overdue'],
    )
    assert.equal((await inbox(supervisor)).length, 0)
  })

  it('90 days overdue: the central supervisor, and the public page says so', async () => {
    t.clock.set(new Date(dueAt.getTime() + 90 * DAY + 3_600_000))
    assert.equal((await run())?.sent.escalated, 1)
    await run()
    const got = await inbox(supervisor)
    assert.deepEqual(
      got.map((n) => n.kind),
      ['review.escalated'],
    )
    assert.ok(got[0]?.body.includes('دستگاه نردبان'), 'the centre is told which agency')
    assert.equal((await inbox(centralAdmin)).length, 0)
    assert.equal((await inbox(admin)).length, 4, 'the agency admin got nothing more')
    const page = await t.client().get(`/services/${slug}`)
    assert.ok((await page.text()).includes('از موعد گذشته است'))
  })

  it('records every step once for the cycle', async () => {
    const rows = await t.deps.db
      .selectFrom('reviewReminders')
      .select(['step', 'skipped'])
      .where('serviceId', '=', serviceId)
      .execute()
    assert.equal(rows.length, 5)
    assert.ok(rows.every((r) => !r.skipped))
  })
})

describe('catching up after downtime', () => {
  it('sends only the latest step reached and records the ones passed as skipped', () => {
    const due = new Date('2027-01-01T00:00:00Z')
    const now = new Date(due.getTime() + 40 * DAY)
    assert.deepEqual(stepsDue(due, POLICY, now, new Set()), {
      send: 'overdue',
      skip: ['due_soon', 'due', 'due_date'],
    })
    assert.deepEqual(
      stepsDue(due, POLICY, now, new Set(['due_soon', 'due', 'due_date', 'overdue'])),
      {
        send: null,
        skip: [],
      },
    )
  })
})
