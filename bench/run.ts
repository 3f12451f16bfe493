/**
 * `npm run bench` — prints figures, asserts nothing.
 *
 * (a) Start-up: time from spawning `node src/cli.ts serve` to the first 200 on /healthz,
 *     on a NEW embedded data directory (initdb + migrations) and on an EXISTING one.
 * (b) Home page throughput: the real app (demo data, child process) side by side with a
 *     bare node:http server sending exactly the same bytes. Servers are pinned to core 0
 *     and this process (the autocannon load generator) to core 1 when `taskset` exists.
 * (c) The service catalogue (bench/catalogue.ts): uncached and cached service pages on the
 *     demo catalogue and on 20,000 generated services.
 * (d) The daily review follow-up (bench/reviews.ts) over those 20,000 services: its time,
 *     statements and messages, and the cached service page before and just after it.
 * (e) Search (bench/search.ts): search p50/p95 at 20,000 and 100,000 generated services on
 *     PGlite and PostgreSQL, beside a plain ILIKE scan.
 * (f) Feedback (bench/feedback.ts): transaction-event ingestion through POST /api/v1/transactions
 *     and rating submissions with real one-time links, on PostgreSQL and PGlite, and the cached
 *     service page with its feedback figures full beside the same page before any feedback.
 * (g) Indicators (bench/indicators.ts): every general indicator computed for 245 agencies and
 *     20,000 services over one period, on PGlite and PostgreSQL, with its statement count.
 *
 * (h) Cached public reads (bench/api-cache.ts): `GET /api/v1/services/{id}`, `/api/v1/agencies`,
 *     `/agencies` and the cached service page beside a bare server, on PGlite and PostgreSQL.
 * (i) Start-up with the demo (bench/startup.ts): `serve --demo` on a new data directory and on an
 *     existing one, to the first answered request, with CPU time and the phases of a fresh start.
 * (j) nginx (bench/nginx.ts): the service page's bytes as nginx's static file, the cached page
 *     from the app directly, and through nginx (deploy/nginx/mardom.conf) from its proxy cache.
 * (k) Evaluation (bench/evaluation.ts): every agency's scorecard for a year over 20,000
 *     services, computed and stored, recomputed from the stored inputs, and `/evaluation/{year}`.
 *
 * `BENCH_ONLY=feedback` (or any comma-separated list of startup, home, catalogue, flowchart,
 * search, feedback, indicators, evaluation, api-cache, startup-demo, nginx) runs only those
 * sections, e.g. `BENCH_ONLY=feedback npm run bench`.
 */
import { type ChildProcess, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchApiCache } from './api-cache.ts'
import { benchCatalogue } from './catalogue.ts'
import { benchEvaluation } from './evaluation.ts'
import { benchFeedback } from './feedback.ts'
import { runFlowchartBench } from './flowchart.ts'
import { benchIndicators } from './indicators.ts'
import { benchNginx } from './nginx.ts'
import { benchReviews } from './reviews.ts'
import { benchSearch } from './search.ts'
import { benchStartup as benchStartupDemo } from './startup.ts'
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
const STARTUP_RUNS = 3
const SECTIONS = [
  'startup',
  'home',
  'catalogue',
  'flowchart',
  'search',
  'feedback',
  'indicators',
  'evaluation',
  'api-cache',
  'startup-demo',
  'nginx',
] as const
/** The sections `BENCH_ONLY` names (all of them when it is unset). */
const only = new Set(
  (process.env.BENCH_ONLY ?? SECTIONS.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== ''),
)
for (const name of only)
  if (!SECTIONS.some((s) => s === name))
    throw new Error(`BENCH_ONLY: unknown section ${name} (known: ${SECTIONS.join(', ')})`)

const scratch = mkdtempSync(join(tmpdir(), 'mardom-bench-'))

// ---------------------------------------------------------------- helpers

function startChild(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return startChildIn(command, args, env, root)
}

const hasTaskset = spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0
const canPin = hasTaskset && availableParallelism() >= 2

/** Runs `node …` pinned to core 0 when possible. */
function nodeOnServerCore(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return canPin
    ? startChild('taskset', ['-c', '0', process.execPath, ...args], env)
    : startChild(process.execPath, args, env)
}

function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...extra }
  // Always the embedded database: the bench must not touch a configured server.
  delete env.DATABASE_URL
  return env
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

const percent = (ratio: number) => `${(100 * ratio).toFixed(ratio < 0.1 ? 1 : 0)} %`

const ms = (v: number) => `${Math.round(v).toLocaleString('en')} ms`

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

// ---------------------------------------------------------------- (a) start-up

async function startupOnce(dataDir: string): Promise<{ ready: number; shutdown: number }> {
  const port = await freePort()
  const started = performance.now()
  const child = startChild(
    process.execPath,
    [cli, 'serve'],
    serverEnv({ PORT: String(port), DATA_DIR: dataDir }),
  )
  await waitFor200(`http://127.0.0.1:${port}/healthz`, child)
  const ready = performance.now() - started
  const shutdown = await stop(child)
  if (child.exitCode !== 0) throw new Error(`serve exited with ${child.exitCode} after SIGTERM`)
  return { ready, shutdown }
}

