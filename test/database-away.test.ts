/**
 * While the database is away, requests get a Persian 503 page or problem+json with
 * Retry-After, promptly: never a 500, never a hang. The app runs over a PostgreSQL pool that
 * points at a loopback port nothing listens on, and at one that accepts connections but never
 * answers (a network cut or a stuck failover), where only the connect timeout ends the wait.
 */
import assert from 'node:assert/strict'
import { createServer, type Server, type Socket } from 'node:net'
import { after, before, describe, it } from 'node:test'
import type { Hono } from 'hono'
import { pino } from 'pino'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { type DbHandle, openPostgres } from '../src/db/create-db.ts'
import { createDeps } from '../src/main.ts'
import type { AppEnv } from '../src/web/env.ts'

async function listening(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (typeof address !== 'object' || !address) throw new Error('no port')
  return address.port
}

function appOver(url: string, connectTimeoutMs: number): { app: Hono<AppEnv>; handle: DbHandle } {
  const handle = openPostgres(url, { connectTimeoutMs })
  const config = { ...loadConfig({ NODE_ENV: 'test' }), databaseUrl: url }
  const deps = createDeps(config, handle.db, { log: pino({ level: 'silent' }) })
  return { app: buildApp(deps), handle }
}

async function timed(run: () => Response | Promise<Response>) {
  const started = performance.now()
  const res = await run()
  const body = await res.text()
  return { res, body, ms: performance.now() - started }
}

async function assertUnavailable(app: Hono<AppEnv>, withinMs: number): Promise<void> {
  const page = await timed(() => app.request('/services/some-service'))
  assert.equal(page.res.status, 503, page.body.slice(0, 500))
  assert.equal(page.res.headers.get('retry-after'), '5')
  assert.match(page.res.headers.get('content-type') ?? '', /^text\/html/)
  assert.match(page.body, /<html lang="fa" dir="rtl">/)
  assert.match(page.body, /سامانه موقتاً در دسترس نیست/)
  assert.ok(page.ms < withinMs, `answered in ${Math.round(page.ms)} ms`)

  const api = await timed(() => app.request('/api/v1/services'))
  assert.equal(api.res.status, 503)
  assert.equal(api.res.headers.get('retry-after'), '5')
  assert.match(api.res.headers.get('content-type') ?? '', /^application\/problem\+json/)
  const problem = JSON.parse(api.body) as { status: number; title: string; type: string }
  assert.equal(problem.status, 503)
  assert.equal(problem.type, '/problems/database-unavailable')
  assert.equal(problem.title, 'سامانه موقتاً در دسترس نیست')
  assert.ok(api.ms < withinMs, `answered in ${Math.round(api.ms)} ms`)

  const ready = await timed(() => app.request('/readyz'))
  assert.equal(ready.res.status, 503)
  assert.ok(ready.ms < withinMs, `readiness answered in ${Math.round(ready.ms)} ms`)
  assert.equal((await app.request('/healthz')).status, 200, 'the process itself is fine')
}

describe('requests while the database is away', () => {
  it('answers 503 at once when the connection is refused', async () => {
    // A port that was free a moment ago: connecting to it is refused (ECONNREFUSED).
    const probe = createServer()
    const port = await listening(probe)
    await new Promise((resolve) => probe.close(resolve))
    const { app, handle } = appOver(`postgres://postgres@127.0.0.1:${port}/x`, 5_000)
    try {
      await assertUnavailable(app, 2_000)
    } finally {
      await handle.close()
    }
  })

  describe('when the server accepts but never answers', () => {
    const sockets = new Set<Socket>()
    const silent = createServer((socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    })
    let port = 0
    before(async () => {
      port = await listening(silent)
    })
    after(async () => {
      for (const s of sockets) s.destroy()
      await new Promise((resolve) => silent.close(resolve))
    })

    it('answers 503 once the connect timeout passes instead of hanging', async () => {
      const { app, handle } = appOver(`postgres://postgres@127.0.0.1:${port}/x`, 300)
      try {
        await assertUnavailable(app, 2_000)
      } finally {
        await handle.close()
      }
    })
  })
})
