import { type Kysely, sql } from 'kysely'
import { type MigrationResultSet, Migrator } from 'kysely/migration'
import { migrations } from './migrations/index.ts'
import type { Database } from './schema.ts'

/**
 * Whether the database has run exactly the migrations this code knows, so there is nothing to
 * do. Two cheap reads: the migrator's own check introspects the catalogue and takes its lock in
 * a transaction, about a second of a restart on PGlite (issue 16 item 4). Any difference (a new
 * migration, an unknown one, no table yet) is left to the migrator, which reports it.
 */
async function upToDate(db: Kysely<Database>): Promise<boolean> {
  const table = await sql<{
    present: boolean
  }>`SELECT to_regclass('kysely_migration') IS NOT NULL AS present`.execute(db)
  if (!table.rows[0]?.present) return false
  const done = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db)
  const known = Object.keys(migrations)
  const names = new Set(done.rows.map((r) => r.name))
  return names.size === known.length && known.every((name) => names.has(name))
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  if (await upToDate(db)) return []
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  })
  const result: MigrationResultSet = await migrator.migrateToLatest()
  if (result.error) throw result.error
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
