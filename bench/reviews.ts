/**
 * The daily review follow-up over 20,000 services (issue 12, "Done when": under 5 s on PGlite,
 * and nothing added to a cached service page). Part of `npm run bench`; prints figures,
 * asserts nothing.
 *
 * Two scenarios, each on its own copy of the generated catalogue of bench/catalogue.ts (the
 * demo data plus 20,000 services, first published on their demo versions' dates):
 *   - "most current": every service's clock set to start so that it is due 120–1,000 days from
 *     now, then a share of them (a seeded draw, the same every run) moved into each window:
 *     due soon, due, past the due date, a month overdue, escalated;
 *   - "first run on the catalogue as generated": the demo dates left as they are (most of the
 *     services first published more than three years ago: escalated at once), with the same
 *     draw moved into the windows. The worst day: a portal switched on over an old catalogue.
 * Every agency gets an admin and an editor with an e-mail address (so the digests have readers
 * and outbox rows, as in a real installation). Then, per scenario:
 *   1. The database is opened afresh in this process, with the app behind the same HTTP front
 *      as `mardom serve` (the cached-page fast path, then the app), and the service page of
 *      bench/catalogue.ts is put in the page cache.
 *   2. `runReviewReminders` once, cold (the first run over these services, the first read of
 *      most of their rows since the database was opened): its time, SQL statements (counted
 *      at the driver) and messages; then a second run the same day (nothing left to send),
 *      which is what most days cost.
 *   3. In the second scenario only: the cached page under load (autocannon in a child process)
 *      before the cold run and again just after it, with the SQL statements sent during each
 *      load window.
 *
 * This process (the server and the job) is pinned to core 0 and the load generator to core 1
 * when `taskset` exists and there are two cores.
 *
 * Run alone with `node bench/reviews.ts [catalogue data directory]`: without an argument it
 * builds the generated catalogue first (a few minutes); with one it works on a copy of it.
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getRequestListener } from '@hono/node-server'
import { sql } from 'kysely'
import { buildApp } from '../src/app.ts'
import { openPglite } from '../src/db/create-db.ts'
import type { Deps } from '../src/deps.ts'
import { sessionCookieName } from '../src/features/accounts/index.ts'
import { DEMO_SERVICES } from '../src/features/demo/demo-services.data.ts'
import { type ReminderSummary, runReviewReminders } from '../src/features/reviews/index.ts'
import { REVIEW_STATES, type ReviewState, reviewClock } from '../src/features/services/index.ts'
import { loadPortalSettings } from '../src/features/settings/index.ts'
import { startOfTehranDay, tehranDateOf } from '../src/lib/fa/index.ts'
import { addJalaliMonths } from '../src/lib/fa/jalali-months.ts'
import { cachedPageResponder } from '../src/web/fast-path.ts'
import {
  benchDeps,
  buildCatalogue,
  type Catalogue,
  countStatements,
  GENERATED,
} from './catalogue.ts'
import { children, freePort, type LoadFigures, stop } from './support.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const DAY_MS = 86_400_000
/** The issue's aim for one run of the daily job over 20,000 services on PGlite. */
const AIM_JOB_MS = 5_000

/**
 * The share of services moved into each window, with the days from now to their due date
 * (negative: past due). The rest stay current.
 */
const MIX: { label: string; share: number; days: [number, number] }[] = [
  { label: 'due in 31–89 days (due soon)', share: 0.06, days: [31, 89] },
  { label: 'due in 1–29 days (due)', share: 0.03, days: [1, 29] },
  { label: 'due 0–29 days ago (due date passed)', share: 0.02, days: [-29, 0] },
  { label: 'due 30–89 days ago (overdue)', share: 0.02, days: [-89, -30] },
  { label: 'due 90–400 days ago (escalated)', share: 0.02, days: [-400, -90] },
]

/** A small seeded PRNG (mulberry32), as in bench/catalogue.ts. */
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

const int = (v: number) => Math.round(v).toLocaleString('en')
const ms = (v: number) => `${int(v)} ms`

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

// ---------------------------------------------------------------- pinning

const canPin =
  spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0 && availableParallelism() >= 2

/** This process's CPU list (to put back afterwards), e.g. "1" or "0,1". */
function currentAffinity(): string | null {
  if (!canPin) return null
  const out = spawnSync('taskset', ['-c', '-p', String(process.pid)], { encoding: 'utf8' }).stdout
  return /:\s*([0-9,-]+)\s*$/.exec(out ?? '')?.[1] ?? null
}

function pinThisProcess(cpus: string): void {
  if (canPin)
    spawnSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' })
}

