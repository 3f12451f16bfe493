/**
 * The feedback benchmark (issue 13, "Done when"; part of `npm run bench`; prints figures,
 * asserts nothing).
 *
 * On PostgreSQL (a throwaway database on 127.0.0.1:5432, created and dropped here; skipped when
 * no server answers) and on PGlite (a fresh data directory), each loaded with the demo data as
 * `mardom demo` loads it, and an API token for the demo agency editor of ثبت احوال:
 *
 * (1) Transaction-event ingestion through the real API: `node src/cli.ts serve` as a child
 *     process (pinned to core 0), autocannon (this process, core 1) posting
 *     `POST /api/v1/transactions` with the agency's bearer token. Every transaction of the
 *     national smart-card service follows the steps of its published process and is posted in
 *     two requests, as an agency's system reports events as they happen: first a NEW tracking
 *     code (the start, the first steps started and finished, the next step started), then the
 *     SAME code again (that step's finish, the remaining steps, the end with its outcome), whose
 *     response carries the one-time rating link. An "event" is one new fact a request carries:
 *     a transaction's start or end, a step's start or finish. A step start repeated in the
 *     second request (the API wants a finished step's start with it) is not counted again.
 *     Events per second count only requests answered 2xx.
 * (2) Rating submissions: the rating links returned in (1), each used once. Every link is first
 *     opened (`GET /rate/<token>`: the form with its signed start time), then, after the
 *     form's minimum fill time (3 s), submitted (`POST /rate/<token>`: overall score, some of
 *     the dimensions, sometimes a comment with a mobile number to mask). Each citizen has an
 *     address of their own, as a reverse proxy reports it (`TRUST_PROXY=true`, X-Forwarded-For),
 *     so the per-address limits of the public forms count each citizen separately, as they do
 *     in production. How many ratings were stored is read back from the feedback API.
 * (3) On PGlite only: the cached service page of the same service, as (c.b) of the catalogue
 *     bench measures it on the demo data: once before any feedback (the figures say
 *     «هنوز دادهٔ کافی نیست»), and once with the feedback widgets full (the helpful figure after
 *     40 votes, the satisfaction mean and promised against actual from (1) and (2)), in a newly
 *     started server (an empty page cache), beside bench/bare-server.ts sending the same bytes.
 *
 * Run alone with `node bench/feedback.ts`, or `BENCH_ONLY=feedback npm run bench`.
 */
