import { type Kysely, sql } from 'kysely'
import type { Database, TransactionChannel } from '../../db/schema.ts'
import type { SampleTotals } from '../../lib/stats.ts'
import type { RatingInput } from './rating.input.ts'

type Executor = Kysely<Database>

export async function ratingExists(db: Executor, transactionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('ratings')
    .select('id')
    .where('transactionId', '=', transactionId)
    .executeTakeFirst()
  return row !== undefined
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

/** Adds one overall score to its service's running totals (the rollup pages read). */
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
