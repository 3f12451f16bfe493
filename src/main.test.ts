import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createTestDb } from '../test/support/test-db.ts'
import { loadConfig } from './config.ts'
import { startServer } from './main.ts'

describe('cached pages over HTTP', () => {
  it('answers repeat anonymous visits from memory with the same headers, and never signed-in ones', async () => {
    const db = await createTestDb()
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' })
    const server = await startServer(config, { ...db, close: db.cleanup })
    try {
      const first = await fetch(`${server.url}/`)
      const body = await first.text()
      assert.ok(first.headers.get('x-request-id'), 'the first visit is rendered by the app')
      const second = await fetch(`${server.url}/`)
      assert.equal(
        second.headers.get('x-request-id'),
        null,
        'the repeat visit never reached the app',
      )
      assert.equal(await second.text(), body)
      assert.equal(second.headers.get('etag'), first.headers.get('etag'))
      assert.equal(
        second.headers.get('content-security-policy'),
        first.headers.get('content-security-policy'),
      )
      const revalidated = await fetch(`${server.url}/`, {
        headers: { 'if-none-match': second.headers.get('etag') ?? '' },
      })
      assert.equal(revalidated.status, 304)
      const signedIn = await fetch(`${server.url}/`, {
        headers: { cookie: 'mardom_session=whatever' },
      })
      assert.ok(signedIn.headers.get('x-request-id'), 'a session cookie always goes to the app')
    } finally {
      await server.stop()
    }
  })
})

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

describe('work after listening (the demo stories of `serve --demo`)', () => {
  it('serves while it runs, drops the cached pages when it ends, and a shutdown waits for it', async () => {
    const db = await createTestDb()
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' })
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    let finished = false
    const server = await startServer(config, { ...db, close: db.cleanup }, undefined, async () => {
      await gate
      finished = true
    })
    try {
      const home = await fetch(`${server.url}/`)
      assert.equal(home.status, 200, 'the first page is answered before the work ends')
      await home.text()
      const cached = await fetch(`${server.url}/`)
      await cached.text()
      assert.equal(cached.headers.get('x-request-id'), null, 'the repeat is from memory')
      release()
      await gate
      await new Promise((resolve) => setImmediate(resolve))
      assert.equal(finished, true)
      const after = await fetch(`${server.url}/`)
      await after.text()
      assert.ok(after.headers.get('x-request-id'), 'what the work wrote is rendered again')
    } finally {
      await server.stop()
    }
  })

  it('a shutdown during the work waits for it before closing the database', async () => {
    const db = await createTestDb()
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' })
    let wrote = false
    const server = await startServer(
      config,
      { ...db, close: db.cleanup },
      undefined,
      async (deps) => {
        await new Promise((resolve) => setTimeout(resolve, 200))
        await deps.db.selectFrom('agencies').select('id').execute()
        wrote = true
      },
    )
    await server.stop()
    assert.equal(wrote, true, 'the work ran to its end on an open database')
  })
})
