import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { actorOf, makeUser } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { setFeedbackMinN } from '../settings/index.ts'
import { at, type FeedWorld, makeFeedWorld, postTransaction } from './transaction.test-helpers.ts'
import { runFeedbackUpkeep } from './upkeep.actions.ts'

let t: TestApp
let w: FeedWorld
let slug: string

before(async () => {
  t = await createTestApp()
  w = await makeFeedWorld(t)
  const admin = await makeUser(t.deps, 'central_admin')
  await setFeedbackMinN(t.deps, actorOf(admin, 'central_admin'), 5)
  const s = await t.deps.db
    .selectFrom('services')
    .select('slug')
    .where('id', '=', w.serviceId)
    .executeTakeFirstOrThrow()
  slug = s.slug
})
after(() => t.close())

const HOUR = 3_600_000
const page = () => `/services/${slug}`
const cached = () => t.deps.pageCache.get(page(), t.clock.now().getTime())

/** Posts `n` completed transactions that took `hours` each. */
async function complete(prefix: string, n: number, hours: number) {
  for (let i = 0; i < n; i++) {
    const res = await postTransaction(t, w.token, {
      serviceId: w.serviceId,
      trackingCode: `${prefix}-${i}`,
      channel: 'online',
      startedAt: at(t, -hours - 1),
      completedAt: at(t, -1),
      outcome: 'approved',
    })
    assert.equal(res.status, 201, await res.text())
  }
}

function wholeRow() {
  return t.deps.db
    .selectFrom('transactionTimeRollups')
    .selectAll()
    .where('serviceId', '=', w.serviceId)
    .where('stepId', '=', '')
    .executeTakeFirst()
}

describe('the feedback upkeep', () => {
  it('recomputes new transactions without anyone reading the API, and re-renders the page once', async () => {
    await t.client().get(page())
    assert.ok(cached(), 'the service page is cached')
    await complete('UPK-A', 6, 4)
    assert.equal(await wholeRow(), undefined, 'nothing computed on write')
    assert.ok(cached(), 'a transaction alone does not drop the cached page')
    t.clock.advance(60_000)

    const first = await runFeedbackUpkeep(t.deps)
    assert.equal(first.due, 1)
    assert.equal(first.pagesChanged, 1)
    const row = await wholeRow()
    assert.equal(row?.n, 6)
    assert.equal(row?.medianSeconds, 4 * 3600)
    assert.equal(cached(), undefined, 'the page that showed the old figure is dropped')

    const html = await (await t.client().get(page())).text()
    assert.ok(html.includes('۶'), 'the page now shows n = 6')
    const again = await runFeedbackUpkeep(t.deps)
    assert.deepEqual(
      { due: again.due, pagesChanged: again.pagesChanged },
      { due: 0, pagesChanged: 0 },
      'nothing is due right after a run',
    )
    assert.ok(cached(), 'and the cached page stays')
  })

  it('moves the 90-day window on hourly, dropping the page only when its sentence changes', async () => {
    t.clock.advance(2 * HOUR)
    const same = await runFeedbackUpkeep(t.deps)
    assert.deepEqual(
      { due: same.due, pagesChanged: same.pagesChanged },
      { due: 1, pagesChanged: 0 },
    )
    assert.ok(cached(), 'same figures: the page stays cached')

    t.clock.advance(91 * 24 * HOUR)
    const gone = await runFeedbackUpkeep(t.deps)
    assert.deepEqual(
      { due: gone.due, pagesChanged: gone.pagesChanged },
      { due: 1, pagesChanged: 1 },
    )
    assert.equal(await wholeRow(), undefined, 'transactions older than 90 days no longer count')
  })

  it('closes accepted reports whose fixing version is public, deleting the contact', async () => {
    const now = t.clock.now()
    const report = await t.deps.db
      .insertInto('accuracyReports')
      .values({
        code: 'KEEPFX0001',
        serviceId: w.serviceId,
        agencyId: w.agency.id,
        section: 'fees',
        versionNo: 1,
        whatWrong: 'هزینه اشتباه است',
        whatRight: null,
        contactMobile: '09121234567',
        contactEmail: null,
        state: 'accepted',
        // Version 1 is the published one: the plain publish command made the fix public
        // without a report write that would have closed it.
        fixVersionNo: 1,
        reason: null,
        duplicateOf: null,
        receivedAt: now,
        dueOn: '2027-03-01',
        answeredAt: now,
        answeredBy: null,
        closedAt: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const done = await runFeedbackUpkeep(t.deps)
    assert.equal(done.reportsClosed, 1)
    const row = await t.deps.db
      .selectFrom('accuracyReports')
      .selectAll()
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow()
    assert.equal(row.state, 'fixed')
    assert.equal(row.contactMobile, null)
    assert.ok(row.closedAt)
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', report.id)
      .execute()
    assert.deepEqual(
      audit.map((a) => a.action),
      ['fixed'],
    )
    assert.equal((await runFeedbackUpkeep(t.deps)).reportsClosed, 0, 'closed once')
  })

  it('deletes form hashes older than 30 days even when no form is sent', async () => {
    const now = t.clock.now().getTime()
    const hit = (daysAgo: number) => ({
      form: 'helpful',
      addressHash: `a${daysAgo}`.padEnd(43, '_'),
      browserHash: null,
      contentHash: `c${daysAgo}`.padEnd(43, '_'),
      at: new Date(now - daysAgo * 24 * HOUR),
    })
    await t.deps.db
      .insertInto('publicFormHits')
      .values([hit(31), hit(45), hit(29)])
      .execute()
    const done = await runFeedbackUpkeep(t.deps)
    assert.equal(done.hitsPurged, 2)
    const left = await t.deps.db.selectFrom('publicFormHits').select('addressHash').execute()
    assert.deepEqual(
      left.map((h) => h.addressHash),
      ['a29'.padEnd(43, '_')],
    )
  })
})
