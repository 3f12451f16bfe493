/**
 * The search benchmark (part of `npm run bench`; prints figures, asserts nothing).
 *
 * At 20,000 and then 100,000 generated services, on PGlite (in memory) and on PostgreSQL (a
 * throwaway database on 127.0.0.1:5432, created and dropped here; skipped when no server
 * answers), over a mixed query set ({@link QUERIES}):
 *
 * - UNCACHED: p50/p95 of `searchUncached` — the whole search as the page runs it (match, rank,
 *   filter, facet counts, the page with what it shows, typo correction when needed), with the
 *   in-memory match index built (match.index.ts), as a running portal answers — and the
 *   statements each search sends, counted at the driver (every `query` node-postgres sends,
 *   BEGIN, COMMIT and the planner settings included); beside it the same searches on the SQL
 *   path alone (`searchUncached(…, 'sql')`, what answers while the index is being rebuilt);
 * - the match index's build time, the longest the event loop could not answer anything during
 *   it (with PGlite, a statement holds the whole process) and the longest a `SELECT 1` waited
 *   meanwhile (a request that needs the database), and the memory it holds (heap and
 *   array buffers, after a garbage collection, before and after the build);
 * - CACHED: p50/p95 of `searchCatalogue` asked again (the in-memory result cache);
 * - at 20,000, requests per second through HTTP against the app in this process (the load
 *   generator is a child process): `/search?q=…` and `GET /api/v1/search?q=…` over the query
 *   set, answered from the cache (repeated queries) and uncached (the answered searches and
 *   rendered results dropped before every request, so every request is a distinct search; the
 *   match index stays, as it does between publishes). `bench/api-cache.ts` measures the same
 *   pages against `serve --demo` in its own pinned process, the aim's figures.
 *
 * The services are generated from the demo catalogue: each demo service once as it is and once
 * with the name of each province and of its capital in its title and summary (20,150 distinct
 * services), under the demo agencies (its provincial offices in turn where it has them). Their
 * index rows are computed once per run (with the indexer's own `entryKeys`, texts shared by many
 * services split once) and written with multi-row inserts, indexes dropped first and built at
 * the end; 100,000 is reached by copying those rows inside the database. The vocabulary is then
 * rebuilt, as `mardom reindex` does.
 *
 * Run alone with `node bench/search.ts`; `bench/run.ts` calls {@link benchSearch}.
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { loadavg } from 'node:os'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { getRequestListener } from '@hono/node-server'
import { sql } from 'kysely'
import pg from 'pg'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { type DbHandle, openPglite, openPostgres } from '../src/db/create-db.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { DEMO_AGENCIES } from '../src/features/demo/demo-agencies.data.ts'
import { DEMO_SERVICES } from '../src/features/demo/demo-services.data.ts'
import { bitsOf } from '../src/features/search/bits.ts'
import {
  matchIndexReady,
  NO_FILTERS,
  searchCachesOf,
  searchCatalogue,
  searchUncached,
} from '../src/features/search/search.actions.ts'
import { entryKeys } from '../src/features/search/search.indexer.ts'
import { rebuildWords, type SearchEntryRow } from '../src/features/search/search.queries.ts'
import { AUDIENCES, LIFE_EVENTS } from '../src/features/services/service.model.ts'
import { persianSortKey } from '../src/lib/fa/collate.ts'
import { searchTokens } from '../src/lib/fa/normalize.ts'
import { PROVINCES } from '../src/lib/iran/provinces.ts'
import { createDeps } from '../src/main.ts'
import { QUERIES } from './search-queries.ts'
import { freePort, loadPaths } from './support.ts'

/** `SEARCH_BENCH_SIZES=5000,20000` overrides the sizes (for a quick look); ascending. */
const SIZES = (process.env.SEARCH_BENCH_SIZES ?? '20000,100000')
  .split(',')
  .map(Number)
  .sort((a, b) => a - b)
