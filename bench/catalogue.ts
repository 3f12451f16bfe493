/**
 * The service catalogue benchmark (part of `npm run bench`; prints figures, asserts nothing).
 *
 * Two catalogues, each in a fresh PGlite data directory under a temporary directory:
 *   - the demo data (325 services), as `mardom demo` loads it;
 *   - the demo data plus 20,000 services generated from DEMO_SERVICES: each demo service once
 *     per province (its provincial office where the agency has a provincial network) and once
 *     per provincial capital, with the title, slug, keywords and contact area code of the place,
 *     and all of its versions; bulk-inserted with the services queries in a few transactions.
 *
 * (a) The service page UNCACHED: in-process `app.request()` to random services with the page
 *     cache cleared before each request (what a first visitor costs), p50/p95; beside it the
 *     same services' `loadServicePage` alone (the page's reads and view model, no HTML),
 *     and the number of SQL statements each of those requests sends to the database
 *     (median, min, max), counted at the driver: every Query and Execute message that
 *     node-postgres hands to PGlite, BEGIN/COMMIT included (see {@link countStatements}).
 * (b) The service page CACHED: autocannon against `node src/cli.ts serve` on that data
 *     directory, side by side with bench/bare-server.ts sending exactly the same bytes;
 *     servers pinned to core 0 and the load generator (this process) to core 1 when possible.
 *     When the app is below 0.9× the bare server, the server is run once more under
 *     `node --cpu-prof` and the profile is summarised (where the server's CPU time goes).
 *
 * Run alone with `node bench/catalogue.ts`; `bench/run.ts` calls {@link benchCatalogue}.
 */
import { type ChildProcess, spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PGlite } from '@electric-sql/pglite'
import autocannon from 'autocannon'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { type DbHandle, openPglite } from '../src/db/create-db.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import type { Deps } from '../src/deps.ts'
import { loadServicePage } from '../src/features/catalogue/service-page.read.ts'
import { loadDemoData } from '../src/features/demo/demo.load.ts'
import { DEMO_AGENCIES } from '../src/features/demo/demo-agencies.data.ts'
import { DEMO_LAWS } from '../src/features/demo/demo-laws.data.ts'
import { DEMO_SERVICES, type DemoService } from '../src/features/demo/demo-services.data.ts'
import type { ServiceContent } from '../src/features/services/index.ts'
import { EMPTY_PROCESS, EMPTY_STAGE_MATRIX } from '../src/features/services/index.ts'
import {
  findServiceBySlug,
  insertDraft,
  insertService,
  publishDraftVersion,
} from '../src/features/services/service.queries.ts'
import { startOfTehranDay } from '../src/lib/fa/tehran-time.ts'
import { PROVINCES } from '../src/lib/iran/provinces.ts'
import { createDeps } from '../src/main.ts'
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

export const GENERATED = 20_000
/** Services per transaction while bulk-inserting. */
const CHUNK = 2_500
const UNCACHED_REQUESTS = 400
const UNCACHED_WARMUP = 50
const PROFILE_S = 5
/** The aims. */
const AIM_UNCACHED_P95_MS = 25
const AIM_CACHED_RATIO = 0.9

// ---------------------------------------------------------------- helpers

function startChild(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return startChildIn(command, args, env, root)
}

const canPin =
  spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0 && availableParallelism() >= 2

function nodeOnServerCore(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return canPin
    ? startChild('taskset', ['-c', '0', process.execPath, ...args], env)
    : startChild(process.execPath, args, env)
}

function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...extra }
  delete env.DATABASE_URL
  return env
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0
}

const ms1 = (v: number) => `${v.toFixed(1)} ms`
const seconds = (v: number) => `${(v / 1000).toFixed(1)} s`
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

/** A small seeded PRNG (mulberry32): the same "random" services in every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

// ---------------------------------------------------------------- the catalogues

export interface Catalogue {
  name: string
  dataDir: string
  services: number
  versions: number
  /** How long loading the demo data took, and generating + inserting the rest. */
  demoMs: number
  generateMs: number
  insertMs: number
}

export function benchDeps(handle: DbHandle, dataDir: string): Deps {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: undefined,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  })
  return createDeps(config, handle.db)
}

async function openFresh(dataDir: string): Promise<{ handle: DbHandle; deps: Deps }> {
  const handle = await openPglite({ dataDir })
  await migrateToLatest(handle.db)
  return { handle, deps: benchDeps(handle, dataDir) }
}

