import { type Kysely, type Selectable, sql } from 'kysely'
import type {
  Database,
  TransactionChannel,
  TransactionOutcome,
  TransactionStepsTable,
  TransactionsTable,
} from '../../db/schema.ts'
import { parseStoredContent, type ServiceContent } from '../services/index.ts'

type Executor = Kysely<Database>

export type TransactionRow = Selectable<TransactionsTable>
export type TransactionStepRow = Selectable<TransactionStepsTable>

/**
 * Serialises writes of one tracking code (two posts of a new code at once would otherwise both
 * insert): a transaction-scoped advisory lock on the code's hash.
 */
export async function lockTrackingCode(trx: Executor, agencyId: string, hash: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`tx:${agencyId}:${hash}`}, 0))`.execute(
    trx,
  )
}

export function findTransactionByHash(
  db: Executor,
  agencyId: string,
  hash: string,
): Promise<TransactionRow | undefined> {
  return db
    .selectFrom('transactions')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('trackingHash', '=', hash)
    .executeTakeFirst()
}

export function findTransactionById(db: Executor, id: string): Promise<TransactionRow | undefined> {
  return db.selectFrom('transactions').selectAll().where('id', '=', id).executeTakeFirst()
}

export function listTransactionSteps(db: Executor, id: string): Promise<TransactionStepRow[]> {
  return db.selectFrom('transactionSteps').selectAll().where('transactionId', '=', id).execute()
}

/** The card of a version (the process and declared time a transaction is measured against). */
export async function versionContent(
  db: Executor,
  versionId: string,
): Promise<ServiceContent | undefined> {
  const row = await db
    .selectFrom('serviceVersions')
    .select('content')
    .where('id', '=', versionId)
    .executeTakeFirst()
  return row && parseStoredContent(row.content)
}

export interface TransactionWrite {
  agencyId: string
  serviceId: string
  versionId: string
  trackingHash: string
  channel: TransactionChannel
  startedAt: Date
  completedAt: Date | null
  outcome: TransactionOutcome | null
  promisedBy: Date | null
  inPersonVisits: number
  ratingExpiresAt: Date | null
  now: Date
}

export async function insertTransaction(trx: Executor, w: TransactionWrite): Promise<string> {
  const { now, ...values } = w
  const row = await trx
    .insertInto('transactions')
    .values({ ...values, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateTransaction(trx: Executor, id: string, w: TransactionWrite) {
  const { now, agencyId: _a, serviceId: _s, versionId: _v, trackingHash: _h, ...values } = w
  await trx
    .updateTable('transactions')
    .set({ ...values, updatedAt: now })
    .where('id', '=', id)
    .execute()
}

/** Writes the given steps (insert or replace by step id); steps not given stay as they were. */
export async function upsertTransactionSteps(
  trx: Executor,
  transactionId: string,
  steps: { stepId: string; startedAt: Date; finishedAt: Date | null; promisedBy: Date | null }[],
) {
  if (steps.length === 0) return
  await trx
    .insertInto('transactionSteps')
    .values(steps.map((s) => ({ transactionId, ...s })))
    .onConflict((oc) =>
      oc.columns(['transactionId', 'stepId']).doUpdateSet((eb) => ({
        startedAt: eb.ref('excluded.startedAt'),
        finishedAt: eb.ref('excluded.finishedAt'),
        promisedBy: eb.ref('excluded.promisedBy'),
      })),
    )
    .execute()
}

/** Notes that a service's transaction facts changed, so its time rollup is recomputed. */
export async function markTimesChanged(trx: Executor, serviceId: string, now: Date) {
  await trx
    .insertInto('transactionRollupState')
    .values({ serviceId, changedAt: now, computedAt: null })
    .onConflict((oc) => oc.column('serviceId').doUpdateSet({ changedAt: now }))
    .execute()
}
