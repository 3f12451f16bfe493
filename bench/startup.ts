/**
 * Start-up with the demo (issue 16 item 4): how long `node src/cli.ts serve --demo` (what
 * `npm start` runs) takes from spawn to its first answered request, on a NEW data directory
 * (a copy of the migrated template, then the demo's agencies, catalogue and accounts; its
 * stories follow while it serves) and on an EXISTING one (a restart), with the
 * child's CPU time at that moment (from /proc: the machine is shared, and CPU time says what
 * the start costs when wall time says how busy the machine was). Then the phases of a fresh
 * start in one process: imports, opening the database, and each demo step. The first fresh
 * start on a machine also saves the migrated template (node_modules/.cache/mardom), as
 * `npm start` does once after `npm install`; the runs after it use the template.
 * Prints figures, asserts nothing. Aims: fresh ≤ 8 s, restart ≤ 2 s.
 *
 *   node bench/startup.ts                 # on PGlite (and PostgreSQL when BENCH_DATABASE_URL
 *                                         # names a server whose databases it may create)
 *   BENCH_ONLY=startup npm run bench      # the same inside the whole bench
 *
 * `node bench/startup.ts --phases <dir>` is the child that times the phases (internal).
 */
import { spawn } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { children, freePort, startChild, statusOf, stop } from './support.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'src', 'cli.ts')
const RUNS = Number(process.env.STARTUP_RUNS ?? 3)

/** The child's CPU time so far (user + system), in ms, from /proc; null where there is none. */
function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces, hence the last ')').
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    return Math.round((ticks * 1000) / 100)
  } catch {
    return null
  }
}

interface StartFigures {
  /** Spawn → first 200 on /healthz. */
  healthz: number
  /** Spawn → first 200 on the home page (a page with the demo catalogue). */
  home: number
  cpuMs: number | null
}

async function startOnce(env: NodeJS.ProcessEnv): Promise<StartFigures> {
  const port = await freePort()
  const started = performance.now()
  const child = startChild(
    process.execPath,
    [cli, 'serve', '--demo'],
    { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    root,
  )
  const base = `http://127.0.0.1:${port}`
  try {
    let healthz = 0
    for (;;) {
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`)
      if (performance.now() - started > 900_000) throw new Error('no answer within 900 s')
      if ((await statusOf(`${base}/healthz`)) === 200) {
        healthz = performance.now() - started
        break
      }
      await new Promise((r) => setTimeout(r, 5))
    }
    const cpuMs = cpuMsOf(child.pid)
    // statusOf gives up after a second: on a busy machine the first page may take longer.
    while ((await statusOf(`${base}/`)) !== 200) {
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`)
      if (performance.now() - started > 900_000) throw new Error('no home page within 900 s')
    }
    return { healthz, home: performance.now() - started, cpuMs }
  } finally {
    await stop(child)
  }
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}
const ms = (v: number) => `${Math.round(v).toLocaleString('en')} ms`

function row(name: string, runs: StartFigures[]): string[] {
  const cpu = runs.map((r) => r.cpuMs).filter((c): c is number => c !== null)
  return [
    name,
    ms(median(runs.map((r) => r.healthz))),
    ms(median(runs.map((r) => r.home))),
    cpu.length ? ms(median(cpu)) : '—',
    runs.map((r) => Math.round(r.healthz)).join(' / '),
  ]
}

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

/** Fresh starts (each on a new data directory or database) and restarts on the first one. */
async function freshAndRestart(
  name: string,
  fresh: () => Promise<NodeJS.ProcessEnv>,
): Promise<string[][]> {
  const freshRuns: StartFigures[] = []
  let first: NodeJS.ProcessEnv | undefined
  for (let i = 0; i < RUNS; i++) {
    const env = await fresh()
    first ??= env
    freshRuns.push(await startOnce(env))
  }
  const restarts: StartFigures[] = []
  for (let i = 0; i < RUNS; i++) if (first) restarts.push(await startOnce(first))
  return [
    row(`${name}: new (template copy, demo before listening)`, freshRuns),
    row(`${name}: restart`, restarts),
  ]
}

function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  delete env.DATABASE_URL
  return env
}

