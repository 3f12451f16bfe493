import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { type DbHandle, openPglite, openPostgres } from '../../src/db/create-db.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const migrationsDir = join(root, 'src', 'db', 'migrations')

/** The PostgreSQL server the suite runs on instead of PGlite, when set (CI sets it). */
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined

function migrationsHash(): string {
  const hash = createHash('sha256')
  for (const file of readdirSync(migrationsDir).sort()) {
    hash.update(file).update(readFileSync(join(migrationsDir, file)))
  }
  return hash.digest('hex').slice(0, 16)
}

function templatePath(): string {
  return join(root, '.cache', `pglite-template-${migrationsHash()}.tar.gz`)
}

/**
 * A migrated PGlite data directory, dumped once and reused: loading the dump
 * costs well under a second where initdb + migrations cost several.
 */
export async function ensurePgliteTemplate(): Promise<string> {
  const path = templatePath()
  try {
    readFileSync(path, { flag: 'r' })
    return path
  } catch {
    // Not there yet: build it below.
  }
  const handle = await openPglite({ memory: true })
  await migrateToLatest(handle.db)
  const dump = await handle.pglite?.dumpDataDir('gzip')
  await handle.close()
  if (!dump) throw new Error('PGlite did not produce a data dump')
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()))
  renameSync(tmp, path)
  return path
}

export interface TestDb extends DbHandle {
  /** Closes the connection and, on PostgreSQL, drops the database. */
  cleanup(): Promise<void>
}

async function pgliteTestDb(): Promise<TestDb> {
  const path = await ensurePgliteTemplate()
  const handle = await openPglite({ memory: true, loadDataDir: new Blob([readFileSync(path)]) })
  return { ...handle, cleanup: () => handle.close() }
}

const OBJECT_IN_USE = '55006'

/**
 * pg's `pool.end()` resolves before its connections have finished closing. `DROP DATABASE …
 * WITH (FORCE)` would terminate them mid-close, and the pool would re-emit their error as an
 * uncaught exception in whichever test file was ending; so wait for them to go instead.
 */
async function dropWhenClosed(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name}`)
      return
    } catch (error) {
      const inUse = error instanceof Error && 'code' in error && error.code === OBJECT_IN_USE
      if (!inUse || attempt === 100) throw error
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
}

async function postgresTestDb(serverUrl: string): Promise<TestDb> {
  const name = `mardom_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const handle = openPostgres(url.toString(), { max: 4 })
  await migrateToLatest(handle.db)
  return {
    ...handle,
    cleanup: async () => {
      await handle.close()
      const drop = new pg.Client({ connectionString: serverUrl })
      await drop.connect()
      try {
        await dropWhenClosed(drop, name)
      } finally {
        await drop.end()
      }
    },
  }
}

/** A migrated, empty database of its own for one test file. */
export function createTestDb(): Promise<TestDb> {
  return testDatabaseUrl ? postgresTestDb(testDatabaseUrl) : pgliteTestDb()
}