/** autocannon in a child process (bench/load-child.ts), on core 1 when pinned. */
function loadInChild(name: string, url: string, bytes: number): Promise<LoadFigures> {
  const script = join(root, 'bench', 'load-child.ts')
  const args = [script, name, url, String(bytes)]
  const child = canPin
    ? spawn('taskset', ['-c', '1', process.execPath, ...args], { cwd: root })
    : spawn(process.execPath, args, { cwd: root })
  children.add(child)
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString()
  })
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString()
  })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => {
      children.delete(child)
      if (code !== 0) reject(new Error(`load child exited with ${code}\n${err}`))
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as LoadFigures)
    })
  })
}

// ---------------------------------------------------------------- setting the stage

/** The first publication that makes a service due on the Tehran day `days` from `now`. */
function basisFor(now: Date, days: number, cycleMonths: number): Date {
  const due = tehranDateOf(new Date(now.getTime() + days * DAY_MS))
  const start = addJalaliMonths(due, -cycleMonths)
  return new Date(startOfTehranDay(start.jy, start.jm, start.jd).getTime() + 10 * 3_600_000)
}

interface Stage {
  services: number
  moved: { label: string; count: number }[]
  states: Record<ReviewState, number>
  usersAdded: number
  agenciesWithServices: number
}

export type Scenario = 'current' | 'as-generated'

export async function setStage(deps: Deps, scenario: Scenario): Promise<Stage> {
  const now = deps.clock.now()
  const { reviewPolicy } = await loadPortalSettings(deps.db)
  const rows = await deps.db
    .selectFrom('services')
    .select(['id'])
    .where('firstPublishedAt', 'is not', null)
    .where('withdrawnAt', 'is', null)
    .orderBy('id')
    .execute()
  const random = prng(1405)
  const moved = MIX.map((m) => ({ label: m.label, count: 0 }))
  const updates: { id: string; at: Date }[] = []
  for (const r of rows) {
    let x = random()
    const spread = 120 + Math.floor(random() * 881)
    let drawn = false
    for (const [i, m] of MIX.entries()) {
      if (x >= m.share) {
        x -= m.share
        continue
      }
      const [from, to] = m.days
      const days = from + Math.floor(random() * (to - from + 1))
      updates.push({ id: r.id, at: basisFor(now, days, reviewPolicy.cycleMonths) })
      const slot = moved[i]
      if (slot) slot.count++
      drawn = true
      break
    }
    if (!drawn && scenario === 'current')
      updates.push({ id: r.id, at: basisFor(now, spread, reviewPolicy.cycleMonths) })
  }
  for (let i = 0; i < updates.length; i += 2_000) {
    const values = sql.join(
      updates.slice(i, i + 2_000).map((u) => sql`(${u.id}::uuid, ${u.at}::timestamptz)`),
    )
    await sql`UPDATE services s SET first_published_at = v.at, last_reviewed_at = NULL,
        review_reopened_at = NULL
      FROM (VALUES ${values}) AS v(id, at) WHERE s.id = v.id`.execute(deps.db)
  }
  // An admin and an editor with an e-mail address for every agency that has none, and a
  // central supervisor: the people the digests go to. The password hash is unusable.
  const added = await sql<{ n: number }>`
    WITH inserted AS (
      INSERT INTO users (agency_id, username, display_name, email, role, password_hash,
        must_change_password)
      SELECT a.id, 'bench-' || r.short || '-' || a.code, r.label || ' ' || a.name_fa,
        'bench-' || r.short || '-' || a.code || '@example.ir', r.role, '!', false
      FROM agencies a
      CROSS JOIN (VALUES ('agency_admin', 'admin', 'مدیر'), ('agency_editor', 'editor', 'ویراستار'))
        AS r(role, short, label)
      WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.agency_id = a.id AND u.role = r.role)
      RETURNING 1)
    SELECT count(*)::int AS n FROM inserted`.execute(deps.db)
  let usersAdded = Number(added.rows[0]?.n ?? 0)
  const supervisor = await deps.db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'central_supervisor')
    .executeTakeFirst()
  if (!supervisor) {
    await deps.db
      .insertInto('users')
      .values({
        agencyId: null,
        username: 'bench-supervisor',
        displayName: 'ناظر ستاد',
        email: 'bench-supervisor@example.ir',
        role: 'central_supervisor',
        passwordHash: '!',
        mustChangePassword: false,
        updatedAt: now,
      })
      .execute()
    usersAdded++
  }
  // What the clock says now, computed here from the stored facts.
  const facts = await deps.db
    .selectFrom('services as s')
    .innerJoin('serviceVersions as v', (j) =>
      j.onRef('v.serviceId', '=', 's.id').on('v.status', '=', 'published'),
    )
    .select(['s.agencyId', 's.firstPublishedAt', 's.lastReviewedAt', 's.reviewReopenedAt'])
    .where('s.withdrawnAt', 'is', null)
    .execute()
  const states = Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<ReviewState, number>
  for (const f of facts) {
    const clock = reviewClock(f, reviewPolicy, now)
    if (clock) states[clock.state]++
  }
  return {
    services: facts.length,
    moved,
    states,
    usersAdded,
    agenciesWithServices: new Set(facts.map((f) => f.agencyId)).size,
  }
}