import { type ChildProcess, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import pg from 'pg'
import { type DbHandle, openPglite, openPostgres } from '../src/db/create-db.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { createApiToken } from '../src/features/accounts/index.ts'
import { loadDemoData } from '../src/features/demo/demo.load.ts'
import type { ServiceProcess } from '../src/features/services/index.ts'
import { findPublished, findServiceBySlug } from '../src/features/services/service.queries.ts'
import { CSRF_COOKIE, CSRF_FIELD } from '../src/web/csrf.ts'
import { cookieName } from '../src/web/security-headers.ts'
import { benchDeps } from './catalogue.ts'
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
/** The service of (c.b): the national smart card. */
const SLUG = 'national-id-card-issue'
/** At most this many rating links are opened and submitted per database. */
const RATINGS = 2_000
/** The public forms' minimum fill time (abuse.model.ts DEFAULT_MIN_FILL_MS), and a margin. */
const FILL_WAIT_MS = 3_000 + 300
const HELPFUL_VOTES = 40
/** The issue's aim on PostgreSQL. */
const AIM_EVENTS_PER_S = 2_000
const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
const CHANNELS = ['online', 'counter_office', 'in_person'] as const
const OUTCOMES = ['approved', 'approved', 'approved', 'rejected', 'withdrawn'] as const

// ---------------------------------------------------------------- helpers

const canPin =
  spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0 && availableParallelism() >= 2

function nodeOnServerCore(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return canPin
    ? startChildIn('taskset', ['-c', '0', process.execPath, ...args], env, root)
    : startChildIn(process.execPath, args, env, root)
}

const int = (v: number) => Math.round(v).toLocaleString('en')
const seconds = (v: number) => `${(v / 1000).toFixed(1)} s`

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

/** A small seeded PRNG (mulberry32), as in bench/catalogue.ts: the same workload every run. */
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

/** The n-th citizen's address as the reverse proxy reports it (10.0.0.0/8: one each). */
function citizenAddress(n: number): string {
  return `10.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ). */
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100

/**
 * CPU time (user + system, ms) a process has used so far, from /proc; null where there is no
 * /proc. Throughput on a machine shared with other work varies from run to run; the server's
 * CPU time per request varies much less, so it is printed beside every rate.
 */
function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS
  } catch {
    return null
  }
}

interface CpuUse {
  /** The app server's CPU ms (with PGlite: the database too, which runs inside it). */
  server: number | null
  /** The CPU ms of the PostgreSQL backends serving the bench database; null on PGlite. */
  database: number | null
}

/** Runs `work` and returns its result with the CPU time used meanwhile. */
async function withCpu<T>(
  child: ChildProcess,
  b: Backend,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuUse }> {
  const dbBefore = await b.backendCpu()
  const before = cpuMsOf(child.pid)
  const result = await work()
  const after = cpuMsOf(child.pid)
  const dbAfter = await b.backendCpu()
  let database: number | null = null
  if (dbBefore && dbAfter) {
    database = 0
    // A backend the pool opened meanwhile counts from zero.
    for (const [pid, ms] of dbAfter) database += ms - (dbBefore.get(pid) ?? 0)
  }
  return {
    result,
    cpu: { server: before === null || after === null ? null : after - before, database },
  }
}

const failures = (r: autocannon.Result) => `${r.errors} / ${r.timeouts} / ${r.non2xx}`

const perRequest = (cpuMs: number | null, requests: number) =>
  cpuMs === null || requests === 0 ? '—' : `${(cpuMs / requests).toFixed(2)} ms`

// ---------------------------------------------------------------- the databases

interface Backend {
  name: 'PostgreSQL' | 'PGlite'
  /** The child server's environment for this database. */
  env: Record<string, string>
  /** CPU ms so far of each database backend process serving the bench database (null: none). */
  backendCpu: () => Promise<Map<number, number> | null>
  drop: () => Promise<void>
}

interface World {
  serviceId: string
  slug: string
  token: string
  /** The published process's main path: each step after the one before it. */
  path: string[]
}

/**
 * Walks the process from its first step along the first normal transition out of each step:
 * steps in an order the API accepts (none starts before a step that precedes it).
 */
function mainPath(process: ServiceProcess): string[] {
  const into = new Set(process.transitions.filter((t) => t.kind === 'normal').map((t) => t.to))
  const first = process.steps.find((s) => s.variantId === null && !into.has(s.id))
  const out: string[] = []
  for (let id = first?.id; id !== undefined && !out.includes(id); ) {
    out.push(id)
    const from = id
    id = process.transitions.find((t) => t.kind === 'normal' && t.from === from)?.to
  }
  return out
}

/** Migrates, loads the demo data, and gives the ثبت احوال editor an API token. */
async function prepare(h: DbHandle, dataDir: string): Promise<World> {
  await migrateToLatest(h.db)
  const deps = benchDeps(h, dataDir)
  const accounts = await loadDemoData(deps)
  const service = await findServiceBySlug(deps.db, SLUG)
  const published = service && (await findPublished(deps.db, service.id))
  if (!service || !published) throw new Error(`no published ${SLUG} in the demo data`)
  const editors = await deps.db
    .selectFrom('users')
    .select(['id', 'agencyId'])
    .where('role', '=', 'agency_editor')
    .where(
      'id',
      'in',
      accounts.map((a) => a.userId),
    )
    .execute()
  const editor = editors.find((e) => e.agencyId === service.agencyId)
  if (!editor) throw new Error(`no demo editor in the agency of ${SLUG}`)
  const { secret } = await createApiToken(deps, null, editor.id, 'bench')
  const path = mainPath(published.content.process)
  if (path.length < 3) throw new Error(`${SLUG}: a process of ${path.length} steps`)
  return { serviceId: service.id, slug: SLUG, token: secret, path }
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

async function onPostgres(scratch: string): Promise<[Backend, World]> {
  const name = `mardom_bench_feedback_${process.pid}`
  const admin = new pg.Client({ connectionString: SERVER_URL })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name}`)
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(SERVER_URL)
  url.pathname = `/${name}`
  const dataDir = join(scratch, 'postgres-data')
  const h = openPostgres(url.toString(), { max: 4 })
  let world: World
  try {
    world = await prepare(h, dataDir)
  } catch (error) {
    await h.close()
    await dropWhenClosed(admin, name)
    await admin.end()
    throw error
  }
  await h.close()
  const backend: Backend = {
    name: 'PostgreSQL',
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    // The server is on this machine (127.0.0.1): its backends' CPU time is in /proc.
    backendCpu: async () => {
      const { rows } = await admin.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = $1',
        [name],
      )
      const out = new Map<number, number>()
      for (const { pid } of rows) {
        const ms = cpuMsOf(pid)
        if (ms === null) return null
        out.set(pid, ms)
      }
      return out
    },
    drop: async () => {
      await dropWhenClosed(admin, name)
      await admin.end()
    },
  }
  return [backend, world]
}

