import { type Insertable, type Kysely, type Selectable, sql } from 'kysely'
import type {
  AccuracyReportsTable,
  Database,
  FeedbackRollupsTable,
  HelpfulVotesTable,
  RatingRollupsTable,
  RatingsTable,
  TransactionRollupStateTable,
  TransactionStepsTable,
  TransactionsTable,
} from '../../db/schema.ts'
import { serviceContentSchema } from '../services/index.ts'
import type { FeedbackCandidate } from './demo-feedback.plan.ts'

type Executor = Kysely<Database>

/** The card's process and declared time, read with the card's own schema. */
const timingPart = serviceContentSchema.pick({ process: true, declaredTime: true })

/**
 * Every public demo service with its published process and declared time, and the dates of all
 * its published versions (the plan's input). Two statements, whatever the catalogue's size.
 */
export async function listFeedbackCandidates(db: Executor): Promise<FeedbackCandidate[]> {
  const [current, history] = await Promise.all([
    db
      .selectFrom('services as s')
      .innerJoin('serviceVersions as v', (j) =>
        j.onRef('v.serviceId', '=', 's.id').on('v.status', '=', 'published'),
      )
      .select([
        's.id as serviceId',
        's.agencyId',
        's.slug',
        'v.id as versionId',
        'v.versionNo',
        'v.publishedAt',
        'v.title',
        // Only the two parts the plan reads: the whole card of every service is ten times more.
        sql<unknown>`v.content -> 'process'`.as('process'),
        sql<unknown>`v.content -> 'declaredTime'`.as('declaredTime'),
      ])
      .where('s.withdrawnAt', 'is', null)
      .orderBy('s.slug')
      .execute(),
    db
      .selectFrom('serviceVersions')
      .select(['serviceId', 'versionNo', 'publishedAt'])
      .where('status', 'in', ['published', 'superseded'])
      .orderBy('serviceId')
      .orderBy('versionNo')
      .execute(),
  ])
  const versions = new Map<string, { versionNo: number; publishedAt: Date }[]>()
  for (const v of history)
    if (v.publishedAt)
      versions.set(v.serviceId, [
        ...(versions.get(v.serviceId) ?? []),
        { versionNo: v.versionNo, publishedAt: v.publishedAt },
      ])
  return current.flatMap((r) => {
    if (!r.publishedAt) return []
    const content = timingPart.parse({
      process: r.process ?? undefined,
      declaredTime: r.declaredTime,
    })
    return [
      {
        serviceId: r.serviceId,
        agencyId: r.agencyId,
        slug: r.slug,
        title: r.title,
        versionId: r.versionId,
        versionNo: r.versionNo,
        publishedAt: r.publishedAt,
        process: content.process,
        declaredTime: content.declaredTime,
        history: versions.get(r.serviceId) ?? [],
      },
    ]
  })
}

/**
 * Rows per statement: PostgreSQL takes at most 65,535 parameters, and the widest row here has
 * 13 columns; a few hundred rows per statement is also where PGlite is fastest.
 */
const CHUNK = 400

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK))
}

/** Whole rows, every column given: the JSON insert below has no column defaults to fall back on. */
export interface DemoFeedbackRows {
  transactions: Selectable<TransactionsTable>[]
  steps: Selectable<TransactionStepsTable>[]
  rollupState: Insertable<TransactionRollupStateTable>[]
}

/**
 * The transaction feed in bulk: transactions, their step events, the rollups' state rows. The
 * two big tables take their rows as one JSON parameter each (`jsonb_to_recordset`): on PGlite
 * that took about a quarter less time than binding every value as its own parameter.
 */
export async function insertDemoTransactions(trx: Executor, rows: DemoFeedbackRows) {
  await sql`
    INSERT INTO transactions (id, agency_id, service_id, version_id, tracking_hash, channel,
      started_at, completed_at, outcome, promised_by, in_person_visits, rating_expires_at,
      created_at, updated_at)
    SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows.transactions)}::jsonb) AS x(
      "id" uuid, "agencyId" uuid, "serviceId" uuid, "versionId" uuid, "trackingHash" text,
      "channel" text, "startedAt" timestamptz, "completedAt" timestamptz, "outcome" text,
      "promisedBy" timestamptz, "inPersonVisits" integer, "ratingExpiresAt" timestamptz,
      "createdAt" timestamptz, "updatedAt" timestamptz)`.execute(trx)
  await sql`
    INSERT INTO transaction_steps (transaction_id, step_id, started_at, finished_at, promised_by)
    SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows.steps)}::jsonb) AS x(
      "transactionId" uuid, "stepId" text, "startedAt" timestamptz, "finishedAt" timestamptz,
      "promisedBy" timestamptz)`.execute(trx)
  await insertChunked(rows.rollupState, (c) =>
    trx.insertInto('transactionRollupState').values(c).execute(),
  )
}

export interface DemoCitizenRows {
  ratings: Insertable<RatingsTable>[]
  ratingRollups: Insertable<RatingRollupsTable>[]
  votes: Insertable<HelpfulVotesTable>[]
  helpfulRollups: Insertable<FeedbackRollupsTable>[]
  reports: Insertable<AccuracyReportsTable>[]
}

/** What citizens said, in bulk, with the per-service rollup rows the pages read. */
export async function insertDemoCitizenFeedback(trx: Executor, rows: DemoCitizenRows) {
  await insertChunked(rows.ratings, (c) => trx.insertInto('ratings').values(c).execute())
  await insertChunked(rows.ratingRollups, (c) =>
    trx.insertInto('ratingRollups').values(c).execute(),
  )
  await insertChunked(rows.votes, (c) => trx.insertInto('helpfulVotes').values(c).execute())
  await insertChunked(rows.helpfulRollups, (c) =>
    trx.insertInto('feedbackRollups').values(c).execute(),
  )
  // One at a time in story order: a duplicate points at a report inserted before it.
  for (const r of rows.reports) await trx.insertInto('accuracyReports').values(r).execute()
}
