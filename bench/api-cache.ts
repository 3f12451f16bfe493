/**
 * Cached public reads (issue 16 item 2; part of `npm run bench`, prints figures, asserts
 * nothing): side by side, on PGlite and on PostgreSQL, the demo catalogue, one app process —
 *
 *   - `GET /api/v1/services/{id}` (the national smart card), cached;
 *   - `GET /api/v1/agencies`, cached;
 *   - `/agencies` (the public page), cached;
 *   - the cached service page of the same service;
 *   - and for each, bench/bare-server.ts sending the app's whole response (status, headers and
 *     body: the baseline of the aim) and, beside it, the same body with only its type and
 *     length (what the security and cache headers cost, the load generator's parsing included);
 *   - then the search page and the search API on the demo catalogue: the 40 queries of the
 *     search bench again and again, and tens of thousands of different searches, each asked
 *     once (bench/search-queries.ts).
 *
 * Each app runs as `node src/cli.ts serve --demo` (a fresh PGlite data directory, or a fresh
 * PostgreSQL database on 127.0.0.1:5432 when one answers), pinned to core 0 with the load
 * generator (this process, autocannon) on core 1 when `taskset` and two cores exist. Every
 * path is fetched twice first: the second answer must be the same bytes and ETag, from the fast
 * path (no X-Request-Id: the app was not reached). Each read is measured on the app and then,
 * at once, on a bare server started beside it, so both see the same machine.
 *
 * Aims: cached API reads ≥ 0.8× the bare server; `/agencies` ≥ 0.8× the cached service page;
 * the search page ≥ 2,000 req/s repeated and ≥ 400 req/s different (PostgreSQL, per process).
 * Run alone with `node bench/api-cache.ts` (`API_CACHE_BENCH_DATABASES=pglite` for one).
 */
import { type ChildProcess, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { DEMO_SERVICES } from '../src/features/demo/demo-services.data.ts'
import { distinctSearchPaths, repeatedSearchPaths } from './search-queries.ts'
import {
  CONNECTIONS,
  children,
  DURATION_S,
  freePort,
  type LoadFigures,
  load,
  loadPaths,
  type PathsLoadFigures,
  printed,
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
/** The search page per process on PostgreSQL (issue 16); shown on PGlite too. */
const AIM_SEARCH_REPEATED = 2_000
const AIM_SEARCH_DISTINCT = 400
const SLUG =
  DEMO_SERVICES.find((d) => d.slug.includes('national-id'))?.slug ?? DEMO_SERVICES[0]?.slug ?? ''

const canPin =
  spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0 && availableParallelism() >= 2

function nodeOnServerCore(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdout: 'ignore' | 'pipe' = 'ignore',
): ChildProcess {
  return canPin
    ? startChildIn('taskset', ['-c', '0', process.execPath, ...args], env, root, stdout)
    : startChildIn(process.execPath, args, env, root, stdout)
}

/** What `serve --demo` prints when the stories it loads while serving are in (cli.commands.ts). */
const STORIES_LOADED = "The demo's stories are loaded"

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
  /** The bare server sending the app's whole response: status, headers and body. */
  bare: LoadFigures
  /** The bare server sending the body with only its type and length. */
  bareBody: LoadFigures
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
  const headers: Record<string, string> = {}
  for (const [name, value] of again.headers) if (!NOT_REPEATED.has(name)) headers[name] = value
  return {
    body,
    etag,
    headers,
    contentType: first.headers.get('content-type') ?? 'text/html',
    cacheControl: again.headers.get('cache-control') ?? '',
  }
}

/** Headers the bare server does not copy: it sets its own (or none) for these. */
const NOT_REPEATED = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'content-type',
  'transfer-encoding',
])

/**
 * A bare server sending `body`, started while the app still runs (both idle in turn); with
 * `headers`, the app's response headers too (the whole response is then the app's).
 */
async function startBare(
  scratch: string,
  name: string,
  body: Buffer,
  contentType: string,
  headers?: Record<string, string>,
) {
  const file = join(scratch, `${name}.body`)
  writeFileSync(file, body)
  const args = [join(root, 'bench', 'bare-server.ts'), file, contentType]
  const port = await freePort()
  if (headers) {
    const headersFile = join(scratch, `${name}.headers.json`)
    writeFileSync(headersFile, JSON.stringify(headers))
    args.push(String(port), headersFile)
  } else args.push(String(port))
  const child = nodeOnServerCore(args, serverEnv({}))
  const url = `http://127.0.0.1:${port}/`
  await waitFor200(url, child)
  return { child, url }
}

/**
 * One app on this database; for each read, the app and then the bare server with the same
 * bytes, back to back, so both see the same machine (other work on it moves every figure).
 */