async function onPglite(scratch: string): Promise<[Backend, World]> {
  const dataDir = join(scratch, 'pglite-data')
  const h = await openPglite({ dataDir })
  try {
    const world = await prepare(h, dataDir)
    const backend: Backend = {
      name: 'PGlite',
      env: { DATA_DIR: dataDir },
      backendCpu: async () => null,
      drop: async () => {},
    }
    return [backend, world]
  } finally {
    await h.close()
  }
}

// ---------------------------------------------------------------- the server

/** `FEEDBACK_BENCH_PROFILE=<dir>`: the servers run under `node --cpu-prof` into that directory. */
const PROFILE_DIR = process.env.FEEDBACK_BENCH_PROFILE
/** `FEEDBACK_BENCH_DATABASES=postgres` (or `pglite`): one database only, while developing. */
const DATABASES = (process.env.FEEDBACK_BENCH_DATABASES ?? 'postgres,pglite').split(',')

async function startServer(b: Backend): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    // Citizens' addresses come from X-Forwarded-For, as behind the production reverse proxy.
    TRUST_PROXY: 'true',
    // No background feedback upkeep during the measurements.
    FEEDBACK_UPKEEP_MINUTES: '0',
    ...b.env,
  }
  if (!b.env.DATABASE_URL) delete env.DATABASE_URL
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []
  // One process: the figures are per process (production on PostgreSQL would start one per core).
  const child = nodeOnServerCore([...profile, cli, 'serve', '--workers', '1'], env)
  const base = `http://127.0.0.1:${port}`
  await waitFor200(`${base}/healthz`, child)
  // A new server builds the open-data files in the background; they are served once built, so
  // asking for them waits for that work to end before anything is measured.
  for (const format of ['json', 'csv', 'jsonld']) {
    const res = await fetch(`${base}/api/v1/export/catalogue.${format}`)
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`GET /api/v1/export/catalogue.${format}: ${res.status}`)
  }
  return { child, base }
}

// ---------------------------------------------------------------- (1) ingestion

interface Posts {
  first: string
  second: string
  firstEvents: number
  secondEvents: number
}

/**
 * One transaction in two posts. It starts 10–80 days ago; each step starts 5–120 minutes after
 * the one before it finished and takes 10 minutes to a day and a half (some steps late).
 */
