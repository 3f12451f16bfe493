import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
} from '../test/support/fixtures.ts'
import { createTestDb } from '../test/support/test-db.ts'
import { loadConfig } from './config.ts'
import { startServer } from './main.ts'

// The composition root's page-view wiring (web/page-views.ts counts, jobs/page-views.ts flushes).
describe('page views over HTTP', () => {
  it('counts anonymous views of service pages, cached ones included, and flushes them on shutdown', async () => {
    const db = await createTestDb()
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' })
    // The server must not close the database: the test reads the counts after it stops.
    const server = await startServer(config, { ...db, close: async () => {} })
    try {
      const law = await makeLaw(server.deps)
      const { service, slug } = await makePublishedService(
        server.deps,
        await makeAgency(server.deps),
        completeContent('خدمت شمرده', law.id),
      )
      const page = `${server.url}/services/${slug}`
      const first = await fetch(page)
      await first.text()
      assert.ok(first.headers.get('x-request-id'), 'the first view is rendered by the app')
      const second = await fetch(page)
      await second.text()
      assert.equal(second.headers.get('x-request-id'), null, 'the second comes from the cache')
      const revalidated = await fetch(page, {
        headers: { 'if-none-match': second.headers.get('etag') ?? '' },
      })
      assert.equal(revalidated.status, 304)
      // Not views: HEAD, a signed-in visitor, a missing page, the history page.
      await fetch(page, { method: 'HEAD' })
      await (await fetch(page, { headers: { cookie: 'mardom_session=x' } })).text()
      await (await fetch(`${server.url}/services/no-such-service`)).text()
      await (await fetch(`${page}/history`)).text()
      await server.stop()
      const rows = await db.db
        .selectFrom('servicePageViews')
        .select('views')
        .where('serviceId', '=', service.id)
        .execute()
      assert.deepEqual(
        rows.map((r) => r.views),
        [3],
      )
    } finally {
      await server.stop()
      await db.cleanup()
    }
  })
})