async function runOn(
  scratch: string,
  backend: Backend,
): Promise<{ reads: Measured[]; searches: SearchMeasured[] }> {
  const port = await freePort()
  const started = performance.now()
  const app = nodeOnServerCore(
    [cli, 'serve', '--demo', '--workers', '1'],
    serverEnv({ ...backend.env, PORT: String(port), NODE_ENV: 'production' }),
    'pipe',
  )
  const storiesLoaded = printed(app, STORIES_LOADED, 600_000)
  const base = `http://127.0.0.1:${port}`
  const out: Measured[] = []
  const searches: SearchMeasured[] = []
  try {
    await waitFor200(`${base}/healthz`, app, 600_000)
    const ready = performance.now() - started
    // The demo's stories load while the app serves: measured alongside, they would take the
    // core from the first reads.
    if (!(await storiesLoaded)) throw new Error(`serve --demo did not print «${STORIES_LOADED}»`)
    console.log(
      `${backend.name}: serve --demo ready in ${int(ready)} ms, its stories loaded at ${int(performance.now() - started)} ms (load average ${loadavg()
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
      const { body, etag, headers, contentType, cacheControl } = await cachedBytes(
        base,
        target.path,
      )
      const name = `${backend.name}-${i}`
      const bare = await startBare(scratch, name, body, contentType, headers)
      const bareBody = await startBare(scratch, `${name}-body`, body, contentType)
      try {
        const figures = await load(`Mardom app (${target.name})`, base + target.path, body.length)
        const baseline = await load('bare node:http, same response', bare.url, body.length)
        const bodyOnly = await load('bare node:http, same body', bareBody.url, body.length)
        out.push({
          target,
          app: figures,
          bare: baseline,
          bareBody: bodyOnly,
          contentType,
          etag,
          cacheControl,
        })
      } finally {
        await stop(bare.child)
        await stop(bareBody.child)
      }
    }
    for (const { name, path, distinct } of SEARCH_LOADS)
      searches.push({
        name,
        distinct,
        figures: await loadPaths(
          name,
          base,
          distinct ? distinctSearchPaths(path) : repeatedSearchPaths(path),
        ),
      })
  } finally {
    await stop(app)
  }
  return { reads: out, searches }
}

/** Search on the demo catalogue, as people ask it: the same few queries, and all different. */
const SEARCH_LOADS = [
  { name: '/search, the 40 queries again and again', path: '/search', distinct: false },
  { name: '/search, every query different', path: '/search', distinct: true },
  {
    name: '/api/v1/search, the 40 queries again and again',
    path: '/api/v1/search',
    distinct: false,
  },
  { name: '/api/v1/search, every query different', path: '/api/v1/search', distinct: true },
] as const

interface SearchMeasured {
  name: string
  distinct: boolean
  figures: PathsLoadFigures
}

function report(
  backend: string,
  { reads: rows, searches }: { reads: Measured[]; searches: SearchMeasured[] },
): void {
  const page = rows.find((r) => r.target.path.startsWith('/services/'))?.app.requestsPerSecond ?? 0
  const ratioOf = (a: LoadFigures, b: LoadFigures) =>
    b.requestsPerSecond ? a.requestsPerSecond / b.requestsPerSecond : 0
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
        'bare, same response',
        'app / bare',
        'bare, same body only',
        'app / that',
        'vs cached service page',
        'body bytes',
        'errors+non-2xx',
      ],
      rows.map((r) => {
        const ratio = ratioOf(r.app, r.bare)
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
          int(r.bareBody.requestsPerSecond),
          `${ratioOf(r.app, r.bareBody).toFixed(2)}×`,
          `${vsPage.toFixed(2)}×${agencies && vsPage < AIM_AGENCIES_VS_PAGE ? ' (!)' : ''}`,
          int(r.app.bytes),
          String(r.app.bad + r.bare.bad + r.bareBody.bad),
        ]
      }),
    ),
  )
  console.log(
    `\n${backend}, search on the demo catalogue (answered by the app: a search is not in the page cache; "different" sends each path once):`,
  )
  console.log(
    table(
      ['search', 'req/s', 'p50', 'p99', 'aim', 'requests / paths', 'bytes each', 'errors+non-2xx'],
      searches.map(({ name, distinct, figures: f }) => {
        const aim = name.startsWith('/search')
          ? distinct
            ? AIM_SEARCH_DISTINCT
            : AIM_SEARCH_REPEATED
          : 0
        const aimCell = aim === 0 ? '' : `≥ ${int(aim)}${f.requestsPerSecond < aim ? ' (!)' : ''}`
        const wrapped = distinct && f.sent > f.paths ? ' (some asked twice)' : ''
        return [
          name,
          int(f.requestsPerSecond),
          `${f.p50} ms`,
          `${f.p99} ms`,
          aimCell,
          `${int(f.sent)} / ${int(f.paths)}${wrapped}`,
          int(f.bytes),
          String(f.bad),
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
    `Aims: cached API reads ≥ ${AIM_API_VS_BARE}× the bare server sending the same response (status, headers, body); /agencies ≥ ${AIM_AGENCIES_VS_PAGE}× the cached service page; the search page ≥ ${int(AIM_SEARCH_REPEATED)} req/s repeated and ≥ ${int(AIM_SEARCH_DISTINCT)} req/s different, per process ((!) marks a miss).`,
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
