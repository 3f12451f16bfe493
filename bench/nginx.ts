/**
 * nginx in front of the portal (part of `npm run bench`, section `nginx`; prints figures,
 * asserts nothing). Issue 16's aim: a service page through nginx with its proxy cache at
 * ≥ 0.8× nginx serving the same bytes as a static file.
 *
 * The app: `node src/cli.ts serve --demo --workers 1` (one process, production) on a new
 * PostgreSQL database. nginx: Debian's, running deploy/nginx/mardom.conf itself (test/cluster/nginx.ts:
 * TLS with a throw-away certificate, its proxy cache, one worker process), plus one location
 * that serves the service page's bytes from a file. Three rows, autocannon with the shared
 * settings (bench/support.ts):
 *   1. nginx serving the page's bytes as a static file (TLS);
 *   2. the cached service page from the app directly (plain HTTP, the app's page cache);
 *   3. the same page through nginx, answered from its proxy cache (TLS).
 * Rows 1 and 3 both pay for TLS, so their ratio is the cost of the proxy cache alone. nginx
 * and the app are pinned to core 0 and the load generator (this process) to core 1 when
 * `taskset` and two cores exist. Without /usr/sbin/nginx the section says so and is skipped.
 *
 * Run alone with `node bench/nginx.ts`; `bench/run.ts` calls {@link benchNginx}.
 */
import { type ChildProcess, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import pg from 'pg'
import { NGINX, SERVER_NAME, startNginx } from '../test/cluster/nginx.ts'
import {
  CONNECTIONS,
  children,
  DURATION_S,
  freePort,
  type LoadFigures,
  load,
  startChild,
  stop,
  WARMUP_S,
  waitFor200,
} from './support.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'src', 'cli.ts')
const STATIC_PATH = '/bench/service-page.html'
/** The PostgreSQL server the app's database is made on (`BENCH_DATABASE_URL`, else the local one). */
const SERVER_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

const canPin =
  spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0 && availableParallelism() >= 2

/** autocannon over TLS to nginx on 127.0.0.1, with the test server's name (SNI and Host). */
async function loadTls(name: string, url: string, bytes: number): Promise<LoadFigures> {
  const u = new URL(url)
  const options = {
    url: `https://127.0.0.1:${u.port}${u.pathname}`,
    servername: SERVER_NAME,
    headers: { host: u.host },
    connections: CONNECTIONS,
  }
  await autocannon({ ...options, duration: WARMUP_S })
  const r = await autocannon({ ...options, duration: DURATION_S })
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

export async function benchNginx(): Promise<void> {
  console.log(
    `\n(nginx) A service page through nginx (deploy/nginx/mardom.conf): autocannon -c ${CONNECTIONS}, ${DURATION_S} s after a ${WARMUP_S} s warm-up`,
  )
  if (!existsSync(NGINX)) {
    console.log(`Skipped: ${NGINX} is missing (apt-get install nginx).`)
    return
  }
  if (canPin) {
    spawnSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })
    console.log('Pinned: nginx and the app on core 0, load generator (this process) on core 1.')
  } else console.log('NOT pinned (needs taskset and 2 cores).')
  const scratch = mkdtempSync(join(tmpdir(), 'mardom-bench-nginx-'))
  // As root, nginx's workers run as `nobody`: they must read the page's file.
  if (process.getuid?.() === 0) chmodSync(scratch, 0o755)
  let app: ChildProcess | undefined
  // PostgreSQL (a database of its own, dropped after): the page comes from the app's page cache
  // either way, and the server is what production runs.
  const admin = new pg.Client({ connectionString: SERVER_URL })
  const dbName = `mardom_bench_nginx_${process.pid}`
  let created = false
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined
  try {
    const appPort = await freePort()
    await admin.connect()
    await admin.query(`CREATE DATABASE ${dbName}`)
    created = true
    const url = new URL(SERVER_URL)
    url.pathname = `/${dbName}`
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(appPort),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      TRUST_PROXY: 'true',
      DATA_DIR: join(scratch, 'data'),
      DATABASE_URL: url.toString(),
    }
    // The demo data first, on every core (the server below gets one).
    const demo = spawnSync(process.execPath, [cli, 'demo'], { cwd: root, env, encoding: 'utf8' })
    if (demo.status !== 0) throw new Error(`mardom demo failed:\n${demo.stderr}`)
    // One process: the figures are per process, like every other row of the bench.
    const serve = [cli, 'serve', '--workers', '1']
    app = canPin
      ? startChild('taskset', ['-c', '0', process.execPath, ...serve], env, root)
      : startChild(process.execPath, serve, env, root)
    const base = `http://127.0.0.1:${appPort}`
    await waitFor200(`${base}/healthz`, app)
    const list = await (await fetch(`${base}/services`)).text()
    const slug = /href="\/services\/([a-z0-9-]+)"/.exec(list)?.[1]
    if (!slug) throw new Error('no service linked from /services')
    const path = `/services/${slug}`
    const first = await fetch(base + path)
    const body = Buffer.from(await first.arrayBuffer())
    const again = await fetch(base + path)
    if (again.headers.get('etag') !== first.headers.get('etag'))
      throw new Error(`${path} is not served from the page cache`)
    const file = join(scratch, 'service-page.html')
    writeFileSync(file, body)

    const httpsPort = await freePort()
    nginx = await startNginx({
      upstream: `127.0.0.1:${appPort}`,
      httpsPort,
      httpPort: await freePort(),
      accessLog: false,
      ...(canPin ? { cpus: '0' } : {}),
      extraServerConfig: `    location = ${STATIC_PATH} {\n        alias ${file};\n        default_type "text/html; charset=UTF-8";\n    }`,
    })
    const nginxBase = `https://${SERVER_NAME}:${httpsPort}`
    const rows: LoadFigures[] = []
    rows.push(
      await loadTls(
        'nginx, same bytes as a static file (TLS)',
        nginxBase + STATIC_PATH,
        body.length,
      ),
    )
    rows.push(await load('app direct, cached page (HTTP)', base + path, body.length))
    rows.push(await loadTls('through nginx, its proxy cache (TLS)', nginxBase + path, body.length))
    const staticRps = rows[0]?.requestsPerSecond ?? 0
    console.log(`Page: ${path} (${body.length.toLocaleString('en')} bytes)`)
    console.log(
      table(
        ['server', 'req/s', 'p50', 'p99', 'MB/s read', 'errors+non-2xx', 'vs nginx static'],
        rows.map((r) => [
          r.name,
          Math.round(r.requestsPerSecond).toLocaleString('en'),
          `${r.p50} ms`,
          `${r.p99} ms`,
          r.megabytesPerSecond.toFixed(1),
          String(r.bad),
          staticRps ? `${(r.requestsPerSecond / staticRps).toFixed(2)}×` : '—',
        ]),
      ),
    )
  } finally {
    await nginx?.stop()
    if (app) await stop(app)
    if (created) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
    await admin.end().catch(() => {})
    rmSync(scratch, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  benchNginx().then(
    () => process.exit(0),
    async (error: unknown) => {
      console.error(error)
      await Promise.all([...children].map(stop))
      process.exit(1)
    },
  )
}