/** A place a generated service is offered in: a province, or its capital. */
interface Place {
  label: string
  slug: string
  keyword: string
  provinceSlug: string
  areaCode: string
}

const PLACES: Place[] = [
  ...PROVINCES.map((p) => ({
    label: `استان ${p.nameFa}`,
    slug: p.slug,
    keyword: p.nameFa,
    provinceSlug: p.slug,
    areaCode: p.areaCode,
  })),
  ...PROVINCES.map((p) => ({
    label: `شهرستان ${p.capitalFa}`,
    slug: p.capitalEn
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .concat('-county'),
    keyword: p.capitalFa,
    provinceSlug: p.slug,
    areaCode: p.areaCode,
  })),
]

interface GeneratedService {
  agencyKey: string
  slug: string
  versions: { content: ServiceContent; changeNote: string; at: Date }[]
}

/**
 * The n-th generated service: demo service n mod 325 in place ⌊n / 325⌋. Titles, slugs,
 * keywords and phone area codes name the place; the agency is the demo agency's provincial
 * office there when it has a provincial network, the agency itself otherwise.
 */
function generate(
  count: number,
  lawIds: ReadonlyMap<string, string>,
  agencyKeys: ReadonlySet<string>,
): GeneratedService[] {
  const out: GeneratedService[] = []
  const slugs = new Set(DEMO_SERVICES.map((d) => d.slug))
  for (let n = 0; n < count; n++) {
    const base: DemoService | undefined = DEMO_SERVICES[n % DEMO_SERVICES.length]
    const place = PLACES[Math.floor(n / DEMO_SERVICES.length) % PLACES.length]
    if (!base || !place) throw new Error('not enough demo services × places')
    const suffix = `-${place.slug}`
    const slug = `${base.slug.slice(0, 80 - suffix.length).replace(/-$/, '')}${suffix}`
    if (slugs.has(slug)) throw new Error(`generated slug ${slug} twice`)
    slugs.add(slug)
    const office = `${base.agencyKey}-${place.provinceSlug}`
    out.push({
      agencyKey: agencyKeys.has(office) ? office : base.agencyKey,
      slug,
      versions: base.versions.map((v) => {
        const c = v.content
        return {
          content: {
            ...c,
            title: `${c.title} (${place.label})`,
            keywords: [...c.keywords, place.keyword],
            contact: {
              ...c.contact,
              phone: c.contact.phone?.replace(/^0\d\d/, place.areaCode) ?? null,
            },
            // As the demo loader does: the demo cards have no process yet.
            process: EMPTY_PROCESS,
            forms: [],
            offices: [],
            channels: [],
            stages: EMPTY_STAGE_MATRIX,
            legalBases: c.legalBases.map((b) => {
              const lawId = lawIds.get(b.lawKey)
              if (!lawId) throw new Error(`unknown law ${b.lawKey}`)
              return { lawId, article: b.article, note: b.note }
            }),
          },
          changeNote: v.changeNote,
          at: new Date(
            startOfTehranDay(v.publishedOn.jy, v.publishedOn.jm, v.publishedOn.jd).getTime() +
              10 * 3_600_000 +
              (n % 480) * 60_000,
          ),
        }
      }),
    })
  }
  return out
}

/** Demo agency key → database id, and demo law key → database id (matched by name). */
async function demoIds(deps: Deps) {
  const agencies = await deps.db.selectFrom('agencies').select(['id', 'nameFa']).execute()
  const laws = await deps.db.selectFrom('laws').select(['id', 'title']).execute()
  const byName = new Map(agencies.map((a) => [a.nameFa, a.id]))
  const byTitle = new Map(laws.map((l) => [l.title, l.id]))
  if (byName.size !== agencies.length || byTitle.size !== laws.length)
    throw new Error('demo agency names or law titles are not unique')
  const agencyIds = new Map<string, string>()
  for (const a of DEMO_AGENCIES) {
    const id = byName.get(a.nameFa)
    if (id) agencyIds.set(a.key, id)
  }
  const lawIds = new Map<string, string>()
  for (const l of DEMO_LAWS) {
    const id = byTitle.get(l.title)
    if (id) lawIds.set(l.key, id)
  }
  return { agencyIds, lawIds }
}

