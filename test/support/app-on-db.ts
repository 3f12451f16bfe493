import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Hono } from 'hono'
import { pino } from 'pino'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import type { Db } from '../../src/db/create-db.ts'
import type { Deps } from '../../src/deps.ts'
import type { Clock } from '../../src/lib/clock.ts'
import { createDeps } from '../../src/main.ts'
import type { AppEnv } from '../../src/web/env.ts'

/**
 * The real app over a database handle the test opened itself, with environment settings of its
 * choosing (e.g. `TRUST_PROXY` so requests can name their address). Several instances over one
 * PostgreSQL database stand for several processes of one portal. `close` removes the data
 * directory; the database is the caller's.
 */
export async function appOnDb(
  db: Db,
  clock: Clock,
  env: Record<string, string> = {},
): Promise<{ app: Hono<AppEnv>; deps: Deps; close(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mardom-test-'))
  const config = { ...loadConfig({ NODE_ENV: 'test', ...env }), databaseUrl: undefined, dataDir }
  const deps = createDeps(config, db, { clock, log: pino({ level: 'silent' }) })
  return {
    app: buildApp(deps),
    deps,
    close: () => rm(dataDir, { recursive: true, force: true }),
  }
}
