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
    // The service, its version, the ancestry, the laws, the offices, the calendar (two), the
    // review policy and the feedback rollup.
    assert.equal(statements.length, 9, statements.join('\n'))

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
