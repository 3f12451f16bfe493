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

// The feed is written by agencies' systems for every event of every citizen's request, so each
// post costs a fixed, small number of statements: one read before the database transaction
// (the service with its published version), and inside it the lock, one read (the
// transaction with its steps), the audit row and one write (transaction, steps and the rollup
// mark together).

/** The service a transaction is posted for, with the id of its published version (if any). */
export interface FeedService {
  id: string
  agencyId: string
  withdrawnAt: Date | null
  publishedVersionId: string | null
}

export function findFeedService(db: Executor, serviceId: string): Promise<FeedService | undefined> {
  return db
    .selectFrom('services')
    .leftJoin('serviceVersions as published', (join) =>
      join
        .onRef('published.serviceId', '=', 'services.id')
        .on('published.status', '=', 'published'),
    )
    .select([
      'services.id',
      'services.agencyId',
      'services.withdrawnAt',
      'published.id as publishedVersionId',
    ])
    .where('services.id', '=', serviceId)
    .executeTakeFirst()
}

/**
 * Serialises writes of one tracking code (two posts of a new code at once would otherwise both
 * insert): a transaction-scoped advisory lock on the code's hash.
 */
export async function lockTrackingCode(trx: Executor, agencyId: string, hash: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`tx:${agencyId}:${hash}`}, 0))`.execute(
    trx,
  )
}

export interface StoredStep {
  stepId: string
  startedAt: Date
  finishedAt: Date | null
}

/** A transaction already posted under a tracking code, with the step events stored for it. */
export async function findTransactionWithSteps(
  db: Executor,
  agencyId: string,
  hash: string,
): Promise<{ transaction: TransactionRow; steps: StoredStep[] } | undefined> {
  const rows = await db
    .selectFrom('transactions')
    .leftJoin('transactionSteps as step', 'step.transactionId', 'transactions.id')
    .selectAll('transactions')
    .select([
      'step.stepId as stepStepId',
      'step.startedAt as stepStartedAt',
      'step.finishedAt as stepFinishedAt',
    ])
    .where('transactions.agencyId', '=', agencyId)
    .where('transactions.trackingHash', '=', hash)
    .execute()
  const first = rows[0]
  if (!first) return undefined
  const { stepStepId: _i, stepStartedAt: _s, stepFinishedAt: _f, ...transaction } = first
  const steps: StoredStep[] = []
  for (const r of rows)
    if (r.stepStepId !== null && r.stepStartedAt !== null)
      steps.push({ stepId: r.stepStepId, startedAt: r.stepStartedAt, finishedAt: r.stepFinishedAt })
  return { transaction, steps }
}

export function findTransactionById(db: Executor, id: string): Promise<TransactionRow | undefined> {
  return db.selectFrom('transactions').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Parsed cards of published versions, per database handle (see {@link versionContent}). */
const contents = new WeakMap<object, Map<string, ServiceContent>>()
const CONTENTS_KEPT = 500

/**
 * The card of a version (the process and declared time a transaction is measured against).
 * Transactions are only ever measured against published versions, and a version's content is
 * never changed once it has left the draft state (drafts are the only versions updated), so
 * the parsed card is kept per version id in this process: a post does not read and parse the
 * whole card again. `owner` is the database handle the cache belongs to (the pool, not the
 * transaction `db` reads through), so two databases in one process never share entries.
 */
export async function versionContent(
  owner: Executor,
  db: Executor,
  versionId: string,
): Promise<ServiceContent | undefined> {
  let kept = contents.get(owner)
  if (!kept) {
    kept = new Map()
    contents.set(owner, kept)
  }
  const held = kept.get(versionId)
  if (held) return held
  const row = await db
    .selectFrom('serviceVersions')
    .select(['content', 'status'])
    .where('id', '=', versionId)
    .executeTakeFirst()
  if (!row) return undefined
  const content = parseStoredContent(row.content)
  if (row.status !== 'draft') {
    // The oldest entry goes first: Map keeps insertion order.
    if (kept.size >= CONTENTS_KEPT) kept.delete(kept.keys().next().value ?? '')
    kept.set(versionId, content)
  }
  return content
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

export interface StepWrite {
  stepId: string
  startedAt: Date
  finishedAt: Date | null
  promisedBy: Date | null
}

/**
 * One statement: the transaction inserted (`created`, under the given new id) or updated, the
 * given steps written (insert or replace by step id; steps not given stay as they were), and
 * the service marked as having changed transaction facts, so its time rollup is recomputed.
 * The mark is the statement's last part: its row is shared by every post for the service, and
 * its lock is held only from here to the commit.
 */
export async function saveTransaction(
  trx: Executor,
  id: string,
  created: boolean,
  w: TransactionWrite,
  steps: StepWrite[],
): Promise<void> {
  const { now, agencyId, serviceId, versionId, trackingHash, ...changes } = w
  const withTransaction = trx.with('saved_transaction', (db) =>
    created
      ? db.insertInto('transactions').values({
          id,
          agencyId,
          serviceId,
          versionId,
          trackingHash,
          ...changes,
          createdAt: now,
          updatedAt: now,
        })
      : db
          .updateTable('transactions')
          .set({ ...changes, updatedAt: now })
          .where('id', '=', id),
  )
  const mark = { serviceId, changedAt: now, computedAt: null }
  if (steps.length === 0) {
    await withTransaction
      .insertInto('transactionRollupState')
      .values(mark)
      .onConflict((oc) => oc.column('serviceId').doUpdateSet({ changedAt: now }))
      .execute()
    return
  }
  await withTransaction
    .with('saved_steps', (db) =>
      db
        .insertInto('transactionSteps')
        .values(steps.map((s) => ({ transactionId: id, ...s })))
        .onConflict((oc) =>
          oc.columns(['transactionId', 'stepId']).doUpdateSet((eb) => ({
            startedAt: eb.ref('excluded.startedAt'),
            finishedAt: eb.ref('excluded.finishedAt'),
            promisedBy: eb.ref('excluded.promisedBy'),
          })),
        ),
    )
    .insertInto('transactionRollupState')
    .values(mark)
    .onConflict((oc) => oc.column('serviceId').doUpdateSet({ changedAt: now }))
    .execute()
}