/** `SEARCH_BENCH_DB=pglite` or `postgres` runs one database only (both when unset). */
const ON = process.env.SEARCH_BENCH_DB ?? 'both'
/** How many of the slowest uncached queries each size prints. */
const SLOWEST_SHOWN = 6
const SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres'
const CHUNK = 1_000
/** Timed passes over the query set (after one untimed warm-up pass). */
const ROUNDS = 2
/** Repeats of each query when timing the cache. */
const CACHED_REPEATS = 50
/** HTTP load: a warm-up, then the measured run, per URL set (seconds). */
const HTTP_WARMUP_S = 1
const HTTP_DURATION_S = 4
const HTTP_CONNECTIONS = 20
const AIM_P95_MS = { PostgreSQL: 30, PGlite: 60 } as const

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i] ?? 0
}

const ms = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`
const us = (v: number) => `${Math.round(v * 1000).toLocaleString('en')} µs`
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

// ---------------------------------------------------------------- counting statements

/** Every statement node-postgres sends, on either database (PGlite sits behind pg.Pool too). */
const sent = { count: 0 }
const clientQuery = pg.Client.prototype.query
pg.Client.prototype.query = function countedQuery(
  this: pg.Client,
  ...args: Parameters<typeof clientQuery>
) {
  sent.count++
  return Reflect.apply(clientQuery, this, args)
} as typeof clientQuery

// ---------------------------------------------------------------- the generated catalogue

interface AgencyRow {
  id: string
  code: string
  parentId: string | null
  level: (typeof DEMO_AGENCIES)[number]['level']
  nameFa: string
  nameEn: string
  shortNameFa: string | null
  provinceCode: string | null
}

interface Generated {
  agencies: AgencyRow[]
  services: { id: string; agencyId: string; slug: string; createdAt: Date }[]
  entries: SearchEntryRow[]
  ms: number
}

let generated: Generated | undefined

/**
 * The distinct services' rows, computed once per run and written to each database. Titles and
 * summaries are the demo's with a place added («… در اصفهان», «… (اصفهان)»): their words are
 * the demo text's words and the place's, so they are split from those parts (checked against
 * `searchTokens` for the first rows) and every other text, shared by hundreds of services, once.
 */
function generateRows(): Generated {
  if (generated) return generated
  const started = performance.now()
  const now = new Date()
  const byKey = new Map<string, AgencyRow>()
  const agencies = DEMO_AGENCIES.map((a, i) => {
    const row: AgencyRow = {
      id: randomUUID(),
      code: String(90_000 + i),
      parentId: null,
      level: a.level,
      nameFa: a.nameFa,
      nameEn: a.nameEn,
      shortNameFa: a.shortNameFa ?? null,
      provinceCode: a.provinceCode ?? null,
    }
    byKey.set(a.key, row)
    return row
  })
  DEMO_AGENCIES.forEach((a, i) => {
    const row = agencies[i]
    if (row && a.parentKey) row.parentId = byKey.get(a.parentKey)?.id ?? null
  })
  const byId = new Map(agencies.map((a) => [a.id, a]))
  const chainOf = (key: string) => {
    const chain: AgencyRow[] = []
    let a = byKey.get(key)
    while (a && chain.length < 10) {
      chain.push(a)
      a = a.parentId ? byId.get(a.parentId) : undefined
    }
    return chain
  }
  const offices = new Map<string, string[]>()
  for (const a of DEMO_AGENCIES)
    if (a.parentKey && a.provinceCode)
      offices.set(a.parentKey, [...(offices.get(a.parentKey) ?? []), a.key])

  const known = new Map<string, string[]>()
  const tokenize = (text: string): string[] => {
    let t = known.get(text)
    if (!t) {
      t = searchTokens(text)
      known.set(text, t)
    }
    return t
  }
  const services: Generated['services'] = []
  const entries: SearchEntryRow[] = []
  const distinct = DEMO_SERVICES.length * (1 + 2 * PROVINCES.length)
  for (let i = 0; i < distinct; i++) {
    const base = DEMO_SERVICES[i % DEMO_SERVICES.length]
    const content = base?.versions.at(-1)?.content
    if (!base || !content) continue
    const round = Math.floor(i / DEMO_SERVICES.length)
    const province = PROVINCES[Math.floor((round - 1) / 2) % PROVINCES.length]
    const place = (round % 2 === 1 ? province?.nameFa : province?.capitalFa) ?? ''
    const own = offices.get(base.agencyKey) ?? []
    const agencyKey = own.length > 0 ? (own[round % own.length] ?? base.agencyKey) : base.agencyKey
    const chain = chainOf(agencyKey)
    const agency = chain[0]
    if (!agency) continue
    const title = round === 0 ? content.title : `${content.title} در ${place}`
    const summary = round === 0 ? content.summary : `${content.summary} (${place})`
    if (round > 0) {
      known.set(title, [...tokenize(content.title), ...tokenize('در'), ...tokenize(place)])
      known.set(summary, [...tokenize(content.summary), ...tokenize(place)])
      if (i < DEMO_SERVICES.length + 20)
        for (const text of [title, summary])
          if (searchTokens(text).join(' ') !== tokenize(text).join(' '))
            throw new Error(`generated words differ from searchTokens for «${text}»`)
    }
    const id = randomUUID()
    const slug = `${base.slug}-${round}`
    services.push({ id, agencyId: agency.id, slug, createdAt: now })
    entries.push({
      serviceId: id,
      agencyId: agency.id,
      versionNo: 1,
      slug,
      title,
      summary,
      sortKey: persianSortKey(title),
      ...entryKeys(
        {
          title,
          popularNames: content.popularNames,
          keywords: content.keywords,
          summary,
          agencyNames: [
            ...new Set(chain.flatMap((a) => [a.nameFa, a.shortNameFa]).filter((x) => x !== null)),
          ],
          documentNames: content.documents.map((d) => d.name),
        },
        tokenize,
      ),
      audiences: content.audiences,
      lifeEvents: content.lifeEvents,
      audienceBits: bitsOf(content.audiences, AUDIENCES),
      lifeEventBits: bitsOf(content.lifeEvents, LIFE_EVENTS),
      provinceCode: chain.find((a) => a.provinceCode !== null)?.provinceCode ?? null,
      // About one in four has an e-service.
      online: i % 4 === 0,
      publishedAt: now,
    })
  }
  generated = { agencies, services, entries, ms: performance.now() - started }
  return generated
}

/** The search tables' indexes other than the unique ones (dropped for a bulk load). */
async function dropSearchIndexes(h: DbHandle): Promise<string[]> {
  const indexes = await sql<{ indexname: string; indexdef: string }>`
    SELECT indexname, indexdef FROM pg_indexes
    WHERE tablename IN ('search_entries', 'search_words') AND indexdef NOT LIKE '%UNIQUE%'`.execute(
    h.db,
  )
  for (const i of indexes.rows) await sql`DROP INDEX ${sql.id(i.indexname)}`.execute(h.db)
  return indexes.rows.map((i) => i.indexdef)
}

async function rebuild(h: DbHandle, indexdefs: string[]): Promise<void> {
  await rebuildWords(h.db)
  for (const def of indexdefs) await sql.raw(def).execute(h.db)
  await sql`ANALYZE`.execute(h.db)
}

/** Writes the first `n` generated services (at most the distinct ones). */
async function loadDistinct(h: DbHandle, n: number): Promise<number> {
  const rows = generateRows()
  const started = performance.now()
  const now = new Date()
  for (let i = 0; i < rows.agencies.length; i += CHUNK)
    await h.db
      .insertInto('agencies')
      .values(rows.agencies.slice(i, i + CHUNK).map((a) => ({ ...a, updatedAt: now })))
      .execute()
  const indexdefs = await dropSearchIndexes(h)
  const count = Math.min(n, rows.services.length)
  for (let i = 0; i < count; i += CHUNK) {
    const end = Math.min(count, i + CHUNK)
    await h.db.insertInto('services').values(rows.services.slice(i, end)).execute()
    await h.db.insertInto('searchEntries').values(rows.entries.slice(i, end)).execute()
  }
  await rebuild(h, indexdefs)
  return performance.now() - started
}

/** Grows the catalogue to `n` services by copying rows inside the database. */
async function growTo(h: DbHandle, n: number): Promise<number> {
  const started = performance.now()
  const have = Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM search_entries`.execute(h.db)).rows[0]
      ?.n ?? 0,
  )
  if (have >= n) return 0
  const indexdefs = await dropSearchIndexes(h)
  const copies = Math.ceil((n - have) / have)
  await sql`
    CREATE TEMP TABLE bench_copies AS
    SELECT gen_random_uuid() AS id, e.service_id AS src, e.slug || '-c' || k AS slug
    FROM generate_series(1, ${copies}) AS k, search_entries e
    ORDER BY k, e.service_id LIMIT ${n - have}`.execute(h.db)
  await sql`
    INSERT INTO services (id, agency_id, slug, created_at)
    SELECT c.id, e.agency_id, c.slug, now()
    FROM bench_copies c JOIN search_entries e ON e.service_id = c.src`.execute(h.db)
  await sql`
    INSERT INTO search_entries (service_id, agency_id, version_no, slug, title, summary, sort_key,
      title_key, names_key, body_key, title_compact, names_compact, all_compact, head_key, words,
      audiences, life_events, audience_bits, life_event_bits, province_code, online, published_at)
    SELECT c.id, e.agency_id, 1, c.slug, e.title, e.summary, e.sort_key,
      e.title_key, e.names_key, e.body_key, e.title_compact, e.names_compact, e.all_compact,
      e.head_key, e.words, e.audiences, e.life_events, e.audience_bits, e.life_event_bits,
      e.province_code, e.online, e.published_at
    FROM bench_copies c JOIN search_entries e ON e.service_id = c.src`.execute(h.db)
  await sql`DROP TABLE bench_copies`.execute(h.db)
  await rebuild(h, indexdefs)
  return performance.now() - started
}

