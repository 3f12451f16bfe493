/**
 * Issue 11 item 1: a PostgreSQL restart must not end the app processes. Two real `mardom
 * serve` processes run against a throwaway cluster, under bounded load, while the cluster is
 * restarted with `pg_ctl restart -m fast` (every connection, the LISTEN one included, gets
 * 57P01). Afterwards both are alive, nothing but 503 was answered with 5xx and only during
 * the restart, /readyz was 503 during it and 200 after, and a publish through one process
 * reaches the other's page cache through NOTIFY again.
 */
import assert from 'node:assert/strict'
import { type ChildProcessByStdio, spawn } from 'node:child_process'
import { once } from 'node:events'
import { dirname, join } from 'node:path'
import type { Readable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { pino } from 'pino'
import { loadConfig } from '../src/config.ts'
import { CACHE_LISTENER_NAME } from '../src/db/cache-channel.ts'
import { openPostgres } from '../src/db/create-db.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { createDeps } from '../src/main.ts'
import {
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeToken,
  makeUser,
} from './support/fixtures.ts'
import { findPostgresBin, type PgCluster, startPgCluster } from './support/pg-cluster.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = findPostgresBin()

interface AppProcess {
  child: ChildProcessByStdio<null, Readable, Readable>
  url: string
  output: () => string
}

async function startApp(databaseUrl: string): Promise<AppProcess> {
  const child = spawn(process.execPath, [join(root, 'src', 'cli.ts'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let text = ''
  child.stdout.on('data', (d: Buffer) => {
    text += d.toString()
  })
  child.stderr.on('data', (d: Buffer) => {
    text += d.toString()
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start:\n${text}`)), 20_000)
    const onData = () => {
      const m = /is running at (http:\/\/\S+)/.exec(text)
      if (!m?.[1]) return
      clearTimeout(timer)
      child.stdout.off('data', onData)
      resolve(m[1])
    }
    child.stdout.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`app exited (${code}) before listening:\n${text}`))
    })
  })
  return { child, url, output: () => text }
}

async function stopApp(app: AppProcess | undefined): Promise<void> {
  if (!app || app.child.exitCode !== null || app.child.signalCode !== null) return
  const exited = once(app.child, 'exit')
  app.child.kill('SIGTERM')
  const timer = setTimeout(() => app.child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}

interface Sample {
  app: number
  path: string
  started: number
  ended: number
  status: number | 'failed'
  detail: string
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function request(
  apps: AppProcess[],
  app: number,
  path: string,
  samples: Sample[],
): Promise<void> {
  const started = performance.now()
  try {
    const res = await fetch(`${apps[app]?.url}${path}`, { signal: AbortSignal.timeout(10_000) })
    const body = await res.text()
    const detail =
      res.status === 503
        ? `${res.headers.get('content-type')} retry-after=${res.headers.get('retry-after')} ${body.slice(0, 2000)}`
        : res.status >= 500
          ? body.slice(0, 300)
          : ''
    samples.push({ app, path, started, ended: performance.now(), status: res.status, detail })
  } catch (error) {
    samples.push({
      app,
      path,
      started,
      ended: performance.now(),
      status: 'failed',
      detail: String(error),
    })
  }
}

describe('a PostgreSQL restart under load', {
  skip: bin
    ? false
    : 'PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin',
  timeout: 60_000,
}, () => {
  let cluster: PgCluster | undefined
  const apps: AppProcess[] = []
  let slug = ''
  let serviceId = ''
  let lawId = ''
  let adminToken = ''

  before(async () => {
    if (!bin) return
    cluster = await startPgCluster(bin)
    const handle = openPostgres(cluster.url)
    try {
      await migrateToLatest(handle.db)
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: cluster.url })
      const deps = createDeps(config, handle.db, { log: pino({ level: 'silent' }) })
      const agency = await makeAgency(deps)
      const admin = await makeUser(deps, 'agency_admin', agency)
      const law = await makeLaw(deps)
      lawId = law.id
      const made = await makePublishedService(
        deps,
        agency,
        completeContent('گواهی پیش از بازسازی', law.id),
      )
      slug = made.slug
      serviceId = made.service.id
      adminToken = await makeToken(deps, admin.userId)
    } finally {
      await handle.close()
    }
    apps.push(await startApp(cluster.url), await startApp(cluster.url))
  })

  after(async () => {
    await Promise.all(apps.map(stopApp))
    await cluster?.destroy()
  })

  it('keeps both processes alive, answers 503 only while the database is away, and invalidates caches after', async (t) => {
    assert.ok(cluster)
    const outputs = () => apps.map((a, i) => `--- app ${i} ---\n${a.output()}`).join('\n')
    const listeners = async () => {
      const handle = openPostgres(cluster?.url ?? '', { max: 1 })
      try {
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE application_name = ${CACHE_LISTENER_NAME}`.execute(handle.db)
        return rows[0]?.n ?? 0
      } finally {
        await handle.close()
      }
    }
    assert.equal(await listeners(), 2, 'each process holds one LISTEN connection')

    // Bounded load on both processes: cached pages, uncached pages and API reads.
    const paths = [
      '/',
      `/services/${slug}`,
      `/services/${slug}/v/1`,
      '/api/v1/services',
      `/api/v1/services/${serviceId}`,
    ]
    const samples: Sample[] = []
    let loading = true
    const worker = async (w: number) => {
      for (let i = w; loading; i++) {
        await request(apps, i % 2, paths[i % paths.length] ?? '/', samples)
        await sleep(10)
      }
    }
    const workers = [0, 1, 2, 3].map(worker)
    const readiness: { app: number; at: number; status: number | 'failed' }[] = []
    let polling = false
    const pollReadiness = async (app: number) => {
      while (polling) {
        const s: Sample[] = []
        await request(apps, app, '/readyz', s)
        const got = s[0]
        if (got) readiness.push({ app, at: got.ended, status: got.status })
        await sleep(25)
      }
    }

    // Load for a while before and after the restart: a time at least, and enough requests
    // whatever else the machine is doing, but never long (bounded either way).
    const loadFor = async (minMs: number, maxMs: number, requests: number) => {
      const started = performance.now()
      while (
        performance.now() - started < maxMs &&
        (performance.now() - started < minMs || samples.length < requests)
      )
        await sleep(50)
    }
    await loadFor(1_000, 8_000, 150)
    const windowStart = performance.now()
    polling = true
    const pollers = [0, 1].map(pollReadiness)
    // While the server is down, wait (bounded) until both processes have answered 503 once.
    const downFor = (app: number) =>
      readiness.some((r) => r.app === app && r.at > windowStart && r.status === 503)
    await cluster.restart(async () => {
      const stopped = performance.now()
      while (performance.now() - stopped < 10_000 && ![0, 1].every(downFor)) await sleep(25)
    })
    const restarted = performance.now()
    // The window closes when both processes report ready again (bounded).
    let windowEnd = Number.POSITIVE_INFINITY
    while (performance.now() - restarted < 15_000) {
      const ready = [0, 1].every((app) =>
        readiness.some((r) => r.app === app && r.at > restarted && r.status === 200),
      )
      if (ready) {
        windowEnd = performance.now()
        break
      }
      await sleep(25)
    }
    polling = false
    await Promise.all(pollers)
    await loadFor(1_500, 10_000, 300)
    loading = false
    await Promise.all(workers)

    assert.ok(
      Number.isFinite(windowEnd),
      `/readyz did not turn 200 after the restart\n${outputs()}`,
    )
    for (const [i, app] of apps.entries()) {
      assert.equal(app.child.exitCode, null, `app ${i} exited\n${outputs()}`)
      assert.equal(app.child.signalCode, null, `app ${i} was killed\n${outputs()}`)
      assert.equal((await fetch(`${app.url}/healthz`)).status, 200)
      assert.equal((await fetch(`${app.url}/readyz`)).status, 200, `app ${i} ready after`)
      assert.ok(
        readiness.some((r) => r.app === i && r.at <= restarted + 50 && r.status === 503),
        `app ${i}: /readyz answered 503 while the database was away (${JSON.stringify(readiness.filter((r) => r.app === i).map((r) => r.status))})`,
      )
    }

    assert.ok(samples.length >= 300, `a few hundred requests (${samples.length})`)
    const failed = samples.filter((s) => s.status === 'failed')
    assert.deepEqual(failed, [], 'no request failed to get an answer or hung')
    const inWindow = (s: Sample) => s.started <= windowEnd && s.ended >= windowStart
    const outside5xx = samples.filter((s) => !inWindow(s) && Number(s.status) >= 500)
    assert.deepEqual(outside5xx, [], 'no 5xx outside the restart window')
    const inside5xx = samples.filter((s) => inWindow(s) && Number(s.status) >= 500)
    t.diagnostic(
      `${samples.length} requests; restart window ${Math.round(windowEnd - windowStart)} ms ` +
        `with ${samples.filter(inWindow).length} requests, ${inside5xx.length} of them 503`,
    )
    assert.deepEqual(
      inside5xx.filter((s) => s.status !== 503),
      [],
      'during the restart, 503 is the only 5xx',
    )
    for (const s of inside5xx) {
      assert.match(s.detail, /retry-after=\d+/, 'a 503 says when to retry')
      if (s.path.startsWith('/api/')) assert.match(s.detail, /^application\/problem\+json/)
      else assert.match(s.detail, /^text\/html.*lang="fa" dir="rtl"/s)
    }

    // Both listeners are back on LISTEN (not just clearing their caches while reconnecting).
    const deadline = performance.now() + 10_000
    while ((await listeners()) < 2 && performance.now() < deadline) await sleep(100)
    assert.equal(await listeners(), 2, `both LISTEN connections are back\n${outputs()}`)

    // The other process caches the page again…
    const b = apps[1]?.url ?? ''
    await fetch(`${b}/services/${slug}`).then((r) => r.text())
    const cachedHit = await fetch(`${b}/services/${slug}`)
    assert.match(await cachedHit.text(), /گواهی پیش از بازسازی/)
    assert.equal(cachedHit.headers.get('x-request-id'), null, 'served from the page cache')

    // …then a publish through the first process reaches it through NOTIFY.
    const a = apps[0]?.url ?? ''
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${a}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${adminToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const json = (await res.json()) as { revision?: number }
      assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
      return json
    }
    const draft = await api('GET', `/services/${serviceId}/draft`)
    await api('PUT', `/services/${serviceId}/draft`, {
      revision: draft.revision,
      content: completeContent('گواهی پس از بازسازی', lawId),
    })
    await api('POST', `/services/${serviceId}/publish`, { changeNote: 'پس از راه‌اندازی دوباره' })
    let fresh = ''
    for (let i = 0; i < 40 && !fresh.includes('گواهی پس از بازسازی'); i++) {
      if (i > 0) await sleep(50)
      fresh = await fetch(`${b}/services/${slug}`).then((r) => r.text())
    }
    assert.match(fresh, /گواهی پس از بازسازی/, 'the other process serves the new version')
  })
})