export async function buildCatalogue(
  name: string,
  dataDir: string,
  generated: number,
): Promise<Catalogue> {
  const { handle, deps } = await openFresh(dataDir)
  try {
    let t = performance.now()
    await loadDemoData(deps)
    const demoMs = performance.now() - t
    let generateMs = 0
    let insertMs = 0
    if (generated > 0) {
      t = performance.now()
      const { agencyIds, lawIds } = await demoIds(deps)
      const rows = generate(generated, lawIds, new Set(agencyIds.keys()))
      generateMs = performance.now() - t
      t = performance.now()
      for (let from = 0; from < rows.length; from += CHUNK) {
        await deps.db.transaction().execute(async (trx) => {
          for (const g of rows.slice(from, from + CHUNK)) {
            const agencyId = agencyIds.get(g.agencyKey)
            if (!agencyId) throw new Error(`unknown agency ${g.agencyKey}`)
            const first = g.versions[0]?.at ?? new Date()
            const service = await insertService(trx, { agencyId, slug: g.slug, now: first })
            for (const [i, v] of g.versions.entries()) {
              const draft = await insertDraft(trx, {
                serviceId: service.id,
                versionNo: i + 1,
                content: v.content,
                userId: null,
                now: v.at,
              })
              await publishDraftVersion(trx, {
                serviceId: service.id,
                draftId: draft.id,
                changeNote: v.changeNote,
                userId: null,
                now: v.at,
              })
            }
          }
        })
      }
      insertMs = performance.now() - t
    }
    const services = await deps.db
      .selectFrom('services')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const versions = await deps.db
      .selectFrom('serviceVersions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return {
      name,
      dataDir,
      services: Number(services.n),
      versions: Number(versions.n),
      demoMs,
      generateMs,
      insertMs,
    }
  } finally {
    await handle.close()
  }
}

// ---------------------------------------------------------------- (a) uncached

interface Latencies {
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
}

function latencies(values: number[]): Latencies {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? 0,
    mean: sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length),
  }
}

interface Uncached {
  page: Latencies
  queries: Latencies
  /** SQL statements sent to the database by each measured request, ascending. */
  statements: number[]
  bytes: number
  requests: number
  /** One request at a time, in-process through the app: a cached hit, and a slug lookup for scale. */
  hitUs: number
  lookupUs: number
  /** The home page's cached hit: the same middleware and cache, no database read. */
  homeHitUs: number
}

const HIT_REQUESTS = 2_000

/** Frontend message types that run a statement: a simple-protocol Query, an extended-protocol Execute. */
const QUERY = 'Q'.charCodeAt(0)
const EXECUTE = 'E'.charCodeAt(0)

/**
 * Counts the SQL statements sent to this PGlite instance from now on, at the wire protocol:
 * every frontend message reaches the engine through `execProtocolRaw` (node-postgres' Pool
 * via @electric-sql/pglite/node-postgres, and PGlite's own query API alike), and each
 * statement is one simple-protocol Query ('Q', as node-postgres sends BEGIN, COMMIT and
 * queries without parameters) or one extended-protocol Execute ('E', Parse/Bind/Describe/
 * Execute/Sync for queries with parameters). Nothing in src/ changes; only this handle is
 * wrapped.
 */
export function countStatements(pglite: PGlite): { count: number } {
  const counter = { count: 0 }
  const raw = pglite.execProtocolRaw.bind(pglite)
  pglite.execProtocolRaw = (message, options) => {
    // A buffer may hold several messages: a type byte, then a length that counts itself.
    const view = new DataView(message.buffer, message.byteOffset, message.byteLength)
    for (let at = 0; at + 5 <= message.length; at += 1 + view.getInt32(at + 1)) {
      const type = message[at]
      if (type === QUERY || type === EXECUTE) counter.count++
    }
    return raw(message, options)
  }
  return counter
}

/**
 * The service page rendered from the database every time: the page cache is cleared before
 * each anonymous request. Beside it, the same services' `loadServicePage` alone (every read
 * the route does, and the view model), to tell database time from rendering time.
 */