function plan(w: World, code: string, random: () => number, now: number): Posts {
  const startedAt = now - (10 + random() * 70) * DAY_MS
  let at = startedAt + random() * HOUR_MS
  const steps = w.path.map((stepId) => {
    const start = at
    const finish = start + (1 / 6 + random() * 35) * HOUR_MS
    at = finish + (5 + random() * 115) * 60_000
    return { stepId, startedAt: new Date(start).toISOString(), finishedAt: new Date(finish) }
  })
  const completedAt = at
  // The first post: the steps before `cut` done, step `cut` started.
  const cut = 1 + Math.floor(random() * (steps.length - 1))
  const head = {
    serviceId: w.serviceId,
    trackingCode: code,
    channel: CHANNELS[Math.floor(random() * CHANNELS.length)] ?? 'online',
    startedAt: new Date(startedAt).toISOString(),
  }
  const done = (s: (typeof steps)[number]) => ({ ...s, finishedAt: s.finishedAt.toISOString() })
  const cutStep = steps[cut]
  if (!cutStep) throw new Error('no step to cut at')
  const first = {
    ...head,
    steps: [
      ...steps.slice(0, cut).map(done),
      { stepId: cutStep.stepId, startedAt: cutStep.startedAt },
    ],
  }
  const second = {
    ...head,
    completedAt: new Date(completedAt).toISOString(),
    outcome: OUTCOMES[Math.floor(random() * OUTCOMES.length)] ?? 'approved',
    steps: steps.slice(cut).map(done),
  }
  return {
    first: JSON.stringify(first),
    second: JSON.stringify(second),
    // start + (start, finish) of each step before the cut + the cut step's start
    firstEvents: 1 + 2 * cut + 1,
    // the cut step's finish + (start, finish) of each later step + the end
    secondEvents: 1 + 2 * (steps.length - cut - 1) + 1,
  }
}

interface Ingestion {
  requestsPerSecond: number
  eventsPerSecond: number
  eventsPerRequest: number
  transactions: number
  p50: number
  p99: number
  /** Failures as «errors / timeouts / non-2xx» (autocannon's counts). */
  bad: string
  /** The server's and the database backends' CPU time per request. */
  cpuPerRequest: string
  dbCpuPerRequest: string
  /** Statuses other than 2xx, as «409×2, 500×1». */
  otherStatuses: string
  /** The CPU time used and the events accepted while measuring. */
  cpu: CpuUse
  events: number
  ratingPaths: string[]
}

/**
 * autocannon over the two posts of each transaction: every connection posts a new tracking
 * code, then the same code again, then the next new code.
 */
