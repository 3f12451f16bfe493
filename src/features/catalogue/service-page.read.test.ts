import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { KyselyPlugin, QueryId, RootOperationNode } from 'kysely'
import {
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
} from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Deps } from '../../deps.ts'
import { endOfTehranDay } from '../../lib/fa/tehran-time.ts'
import { CALENDAR_CACHE_TAG } from '../calendar/index.ts'
import { insertOffice, officeCacheTag, officeInput } from '../offices/index.ts'
import { edge, processOf, task, wd } from '../processes/process.test-helpers.ts'
import { serviceCacheTag } from '../services/index.ts'
import { FEEDBACK_POLICY_CACHE_TAG, REVIEW_POLICY_CACHE_TAG } from '../settings/index.ts'
import { loadServicePage } from './service-page.read.ts'

let t: TestApp
let slug: string
let serviceId: string
let officeId: string
const goneOfficeId = '00000000-0000-4000-8000-000000000001'

/** The deps with a database handle that records the SQL of every statement it sends. */
function counting(deps: Deps): { deps: Deps; statements: string[] } {
  const sent: { node: RootOperationNode; queryId: QueryId }[] = []
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      sent.push(args)
      return args.node
    },
    async transformResult(args) {
      return args.result
    },
  }
  const statements: string[] = []
  const db = deps.db.withPlugin(plugin)
  const executor = deps.db.getExecutor()
  return {
    deps: { ...deps, db },
    get statements() {
      statements.length = 0
      for (const s of sent) statements.push(executor.compileQuery(s.node, s.queryId).sql)
      return statements
    },
  }
}

/** The statements that read a table (`FROM table` or `JOIN table`). */
function reading(statements: string[], table: string): string[] {
  const re = new RegExp(`\\b(from|join)\\s+"?${table}"?\\b`, 'i')
  return statements.filter((s) => re.test(s))
}

before(async () => {
  t = await createTestApp()
  const ministry = await makeAgency(t.deps, { nameFa: 'وزارت آزمایشی', level: 'ministry' })
  const organisation = await makeAgency(t.deps, {
    nameFa: 'سازمان آزمایشی',
    level: 'organisation',
    parentId: ministry.id,
  })
  const provincial = await makeAgency(t.deps, {
    nameFa: 'ادارهٔ کل آزمایشی استان تهران',
    level: 'provincial_office',
    parentId: organisation.id,
    provinceCode: '08',
  })
  const law = await makeLaw(t.deps, 'قانون آزمایشی')
  const office = await insertOffice(
    t.deps.db,
    provincial.id,
    officeInput.parse({
      name: 'دفتر پیشخوان آزمایشی',
      address: 'میدان انقلاب',
      provinceCode: '08',
      city: 'تهران',
      postalCode: '1314567890',
      lat: 35.7,
      lng: 51.39,
      phones: ['021-66001122'],
      hours: Object.fromEntries(
        ['sat', 'sun', 'mon', 'tue', 'wed'].map((d) => [d, [{ start: '07:30', end: '14:30' }]]),
      ),
    }),
    t.clock.now(),
  )
  officeId = office.id
  const made = await makePublishedService(
    t.deps,
    provincial,
    completeContent('خدمت شمارش پرسش‌ها', law.id, {
      process: processOf(
        [task('s1', 'ثبت درخواست', wd(1)), task('s2', 'صدور', wd(4))],
        [edge('s1', 's2')],
      ),
      offices: [
        { officeId, note: 'نوبت اینترنتی' },
        { officeId: goneOfficeId, note: null },
      ],
    }),
  )
  slug = made.slug
  serviceId = made.service.id
})
after(() => t.close())

