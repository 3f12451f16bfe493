import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import {
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
} from '../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../test/support/test-app.ts'
import { PageViewCounter } from '../web/page-views.ts'
import { flushPageViews, isServicePagePath } from './page-views.ts'

function counter(): PageViewCounter {
  return new PageViewCounter({ counts: isServicePagePath, sessionCookie: 'mardom_session' })
}

async function viewsOf(t: Pick<TestApp, 'deps'>, serviceId: string) {
  return t.deps.db
    .selectFrom('servicePageViews')
    .select(['day', 'views'])
    .where('serviceId', '=', serviceId)
    .orderBy('day')
    .execute()
}

describe('service page paths', () => {
  it('are /services/<slug> only', () => {
    assert.equal(isServicePagePath('/services/passport-renewal'), true)
    assert.equal(isServicePagePath('/services/passport-renewal/history'), false)
    assert.equal(isServicePagePath('/services/passport-renewal/v/2'), false)
    assert.equal(isServicePagePath('/services'), false)
    assert.equal(isServicePagePath('/services/'), false)
    assert.equal(isServicePagePath('/services/Passport'), false)
  })

  it('count Persian slugs as the browser sends them (percent-encoded) and as decoded', () => {
    const slug = 'تمدید-گذرنامه'
    assert.equal(isServicePagePath(`/services/${encodeURIComponent(slug)}`), true)
    assert.equal(isServicePagePath(`/services/${slug}`), true)
    assert.equal(isServicePagePath(`/services/${encodeURIComponent(slug)}/history`), false)
    assert.equal(isServicePagePath('/services/%E0%A4%A'), false, 'malformed encoding is no page')
  })
})

describe('flushing page views', () => {
  let t: TestApp
  let service: { id: string; slug: string }

  before(async () => {
    t = await createTestApp()
    const law = await makeLaw(t.deps)
    const made = await makePublishedService(
      t.deps,
      await makeAgency(t.deps),
      completeContent('خدمت پربازدید', law.id),
    )
    service = { id: made.service.id, slug: made.slug }
  })
  after(async () => {
    await t.close()
  })

  it('adds each batch to the service’s day in one upsert and leaves out unknown slugs', async () => {
    const c = counter()
    c.count(`/services/${service.slug}`)
    c.count(`/services/${service.slug}`)
    c.count('/services/no-such-service')
    assert.deepEqual(await flushPageViews(t.deps, c), { rows: 1, views: 3, dropped: 0 })
    c.count(`/services/${service.slug}`)
    assert.deepEqual(await flushPageViews(t.deps, c), { rows: 1, views: 1, dropped: 0 })
    const rows = await viewsOf(t, service.id)
    assert.equal(rows.length, 1)
    assert.equal(rows[0]?.views, 3)
    assert.deepEqual(await flushPageViews(t.deps, c), { rows: 0, views: 0, dropped: 0 })
  })

  it('keeps the counts when the write fails', async () => {
    const c = counter()
    c.count(`/services/${service.slug}`)
    const before = (await viewsOf(t, service.id))[0]?.views ?? 0
    // The table out of the way for a moment: the upsert fails as a lost database would.
    await sql`ALTER TABLE service_page_views RENAME TO service_page_views_away`.execute(t.deps.db)
    try {
      await assert.rejects(flushPageViews(t.deps, c))
    } finally {
      await sql`ALTER TABLE service_page_views_away RENAME TO service_page_views`.execute(t.deps.db)
    }
    c.count(`/services/${service.slug}`)
    await flushPageViews(t.deps, c)
    assert.equal((await viewsOf(t, service.id))[0]?.views, before + 2)
  })
})
