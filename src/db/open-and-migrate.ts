import type { Config } from '../config.ts'
import { type DbHandle, openDatabase } from './create-db.ts'
import { migrateToLatest } from './migrate.ts'
import { openMigratedPglite } from './pglite-template.ts'

/**
 * Opens the database named by the configuration and brings its schema up to date. Here, not
 * in main.ts, so that `mardom serve` can open it while the portal's modules are still loading
 * (see cli.ts): this imports only the database's own modules.
 */
export async function openAndMigrate(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
): Promise<DbHandle> {
  if (!config.databaseUrl) return openMigratedPglite(config.dataDir)
  const handle = await openDatabase(config)
  try {
    await migrateToLatest(handle.db)
  } catch (error) {
    await handle.close()
    throw error
  }
  return handle
}
