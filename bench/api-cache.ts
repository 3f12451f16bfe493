/**
 * Cached public reads (issue 16 item 2; part of `npm run bench`, prints figures, asserts
 * nothing): side by side, on PGlite and on PostgreSQL, the demo catalogue, one app process —
 *
 *   - `GET /api/v1/services/{id}` (the national smart card), cached;
 *   - `GET /api/v1/agencies`, cached;
 *   - `/agencies` (the public page), cached;
 *   - the cached service page of the same service;
 *   - and for each, bench/bare-server.ts sending exactly the same bytes with the same type.
 *
 * Each app runs as `node src/cli.ts serve --demo` (a fresh PGlite data directory, or a fresh
 * PostgreSQL database on 127.0.0.1:5432 when one answers), pinned to core 0 with the load
 * generator (this process, autocannon) on core 1 when `taskset` and two cores exist. Every
 * path is fetched twice first: the second answer must be the same bytes and ETag, from the fast
 * path (no X-Request-Id: the app was not reached). Each read is measured on the app and then,
 * at once, on a bare server started beside it, so both see the same machine.
 *
 * Aims: cached API reads ≥ 0.8× the bare server; `/agencies` ≥ 0.8× the cached service page.
 * Run alone with `node bench/api-cache.ts` (`API_CACHE_BENCH_DATABASES=pglite` for one).
 */
import { type ChildProcess, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { DEMO_SERVICES } from '../src/features/demo/demo-services.data.ts'
import {
  CONNECTIONS,
  children,
  DURATION_S,
  freePort,
  type LoadFigures,
  load,
  startChild as startChildIn,
  stop,
  WARMUP_S,
  waitFor200,
} from './support.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'src', 'cli.ts')
const SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres'
const DATABASES = (process.env.API_CACHE_BENCH_DATABASES ?? 'pglite,postgres').split(',')
const AIM_API_VS_BARE = 0.8
const AIM_AGENCIES_VS_PAGE = 0.8
const SLUG =
  DEMO_SERVICES.find((d) => d.slug.includes('national-id'))?.slug ?? DEMO_SERVICES[0]?.slug ?? ''

const canPin =
  spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0 && availableParallelism() >= 2

function nodeOnServerCore(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return canPin
    ? startChildIn('taskset', ['-c', '0', process.execPath, ...args], env, root)
    : startChildIn(process.execPath, args, env, root)
}

function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...extra }
  if (!extra.DATABASE_URL) delete env.DATABASE_URL
  return env
}

const int = (v: number) => Math.round(v).toLocaleString('en')

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n')
}

interface Target {
  name: string
  path: string
}

interface Measured {
  target: Target
  app: LoadFigures
  bare: LoadFigures
  contentType: string
  etag: string
  cacheControl: string
}

interface Backend {
  name: string
  env: Record<string, string>
  drop: () => Promise<void>
}

async function serverAnswers(): Promise<boolean> {
  const c = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 2_000 })
  try {
    await c.connect()
    await c.end()
    return true
  } catch {
    return false
  }
}

async function onPostgres(scratch: string): Promise<Backend> {
  const name = `mardom_bench_api_cache_${process.pid}`
  const admin = new pg.Client({ connectionString: SERVER_URL })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name}`)
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(SERVER_URL)
  url.pathname = `/${name}`
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: url.toString(), DATA_DIR: join(scratch, 'postgres-data') },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}

function onPglite(scratch: string): Backend {
  return { name: 'PGlite', env: { DATA_DIR: join(scratch, 'pglite-data') }, drop: async () => {} }
}

/** The demo service's id, from the API's list (its `url` ends with the slug). */
async function serviceIdOf(base: string, slug: string): Promise<string> {
  for (let page = 1; page <= 20; page++) {
    const res = await fetch(`${base}/api/v1/services?pageSize=100&page=${page}`)
    const body: unknown = await res.json()
    const items =
      typeof body === 'object' && body !== null && 'items' in body && Array.isArray(body.items)
        ? body.items
        : []
    for (const item of items) {
      if (typeof item !== 'object' || item === null) continue
      const id = 'id' in item && typeof item.id === 'string' ? item.id : ''
      const url = 'url' in item && typeof item.url === 'string' ? item.url : ''
      if (id && url.endsWith(`/services/${slug}`)) return id
    }
    if (items.length === 0) break
  }
  throw new Error(`no service ${slug} in the API's list`)
}

/**
 * Fetches `path` twice: the second answer must be the first one's bytes, answered from memory
 * by the fast path — it carries no X-Request-Id, which only the app's own middleware sets.
 */
async function cachedBytes(base: string, path: string) {
  const first = await fetch(base + path)
  if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}`)
  const body = Buffer.from(await first.arrayBuffer())
  const again = await fetch(base + path)
  const same = Buffer.from(await again.arrayBuffer()).equals(body)
  const etag = first.headers.get('etag') ?? ''
  if (!same || !etag || again.headers.get('etag') !== etag)
    throw new Error(`${path} is not served from the cache`)
  if (again.headers.has('x-request-id'))
    throw new Error(`${path} reached the app: not answered by the fast path`)
  return {
    body,
    etag,
    contentType: first.headers.get('content-type') ?? 'text/html',
    cacheControl: again.headers.get('cache-control') ?? '',
  }
}

/** A bare server sending `body`, started while the app still runs (both idle in turn). */
async function startBare(scratch: string, name: string, body: Buffer, contentType: string) {
  const file = join(scratch, `${name}.body`)
  writeFileSync(file, body)
  const port = await freePort()
  const child = nodeOnServerCore(
    [join(root, 'bench', 'bare-server.ts'), file, contentType, String(port)],
    serverEnv({}),
  )
  const url = `http://127.0.0.1:${port}/`
  await waitFor200(url, child)
  return { child, url }
}

