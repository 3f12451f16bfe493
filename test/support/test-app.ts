import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Hono } from 'hono'
import { pino } from 'pino'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import type { Deps } from '../../src/deps.ts'
import { fixedClock } from '../../src/lib/clock.ts'
import { randomToken } from '../../src/lib/secrets.ts'
import { createDeps } from '../../src/main.ts'
import { CSRF_COOKIE, CSRF_FIELD } from '../../src/web/csrf.ts'
import type { AppEnv } from '../../src/web/env.ts'
import { createTestDb, type TestDb } from './test-db.ts'

export interface TestApp {
  app: Hono<AppEnv>
  deps: Deps
  db: TestDb
  clock: ReturnType<typeof fixedClock>
  /** A browser-like client with its own cookie jar. */
  client(): TestClient
  close(): Promise<void>
}

/** The real app on a database of its own, with a clock that stands still. */
export async function createTestApp(): Promise<TestApp> {
  const db = await createTestDb()
  const clock = fixedClock(new Date('2026-11-22T08:00:00Z'))
  // A data directory of its own (export files are written there), removed with the database.
  const dataDir = await mkdtemp(join(tmpdir(), 'mardom-test-'))
  const config = { ...loadConfig({ NODE_ENV: 'test' }), databaseUrl: undefined, dataDir }
  const deps = createDeps(config, db.db, { clock, log: pino({ level: 'silent' }) })
  const app = buildApp(deps)
  const close = async () => {
    await db.cleanup()
    await rm(dataDir, { recursive: true, force: true })
  }
  return { app, deps, db, clock, client: () => new TestClient(app), close }
}

/** Sends requests through `app.request()`, keeping cookies and adding the CSRF token to forms. */
export class TestClient {
  readonly cookies = new Map<string, string>()
  private readonly app: Hono<AppEnv>
  constructor(app: Hono<AppEnv>) {
    this.app = app
    this.cookies.set(CSRF_COOKIE, randomToken())
  }

  get csrfToken(): string {
    return this.cookies.get(CSRF_COOKIE) ?? ''
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    const res = await this.app.request(path, { ...init, headers })
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      const expired = attrs.some(
        (a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()),
      )
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return res
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { headers })
  }

  /** Submits a form as a browser would, with this client's CSRF token unless `csrf: false`. */
  post(
    path: string,
    fields: Record<string, string>,
    options: { csrf?: boolean } = {},
  ): Promise<Response> {
    const body = new URLSearchParams(fields)
    if (options.csrf !== false) body.set(CSRF_FIELD, this.csrfToken)
    return this.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
  }

  /** Signs in through the real form; throws unless it redirects. */
  async signIn(username: string, password: string, agencyCode = ''): Promise<Response> {
    const res = await this.post('/sign-in', { agencyCode, username, password })
    if (res.status !== 303) throw new Error(`sign-in as ${username} failed with ${res.status}`)
    return res
  }
}

/** A JSON API call, optionally with a bearer token. */
export function apiRequest(
  app: Hono<AppEnv>,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Response> {
  const headers: Record<string, string> = {}
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  return Promise.resolve(
    app.request(path, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    }),
  )
}