async function benchUncached(dataDir: string): Promise<Uncached> {
  const handle = await openPglite({ dataDir })
  try {
    if (!handle.pglite) throw new Error('the bench needs the embedded database')
    const sent = countStatements(handle.pglite)
    const deps = benchDeps(handle, dataDir)
    const app = buildApp(deps)
    const slugs = (
      await deps.db.selectFrom('services').select('slug').orderBy('slug').execute()
    ).map((s) => s.slug)
    const random = prng(1405)
    const pick = () => slugs[Math.floor(random() * slugs.length)] ?? ''
    let bytes = 0
    const statements: number[] = []
    const once = async (slug: string): Promise<number> => {
      deps.pageCache.clear()
      const sentBefore = sent.count
      const started = performance.now()
      const res = await app.request(`/services/${slug}`)
      const body = await res.arrayBuffer()
      const took = performance.now() - started
      statements.push(sent.count - sentBefore)
      if (res.status !== 200) throw new Error(`GET /services/${slug} answered ${res.status}`)
      bytes += body.byteLength
      return took
    }
    for (let i = 0; i < UNCACHED_WARMUP; i++) await once(pick())
    bytes = 0
    statements.length = 0
    const picked = Array.from({ length: UNCACHED_REQUESTS }, pick)
    const page: number[] = []
    for (const slug of picked) page.push(await once(slug))
    const queries: number[] = []
    for (const slug of picked) {
      const started = performance.now()
      await loadServicePage(deps, slug, {}, deps.clock.now())
      queries.push(performance.now() - started)
    }
    // A cached hit through the app (no database read), and one slug lookup for scale;
    // the same service every time.
    const slug = picked[0] ?? ''
    deps.pageCache.clear()
    await app.request(`/services/${slug}`)
    let started = performance.now()
    for (let i = 0; i < HIT_REQUESTS; i++) {
      const res = await app.request(`/services/${slug}`)
      await res.arrayBuffer()
    }
    const hitUs = ((performance.now() - started) * 1000) / HIT_REQUESTS
    started = performance.now()
    for (let i = 0; i < HIT_REQUESTS; i++) await findServiceBySlug(deps.db, slug)
    const lookupUs = ((performance.now() - started) * 1000) / HIT_REQUESTS
    await app.request('/')
    started = performance.now()
    for (let i = 0; i < HIT_REQUESTS; i++) {
      const res = await app.request('/')
      await res.arrayBuffer()
    }
    const homeHitUs = ((performance.now() - started) * 1000) / HIT_REQUESTS
    return {
      page: latencies(page),
      queries: latencies(queries),
      statements: statements.sort((a, b) => a - b),
      bytes: bytes / UNCACHED_REQUESTS,
      requests: UNCACHED_REQUESTS,
      hitUs,
      lookupUs,
      homeHitUs,
    }
  } finally {
    await handle.close()
  }
}

// ---------------------------------------------------------------- (b) cached

interface Cached {
  path: string
  app: LoadFigures
  bare: LoadFigures
  ratio: number
  /** The page fetched from the app, for the bare server and the profile run. */
  bodyFile: string
  contentType: string
}