async function phasesOnce(dataDir: string): Promise<Record<string, number[]>> {
  // Its own spawn: `startChild` drops stdout, where the child prints its figures.
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--phases', dataDir], {
    cwd: root,
    env: baseEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.add(child)
  child.once('exit', () => children.delete(child))
  let out = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString()
  })
  await new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const line = out.split('\n').find((l) => l.startsWith('{'))
  if (!line) throw new Error('the phases child printed nothing')
  return JSON.parse(line) as Record<string, number[]>
}

export async function benchStartup(): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'mardom-startup-'))
  let n = 0
  const newDir = () => join(scratch, `data-${n++}`)
  try {
    console.log(
      `\nStart-up with the demo: spawn → first 200 (node src/cli.ts serve --demo, median of ${RUNS})`,
    )
    // cli.ts keeps Node's compile cache in node_modules/.cache/mardom/compile; first without it.
    const rows = await freshAndRestart('PGlite, no compile cache', async () =>
      baseEnv({ DATA_DIR: newDir(), NODE_DISABLE_COMPILE_CACHE: '1' }),
    )
    rows.push(
      ...(await freshAndRestart('PGlite (as npm start)', async () =>
        baseEnv({ DATA_DIR: newDir() }),
      )),
    )
    const pgUrl = process.env.BENCH_DATABASE_URL
    const created: string[] = []
    if (pgUrl) {
      const admin = new pg.Client({ connectionString: pgUrl })
      await admin.connect()
      try {
        rows.push(
          ...(await freshAndRestart('PostgreSQL', async () => {
            const name = `mardom_startup_${process.pid}_${n++}`
            await admin.query(`CREATE DATABASE ${name}`)
            created.push(name)
            const url = new URL(pgUrl)
            url.pathname = `/${name}`
            const env = baseEnv({ DATA_DIR: newDir() })
            env.DATABASE_URL = url.toString()
            return env
          })),
        )
      } finally {
        for (const name of created)
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await admin.end()
      }
    }
    console.log(
      table(['start', '/healthz (median)', 'home page', 'CPU at /healthz', 'runs (ms)'], rows),
    )
    if (!pgUrl) console.log('(PostgreSQL: set BENCH_DATABASE_URL to include it.)')

    console.log('\nPhases of a fresh start in one process, one after the other (wall ms / CPU ms):')
    const fresh = await phasesOnce(newDir())
    console.log(
      table(
        ['phase', 'wall', 'CPU'],
        Object.entries(fresh).map(([k, [wall = 0, cpu = 0]]) => [k, ms(wall), ms(cpu)]),
      ),
    )
  } finally {
    await Promise.all([...children].map(stop))
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** The child: one fresh start's phases, timed in order, printed as one JSON line. */
async function phasesChild(): Promise<void> {
  const phases: Record<string, number[]> = {}
  let wall = performance.now()
  let cpu = process.cpuUsage()
  const lap = (name: string) => {
    const used = process.cpuUsage(cpu)
    phases[name] = [
      Math.round(performance.now() - wall),
      Math.round((used.user + used.system) / 1000),
    ]
    wall = performance.now()
    cpu = process.cpuUsage()
  }
  // As `serve --demo` does (cli.ts): the database opens while the app's modules load, and the
  // demo's stories run after the server listens; the phases are timed one after the other here.
  const { loadConfig } = await import('../src/config.ts')
  const { openAndMigrate } = await import('../src/db/open-and-migrate.ts')
  lap('imports: config and database')
  const config = { ...loadConfig(), logLevel: 'warn' as const }
  const handle = await openAndMigrate(config)
  lap('open and migrate (copy of the migrated template)')
  const { createDeps } = await import('../src/main.ts')
  const { loadDemoBase, loadDemoStories } = await import('../src/features/demo/demo.load.ts')
  lap('imports: the app')
  const deps = createDeps(config, handle.db)
  const onStep = (t: { step: string; ms: number; cpuMs: number }) => {
    phases[`demo: ${t.step}`] = [t.ms, t.cpuMs]
  }
  const base = await loadDemoBase(deps, { onStep })
  lap('demo before listening (all steps)')
  await loadDemoStories(deps, base.agencies, { onStep })
  lap('demo stories while serving (all steps)')
  await handle.close()
  console.log(JSON.stringify(phases))
}

if (process.argv[2] === '--phases') await phasesChild()
else if (import.meta.url === `file://${process.argv[1]}`) await benchStartup()
