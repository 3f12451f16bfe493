import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Frequency } from './period.ts'

type Executor = Kysely<Database>

/**
 * Savepoints of the CSV upload's one transaction: each row is tried inside its own, so a row
 * the database refuses is undone alone and the next rows are still tried (every row's error
 * is reported), while the transaction itself is rolled back whole if any row failed.
 */
export async function savepoint(trx: Executor): Promise<void> {
  await sql`SAVEPOINT csv_row`.execute(trx)
}

export async function rollbackToSavepoint(trx: Executor): Promise<void> {
  await sql`ROLLBACK TO SAVEPOINT csv_row`.execute(trx)
}

export async function releaseSavepoint(trx: Executor): Promise<void> {
  await sql`RELEASE SAVEPOINT csv_row`.execute(trx)
}

/**
 * The approved indicators an agency enters values for (its own specific ones and the general
 * ones it reports itself; computed ones are the portal's), by code: the upload template's rows.
 */
export function enterableIndicators(
  db: Executor,
  agencyId: string,
): Promise<{ code: string; frequency: Frequency; nameFa: string }[]> {
  return db
    .selectFrom('indicators as i')
    .innerJoin('indicatorVersions as v', 'v.indicatorId', 'i.id')
    .select(['i.code', 'v.frequency', 'v.nameFa'])
    .where('v.state', '=', 'approved')
    .where('v.source', '!=', 'computed')
    .where((eb) => eb.or([eb('i.agencyId', '=', agencyId), eb('i.kind', '=', 'general')]))
    .orderBy('i.code')
    .execute()
}