// ---------------------------------------------------------------- the measurement

async function countRows(deps: Deps) {
  const n = async (table: 'reviewReminders' | 'notifications' | 'mailOutbox') =>
    Number(
      (
        await deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  return {
    reminders: await n('reviewReminders'),
    inbox: await n('notifications'),
    outbox: await n('mailOutbox'),
  }
}

interface JobRun {
  ms: number
  statements: number
  summary: ReminderSummary
  rows: { reminders: number; inbox: number; outbox: number }
}

interface LoadWindow {
  figures: LoadFigures
  statements: number
}

type Measured = Awaited<ReturnType<typeof measure>>

async function measure(dataDir: string, path: string, underLoad: boolean) {
  const handle = await openPglite({ dataDir })
  if (!handle.pglite) throw new Error('the bench needs the embedded database')
  const sent = countStatements(handle.pglite)
  const deps = benchDeps(handle, dataDir)
  const app = buildApp(deps)
  const appListener = getRequestListener(app.fetch)
  const fromCache = cachedPageResponder(deps.pageCache, {
    sessionCookie: sessionCookieName(deps.config.env),
    trustProxy: deps.config.trustProxy,
    production: deps.config.env === 'production',
  })
  // The same front as src/main.ts: cached pages from memory, everything else to the app.
  const server = createServer((req, res) => {
    if (!fromCache(req, res)) void appListener(req, res)
  })
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${port}${path}`
  try {
    const first = await fetch(url)
    if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}`)
    const bytes = (await first.arrayBuffer()).byteLength
    const again = await fetch(url)
    await again.arrayBuffer()
    if (again.headers.get('etag') !== first.headers.get('etag'))
      throw new Error(`${path} is not served from the page cache`)

    const window = async (name: string): Promise<LoadWindow> => {
      const before = sent.count
      const figures = await loadInChild(name, url, bytes)
      return { figures, statements: sent.count - before }
    }
    const run = async (): Promise<JobRun> => {
      const before = sent.count
      const started = performance.now()
      const summary = await runReviewReminders(deps)
      const took = performance.now() - started
      const statements = sent.count - before
      return { ms: took, statements, summary, rows: await countRows(deps) }
    }

    const rowsBefore = await countRows(deps)
    const without = underLoad ? await window('cached page, no reminder run before') : null
    const cold = await run()
    const after = underLoad ? await window('cached page, just after the reminder run') : null
    const second = await run()
    return { bytes, rowsBefore, without, cold, after, second }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await handle.close()
  }
}

// ---------------------------------------------------------------- main

