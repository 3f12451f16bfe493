import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createTestDb } from '../test/support/test-db.ts'
import { loadConfig } from './config.ts'
import { startServer } from './main.ts'

describe('server lifecycle', () => {
  it('serves over HTTP, then drains: readiness turns 503, the port closes and the database is closed', async () => {
    const db = await createTestDb()
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' })
    const server = await startServer(config, { ...db, close: db.cleanup })
    const home = await fetch(`${server.url}/`)
    assert.equal(home.status, 200)
    assert.match(await home.text(), /<html lang="fa" dir="rtl">/)
    const stopping = server.stop()
    assert.equal(server.deps.lifecycle.draining, true)
    await stopping
    await assert.rejects(fetch(`${server.url}/healthz`))
    await assert.rejects(server.deps.db.selectFrom('agencies').select('id').execute())
  })
})