// ---------------------------------------------------------------- measuring

interface Figures {
  backend: 'PGlite' | 'PostgreSQL'
  size: number
  loadMs: number
  /** With the match index built (the portal's path). */
  uncached: number[]
  /** The SQL path alone. */
  uncachedSql: number[]
  statementsSql: number[]
  indexBuildMs: number
  /**
   * The longest the event loop waited during the build (ms): with PGlite the database runs in
   * this process, so a long statement holds every request of the process that long.
   */
  indexStallMs: number
  /**
   * The longest a `SELECT 1`, sent every 20 ms during the build, waited for its answer (ms):
   * how long a request that needs the database could not get it.
   */
  indexDbWaitMs: number
  /** Heap and array buffers the built index holds (MB). */
  indexMb: number
  cached: number[]
  statements: number[]
  found: number
  /** The slowest uncached queries (the worst of the timed rounds), slowest first. */
  slowest: { q: string; ms: number }[]
  http?: HttpFigures
}

interface HttpFigures {
  pageCached: number
  pageUncached: number
  apiCached: number
  apiUncached: number
}

// A garbage collection before each memory reading (the flag set at run time suffices for a
// function made afterwards in a new context).
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

function heldBytes(): number {
  collectGarbage()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

/** The database a PostgreSQL run uses (its deps name it, as a running portal's do). */
let postgresUrl: string | undefined

function depsOn(h: DbHandle) {
  const databaseUrl = h.kind === 'postgres' ? postgresUrl : undefined
  return createDeps({ ...loadConfig({}), logLevel: 'silent', databaseUrl }, h.db)
}

/**
 * The longest gap between ticks of a 5 ms timer while it runs, less the 5 ms: how long the
 * event loop could not answer anything (a request would have waited that long).
 */
function watchStalls(): { stop: () => number } {
  const every = 5
  let last = performance.now()
  let worst = 0
  const timer = setInterval(() => {
    const now = performance.now()
    worst = Math.max(worst, now - last - every)
    last = now
  }, every)
  return {
    stop: () => {
      clearInterval(timer)
      return Math.max(worst, performance.now() - last - every, 0)
    },
  }
}

/** Sends `SELECT 1` every 20 ms until stopped; `stop` gives the longest one took (ms). */
function watchDatabase(h: DbHandle): { stop: () => Promise<number> } {
  let running = true
  let worst = 0
  const loop = (async () => {
    while (running) {
      const t0 = performance.now()
      await sql`SELECT 1`.execute(h.db)
      worst = Math.max(worst, performance.now() - t0)
      await new Promise((r) => setTimeout(r, 20))
    }
  })()
  return {
    stop: async () => {
      running = false
      await loop
      return worst
    },
  }
}

async function measureSearch(
  h: DbHandle,
  backend: Figures['backend'],
  size: number,
  loadMs: number,
): Promise<Figures> {
  const deps = depsOn(h)
  const f: Figures = {
    backend,
    size,
    loadMs,
    uncached: [],
    uncachedSql: [],
    statementsSql: [],
    indexBuildMs: 0,
    indexStallMs: 0,
    indexDbWaitMs: 0,
    indexMb: 0,
    cached: [],
    statements: [],
    found: 0,
    slowest: [],
  }
  const worst = new Map<string, number>()
  const ask = { filters: NO_FILTERS, page: 1, pageSize: 20 }
  // The SQL path alone: one untimed warm-up pass, then ROUNDS timed passes.
  for (const q of QUERIES) await searchUncached(deps, searchTokens(q).slice(0, 12), ask, 'sql')
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of QUERIES) {
      const words = searchTokens(q).slice(0, 12)
      const before = sent.count
      const t0 = performance.now()
      await searchUncached(deps, words, ask, 'sql')
      f.uncachedSql.push(performance.now() - t0)
      f.statementsSql.push(sent.count - before)
    }
  }
  // The match index: built once (as the first search after a change starts it), timed.
  const heapBefore = heldBytes()
  const stalls = watchStalls()
  const waits = watchDatabase(h)
  const b0 = performance.now()
  const index = await matchIndexReady(deps)
  f.indexBuildMs = performance.now() - b0
  f.indexStallMs = stalls.stop()
  f.indexDbWaitMs = await waits.stop()
  if (!index) throw new Error('the match index did not build')
  f.indexMb = (heldBytes() - heapBefore) / 1024 / 1024
  // Uncached as the portal runs it: one untimed warm-up pass, then ROUNDS timed passes.
  for (const q of QUERIES)
    if ((await searchUncached(deps, searchTokens(q).slice(0, 12), ask)).total > 0) f.found++
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of QUERIES) {
      const words = searchTokens(q).slice(0, 12)
      const before = sent.count
      const t0 = performance.now()
      await searchUncached(deps, words, ask)
      const took = performance.now() - t0
      f.uncached.push(took)
      worst.set(q, Math.max(worst.get(q) ?? 0, took))
      f.statements.push(sent.count - before)
    }
  }
  // Cached: the same searches through the cache, each asked once to fill it, then again.
  for (const q of QUERIES) await searchCatalogue(deps, { q, ...ask, record: false })
  for (let r = 0; r < CACHED_REPEATS; r++) {
    for (const q of QUERIES) {
      const t0 = performance.now()
      await searchCatalogue(deps, { q, ...ask, record: false })
      f.cached.push(performance.now() - t0)
    }
  }
  f.slowest = [...worst]
    .map(([q, took]) => ({ q, ms: took }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, SLOWEST_SHOWN)
  f.uncached.sort((a, b) => a - b)
  f.uncachedSql.sort((a, b) => a - b)
  f.cached.sort((a, b) => a - b)
  f.statements.sort((a, b) => a - b)
  f.statementsSql.sort((a, b) => a - b)
  return f
}

