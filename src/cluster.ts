import cluster, { type Worker } from 'node:cluster'
import { subscribe } from 'node:diagnostics_channel'
import type { ServerResponse } from 'node:http'
import { availableParallelism } from 'node:os'
import type { Config } from './config.ts'

/**
 * `mardom serve --workers N`: N worker processes sharing one port through node:cluster (the
 * primary accepts connections and hands them round-robin to the workers), on PostgreSQL only.
 *
 * What makes several processes safe is mostly elsewhere: sessions, sign-in throttles and rate
 * limits live in the database; a public change reaches every process's page cache through
 * NOTIFY (`deps.publicChange`, db/cache-channel.ts); the open-data export files are written to
 * a temporary name and renamed. What a worker's slot changes is in {@link configForSlot}: the
 * jobs and the export files' builds happen in worker 1 only. The primary only migrates, loads
 * the demo data (both once, before forking, so workers never race for them), forks, restarts a
 * worker that dies, and passes SIGTERM on for a graceful shutdown.
 */

/** The answering worker's slot (1…N), on every response of a cluster: see {@link tagResponses}. */
export const WORKER_HEADER = 'X-Mardom-Worker'

/** More than this is a typo, not a machine: each worker holds its own pool of 10 connections. */
const MAX_WORKERS = 64

export const PGLITE_REFUSAL =
  'چند کارگر (--workers بیش از ۱) تنها با PostgreSQL ممکن است: پایگاه دادهٔ درونی (PGlite) را یک فرایند باز می‌کند. DATABASE_URL را بدهید یا --workers 1.\n' +
  'Several workers (--workers above 1) need PostgreSQL: the embedded database (PGlite) is opened by one process only (its data directory is locked). Set DATABASE_URL, or use --workers 1.'

/**
 * How many workers: `--workers N` or `auto` (one per core); without it, one per core in
 * production on PostgreSQL and one otherwise (the embedded database cannot be shared).
 */
export function workerCount(option: string | undefined, config: Config): number {
  const cores = availableParallelism()
  if (option === undefined) return config.env === 'production' && config.databaseUrl ? cores : 1
  const n = option === 'auto' ? cores : Number(option)
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS)
    throw new Error(`--workers: a whole number from 1 to ${MAX_WORKERS}, or auto (got ${option})`)
  if (n > 1 && !config.databaseUrl) throw new Error(PGLITE_REFUSAL)
  return n
}

/** Whether this process is a worker forked by {@link runPrimary}. */
export const isClusterWorker = (): boolean => cluster.isWorker

/**
 * The scheduled jobs run in worker 1 only. Each job already holds an advisory lock, so two
 * runs never overlap (that is what keeps several machines safe), but a worker whose timer
 * fires a few milliseconds after another run has finished would run the daily job again:
 * the link check would request every agency's site twice. Worker 1 is always replaced under
 * the same slot, so the jobs keep running after a crash. The settings below are all that
 * start jobs (jobs/start-jobs.ts); a new job must be switched off here too.
 *
 * Worker 1 also builds the open-data export files after each public change; the others serve
 * the files it puts in the shared DATA_DIR (features/opendata/export-files.store.ts), instead
 * of each rebuilding every file.
 */
export function configForSlot(config: Config, slot: number): Config {
  if (slot === 1) return config
  return {
    ...config,
    exportFilesBuilder: false,
    linkCheckAt: 'off',
    reviewRemindersAt: 'off',
    indicatorsAt: 'off',
    mailSendIntervalMs: 0,
    feedbackUpkeepMs: 0,
  }
}

/**
 * Puts {@link WORKER_HEADER} on every response this process sends, set when the request starts
 * (node:http's diagnostics channel), before the app or the page-cache fast path writes its
 * head, which keeps headers already set. It is on always in a cluster, not behind a setting:
 * it names a slot number (no pid, host or version), so it tells a client no more than that
 * several processes answer, and it lets an operator match an answer to a worker's log, and
 * the cluster test see that requests are spread. nginx can drop it (`proxy_hide_header`).
 */
export function tagResponses(slot: number): void {
  const value = String(slot)
  subscribe('http.server.request.start', (message) => {
    const response = (message as { response?: ServerResponse }).response
    if (response && !response.headersSent) response.setHeader(WORKER_HEADER, value)
  })
}

export interface PrimaryOptions {
  workers: number
  /** The CLI arguments a worker starts with (its slot is appended). */
  args: string[]
  /** How long workers get to drain after SIGTERM before they are killed (plus a margin). */
  shutdownTimeoutMs: number
  /** Called once, when every worker listens, with the address they share. */
  onReady(address: { port: number; address: string | null }): void
  log: (message: string) => void
}

/** A worker that lived at least this long died of something new: restart it at once. */
const STABLE_MS = 10_000
/** Restart delays for a worker that keeps dying at start-up: doubling up to this. */
const MAX_RESTART_DELAY_MS = 30_000

/**
 * Runs the primary: forks `workers` workers, each with its slot (1…N) as `--worker-slot`, and
 * keeps the slots filled. A worker that dies is replaced at once; one that keeps dying soon
 * after start (a bad configuration, the database away) is replaced with a growing delay so the
 * machine is not spent forking. On SIGTERM or SIGINT every worker is asked to drain and stop;
 * the primary exits when they all have, or kills the rest after the shutdown timeout.
 */
export function runPrimary(options: PrimaryOptions): void {
  const slots = new Map<number, Worker>()
  const failures = new Map<number, number>()
  const listening = new Set<number>()
  let stopping = false
  let ready = false

  const fork = (slot: number) => {
    cluster.setupPrimary({ args: [...options.args, '--worker-slot', String(slot)] })
    const worker = cluster.fork()
    const started = performance.now()
    slots.set(slot, worker)
    worker.once('listening', (address) => {
      listening.add(slot)
      if (ready || stopping || listening.size < options.workers) return
      ready = true
      options.onReady(address)
    })
    worker.once('exit', (code, signal) => {
      if (slots.get(slot) === worker) slots.delete(slot)
      if (stopping) {
        if (slots.size === 0) process.exit(0)
        return
      }
      const lived = performance.now() - started
      const n = lived >= STABLE_MS ? 1 : (failures.get(slot) ?? 0) + 1
      failures.set(slot, n)
      const delay = n <= 1 ? 0 : Math.min(MAX_RESTART_DELAY_MS, 250 * 2 ** n)
      options.log(
        `worker ${slot} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}); restarting${delay ? ` in ${delay} ms` : ''}`,
      )
      // Not unref'd: with every worker gone, this timer is what keeps the primary alive.
      setTimeout(() => {
        if (!stopping) fork(slot)
      }, delay)
    })
  }

  const shutdown = () => {
    if (stopping) return
    stopping = true
    options.log(`shutting down ${slots.size} workers`)
    if (slots.size === 0) process.exit(0)
    for (const worker of slots.values()) worker.process.kill('SIGTERM')
    const timer = setTimeout(() => {
      for (const worker of slots.values()) worker.process.kill('SIGKILL')
      process.exit(1)
    }, options.shutdownTimeoutMs + 5_000)
    timer.unref()
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
  for (let slot = 1; slot <= options.workers; slot++) fork(slot)
}
