/**
 * Debian's nginx, unprivileged and on loopback, running deploy/nginx/mardom.conf itself: its
 * placeholders (host name, certificate, install path, data directory, app address, cache
 * directory, ports) are replaced, and every replacement must match, so a change to the
 * deployed file that this harness no longer understands fails loudly instead of testing
 * something else. Everything nginx writes (pid, logs, temporary files, cache) stays in a
 * temporary directory.
 *
 * Used by test/cluster/run.ts and bench/nginx.ts.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpsRequest } from 'node:https'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const NGINX = '/usr/sbin/nginx'
/** The name the test server answers to (SNI and Host); the certificate is made for it. */
export const SERVER_NAME = 'mardom.test'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const SITE_CONFIG = join(root, 'deploy', 'nginx', 'mardom.conf')

export interface NginxOptions {
  /** `host:port` of the app (the cluster's shared port). */
  upstream: string
  httpsPort: number
  httpPort: number
  /** nginx worker processes (default 1). */
  workers?: number
  /** Extra directives inside the TLS server block (the bench's static file). */
  extraServerConfig?: string
  /** Log every request to access.log (off in the bench). */
  accessLog?: boolean
  /** Start nginx under `taskset -c <cpus>`. */
  cpus?: string
  /** The app's DATA_DIR, whose exports/ nginx serves (default: an empty one of its own). */
  dataDir?: string
}

export interface RunningNginx {
  dir: string
  /** PEM of the self-signed certificate, to verify it with. */
  ca: string
  httpsBase: string
  httpBase: string
  process: ChildProcess
  errorLog(): string
  stop(): Promise<void>
}

function replaceAll(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`${SITE_CONFIG} no longer contains «${from}»`)
  return text.split(from).join(to)
}

/** deploy/nginx/mardom.conf with its placeholders replaced for a loopback run in `dir`. */
export function renderSiteConfig(dir: string, o: NginxOptions): string {
  let text = readFileSync(SITE_CONFIG, 'utf8')
  // IPv6 listeners: the test stays on 127.0.0.1.
  text = text
    .split('\n')
    .filter((line) => !/^\s*listen \[::\]/.test(line))
    .join('\n')
  text = replaceAll(text, 'server 127.0.0.1:3000;', `server ${o.upstream};`)
  text = replaceAll(text, '/var/cache/nginx/mardom', join(dir, 'cache'))
  text = replaceAll(text, '/etc/ssl/mardom/fullchain.pem', join(dir, 'cert.pem'))
  text = replaceAll(text, '/etc/ssl/mardom/privkey.pem', join(dir, 'key.pem'))
  text = replaceAll(text, '/var/www/letsencrypt', join(dir, 'acme'))
  text = replaceAll(text, '/opt/mardom', root)
  text = replaceAll(text, '/var/lib/mardom', o.dataDir ?? join(dir, 'data'))
  text = replaceAll(text, 'portal.example.ir', SERVER_NAME)
  text = replaceAll(text, 'listen 80;', `listen 127.0.0.1:${o.httpPort};`)
  text = replaceAll(
    text,
    'listen 443 ssl default_server;',
    `listen 127.0.0.1:${o.httpsPort} ssl default_server;`,
  )
  text = replaceAll(text, 'listen 443 ssl http2;', `listen 127.0.0.1:${o.httpsPort} ssl http2;`)
  if (o.extraServerConfig) {
    const anchor = '    location / {\n        proxy_pass http://mardom_app;'
    text = replaceAll(text, anchor, `${o.extraServerConfig}\n${anchor}`)
  }
  return text
}

function mainConfig(dir: string, o: NginxOptions): string {
  return `# Written by test/cluster/nginx.ts for one loopback run.
daemon off;
worker_processes ${o.workers ?? 1};
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    ${o.accessLog === false ? 'access_log off;' : `access_log ${join(dir, 'access.log')};`}
    client_body_temp_path ${join(dir, 'body')};
    proxy_temp_path ${join(dir, 'proxy')};
    fastcgi_temp_path ${join(dir, 'fastcgi')};
    uwsgi_temp_path ${join(dir, 'uwsgi')};
    scgi_temp_path ${join(dir, 'scgi')};
    include ${join(dir, 'mardom.conf')};
}
`
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** Starts nginx (in the foreground, as a child) and waits until it accepts connections. */
export async function startNginx(o: NginxOptions): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'mardom-nginx-'))
  // As root, nginx's workers run as `nobody`: they must reach the cache and the certificate.
  if (process.getuid?.() === 0) chmodSync(dir, 0o755)
  const openssl = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${SERVER_NAME}`,
      '-addext',
      `subjectAltName=DNS:${SERVER_NAME}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { encoding: 'utf8' },
  )
  if (openssl.status !== 0) throw new Error(`openssl failed: ${openssl.stderr}`)
  if (process.getuid?.() === 0) chmodSync(join(dir, 'key.pem'), 0o644)
  writeFileSync(join(dir, 'mardom.conf'), renderSiteConfig(dir, o))
  writeFileSync(join(dir, 'nginx.conf'), mainConfig(dir, o))
  const args = ['-p', `${dir}/`, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')]
  const check = spawnSync(NGINX, ['-t', ...args], { encoding: 'utf8' })
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`)
  const child = o.cpus
    ? spawn('taskset', ['-c', o.cpus, NGINX, ...args], { stdio: 'ignore' })
    : spawn(NGINX, args, { stdio: 'ignore' })
  const errorLog = () => {
    try {
      return readFileSync(join(dir, 'error.log'), 'utf8')
    } catch {
      return ''
    }
  }
  const deadline = performance.now() + 10_000
  while (!(await portOpen(o.httpsPort))) {
    if (child.exitCode !== null || performance.now() > deadline)
      throw new Error(`nginx did not start:\n${errorLog()}`)
    await new Promise((r) => setTimeout(r, 20))
  }
  return {
    dir,
    ca: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    httpsBase: `https://${SERVER_NAME}:${o.httpsPort}`,
    httpBase: `http://127.0.0.1:${o.httpPort}`,
    process: child,
    errorLog,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()))
        // SIGQUIT: nginx's graceful shutdown (SIGTERM is its fast one).
        child.kill('SIGQUIT')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  /** The body's bytes as received. */
  raw: Buffer
}

/**
 * One HTTPS request to nginx on a fresh connection (so each goes through the cluster's
 * round-robin on its own), verified against the test certificate, to 127.0.0.1 with SNI.
 */
export function httpsFetch(
  nginx: Pick<RunningNginx, 'ca' | 'httpsBase'>,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const url = new URL(path, nginx.httpsBase)
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: init.method ?? 'GET',
        servername: SERVER_NAME,
        ca: nginx.ca,
        agent: false,
        timeout: 10_000,
        headers: { host: url.host, ...init.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const raw = Buffer.concat(chunks)
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: raw.toString('utf8'),
            raw,
          })
        })
        res.on('error', reject)
      },
    )
    req.once('error', reject)
    req.once('timeout', () => req.destroy(new Error(`timeout: ${path}`)))
    req.end(init.body)
  })
}
