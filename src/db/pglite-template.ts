import { createHash, randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
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
 * The copy is saved by the first new directory that had none, after its migrations and before
 * anything else is written, and is keyed by the PGlite version and the migration files' names
 * and contents, so a new or edited migration makes a new one. It lives with the other tool
 * caches in node_modules/.cache and goes with them.
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
  return join(toolCacheDir(), `migrated-${hash.digest('hex').slice(0, 16)}.tar`)
}

/**
 * Every secret a migration makes, made again for this copy. A migration that stores a secret
 * must add it here (the test beside this file compares two new directories).
 */
async function renewSecrets(handle: DbHandle): Promise<void> {
  await sql`UPDATE public_form_key SET key = ${randomBytes(32)}`.execute(handle.db)
}

async function saveTemplate(handle: DbHandle, path: string): Promise<void> {
  try {
    const dump = await handle.pglite?.dumpDataDir('none')
    if (!dump) return
    mkdirSync(dirname(path), { recursive: true })
    const tmp = `${path}.${process.pid}.tmp`
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()))
    renameSync(tmp, path)
  } catch {
    // A best effort (a read-only install, a full disk): the next new directory migrates again.
  }
}

/** Opens (making it when new) an embedded data directory and brings its schema up to date. */
export async function openMigratedPglite(dataDir: string): Promise<DbHandle> {
  const isNew = !existsSync(join(dataDir, 'PG_VERSION'))
  const template = isNew ? migratedTemplatePath() : undefined
  const fromTemplate = template !== undefined && existsSync(template)
  const handle = await openPglite({
    dataDir,
    loadDataDir: fromTemplate ? new Blob([readFileSync(template)]) : undefined,
  })
  try {
    await migrateToLatest(handle.db)
    if (template && !fromTemplate) await saveTemplate(handle, template)
    // After the copy is saved: no database, this one included, keeps the secrets the copy holds.
    if (isNew) await renewSecrets(handle)
  } catch (error) {
    await handle.close()
    throw error
  }
  return handle
}