async function benchStartup(): Promise<void> {
  console.log(
    `\n(a) Start-up: spawn → first 200 on /healthz (node src/cli.ts serve, median of ${STARTUP_RUNS})`,
  )
  const fresh: { ready: number; shutdown: number }[] = []
  const existing: { ready: number; shutdown: number }[] = []
  for (let i = 0; i < STARTUP_RUNS; i++) {
    // A data directory that does not exist yet: initdb + all migrations.
    fresh.push(await startupOnce(join(scratch, `startup-new-${i}`)))
  }
  // The first run's directory, now initialised and migrated.
  for (let i = 0; i < STARTUP_RUNS; i++)
    existing.push(await startupOnce(join(scratch, 'startup-new-0')))
  const row = (name: string, runs: { ready: number; shutdown: number }[]) => [
    name,
    ms(median(runs.map((r) => r.ready))),
    runs.map((r) => Math.round(r.ready)).join(' / '),
    ms(median(runs.map((r) => r.shutdown))),
  ]
  console.log(
    table(
      ['data directory', 'ready (median)', 'runs (ms)', 'SIGTERM → exit'],
      [row('new (initdb + migrations)', fresh), row('existing', existing)],
    ),
  )
}

// ---------------------------------------------------------------- (b) throughput

async function benchThroughput(): Promise<void> {
  console.log(
    `\n(b) Home page: autocannon -c ${CONNECTIONS}, ${DURATION_S} s after a ${WARMUP_S} s warm-up, 127.0.0.1`,
  )
  if (canPin) {
    spawnSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })
    console.log('Pinned: servers on core 0, load generator (this process) on core 1.')
  } else {
    console.log('NOT pinned (needs taskset and 2 cores): server and load generator share the CPU.')
  }

  // The real app with demo data, as `npm start` runs it.
  const appPort = await freePort()
  const app = nodeOnServerCore(
    [cli, 'serve', '--demo'],
    serverEnv({ PORT: String(appPort), DATA_DIR: join(scratch, 'app'), NODE_ENV: 'production' }),
  )
  const appUrl = `http://127.0.0.1:${appPort}/`
  await waitFor200(`http://127.0.0.1:${appPort}/healthz`, app)
  const home = await fetch(appUrl)
  if (home.status !== 200) throw new Error(`GET / answered ${home.status}`)
  const body = Buffer.from(await home.arrayBuffer())
  const contentType = home.headers.get('content-type') ?? 'text/html; charset=utf-8'
  const bodyFile = join(scratch, 'home.html')
  writeFileSync(bodyFile, body)

  const results: LoadFigures[] = []
  try {
    results.push(await load('Mardom app (hono, demo data)', appUrl, body.length))
  } finally {
    await stop(app)
  }

  const barePort = await freePort()
  const bare = nodeOnServerCore(
    [join(root, 'bench', 'bare-server.ts'), bodyFile, contentType, String(barePort)],
    serverEnv({}),
  )
  try {
    await waitFor200(`http://127.0.0.1:${barePort}/`, bare)
    results.push(
      await load('bare node:http, same bytes', `http://127.0.0.1:${barePort}/`, body.length),
    )
  } finally {
    await stop(bare)
  }

  const baseline = results[1]?.requestsPerSecond ?? 0
  console.log(
    table(
      ['server', 'req/s', 'p50', 'p99', 'body bytes', 'MB/s read', 'errors+non-2xx', 'vs bare'],
      results.map((r) => [
        r.name,
        Math.round(r.requestsPerSecond).toLocaleString('en'),
        `${r.p50} ms`,
        `${r.p99} ms`,
        r.bytes.toLocaleString('en'),
        r.megabytesPerSecond.toFixed(1),
        String(r.bad),
        baseline ? percent(r.requestsPerSecond / baseline) : '—',
      ]),
    ),
  )
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const started = performance.now()
  console.log(`Mardom benchmarks — Node ${process.version}, ${availableParallelism()} cores`)
  if (only.has('startup')) await benchStartup()
  if (only.has('home')) await benchThroughput()
  if (only.has('catalogue')) await benchCatalogue({ afterGenerated: benchReviews })
  if (only.has('flowchart')) await runFlowchartBench()
  if (only.has('search')) await benchSearch()
  if (only.has('feedback')) await benchFeedback()
  if (only.has('indicators')) await benchIndicators()
  if (only.has('evaluation')) await benchEvaluation()
  if (only.has('api-cache')) await benchApiCache()
  if (only.has('startup-demo')) await benchStartupDemo()
  if (only.has('nginx')) await benchNginx()
  console.log(
    `\nTotal bench time: ${(Math.round((performance.now() - started) / 100) / 10).toFixed(1)} s`,
  )
}

async function cleanup(): Promise<void> {
  await Promise.all([...children].map(stop))
  rmSync(scratch, { recursive: true, force: true })
}

process.once('SIGINT', () => {
  cleanup().finally(() => process.exit(130))
})

main().then(
  () => cleanup(),
  async (error: unknown) => {
    console.error(error)
    await cleanup()
    process.exitCode = 1
  },
)