async function ingest(
  child: ChildProcess,
  backend: Backend,
  base: string,
  w: World,
  durationS: number,
  seed: number,
): Promise<Ingestion> {
  const random = prng(seed)
  const contexts = new WeakMap<object, Posts>()
  let code = 0
  let events = 0
  let completed = 0
  const ratingPaths: string[] = []
  const other = new Map<number, number>()
  const note = (status: number) => {
    if (status < 200 || status >= 300) other.set(status, (other.get(status) ?? 0) + 1)
  }
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${w.token}`,
  }
  const { result: r, cpu } = await withCpu(child, backend, () =>
    autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: durationS,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/transactions',
          headers,
          setupRequest: (req, context) => {
            code++
            const posts = plan(w, `BENCH-${seed}-${code}`, random, Date.now())
            contexts.set(context, posts)
            return { ...req, body: posts.first }
          },
          onResponse: (status, _body, context) => {
            note(status)
            if (status >= 200 && status < 300) events += contexts.get(context)?.firstEvents ?? 0
          },
        },
        {
          method: 'POST',
          path: '/api/v1/transactions',
          headers,
          setupRequest: (req, context) => ({ ...req, body: contexts.get(context)?.second ?? '' }),
          onResponse: (status, body, context) => {
            note(status)
            if (status < 200 || status >= 300) return
            events += contexts.get(context)?.secondEvents ?? 0
            completed++
            const url = /"ratingUrl":"([^"]+)"/.exec(body)?.[1]
            if (url) ratingPaths.push(new URL(url).pathname)
          },
        },
      ],
    }),
  )
  const ok = r['2xx']
  return {
    requestsPerSecond: r.requests.average,
    eventsPerSecond: events / r.duration,
    eventsPerRequest: ok ? events / ok : 0,
    transactions: completed,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bad: failures(r),
    cpuPerRequest: perRequest(cpu.server, r.requests.total),
    dbCpuPerRequest: perRequest(cpu.database, r.requests.total),
    otherStatuses: [...other].map(([status, n]) => `${status}×${n}`).join(', '),
    cpu,
    events,
    ratingPaths,
  }
}

// ---------------------------------------------------------------- (2) ratings

interface RateFigures {
  requestsPerSecond: number
  p50: number
  p99: number
  /** Failures as «errors / timeouts / non-2xx» (autocannon's counts). */
  bad: string
  cpuPerRequest: string
  dbCpuPerRequest: string
}

interface Ratings {
  opened: RateFigures
  submitted: RateFigures
  links: number
  saved: number
  stored: number
}

async function satisfactionN(base: string, serviceId: string): Promise<number> {
  const res = await fetch(`${base}/api/v1/services/${serviceId}/feedback`)
  const json: unknown = await res.json()
  if (
    typeof json === 'object' &&
    json !== null &&
    'satisfaction' in json &&
    typeof json.satisfaction === 'object' &&
    json.satisfaction !== null &&
    'n' in json.satisfaction &&
    typeof json.satisfaction.n === 'number'
  )
    return json.satisfaction.n
  throw new Error(`GET /api/v1/services/${serviceId}/feedback answered ${res.status}`)
}

/** Opens every link once, waits out the minimum fill time, then submits each once. */
async function rate(
  child: ChildProcess,
  backend: Backend,
  base: string,
  w: World,
  paths: string[],
  seed: number,
): Promise<Ratings> {
  const random = prng(seed)
  const links = paths.slice(0, RATINGS)
  const csrf = randomBytes(32).toString('base64url')
  const cookie = `${cookieName(CSRF_COOKIE, 'production')}=${csrf}`
  const startedOf = new Map<string, string>()
  const before = await satisfactionN(base, w.serviceId)

  let next = 0
  const pathOf = new WeakMap<object, string>()
  const opened = await withCpu(child, backend, () =>
    autocannon({
      url: base,
      connections: CONNECTIONS,
      amount: links.length,
      requests: [
        {
          method: 'GET',
          setupRequest: (req, context) => {
            const n = next++
            const path = links[n] ?? links[0] ?? '/'
            pathOf.set(context, path)
            return {
              ...req,
              path,
              headers: { cookie, 'x-forwarded-for': citizenAddress(n) },
            }
          },
          onResponse: (status, body, context) => {
            const path = pathOf.get(context)
            const started = /name="started" value="([^"]+)"/.exec(body)?.[1]
            if (status === 200 && path && started) startedOf.set(path, started)
          },
        },
      ],
    }),
  )
  await new Promise((r) => setTimeout(r, FILL_WAIT_MS))

  const ready = links.filter((p) => startedOf.has(p))
  const bodies = ready.map((path) => {
    const form = new URLSearchParams({
      [CSRF_FIELD]: csrf,
      started: startedOf.get(path) ?? '',
      website: '',
      overall: String(1 + Math.floor(random() * 5)),
      clarity: String(1 + Math.floor(random() * 5)),
      promisedTime: random() < 0.7 ? String(1 + Math.floor(random() * 5)) : '',
      staffConduct: random() < 0.5 ? String(1 + Math.floor(random() * 5)) : '',
      comment:
        random() < 0.3
          ? `کارت هنوز نرسیده است. شمارهٔ من ۰۹۱۲${String(1_000_000 + Math.floor(random() * 8_999_999))}`
          : '',
    })
    return { path, body: form.toString() }
  })
  next = 0
  let saved = 0
  const submitted = await withCpu(child, backend, () =>
    autocannon({
      url: base,
      connections: CONNECTIONS,
      amount: bodies.length,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const n = next++
            const b = bodies[n] ?? bodies[0]
            return {
              ...req,
              path: b?.path ?? '/',
              body: b?.body ?? '',
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                cookie,
                'x-forwarded-for': citizenAddress(n),
              },
            }
          },
          onResponse: (status) => {
            if (status === 200) saved++
          },
        },
      ],
    }),
  )
  const figures = ({ result: r, cpu }: { result: autocannon.Result; cpu: CpuUse }) => ({
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bad: failures(r),
    cpuPerRequest: perRequest(cpu.server, r.requests.total),
    dbCpuPerRequest: perRequest(cpu.database, r.requests.total),
  })
  return {
    opened: figures(opened),
    submitted: figures(submitted),
    links: bodies.length,
    saved,
    stored: (await satisfactionN(base, w.serviceId)) - before,
  }
}

// ---------------------------------------------------------------- (3) the cached page

/** «آیا این صفحه مفید بود؟» answered by `HELPFUL_VOTES` citizens, each from their own address. */
async function helpfulVotes(base: string, slug: string): Promise<number> {
  let stored = 0
  for (let n = 0; n < HELPFUL_VOTES; n++) {
    const res = await fetch(`${base}/services/${slug}/helpful`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': citizenAddress(1_000_000 + n),
      },
      body: `vote=${n % 4 === 3 ? 'no' : 'yes'}`,
    })
    await res.arrayBuffer()
    if (res.status === 303) stored++
  }
  return stored
}

interface PageFigures {
  label: string
  app: LoadFigures
  /** The bare server with the same bytes; measured once, for the page with feedback. */
  bare: LoadFigures | null
  markers: string
}

/** What the page says in its feedback places (so the table shows what was measured). */
function feedbackMarkers(html: string): string {
  const has = (s: string) => html.includes(s)
  const helpful = /id="helpful-figure">\s*هنوز دادهٔ کافی نیست/.test(html)
    ? 'helpful: not enough'
    : has('id="helpful-figure"')
      ? 'helpful: figure'
      : 'helpful: —'
  const satisfaction = has('میانگین رضایت') ? 'satisfaction: mean' : 'satisfaction: not enough'
  const time = has('نیمی از درخواست‌ها') ? 'time: median' : 'time: not enough'
  return `${helpful}; ${satisfaction}; ${time}`
}

async function cachedPage(
  scratch: string,
  b: Backend,
  w: World,
  label: string,
  withBare: boolean,
): Promise<PageFigures> {
  const { child, base } = await startServer(b)
  const path = `/services/${w.slug}`
  let app: LoadFigures
  let bodyFile: string
  let contentType: string
  let markers: string
  try {
    const first = await fetch(base + path)
    if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}`)
    const body = Buffer.from(await first.arrayBuffer())
    contentType = first.headers.get('content-type') ?? 'text/html; charset=UTF-8'
    const again = await fetch(base + path)
    if (!Buffer.from(await again.arrayBuffer()).equals(body))
      throw new Error(`${path} is not served from the page cache`)
    markers = feedbackMarkers(body.toString('utf8'))
    bodyFile = join(scratch, `page-${label.replace(/\W+/g, '-')}.html`)
    writeFileSync(bodyFile, body)
    app = await load(`Mardom app, ${label}`, base + path, body.length)
  } finally {
    await stop(child)
  }
  if (!withBare) return { label, app, bare: null, markers }
  const port = await freePort()
  const bare = nodeOnServerCore(
    [join(root, 'bench', 'bare-server.ts'), bodyFile, contentType, String(port)],
    { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  )
  try {
    await waitFor200(`http://127.0.0.1:${port}/`, bare)
    return {
      label,
      app,
      bare: await load('bare node:http, same bytes', `http://127.0.0.1:${port}/`, app.bytes),
      markers,
    }
  } finally {
    await stop(bare)
  }
}