async function startApp(dataDir: string, nodeArgs: string[] = []) {
  const port = await freePort()
  const child = nodeOnServerCore(
    [...nodeArgs, cli, 'serve'],
    serverEnv({ PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production' }),
  )
  await waitFor200(`http://127.0.0.1:${port}/healthz`, child)
  return { child, base: `http://127.0.0.1:${port}` }
}

async function benchCached(scratch: string, c: Catalogue, path: string): Promise<Cached> {
  const { child, base } = await startApp(c.dataDir)
  let app: LoadFigures
  let bodyFile: string
  let contentType: string
  try {
    const first = await fetch(base + path)
    if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}`)
    const body = Buffer.from(await first.arrayBuffer())
    contentType = first.headers.get('content-type') ?? 'text/html; charset=UTF-8'
    const again = await fetch(base + path)
    const same = Buffer.from(await again.arrayBuffer()).equals(body)
    if (!same || again.headers.get('etag') !== first.headers.get('etag'))
      throw new Error(`${path} is not served from the page cache`)
    bodyFile = join(scratch, `${c.name}-page.html`)
    writeFileSync(bodyFile, body)
    app = await load('Mardom app (cached page)', base + path, body.length)
  } finally {
    await stop(child)
  }
  const port = await freePort()
  const bare = nodeOnServerCore(
    [join(root, 'bench', 'bare-server.ts'), bodyFile, contentType, String(port)],
    serverEnv({}),
  )
  let baseline: LoadFigures
  try {
    await waitFor200(`http://127.0.0.1:${port}/`, bare)
    baseline = await load('bare node:http, same bytes', `http://127.0.0.1:${port}/`, app.bytes)
  } finally {
    await stop(bare)
  }
  return {
    path,
    app,
    bare: baseline,
    ratio: baseline.requestsPerSecond ? app.requestsPerSecond / baseline.requestsPerSecond : 0,
    bodyFile,
    contentType,
  }
}

// ---------------------------------------------------------------- profile

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

function isCpuProfile(value: unknown): value is CpuProfile {
  return (
    typeof value === 'object' &&
    value !== null &&
    'nodes' in value &&
    Array.isArray(value.nodes) &&
    'startTime' in value &&
    typeof value.startTime === 'number' &&
    'endTime' in value &&
    typeof value.endTime === 'number' &&
    'samples' in value &&
    Array.isArray(value.samples) &&
    'timeDeltas' in value &&
    Array.isArray(value.timeDeltas)
  )
}

/** Where a frame's code lives, coarse enough to tell middleware, logging, database and I/O apart. */
function category(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame
  if (!url) {
    if (functionName === '(garbage collector)') return 'V8: garbage collector'
    if (functionName === '(idle)') return '(idle)'
    if (functionName === '(program)') return 'V8/native: (program)'
    return `native: ${functionName || '(anonymous)'}`
  }
  if (url.startsWith('wasm:')) return 'wasm: PGlite (PostgreSQL in WebAssembly)'
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1]
  if (pkg) return `npm: ${pkg}`
  if (url.startsWith('node:')) {
    const mod = url.slice('node:'.length).replace(/^internal\//, '')
    const head = mod.split('/').slice(0, mod.startsWith('streams') ? 1 : 2)
    return `node: ${head.join('/')}`
  }
  const file = url.startsWith('file://') ? fileURLToPath(url) : url
  return `app: ${relative(root, file)}`
}

/** A coarser grouping of {@link category}: the layers a cached hit goes through. */
function group(cat: string): string {
  if (
    cat.startsWith('wasm:') ||
    /^npm: (@electric-sql\/pglite|kysely|pg|pg-.*|postgres-.*)$/.test(cat) ||
    cat === 'native: wasm-to-js' ||
    cat === 'native: js-to-wasm'
  )
    return 'database: PGlite + pg + kysely'
  if (/^npm: (hono|@hono\/node-server)$/.test(cat) || /^node: (deps\/undici|webstreams)/.test(cat))
    return 'hono + Fetch objects (undici Request/Response/Headers)'
  if (/^npm: (pino.*|sonic-boom|thread-stream)$/.test(cat)) return 'logging: pino'
  if (/^node: crypto/.test(cat) || cat === 'native: RandomBytesJob')
    return 'crypto: CSRF token, request id'
  if (cat.startsWith('app: ')) return 'app code (src/)'
  if (
    /^node: (_http|net|streams|events|buffer|timers|process)/.test(cat) ||
    /^native: (writev|writeBuffer|writeUtf8String|onStreamRead)/.test(cat)
  )
    return 'node:http, sockets, event loop'
  return 'other (V8, GC, microtasks, …)'
}

interface ProfileSummary {
  totalMs: number
  idleMs: number
  byGroup: [string, number][]
  byCategory: [string, number][]
  byFunction: [string, number][]
}

/** Self time per frame over the samples taken in [from, to] (profile microseconds). */
function summarise(profile: CpuProfile, from: number, to: number): ProfileSummary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  let at = profile.startTime
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0
    at += delta
    if (at >= from && at <= to) self.set(id, (self.get(id) ?? 0) + delta)
  })
  const byCategory = new Map<string, number>()
  const byGroup = new Map<string, number>()
  const byFunction = new Map<string, number>()
  let total = 0
  let idle = 0
  for (const [id, us] of self) {
    const frame = nodes.get(id)?.callFrame
    if (!frame) continue
    const cat = category(frame)
    if (cat === '(idle)') {
      idle += us
      continue
    }
    total += us
    byCategory.set(cat, (byCategory.get(cat) ?? 0) + us)
    byGroup.set(group(cat), (byGroup.get(group(cat)) ?? 0) + us)
    const where = frame.url
      ? `${frame.functionName || '(anonymous)'} ${cat.replace(/^\w+: /, '')}:${frame.lineNumber + 1}`
      : cat
    byFunction.set(where, (byFunction.get(where) ?? 0) + us)
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
  return {
    totalMs: total / 1000,
    idleMs: idle / 1000,
    byGroup: top(byGroup, 10),
    byCategory: top(byCategory, 16),
    byFunction: top(byFunction, 18),
  }
}

