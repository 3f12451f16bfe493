import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { lockDataDir } from './data-dir-lock.ts'
import type { Database } from './schema.ts'

export type Db = Kysely<Database>

export interface DbHandle {
  db: Db
  kind: 'pglite' | 'postgres'
  /** The embedded engine, when there is one (tests dump and clone it). */
  pglite: PGlite | undefined
  close(): Promise<void>
}

// COUNT(*) and bigint ids arrive as strings by default; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10))
// A DATE is a calendar day, not an instant: keep it as 'YYYY-MM-DD' instead of a local-midnight Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v)

function kyselyOver(pool: pg.Pool): Db {
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  })
}

/** How long a request waits for a pool connection before it is answered 503 instead of hanging. */
const CONNECT_TIMEOUT_MS = 5_000

/** One warning per kind of connection loss every few seconds: a restart drops every connection at once. */
function connectionLossWarner(): (error: Error) => void {
  const lastWarned = new Map<string, number>()
  return (error) => {
    const now = Date.now()
    if (now - (lastWarned.get(error.message) ?? 0) < 5_000) return
    lastWarned.set(error.message, now)
    process.emitWarning(`PostgreSQL connection lost: ${error.message} (replaced on next use)`)
  }
}

/**
 * The production path: a PostgreSQL server. A restart or failover must not end the process:
 * connections the server drops are discarded (idle ones by the pool's 'error' event, those a
 * request holds by the listener added on 'connect', since an 'error' with no listener would
 * be thrown), the request that held one fails with the server's error (answered 503 by the
 * error handler), and new connections give up after `connectTimeoutMs` instead of hanging.
 */
export function openPostgres(
  url: string,
  options: { max?: number; connectTimeoutMs?: number } = {},
): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    keepAlive: true,
  })
  const warn = connectionLossWarner()
  pool.on('error', warn)
  pool.on('connect', (client) => client.on('error', warn))
  const db = kyselyOver(pool)
  return { db, kind: 'postgres', pglite: undefined, close: () => db.destroy() }
}

export type PgliteTarget =
  /** `loadDataDir`: what a NEW directory is made from (see pglite-template.ts). */
  { dataDir: string; loadDataDir?: Blob | undefined } | { memory: true; loadDataDir?: Blob | File }

/**
 * Where a copy of a new, empty PGlite cluster is kept: initdb is most of a fresh start's cost
 * (several seconds in WebAssembly), and every new cluster of one PGlite build is the same, so a
 * new data directory is made from the copy after the first (issue 16 item 4). Keyed by the
 * PGlite version; kept with the other tool caches in node_modules/.cache, so it goes with them.
 */
function clusterTemplatePath(): string {
  return join(toolCacheDir(), `pglite-${pgliteVersion()}-trgm.tar`)
}

/** The installed PGlite's version: a data directory belongs to one build. */
export function pgliteVersion(): string {
  // The package's entry is dist/index.js; its package.json is not among its exports.
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'))
  const pkg = join(dirname(entry), '..', 'package.json')
  return String((JSON.parse(readFileSync(pkg, 'utf8')) as { version?: unknown }).version)
}

/** Where the portal keeps what it can make again (templates of new databases). */
export function toolCacheDir(): string {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
  return join(root, 'node_modules', '.cache', 'mardom')
}

/**
 * Opens PGlite on a data directory; a new directory is made from the cluster template when
 * there is one, and the template is saved from the first new cluster when there is none (a
 * best effort: a read-only install just keeps running initdb).
 */
async function openPgliteDir(
  dataDir: string,
  extensions: { pg_trgm: typeof pg_trgm },
): Promise<PGlite> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return new PGlite(dataDir, { extensions })
  const template = clusterTemplatePath()
  if (existsSync(template)) {
    const loadDataDir = new Blob([readFileSync(template)])
    return new PGlite(dataDir, { extensions, loadDataDir })
  }
  const pglite = new PGlite(dataDir, { extensions })
  await pglite.waitReady
  try {
    const dump = await pglite.dumpDataDir('none')
    mkdirSync(dirname(template), { recursive: true })
    const tmp = `${template}.${process.pid}.tmp`
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()))
    renameSync(tmp, template)
  } catch {
    // No template this time; the next new directory runs initdb again.
  }
  return pglite
}

/**
 * The embedded path: PGlite behind node-postgres' Pool with ONE connection, so
 * that transactions are serialised and never interleave on the single backend.
 */
export async function openPglite(target: PgliteTarget): Promise<DbHandle> {
  const release = 'dataDir' in target ? lockDataDir(target.dataDir) : () => {}
  try {
    const extensions = { pg_trgm }
    const pglite =
      'dataDir' in target
        ? await openPgliteDir(target.dataDir, extensions)
        : new PGlite('memory://', { extensions, loadDataDir: target.loadDataDir })
    await pglite.waitReady
    const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 })
    const db = kyselyOver(pool)
    return {
      db,
      kind: 'pglite',
      pglite,
      close: async () => {
        await db.destroy()
        await pglite.close()
        release()
      },
    }
  } catch (error) {
    release()
    throw error
  }
}

/** Opens whatever the configuration names. */
export function openDatabase(config: { databaseUrl: string | undefined; dataDir: string }) {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : openPglite({ dataDir: config.dataDir })
}