/** Runs the review-job benchmark on (a copy of) a generated catalogue and prints its tables. */
export async function benchReviews(catalogue: Pick<Catalogue, 'dataDir'>): Promise<void> {
  const started = performance.now()
  const scratch = mkdtempSync(join(tmpdir(), 'mardom-bench-reviews-'))
  const affinity = currentAffinity()
  try {
    console.log(
      `\n(d) The daily review follow-up (runReviewReminders) over the generated catalogue — ${canPin ? 'this process (server and job) on core 0, autocannon on core 1' : 'NOT pinned (needs taskset and 2 cores)'}`,
    )
    console.log(
      `Load average before: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (other work on the machine skews every figure below)`,
    )

    const path = `/services/${DEMO_SERVICES.find((d) => d.slug.includes('national-id'))?.slug ?? DEMO_SERVICES[0]?.slug ?? ''}`
    const scenarios: { scenario: Scenario; name: string }[] = [
      { scenario: 'current', name: 'most current' },
      { scenario: 'as-generated', name: 'first run on the catalogue as generated' },
    ]
    const results: { name: string; stage: Stage; m: Measured }[] = []
    for (const [i, { scenario, name }] of scenarios.entries()) {
      const dataDir = join(scratch, scenario)
      cpSync(catalogue.dataDir, dataDir, { recursive: true })
      // The stage, then the database closed, so the measured run starts cold.
      const setup = await openPglite({ dataDir })
      let stage: Stage
      try {
        stage = await setStage(benchDeps(setup, dataDir), scenario)
      } finally {
        await setup.close()
      }
      pinThisProcess('0')
      const m = await measure(dataDir, path, i === scenarios.length - 1)
      if (affinity) pinThisProcess(affinity)
      results.push({ name, stage, m })
      rmSync(dataDir, { recursive: true, force: true })
    }

    const first = results[0]
    if (first) {
      console.log(
        `${int(first.stage.services)} public services of ${int(first.stage.agenciesWithServices)} agencies; moved into each window by a seeded draw (clock start set back, never reviewed), in both scenarios:`,
      )
      console.log(
        table(
          ['window', 'services'],
          first.stage.moved.map((w) => [w.label, int(w.count)]),
        ),
      )
      console.log(`Staff added for the digests: ${int(first.stage.usersAdded)} users.`)
    }
    console.log('Review states before the run (reviewClock over the stored facts):')
    console.log(
      table(
        ['scenario', ...REVIEW_STATES],
        results.map((r) => [r.name, ...REVIEW_STATES.map((s) => int(r.stage.states[s]))]),
      ),
    )

    const runRow = (
      name: string,
      r: JobRun,
      previous: { reminders: number; inbox: number; outbox: number },
      aim: boolean,
    ) => [
      name,
      `${ms(r.ms)}${aim && r.ms > AIM_JOB_MS ? ' (!)' : ''}`,
      int(r.statements),
      int(r.summary.services),
      int(r.summary.messages),
      int(Object.values(r.summary.sent).reduce((a, b) => a + b, 0)),
      int(r.summary.skipped),
      int(r.rows.reminders - previous.reminders),
      int(r.rows.inbox - previous.inbox),
      int(r.rows.outbox - previous.outbox),
    ]
    console.log(
      `\nrunReviewReminders in process on PGlite, cold (first run over these services, database just opened), then again the same day; aim: under ${AIM_JOB_MS / 1000} s:`,
    )
    console.log(
      table(
        [
          'scenario, run',
          'time',
          'SQL statements',
          'services past 1st warning',
          'messages (digests)',
          'services told',
          'steps skipped',
          'step records',
          'inbox entries',
          'outbox rows',
        ],
        results.flatMap((r) => [
          runRow(`${r.name}: cold`, r.m.cold, r.m.rowsBefore, true),
          runRow(`${r.name}: again`, r.m.second, r.m.cold.rows, false),
        ]),
      ),
    )
    for (const r of results)
      console.log(
        `${r.name}, services told per step (cold run): ${Object.entries(r.m.cold.summary.sent)
          .map(([k, v]) => `${k} ${int(v)}`)
          .join(', ')}`,
      )

    const loaded = results.at(-1)
    const without = loaded?.m.without
    const after = loaded?.m.after
    if (loaded && without && after) {
      console.log(
        `\nCached service page GET ${path} (${int(loaded.m.bytes)} B) over HTTP through the fast path, autocannon -c 50, 10 s after a 2 s warm-up; "${loaded.name}", without and just after its cold run:`,
      )
      console.log(
        table(
          ['window', 'req/s', 'p50', 'p99', 'errors+non-2xx', 'SQL statements during the window'],
          [without, after].map((w) => [
            w.figures.name,
            int(w.figures.requestsPerSecond),
            `${w.figures.p50} ms`,
            `${w.figures.p99} ms`,
            String(w.figures.bad),
            int(w.statements),
          ]),
        ),
      )
      const ratio = without.figures.requestsPerSecond
        ? after.figures.requestsPerSecond / without.figures.requestsPerSecond
        : 0
      console.log(
        `Just after the run the cached page served ${ratio.toFixed(2)}× the requests per second of before; the job publishes nothing, so the page cache keeps the page and a hit runs no SQL.`,
      )
    }
  } finally {
    if (affinity) pinThisProcess(affinity)
    await Promise.all([...children].map(stop))
    rmSync(scratch, { recursive: true, force: true })
  }
  console.log(
    `\nReview bench time: ${((performance.now() - started) / 1000).toFixed(1)} s (load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  )
}

if (import.meta.main) {
  process.once('SIGINT', () => {
    Promise.all([...children].map(stop)).finally(() => process.exit(130))
  })
  const given = process.argv[2]
  const main = async () => {
    if (given) {
      if (!existsSync(given)) throw new Error(`no catalogue data directory at ${given}`)
      await benchReviews({ dataDir: given })
      return
    }
    const scratch = mkdtempSync(join(tmpdir(), 'mardom-bench-reviews-catalogue-'))
    try {
      const c = await buildCatalogue('generated', join(scratch, 'generated'), GENERATED)
      console.log(`Generated catalogue: ${int(c.services)} services, ${int(c.versions)} versions`)
      await benchReviews(c)
    } finally {
      rmSync(scratch, { recursive: true, force: true })
    }
  }
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