async function profileCached(scratch: string, c: Catalogue, path: string): Promise<void> {
  const dir = mkdtempSync(join(scratch, 'prof-'))
  const { child, base } = await startApp(c.dataDir, ['--cpu-prof', `--cpu-prof-dir=${dir}`])
  let loadStart = 0
  let loadEnd = 0
  try {
    await autocannon({ url: base + path, connections: CONNECTIONS, duration: 1 })
    loadStart = performance.now()
    const r = await autocannon({ url: base + path, connections: CONNECTIONS, duration: PROFILE_S })
    loadEnd = performance.now()
    console.log(
      `\nProfile of the cached page under load (node --cpu-prof on the server child; the ${PROFILE_S} s of load after a 1 s warm-up, ${int(r.requests.average)} req/s while profiling):`,
    )
  } finally {
    await stop(child)
  }
  const exited = performance.now()
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
  if (!file) {
    console.log('(no profile was written)')
    return
  }
  const parsed: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'))
  if (!isCpuProfile(parsed)) {
    console.log('(the profile could not be read)')
    return
  }
  // The profile ends as the child exits: count back from there to the load window.
  const s = summarise(
    parsed,
    parsed.endTime - (exited - loadStart) * 1000,
    parsed.endTime - (exited - loadEnd) * 1000,
  )
  const share = (us: number) => `${((100 * us) / 1000 / s.totalMs).toFixed(1)} %`
  console.log(
    `Busy ${seconds(s.totalMs)}, idle ${seconds(s.idleMs)} (one core). Self time by layer:`,
  )
  console.log(
    table(
      ['layer', 'self time', 'share of busy'],
      s.byGroup.map(([k, us]) => [k, ms1(us / 1000), share(us)]),
    ),
  )
  console.log('Self time by where the code lives:')
  console.log(
    table(
      ['code', 'self time', 'share of busy'],
      s.byCategory.map(([k, us]) => [k, ms1(us / 1000), share(us)]),
    ),
  )
  console.log('Top functions by self time:')
  console.log(
    table(
      ['function', 'self time', 'share of busy'],
      s.byFunction.map(([k, us]) => [k, ms1(us / 1000), share(us)]),
    ),
  )
  const kept = join(root, '.cache', 'bench', 'catalogue-server.cpuprofile')
  mkdirSync(dirname(kept), { recursive: true })
  copyFileSync(join(dir, file), kept)
  console.log(`(the whole profile, for Chrome DevTools: ${relative(root, kept)})`)
}

// ---------------------------------------------------------------- main

function pinThisProcess(): void {
  if (canPin)
    spawnSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })
}

export interface CatalogueBenchOptions {
  /**
   * Runs on the generated catalogue once its own figures are printed, before its data
   * directory is removed (bench/reviews.ts: the daily review job over the same services).
   */
  afterGenerated?: (c: Catalogue) => Promise<void>
}

