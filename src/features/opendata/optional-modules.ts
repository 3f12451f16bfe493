import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

/**
 * The part of the offices feature the exports and the import use. Kept behind
 * this seam while those features are being built; each returns undefined when absent.
 */
export interface OfficesModule {
  listOfficesForExport(db: Kysely<Database>): Promise<unknown[]>
}

export async function optionalOfficesModule(): Promise<OfficesModule | undefined> {
  return undefined
}
