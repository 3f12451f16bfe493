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
import type { ReviewReminderStep } from '../../db/schema.ts'
import { reviewRemindersJob } from '../../jobs/review-reminders.ts'
import { toPersianDigits } from '../../lib/fa/index.ts'
import type { Agency } from '../agencies/index.ts'
import { DIGEST_LIST_CHARS } from './reminders.actions.ts'
import { recordedSteps, recordSteps } from './reminders.queries.ts'

// The first run over an old catalogue (found by the 20,000-service bench): tens of thousands
// of passed steps to record at once, and a digest to the centre listing hundreds of services.

const DAY = 86_400_000
const SERVICES = 180

let t: TestApp
let agency: Agency
let supervisor: MadeUser
let admin: MadeUser
const ids: string[] = []

before(async () => {
  t = await createTestApp()
  agency = await makeAgency(t.deps, { nameFa: 'دستگاهی با خدمات بسیار' })
  supervisor = await makeUser(t.deps, 'central_supervisor')
  admin = await makeUser(t.deps, 'agency_admin', agency)
  const law = await makeLaw(t.deps)
  for (let i = 0; i < SERVICES; i++) {
    // Long titles, as real ones are: the digest would pass notify's 20,000 characters.
    const title = `صدور مجوز فعالیت و تمدید پروانهٔ بهره‌برداری واحدهای صنفی و تولیدی شمارهٔ ${toPersianDigits(i + 1)}`
    const made = await makePublishedService(t.deps, agency, completeContent(title, law.id))
    ids.push(made.service.id)
  }
  // All first published four years ago: every one is 90 days past due, never reviewed.
  await t.deps.db
    .updateTable('services')
    .set({ firstPublishedAt: new Date(t.clock.now().getTime() - 4 * 365 * DAY) })
    .where('id', 'in', ids)
    .execute()
})
after(() => t.close())

async function inbox(user: MadeUser) {
  return t.deps.db
    .selectFrom('notifications')
    .select(['kind', 'subject', 'body'])
    .where('userId', '=', user.userId)
    .where('kind', 'like', 'review.%')
    .execute()
}

describe('the first run over an old catalogue', () => {
  it('sends the centre one digest that fits, counting the services it does not list', async () => {
    const run = await reviewRemindersJob({ ...t.deps, log: pino({ level: 'silent' }) }, t.db.kind)
    assert.ok(run)
    assert.equal(run.sent.escalated, SERVICES)
    assert.equal(run.skipped, SERVICES * 4, 'the four passed steps of each, recorded unsent')
    assert.equal(run.messages, 1)
    const [digest, ...more] = await inbox(supervisor)
    assert.equal(more.length, 0)
    assert.ok(digest)
    assert.equal(digest.kind, 'review.escalated')
    assert.ok(digest.subject.includes(toPersianDigits(SERVICES)), digest.subject)
    assert.ok(digest.body.length <= 20_000)
    const listed = digest.body.split('\n').filter((l) => l.startsWith('- صدور مجوز')).length
    assert.ok(listed > 0 && listed < SERVICES, `${listed} listed`)
    assert.ok(
      digest.body.includes(`- و ${toPersianDigits(SERVICES - listed)} خدمت دیگر`),
      'the rest are counted',
    )
    const list = digest.body.split('\n').filter((l) => l.startsWith('- '))
    assert.ok(list.join('\n').length <= DIGEST_LIST_CHARS + 200)
    assert.equal((await inbox(admin)).length, 0, 'only the latest step is sent')
  })
})

describe('many digests in one run', () => {
  const AGENCIES = 120
  const admins: MadeUser[] = []
  before(async () => {
    const law = await makeLaw(t.deps)
    const dueSoon: string[] = []
    for (let i = 0; i < AGENCIES; i++) {
      const other = await makeAgency(t.deps, { nameFa: `دستگاه شمارهٔ ${toPersianDigits(i + 1)}` })
      admins.push(await makeUser(t.deps, 'agency_admin', other))
      const made = await makePublishedService(t.deps, other, completeContent('خدمتی', law.id))
      dueSoon.push(made.service.id)
    }
    // Due in about 60 days: each agency is owed its "due soon" digest.
    await t.deps.db
      .updateTable('services')
      .set({ firstPublishedAt: new Date(t.clock.now().getTime() - (3 * 365 - 60) * DAY) })
      .where('id', 'in', dueSoon)
      .execute()
  })

  it('writes one digest per agency, across several transactions, and none twice', async () => {
    const job = () => reviewRemindersJob({ ...t.deps, log: pino({ level: 'silent' }) }, t.db.kind)
    const run = await job()
    assert.equal(run?.messages, AGENCIES)
    assert.equal(run?.sent.due_soon, AGENCIES)
    for (const a of admins)
      assert.deepEqual(
        (await inbox(a)).map((n) => n.kind),
        ['review.due-soon'],
      )
    assert.equal((await job())?.messages, 0, 'a second run the same day sends nothing')
  })
})

describe('recording steps', () => {
  it('records more rows at once than one statement can carry as parameters', async () => {
    // 14,000 rows of five values: 70,000 parameters as one VALUES list (the limit is 65,535).
    const serviceId = ids[0] ?? ''
    const start = Date.parse('2000-01-01T00:00:00Z')
    const rows = Array.from({ length: 14_000 }, (_, i) => ({
      serviceId,
      dueAt: new Date(start + i * DAY),
      step: 'due_soon' as ReviewReminderStep,
      skipped: true,
    }))
    assert.equal(await recordSteps(t.deps.db, rows, t.clock.now()), 14_000)
    assert.equal(await recordSteps(t.deps.db, rows, t.clock.now()), 0, 'never twice')
    const cycles = [
      { serviceId, dueAt: new Date(start + 13_999 * DAY) },
      { serviceId: ids[1] ?? '', dueAt: new Date(start) },
    ]
    const recorded = await recordedSteps(t.deps.db, cycles)
    assert.deepEqual([...recorded.keys()], [serviceId], 'only the cycle asked about')
    assert.deepEqual([...(recorded.get(serviceId) ?? [])], ['due_soon'])
  })
})