// ---------------------------------------------------------------- main

interface Run {
  backend: Backend['name']
  setupMs: number
  ingestion: Ingestion
  ratings: Ratings
}

async function runOn(
  scratch: string,
  open: (scratch: string) => Promise<[Backend, World]>,
  seed: number,
  pages: PageFigures[],
): Promise<Run> {
  const t = performance.now()
  const [backend, world] = await open(scratch)
  const setupMs = performance.now() - t
  try {
    if (backend.name === 'PGlite')
      pages.push(await cachedPage(scratch, backend, world, 'before', false))
    const { child, base } = await startServer(backend)
    let ingestion: Ingestion
    let ratings: Ratings
    try {
      // The warm-up's transactions are real too: their rating links are used in (2).
      const warm = await ingest(child, backend, base, world, WARMUP_S, seed)
      ingestion = await ingest(child, backend, base, world, DURATION_S, seed + 1)
      ingestion.ratingPaths.unshift(...warm.ratingPaths)
      ratings = await rate(child, backend, base, world, ingestion.ratingPaths, seed + 2)
      if (backend.name === 'PGlite') {
        await helpfulVotes(base, world.slug)
        // The feedback API folds the new transactions into the service's time rollup.
        await satisfactionN(base, world.serviceId)
      }
    } finally {
      await stop(child)
    }
    if (backend.name === 'PGlite')
      pages.push(await cachedPage(scratch, backend, world, 'with feedback', true))
    return { backend: backend.name, setupMs, ingestion, ratings }
  } finally {
    await backend.drop()
  }
}

