import { createHash, randomBytes } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { type DbHandle, openPglite, pgliteVersion, toolCacheDir } from './create-db.ts'
import { migrateToLatest } from './migrate.ts'

/**
 * A new embedded data directory made from a copy of a new, MIGRATED, empty database (issue 16
 * item 4): the migrations are about two of a fresh start's eight seconds on PGlite, and every
 * new database of one PGlite build and one set of migrations is the same, except for the
 * secrets the migrations make, which `renewSecrets` replaces in every copy.
 *
 * The copy is a data directory, copied file by file by the kernel: PGlite's own `loadDataDir`
 * unpacks a tar through its WebAssembly file system, about a second more (measured). It is
 * saved by the first new directory that had none, after its migrations and a clean shutdown,
 * before anything else is written, and is keyed by the PGlite version and the migration
 * files' names and contents, so a new or edited migration makes a new one. It lives with the
 * other tool caches in node_modules/.cache and goes with them.
 */

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations')

export function migratedTemplatePath(): string {
  const hash = createHash('sha256').update(pgliteVersion()).update('\0')
  for (const file of readdirSync(migrationsDir).sort()) {
    if (file.endsWith('.test.ts')) continue
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(migrationsDir, file)))
  }
  return join(toolCacheDir(), `migrated-${hash.digest('hex').slice(0, 16)}`)
}

/**
 * Every secret a migration makes, made again for this copy. A migration that stores a secret
 * must add it here (the test beside this file compares two new directories).
 */
async function renewSecrets(handle: DbHandle): Promise<void> {
  await sql`UPDATE public_form_key SET key = ${randomBytes(32)}`.execute(handle.db)
}

/** A cluster's files, without what belongs to one installation (its lock, its files). */
function copyCluster(from: string, to: string): void {
  const own = new Set(['mardom.lock', 'demo-credentials.txt', 'exports', 'form-files'])
  cpSync(from, to, {
    recursive: true,
    filter: (source) =>
      source === from || !own.has(source.slice(from.length + 1).split('/')[0] ?? ''),
  })
}

/** Saves a cleanly shut-down new cluster as the copy, unless another process just did. */
function saveTemplate(dataDir: string, path: string): void {
  const tmp = `${path}.${process.pid}.tmp`
  try {
    mkdirSync(dirname(path), { recursive: true })
    copyCluster(dataDir, tmp)
    renameSync(tmp, path)
  } catch {
    // A best effort (a read-only install, a full disk, another process's copy already in
    // place): the next new directory migrates again or uses that copy.
    rmSync(tmp, { recursive: true, force: true })
  }
}

/** Opens (making it when new) an embedded data directory and brings its schema up to date. */
export async function openMigratedPglite(dataDir: string): Promise<DbHandle> {
  const isNew = !existsSync(join(dataDir, 'PG_VERSION'))
  const template = isNew ? migratedTemplatePath() : undefined
  const fromTemplate = template !== undefined && existsSync(join(template, 'PG_VERSION'))
  if (template && fromTemplate) copyCluster(template, dataDir)
  let handle = await openPglite({ dataDir })
  try {
    await migrateToLatest(handle.db)
    if (template && !fromTemplate) {
      // Closed first: only a cleanly shut-down cluster may be copied file by file.
      await handle.close()
      saveTemplate(dataDir, template)
      handle = await openPglite({ dataDir })
    }
    // After the copy is saved: no database, this one included, keeps the secrets the copy holds.
    if (isNew) await renewSecrets(handle)
  } catch (error) {
    await handle.close()
    throw error
  }
  return handle
}
