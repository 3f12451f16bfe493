import type { Kysely } from 'kysely'
import { type MigrationResultSet, Migrator } from 'kysely/migration'
import { migrations } from './migrations/index.ts'
import type { Database } from './schema.ts'

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  })
  const result: MigrationResultSet = await migrator.migrateToLatest()
  if (result.error) throw result.error
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