// ---------------------------------------------------------------- HTTP

/** The load generator, run as a child process: `node bench/search.ts --load <json>`. */
interface LoadOrder {
  urls: string[]
  warmupS: number
  durationS: number
  connections: number
}

async function runLoad(order: LoadOrder): Promise<void> {
  const first = new URL(order.urls[0] ?? '')
  const paths = order.urls.map((u) => {
    const url = new URL(u)
    return url.pathname + url.search
  })
  const r = await loadPaths('search', first.origin, paths, order)
  console.log(JSON.stringify({ rps: r.requestsPerSecond, bad: r.bad }))
}

function loadFromChild(order: LoadOrder): Promise<{ rps: number; bad: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(import.meta.url), '--load', JSON.stringify(order)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`))
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}'))
    })
  })
}

async function measureHttp(h: DbHandle): Promise<HttpFigures> {
  const deps = depsOn(h)
  const listener = getRequestListener(buildApp(deps).fetch)
  let uncached = false
  const caches = searchCachesOf(deps)
  // The index built before the load (the first search would start it; searches meanwhile
  // take the SQL path).
  await matchIndexReady(deps)
  const server: Server = createServer((req, res) => {
    // Every request a distinct search: the answered searches and rendered results go, the
    // match index stays (as between publishes).
    if (uncached) {
      caches.results.clear()
      caches.views.clear()
    }
    void listener(req, res)
  })
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const urls = (path: string) =>
    QUERIES.map((q) => `http://127.0.0.1:${port}${path}?q=${encodeURIComponent(q)}`)
  const rate = async (path: string, withoutCache: boolean) => {
    uncached = withoutCache
    const r = await loadFromChild({
      urls: urls(path),
      warmupS: HTTP_WARMUP_S,
      durationS: HTTP_DURATION_S,
      connections: HTTP_CONNECTIONS,
    })
    if (r.bad > 0) console.log(`  (${path}: ${r.bad} failed or non-2xx responses)`)
    return r.rps
  }
  try {
    return {
      pageCached: await rate('/search', false),
      pageUncached: await rate('/search', true),
      apiCached: await rate('/api/v1/search', false),
      apiUncached: await rate('/api/v1/search', true),
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

// ---------------------------------------------------------------- the databases

async function onDatabase(
  h: DbHandle,
  backend: Figures['backend'],
  report: (f: Figures) => void,
): Promise<void> {
  await migrateToLatest(h.db)
  let loaded = 0
  for (const [i, size] of SIZES.entries()) {
    const loadMs = loaded === 0 ? await loadDistinct(h, size) : await growTo(h, size)
    loaded = size
    const f = await measureSearch(h, backend, size, loadMs)
    if (i === 0) f.http = await measureHttp(h)
    report(f)
  }
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

/** pool.end() resolves before its connections are gone; FORCE would cut them mid-close. */
async function dropWhenClosed(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; attempt <= 100; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`)
      return
    } catch (error) {
      const inUse = error instanceof Error && 'code' in error && error.code === '55006'
      if (!inUse) throw error
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
}

async function onPostgres(report: (f: Figures) => void): Promise<void> {
  const name = `mardom_bench_search_${process.pid}`
  const admin = new pg.Client({ connectionString: SERVER_URL })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name}`)
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(SERVER_URL)
  url.pathname = `/${name}`
  postgresUrl = url.toString()
  const h = openPostgres(postgresUrl, { max: 4 })
  try {
    await onDatabase(h, 'PostgreSQL', report)
  } finally {
    await h.close()
    await dropWhenClosed(admin, name)
    await admin.end()
  }
}

async function onPglite(report: (f: Figures) => void): Promise<void> {
  const h = await openPglite({ memory: true })
  try {
    await onDatabase(h, 'PGlite', report)
  } finally {
    await h.close()
  }
}

export async function benchSearch(): Promise<void> {
  const started = performance.now()
  console.log(
    `\n(e) Search over ${QUERIES.length} mixed queries: uncached (searchUncached, ${ROUNDS} rounds after a warm-up) and cached (searchCatalogue asked again, ${CACHED_REPEATS} rounds); load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  )
  const hasServer = await serverAnswers()
  const results: Figures[] = []
  const report = (f: Figures) => {
    results.push(f)
    console.log(
      `  ${f.backend} ${int(f.size)}: loaded in ${(f.loadMs / 1000).toFixed(1)} s, uncached p50 ${ms(percentile(f.uncached, 50))} p95 ${ms(percentile(f.uncached, 95))} (SQL path p50 ${ms(percentile(f.uncachedSql, 50))} p95 ${ms(percentile(f.uncachedSql, 95))}), statements per search median ${percentile(f.statements, 50)} max ${f.statements.at(-1) ?? 0} (SQL path ${percentile(f.statementsSql, 50)} / ${f.statementsSql.at(-1) ?? 0}), cached p95 ${us(percentile(f.cached, 95))}`,
    )
    console.log(
      `    match index: built in ${ms(f.indexBuildMs)} (longest event-loop stall ${ms(f.indexStallMs)}, longest database wait ${ms(f.indexDbWaitMs)}), holds ${f.indexMb.toFixed(1)} MB (heap + array buffers)`,
    )
    console.log(`    slowest uncached: ${f.slowest.map((x) => `«${x.q}» ${ms(x.ms)}`).join(', ')}`)
    if (f.http)
      console.log(
        `    req/s: /search cached ${int(f.http.pageCached)}, uncached ${int(f.http.pageUncached)}; /api/v1/search cached ${int(f.http.apiCached)}, uncached ${int(f.http.apiUncached)}`,
      )
  }
  if (ON !== 'postgres') await onPglite(report)
  if (ON === 'pglite') console.log('SEARCH_BENCH_DB=pglite: PostgreSQL rows skipped.')
  else if (hasServer) await onPostgres(report)
  else console.log(`No PostgreSQL server at ${SERVER_URL}: PostgreSQL rows skipped.`)
  console.log(
    `Generated rows computed once in ${((generated?.ms ?? 0) / 1000).toFixed(1)} s (load times below exclude it).`,
  )
  console.log(
    table(
      [
        'database',
        'services',
        'load + index',
        'uncached p50',
        'uncached p95',
        'SQL path p50',
        'SQL path p95',
        'index build',
        'longest stall in it',
        'longest database wait in it',
        'index MB',
        'statements per search (median / max)',
        'cached p50',
        'cached p95',
        'queries with results',
      ],
      results.map((r) => [
        r.backend,
        int(r.size),
        `${(r.loadMs / 1000).toFixed(1)} s`,
        ms(percentile(r.uncached, 50)),
        ms(percentile(r.uncached, 95)),
        ms(percentile(r.uncachedSql, 50)),
        ms(percentile(r.uncachedSql, 95)),
        ms(r.indexBuildMs),
        ms(r.indexStallMs),
        ms(r.indexDbWaitMs),
        r.indexMb.toFixed(1),
        `${percentile(r.statements, 50)} / ${r.statements.at(-1) ?? 0}`,
        us(percentile(r.cached, 50)),
        us(percentile(r.cached, 95)),
        `${r.found} of ${QUERIES.length}`,
      ]),
    ),
  )
  const http = results.filter((r) => r.http)
  if (http.length > 0) {
    console.log(
      `HTTP, in-process app, ${HTTP_CONNECTIONS} connections, ${HTTP_DURATION_S} s after ${HTTP_WARMUP_S} s, the ${QUERIES.length} queries in turn (req/s):`,
    )
    console.log(
      table(
        [
          'database',
          'services',
          '/search cached',
          '/search uncached',
          '/api/v1/search cached',
          '/api/v1/search uncached',
        ],
        http.map((r) => [
          r.backend,
          int(r.size),
          int(r.http?.pageCached ?? 0),
          int(r.http?.pageUncached ?? 0),
          int(r.http?.apiCached ?? 0),
          int(r.http?.apiUncached ?? 0),
        ]),
      ),
    )
  }
  for (const r of results.filter((x) => x.size === 100_000)) {
    const p95 = percentile(r.uncached, 95)
    const aim = AIM_P95_MS[r.backend]
    console.log(
      `Aim: uncached search p95 ≤ ${aim} ms on ${r.backend} at 100,000 — measured ${ms(p95)} (${p95 <= aim ? 'met' : 'NOT met'}).`,
    )
  }
  console.log(`Search bench time: ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const loadAt = process.argv.indexOf('--load')
  const main =
    loadAt >= 0 ? runLoad(JSON.parse(process.argv[loadAt + 1] ?? '{}') as LoadOrder) : benchSearch()
  main.catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