/** Runs the feedback benchmark and prints its tables. */
export async function benchFeedback(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'mardom-bench-feedback-'))
  const started = performance.now()
  if (canPin)
    spawnSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })
  console.log(
    `\n(f) Feedback (issue 13): the transaction feed, rating links and the service page with its feedback — ${canPin ? 'server on core 0, autocannon (this process) on core 1' : 'NOT pinned (needs taskset and 2 cores)'}; load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  const runs: Run[] = []
  const pages: PageFigures[] = []
  try {
    if (!DATABASES.includes('postgres'))
      console.log('PostgreSQL left out (FEEDBACK_BENCH_DATABASES).')
    else if (await serverAnswers()) runs.push(await runOn(scratch, onPostgres, 1, pages))
    else console.log(`No PostgreSQL server at ${SERVER_URL}: PostgreSQL rows skipped.`)
    if (DATABASES.includes('pglite')) runs.push(await runOn(scratch, onPglite, 11, pages))
    else console.log('PGlite left out (FEEDBACK_BENCH_DATABASES).')
  } finally {
    await Promise.all([...children].map(stop))
    rmSync(scratch, { recursive: true, force: true })
  }

  console.log(
    `\n(f.1) Transaction-event ingestion: POST /api/v1/transactions with an agency API token, autocannon -c ${CONNECTIONS}, ${DURATION_S} s after a ${WARMUP_S} s warm-up; each transaction of ${SLUG} in two posts (a new tracking code, then the same code updated and completed). Event = a transaction's start or end or a step's start or finish that a request newly carries; aim ≥ ${int(AIM_EVENTS_PER_S)} events/s on PostgreSQL`,
  )
  console.log(
    table(
      [
        'database',
        'setup (demo data)',
        'requests/s',
        'events/s',
        'events/request',
        'transactions completed',
        'p50',
        'p99',
        'CPU/request: server',
        'PostgreSQL',
        'errors / timeouts / non-2xx',
      ],
      runs.map((r) => [
        r.backend,
        seconds(r.setupMs),
        int(r.ingestion.requestsPerSecond),
        `${int(r.ingestion.eventsPerSecond)}${r.backend === 'PostgreSQL' && r.ingestion.eventsPerSecond < AIM_EVENTS_PER_S ? ' (below aim)' : ''}`,
        r.ingestion.eventsPerRequest.toFixed(1),
        int(r.ingestion.transactions),
        `${r.ingestion.p50} ms`,
        `${r.ingestion.p99} ms`,
        r.ingestion.cpuPerRequest,
        r.ingestion.dbCpuPerRequest,
        r.ingestion.bad,
      ]),
    ),
  )

  for (const r of runs)
    if (r.ingestion.otherStatuses)
      console.log(`${r.backend}: answers other than 2xx: ${r.ingestion.otherStatuses}`)
  for (const { backend, ingestion: i } of runs) {
    if (i.events === 0 || i.cpu.server === null) continue
    const server = i.cpu.server / i.events
    const database = i.cpu.database === null ? null : i.cpu.database / i.events
    console.log(
      `${backend}: CPU per event ${server.toFixed(2)} ms in the server${database === null ? ' (the database runs inside it)' : `, ${database.toFixed(2)} ms in PostgreSQL`}; at that cost one core for the server would carry about ${int(1000 / server)} events/s${database === null ? '' : ` and one for PostgreSQL about ${int(1000 / database)}`}. An estimate from CPU time, not a measured rate: the rate above is what this machine gave at its load average.`,
    )
  }
  console.log(
    `\n(f.2) Rating submissions: each one-time link from (f.1) (at most ${int(RATINGS)}) opened once (GET /rate/<token>), then after the ${FILL_WAIT_MS / 1000} s minimum fill time submitted once (POST /rate/<token>), autocannon -c ${CONNECTIONS}, one address per citizen (X-Forwarded-For behind TRUST_PROXY)`,
  )
  console.log(
    table(
      [
        'database',
        'links',
        'GET form req/s',
        'GET p50/p99',
        'GET CPU: server / PostgreSQL',
        'POST ratings/s',
        'POST p50/p99',
        'POST CPU: server / PostgreSQL',
        'answered «saved»',
        'stored (feedback API n)',
        'errors / timeouts / non-2xx: GET; POST',
      ],
      runs.map((r) => [
        r.backend,
        int(r.ratings.links),
        int(r.ratings.opened.requestsPerSecond),
        `${r.ratings.opened.p50} / ${r.ratings.opened.p99} ms`,
        `${r.ratings.opened.cpuPerRequest} / ${r.ratings.opened.dbCpuPerRequest}`,
        int(r.ratings.submitted.requestsPerSecond),
        `${r.ratings.submitted.p50} / ${r.ratings.submitted.p99} ms`,
        `${r.ratings.submitted.cpuPerRequest} / ${r.ratings.submitted.dbCpuPerRequest}`,
        int(r.ratings.saved),
        int(r.ratings.stored),
        `${r.ratings.opened.bad}; ${r.ratings.submitted.bad}`,
      ]),
    ),
  )

  const bare = pages.find((p) => p.bare !== null)?.bare
  if (pages.length > 0 && bare) {
    console.log(
      `\n(f.3) The cached service page /services/${SLUG} on PGlite (the page of (c.b)), in a newly started server before any feedback, and again with the feedback widgets full (${HELPFUL_VOTES} helpful votes, the ratings and transactions above); autocannon -c ${CONNECTIONS}, ${DURATION_S} s after a ${WARMUP_S} s warm-up; beside the bare server sending the page with feedback (the two pages differ by a few hundred bytes)`,
    )
    const ratio = (f: LoadFigures) =>
      `${(bare.requestsPerSecond ? f.requestsPerSecond / bare.requestsPerSecond : 0).toFixed(2)}×`
    const row = (label: string, markers: string, f: LoadFigures) => [
      label,
      markers,
      int(f.requestsPerSecond),
      `${f.p50} ms`,
      `${f.p99} ms`,
      int(f.bytes),
      f.bad ? String(f.bad) : '0',
      ratio(f),
    ]
    console.log(
      table(
        [
          'page',
          'what the feedback places show',
          'req/s',
          'p50',
          'p99',
          'body bytes',
          'errors+non-2xx',
          'vs bare',
        ],
        [
          ...pages.map((p) => row(p.label, p.markers, p.app)),
          row('bare node:http, same bytes as «with feedback»', '', bare),
        ],
      ),
    )
  }
  console.log(`Feedback bench time: ${seconds(performance.now() - started)}`)
}

if (import.meta.main) {
  process.once('SIGINT', () => {
    Promise.all([...children].map(stop)).finally(() => process.exit(130))
  })
  benchFeedback().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