/** Runs the catalogue benchmark and prints its tables. */
export async function benchCatalogue(options: CatalogueBenchOptions = {}): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'mardom-bench-catalogue-'))
  const started = performance.now()
  try {
    pinThisProcess()
    console.log(
      `\n(c) Service catalogue — ${canPin ? 'servers on core 0, this process (in-process runs and autocannon) on core 1' : 'NOT pinned (needs taskset and 2 cores)'}`,
    )
    console.log(
      `Load average before: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (other work on the machine skews every figure below)`,
    )
    const catalogues: Catalogue[] = []
    catalogues.push(await buildCatalogue('demo', join(scratch, 'demo'), 0))
    catalogues.push(await buildCatalogue('generated', join(scratch, 'generated'), GENERATED))
    console.log('Catalogues (fresh PGlite data directories):')
    console.log(
      table(
        ['catalogue', 'services', 'versions', 'demo data load', 'generate', 'bulk insert'],
        catalogues.map((c) => [
          c.name === 'demo' ? 'demo data' : `demo + ${int(GENERATED)} generated`,
          int(c.services),
          int(c.versions),
          seconds(c.demoMs),
          c.generateMs ? ms1(c.generateMs) : '—',
          c.insertMs
            ? `${seconds(c.insertMs)} (${int(GENERATED / (c.insertMs / 1000))} services/s, ${Math.ceil(GENERATED / CHUNK)} transactions)`
            : '—',
        ]),
      ),
    )

    const uncached: [Catalogue, Uncached][] = []
    for (const c of catalogues) uncached.push([c, await benchUncached(c.dataDir)])
    console.log(
      `\n(c.a) Service page UNCACHED: ${UNCACHED_REQUESTS} anonymous requests to random services after ${UNCACHED_WARMUP} warm-up ones, in-process app.request(), page cache cleared before each; aim p95 ≤ ${AIM_UNCACHED_P95_MS} ms`,
    )
    console.log(
      table(
        [
          'catalogue',
          'services',
          'p50',
          'p95',
          'p99',
          'max',
          'mean',
          'loadServicePage p50/p95',
          'avg body',
        ],
        uncached.map(([c, u]) => [
          c.name,
          int(c.services),
          ms1(u.page.p50),
          `${ms1(u.page.p95)}${u.page.p95 <= AIM_UNCACHED_P95_MS ? '' : ' (!)'}`,
          ms1(u.page.p99),
          ms1(u.page.max),
          ms1(u.page.mean),
          `${ms1(u.queries.p50)} / ${ms1(u.queries.p95)}`,
          `${int(u.bytes)} B`,
        ]),
      ),
    )
    for (const [c, u] of uncached)
      console.log(
        `${c.name} (${int(c.services)} services): SQL statements per uncached service page: median ${percentile(u.statements, 0.5)} (min ${u.statements[0] ?? 0}, max ${u.statements.at(-1) ?? 0}) over ${u.statements.length} pages; p50 ${ms1(u.page.p50)}, p95 ${ms1(u.page.p95)}`,
      )

    // The same demo service in both catalogues: the national smart card, or the first one.
    const path = `/services/${DEMO_SERVICES.find((d) => d.slug.includes('national-id'))?.slug ?? DEMO_SERVICES[0]?.slug ?? ''}`
    const cached: [Catalogue, Cached][] = []
    for (const c of catalogues) cached.push([c, await benchCached(scratch, c, path)])
    console.log(
      `\n(c.b) Service page CACHED: GET ${path}, autocannon -c ${CONNECTIONS}, ${DURATION_S} s after a ${WARMUP_S} s warm-up, 127.0.0.1; aim ≥ ${AIM_CACHED_RATIO}× the bare server`,
    )
    console.log(
      table(
        ['catalogue', 'server', 'req/s', 'p50', 'p99', 'body bytes', 'errors+non-2xx', 'vs bare'],
        cached.flatMap(([c, r]) =>
          [r.app, r.bare].map((f) => [
            c.name,
            f.name,
            int(f.requestsPerSecond),
            `${f.p50} ms`,
            `${f.p99} ms`,
            int(f.bytes),
            String(f.bad),
            f === r.app ? `${r.ratio.toFixed(2)}×` : '1.00×',
          ]),
        ),
      ),
    )

    console.log(
      `In-process, one request at a time (app.request(), no HTTP), ${int(HIT_REQUESTS)} each:`,
    )
    console.log(
      table(
        [
          'catalogue',
          'service page, cached hit',
          'a slug lookup alone (PGlite), for scale',
          'home page, cached hit (no DB read)',
        ],
        uncached.map(([c, u]) => [
          c.name,
          `${int(u.hitUs)} µs`,
          `${int(u.lookupUs)} µs`,
          `${int(u.homeHitUs)} µs`,
        ]),
      ),
    )
    console.log(
      'Over HTTP, cached hits are answered by the fast path before the app (src/web/fast-path.ts); app.request() above always goes through the app.',
    )

    const last = cached.at(-1)
    if (last && last[1].ratio < AIM_CACHED_RATIO) {
      await profileCached(scratch, last[0], path)
    }
    const generated = catalogues.find((c) => c.name === 'generated')
    if (generated && options.afterGenerated) await options.afterGenerated(generated)
  } finally {
    await Promise.all([...children].map(stop))
    rmSync(scratch, { recursive: true, force: true })
  }
  console.log(
    `\nCatalogue bench time: ${seconds(performance.now() - started)} (load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  )
}

if (import.meta.main) {
  process.once('SIGINT', () => {
    Promise.all([...children].map(stop)).finally(() => process.exit(130))
  })
  benchCatalogue().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