/**
 * One app on this database; for each read, the app and then the bare server with the same
 * bytes, back to back, so both see the same machine (other work on it moves every figure).
 */
async function runOn(scratch: string, backend: Backend): Promise<Measured[]> {
  const port = await freePort()
  const started = performance.now()
  const app = nodeOnServerCore(
    [cli, 'serve', '--demo', '--workers', '1'],
    serverEnv({ ...backend.env, PORT: String(port), NODE_ENV: 'production' }),
  )
  const base = `http://127.0.0.1:${port}`
  const out: Measured[] = []
  try {
    await waitFor200(`${base}/healthz`, app, 600_000)
    console.log(
      `${backend.name}: serve --demo ready in ${int(performance.now() - started)} ms (load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}); measuring…`,
    )
    const id = await serviceIdOf(base, SLUG)
    const targets: Target[] = [
      { name: 'GET /api/v1/services/{id}', path: `/api/v1/services/${id}` },
      { name: 'GET /api/v1/agencies', path: '/api/v1/agencies' },
      { name: '/agencies (page)', path: '/agencies' },
      { name: 'service page', path: `/services/${SLUG}` },
    ]
    for (const [i, target] of targets.entries()) {
      const { body, etag, contentType, cacheControl } = await cachedBytes(base, target.path)
      const bare = await startBare(scratch, `${backend.name}-${i}`, body, contentType)
      try {
        const figures = await load(`Mardom app (${target.name})`, base + target.path, body.length)
        const baseline = await load('bare node:http, same bytes', bare.url, body.length)
        out.push({ target, app: figures, bare: baseline, contentType, etag, cacheControl })
      } finally {
        await stop(bare.child)
      }
    }
  } finally {
    await stop(app)
  }
  return out
}

function report(backend: string, rows: Measured[]): void {
  const page = rows.find((r) => r.target.path.startsWith('/services/'))?.app.requestsPerSecond ?? 0
  console.log(
    `\n${backend} (every read answered by the fast path; Cache-Control: ${rows[0]?.cacheControl ?? ''}):`,
  )
  console.log(
    table(
      [
        'read',
        'app req/s',
        'p50',
        'p99',
        'bare req/s',
        'app / bare',
        'vs cached service page',
        'body bytes',
        'errors+non-2xx',
      ],
      rows.map((r) => {
        const ratio = r.bare.requestsPerSecond
          ? r.app.requestsPerSecond / r.bare.requestsPerSecond
          : 0
        const vsPage = page ? r.app.requestsPerSecond / page : 0
        const api = r.target.path.startsWith('/api/')
        const agencies = r.target.path === '/agencies'
        return [
          r.target.name,
          int(r.app.requestsPerSecond),
          `${r.app.p50} ms`,
          `${r.app.p99} ms`,
          int(r.bare.requestsPerSecond),
          `${ratio.toFixed(2)}×${api && ratio < AIM_API_VS_BARE ? ' (!)' : ''}`,
          `${vsPage.toFixed(2)}×${agencies && vsPage < AIM_AGENCIES_VS_PAGE ? ' (!)' : ''}`,
          int(r.app.bytes),
          String(r.app.bad + r.bare.bad),
        ]
      }),
    ),
  )
}

/** Runs the benchmark on each database and prints its tables. */
export async function benchApiCache(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'mardom-bench-api-cache-'))
  if (canPin)
    spawnSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })
  console.log(
    `\n(h) Cached public reads (issue 16 item 2): autocannon -c ${CONNECTIONS}, ${DURATION_S} s after a ${WARMUP_S} s warm-up, 127.0.0.1, demo catalogue — ${canPin ? 'server on core 0, autocannon on core 1' : 'NOT pinned (needs taskset and 2 cores)'}; load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  console.log(
    `Aims: cached API reads ≥ ${AIM_API_VS_BARE}× the bare server; /agencies ≥ ${AIM_AGENCIES_VS_PAGE}× the cached service page ((!) marks a miss).`,
  )
  try {
    for (const db of DATABASES) {
      if (db === 'pglite') report('PGlite', await runOn(scratch, onPglite(scratch)))
      else if (db === 'postgres') {
        if (!(await serverAnswers())) {
          console.log(`\nPostgreSQL: nothing answers at ${SERVER_URL}; skipped.`)
          continue
        }
        const backend = await onPostgres(scratch)
        try {
          report('PostgreSQL', await runOn(scratch, backend))
        } finally {
          await backend.drop()
        }
      } else throw new Error(`API_CACHE_BENCH_DATABASES: unknown database ${db}`)
    }
  } finally {
    await Promise.all([...children].map(stop))
    rmSync(scratch, { recursive: true, force: true })
  }
}

if (import.meta.main) {
  process.once('SIGINT', () => {
    Promise.all([...children].map(stop)).finally(() => process.exit(130))
  })
  benchApiCache().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
