import { type ChildProcess, spawn } from 'node:child_process'
import { request } from 'node:http'
import { createServer } from 'node:net'
import autocannon from 'autocannon'

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address ? address.port : 0
      srv.close(() => resolve(port))
    })
  })
}

/** GET over a fresh connection; resolves with the status, or 0 when nothing answers. */
export function statusOf(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, timeout: 1000 }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.once('error', () => resolve(0))
    req.once('timeout', () => req.destroy())
    req.end()
  })
}

/** Polls `url` until it answers 200; fails when `child` exits or time runs out. */
export async function waitFor200(
  url: string,
  child: ChildProcess,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`)
    if ((await statusOf(url)) === 200) return
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms`)
}

/** Child processes still running, so a benchmark can stop them all on exit or Ctrl-C. */
export const children = new Set<ChildProcess>()

/** Starts a child in `cwd`, keeping its stderr to print if it fails. */
export function startChild(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  stdout: 'ignore' | 'pipe' = 'ignore',
): ChildProcess {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', stdout, 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  child.once('exit', (code, signal) => {
    children.delete(child)
    if (code && code !== 0)
      console.error(`[${args.join(' ')}] exited ${code} ${signal ?? ''}\n${stderr}`)
  })
  children.add(child)
  return child
}

/**
 * Waits until the child prints a line containing `text` on its standard output (started with
 * `stdout: 'pipe'`); false when it exits or `timeoutMs` passes first.
 */
export function printed(child: ChildProcess, text: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let seen = ''
    const done = (result: boolean) => {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.off('exit', onExit)
      resolve(result)
    }
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4096)
      if (seen.includes(text)) done(true)
    }
    const onExit = () => done(false)
    const timer = setTimeout(() => done(false), timeoutMs)
    child.stdout?.on('data', onData)
    child.once('exit', onExit)
  })
}

/** SIGTERM and wait for the exit; returns how long that took in milliseconds. */
export async function stop(child: ChildProcess): Promise<number> {
  const started = performance.now()
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((r) => child.once('exit', () => r()))
    child.kill('SIGTERM')
    await exited
  }
  return performance.now() - started
}

/** Load-test settings shared by the benchmarks: warm up, then measure, with 50 connections. */
export const WARMUP_S = 2
export const DURATION_S = 10
export const CONNECTIONS = 50

export interface LoadFigures {
  name: string
  requestsPerSecond: number
  p50: number
  p99: number
  bytes: number
  megabytesPerSecond: number
  bad: number
}

/** Requests per second and latency of one URL (after a warm-up run), with autocannon. */
export async function load(name: string, url: string, bytes: number): Promise<LoadFigures> {
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S })
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S })
  return {
    name,
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bytes,
    megabytesPerSecond: r.throughput.average / 1e6,
    bad: r.errors + r.timeouts + r.non2xx,
  }
}

/** Figures of a load over many paths, with how many requests were sent and over how many paths. */
export interface PathsLoadFigures extends LoadFigures {
  sent: number
  paths: number
}

/**
 * Requests per second over `paths` in turn, one after the other across the warm-up and the
 * measured run: with more paths than requests, no path is asked twice (distinct queries).
 */
export async function loadPaths(
  name: string,
  base: string,
  paths: readonly string[],
  settings: { connections: number; warmupS: number; durationS: number } = {
    connections: CONNECTIONS,
    warmupS: WARMUP_S,
    durationS: DURATION_S,
  },
): Promise<PathsLoadFigures> {
  let next = 0
  const run = (duration: number) =>
    autocannon({
      url: base,
      connections: settings.connections,
      duration,
      requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
    })
  await run(settings.warmupS)
  const r = await run(settings.durationS)
  return {
    name,
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bytes: r.throughput.total / Math.max(1, r.requests.total),
    megabytesPerSecond: r.throughput.average / 1e6,
    bad: r.errors + r.timeouts + r.non2xx,
    sent: next,
    paths: paths.length,
  }
}
