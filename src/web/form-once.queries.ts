import type { Db } from '../db/create-db.ts'

// The form_once table (web/form-once.ts says what it is for). Only that module calls these.

export interface FormOnceRow {
  id: string
  userId: string
  purpose: string
  tokenHash: string
  resultPath: string
  createdAt: Date
}

/**
 * Claims a form's token: inserts the row, or does nothing when the same user's same form was
 * already submitted. On PostgreSQL a concurrent claim of the same token waits here for the first
 * transaction and then finds its row, so a double click creates one thing.
 */
export async function insertFormOnce(trx: Db, row: FormOnceRow): Promise<boolean> {
  const inserted = await trx
    .insertInto('formOnce')
    .values(row)
    .onConflict((oc) => oc.columns(['userId', 'purpose', 'tokenHash']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted !== undefined
}

export async function findFormOnce(
  trx: Db,
  key: Pick<FormOnceRow, 'userId' | 'purpose' | 'tokenHash'>,
): Promise<{ resultPath: string } | undefined> {
  return trx
    .selectFrom('formOnce')
    .select('resultPath')
    .where('userId', '=', key.userId)
    .where('purpose', '=', key.purpose)
    .where('tokenHash', '=', key.tokenHash)
    .executeTakeFirst()
}

export async function setSealedResult(trx: Db, id: string, sealed: string): Promise<void> {
  await trx.updateTable('formOnce').set({ sealedResult: sealed }).where('id', '=', id).execute()
}

/**
 * Takes the sealed result of `id` for `userId` and clears it in the same statement: of two
 * GETs, only one gets it. Older than `notBefore`, it is cleared and not returned.
 */
export async function takeSealedResult(
  db: Db,
  id: string,
  userId: string,
  notBefore: Date,
): Promise<string | null> {
  const taken = await db
    .with('old', (q) =>
      q
        .selectFrom('formOnce')
        .select(['id', 'sealedResult', 'createdAt'])
        .where('id', '=', id)
        .where('userId', '=', userId)
        .where('sealedResult', 'is not', null)
        .forUpdate(),
    )
    .updateTable('formOnce')
    .set({ sealedResult: null })
    .from('old')
    .whereRef('formOnce.id', '=', 'old.id')
    .returning(['old.sealedResult', 'old.createdAt'])
    .executeTakeFirst()
  if (!taken || taken.createdAt < notBefore) return null
  return taken.sealedResult
}

/** Forgets claims older than `before` (their forms are long gone from any browser). */
export async function deleteFormOnceBefore(trx: Db, before: Date): Promise<void> {
  await trx.deleteFrom('formOnce').where('createdAt', '<', before).execute()
}