describe('loadServicePage', () => {
  it('reads the agencies, the offices and the working calendar once each', async () => {
    const c = counting(t.deps)
    const now = t.clock.now()
    const loaded = await loadServicePage(c.deps, slug, {}, now)
    const statements = c.statements
    assert.equal(reading(statements, 'agencies').length, 1, statements.join('\n'))
    assert.equal(reading(statements, 'offices').length, 1, statements.join('\n'))
    assert.equal(reading(statements, 'holidays').length, 1, statements.join('\n'))
    // The calendar's week (one key) and the portal settings (the review policy, issue 12).
    assert.equal(reading(statements, 'settings').length, 2, statements.join('\n'))
    // The helpful figure (issue 13) from the service's rollup row, by primary key.
    assert.equal(reading(statements, 'feedback_rollups').length, 1, statements.join('\n'))
    // Promised against actual and satisfaction (issue 13 items 4, 5): one primary-key read of
    // each of their rollups (transaction_time_rollups by service and step '', rating_rollups
    // by service), never the transactions or the ratings.
    assert.equal(reading(statements, 'transaction_time_rollups').length, 1, statements.join('\n'))
    assert.equal(reading(statements, 'rating_rollups').length, 1, statements.join('\n'))
    assert.equal(reading(statements, 'transactions').length, 0, statements.join('\n'))
    assert.equal(reading(statements, 'ratings').length, 0, statements.join('\n'))
    // The service, its version, the ancestry, the laws, the offices, the calendar (two), the
    // review policy, the helpful rollup, and (issue 13 item 4, two more) the time and rating
    // rollups: 9 before the promised-against-actual figures came to the page, now 11.
    assert.equal(statements.length, 11, statements.join('\n'))

    const body = loaded.view.body
    assert.equal(loaded.view.title, 'خدمت شمارش پرسش‌ها')
    assert.equal(body.agency.nameFa, 'ادارهٔ کل آزمایشی استان تهران')
    assert.deepEqual(
      body.offices?.offices.map((o) => o.name),
      ['دفتر پیشخوان آزمایشی'],
    )
    assert.ok(body.process?.completion, 'the completion window is computed')
    // schema.org names the provider's parents, from the same ancestry read.
    assert.match(body.jsonLd ?? '', /سازمان آزمایشی/)
    assert.match(body.jsonLd ?? '', /وزارت آزمایشی/)
    assert.deepEqual(loaded.tags, [
      serviceCacheTag(serviceId),
      CALENDAR_CACHE_TAG,
      REVIEW_POLICY_CACHE_TAG,
      FEEDBACK_POLICY_CACHE_TAG,
      officeCacheTag(officeId),
      officeCacheTag(goneOfficeId),
    ])
    assert.ok(loaded.expiresAt > now.getTime())
    assert.ok(loaded.expiresAt <= endOfTehranDay(now).getTime())
  })

  it('shows promised against actual and satisfaction from the rollups, or not enough data', async () => {
    const now = t.clock.now()
    const before = (await loadServicePage(t.deps, slug, {}, now)).view.body.inPractice
    assert.equal(before?.actualTime.n, 0)
    assert.equal(before?.actualTime.shown, false)
    assert.equal(before?.satisfaction.shown, false)
    // 40 transactions with a median of 53 hours; 36 ratings: 20×5 and 16×4 (Σ = 164,
    // Σx² = 756): mean 164/36 = 4.5556, s² = (756 − 36·4.5556²)/35 = 0.2540, s = 0.50395,
    // t(35) = 2.03011, half-width 2.03011·0.50395/6 = 0.17051 → [4.385, 4.726].
    await t.deps.db
      .insertInto('transactionTimeRollups')
      .values({
        serviceId,
        stepId: '',
        n: 40,
        medianSeconds: 53 * 3600,
        p90Seconds: 80 * 3600,
        withPromise: 40,
        onTime: 30,
        visitsTotal: 40,
        computedAt: now,
      })
      .execute()
    await t.deps.db
      .insertInto('ratingRollups')
      .values({ serviceId, n: 36, total: 164, totalSquares: 756, updatedAt: now })
      .execute()
    const body = (await loadServicePage(t.deps, slug, {}, now)).view.body
    const v = body.inPractice
    assert.equal(v?.actualTime.n, 40)
    assert.equal(v?.actualTime.medianHours, 53)
    assert.equal(v?.actualTime.shown, true)
    assert.equal(v?.satisfaction.shown, true)
    assert.ok(Math.abs((v?.satisfaction.interval?.mean ?? 0) - 4.5556) < 1e-4)
    assert.ok(Math.abs((v?.satisfaction.interval?.ci95[0] ?? 0) - 4.385) < 1e-3)
    assert.ok(Math.abs((v?.satisfaction.interval?.ci95[1] ?? 0) - 4.726) < 1e-3)
    // Below the central minimum n the page says so instead of a figure.
    await t.deps.db
      .updateTable('ratingRollups')
      .set({ n: 12 })
      .where('serviceId', '=', serviceId)
      .execute()
    await t.deps.db
      .updateTable('transactionTimeRollups')
      .set({ n: 29 })
      .where('serviceId', '=', serviceId)
      .execute()
    const low = (await loadServicePage(t.deps, slug, {}, now)).view.body.inPractice
    assert.equal(low?.actualTime.shown, false)
    assert.equal(low?.satisfaction.shown, false)
    await t.deps.db.deleteFrom('ratingRollups').where('serviceId', '=', serviceId).execute()
    await t.deps.db
      .deleteFrom('transactionTimeRollups')
      .where('serviceId', '=', serviceId)
      .execute()
  })

  it('reads the calendar once for a date asked about, far from today', async () => {
    const c = counting(t.deps)
    const loaded = await loadServicePage(
      c.deps,
      slug,
      { 'start-year': '1407', 'start-month': '1', 'start-day': '15' },
      t.clock.now(),
    )
    assert.equal(reading(c.statements, 'holidays').length, 1, c.statements.join('\n'))
    assert.equal(loaded.view.body.process?.completion?.today, false)
    assert.ok(loaded.view.body.offices, 'the offices are still shown')
  })
})
