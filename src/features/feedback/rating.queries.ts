import { type Kysely, sql } from 'kysely'
import type { Database, TransactionChannel } from '../../db/schema.ts'
import type { SampleTotals } from '../../lib/stats.ts'
import type { RatingInput } from './rating.input.ts'
import type { TransactionRow } from './transaction.queries.ts'

type Executor = Kysely<Database>

/**
 * What a rating link points at, in one statement: the transaction, whether it has been rated,
 * and the service's published title (its slug when nothing is published).
 */
export async function findRatingTarget(
  db: Executor,
  transactionId: string,
): Promise<
  | {
      transaction: TransactionRow
      rated: boolean
      serviceSlug: string | null
      title: string | null
    }
  | undefined
> {
  const row = await db
    .selectFrom('transactions')
    .leftJoin('services', 'services.id', 'transactions.serviceId')
    .leftJoin('serviceVersions as published', (join) =>
      join
        .onRef('published.serviceId', '=', 'transactions.serviceId')
        .on('published.status', '=', 'published'),
    )
    .selectAll('transactions')
    .select((eb) => [
      'services.slug as serviceSlug',
      'published.title as publishedTitle',
      eb
        .exists(
          eb
            .selectFrom('ratings')
            .select('ratings.id')
            .whereRef('ratings.transactionId', '=', 'transactions.id'),
        )
        .as('rated'),
    ])
    .where('transactions.id', '=', transactionId)
    .executeTakeFirst()
  if (!row) return undefined
  const { serviceSlug, publishedTitle, rated, ...transaction } = row
  // EXISTS is a boolean on PostgreSQL; Kysely types it as SqlBool (boolean or 0/1).
  return { transaction, rated: rated === true || rated === 1, serviceSlug, title: publishedTitle }
}

/** Inserts the rating unless the transaction already has one; the id, or null when it had. */
export async function insertRating(
  trx: Executor,
  r: RatingInput & {
    transactionId: string
    serviceId: string
    channel: TransactionChannel
    now: Date
  },
): Promise<string | null> {
  const row = await trx
    .insertInto('ratings')
    .values({
      transactionId: r.transactionId,
      serviceId: r.serviceId,
      channel: r.channel,
      overall: r.overall,
      clarity: r.clarity,
      promisedTime: r.promisedTime,
      visits: r.visits,
      staffConduct: r.staffConduct,
      cost: r.cost,
      onlineEase: r.onlineEase,
      comment: r.comment,
      createdAt: r.now,
    })
    .onConflict((oc) => oc.column('transactionId').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id ?? null
}

/**
 * Adds one overall score to its service's running totals (the rollup pages read). Every
 * rating of the service updates this one row, whose lock is held until the commit: call it
 * last in the transaction, so ratings of one service wait for each other as briefly as can be.
 */
export async function addToRatingRollup(
  trx: Executor,
  serviceId: string,
  overall: number,
  now: Date,
) {
  await trx
    .insertInto('ratingRollups')
    .values({ serviceId, n: 1, total: overall, totalSquares: overall * overall, updatedAt: now })
    .onConflict((oc) =>
      oc.column('serviceId').doUpdateSet({
        n: sql`rating_rollups.n + 1`,
        total: sql`rating_rollups.total + ${overall}`,
        totalSquares: sql`rating_rollups.total_squares + ${overall * overall}`,
        updatedAt: now,
      }),
    )
    .execute()
}

/** The service's running totals of overall scores (zeros before the first rating). */
export async function ratingTotals(db: Executor, serviceId: string): Promise<SampleTotals> {
  const row = await db
    .selectFrom('ratingRollups')
    .select(['n', 'total', 'totalSquares'])
    .where('serviceId', '=', serviceId)
    .executeTakeFirst()
  return { n: row?.n ?? 0, sum: row?.total ?? 0, sumSquares: row?.totalSquares ?? 0 }
}

/** Totals over every service: the prior every service's Bayesian average is pulled towards. */
export async function allRatingTotals(db: Executor): Promise<SampleTotals> {
  const row = await db
    .selectFrom('ratingRollups')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<string>('n'), sql<string>`0`).as('n'),
      eb.fn.coalesce(eb.fn.sum<string>('total'), sql<string>`0`).as('sum'),
      eb.fn.coalesce(eb.fn.sum<string>('totalSquares'), sql<string>`0`).as('sumSquares'),
    ])
    .executeTakeFirstOrThrow()
  return { n: Number(row.n), sum: Number(row.sum), sumSquares: Number(row.sumSquares) }
}
