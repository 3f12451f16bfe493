import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { SampleTotals } from '../../lib/stats.ts'
import type { ActualTimeFigures } from './feedback-figures.ts'
import { ACTUAL_TIME_WINDOW_DAYS } from './feedback-figures.ts'

type Executor = Kysely<Database>

/** '' stands for the whole transaction in `transaction_time_rollups.step_id`. */
export const WHOLE_TRANSACTION_STEP = ''

/**
 * The whole-transaction row of the service's promised-against-actual rollup, as features/
 * feedback last computed it: one primary-key read (service_id, step_id = ''), never the
 * transactions. Zeros for a service without transactions; the caller decides `shown` against
 * the minimum n (settings), usually read at the same time.
 */
export async function findActualTimeFigures(
  db: Executor,
  serviceId: string,
): Promise<Omit<ActualTimeFigures, 'shown'>> {
  const row = await db
    .selectFrom('transactionTimeRollups')
    .select(['n', 'medianSeconds'])
    .where('serviceId', '=', serviceId)
    .where('stepId', '=', WHOLE_TRANSACTION_STEP)
    .executeTakeFirst()
  const n = row?.n ?? 0
  const median = row?.medianSeconds ?? null
  return {
    n,
    medianHours: median === null ? null : Math.round((median / 3600) * 100) / 100,
    windowDays: ACTUAL_TIME_WINDOW_DAYS,
  }
}

/** The service's running totals of overall 1–5 scores (its `rating_rollups` row, by key). */
export async function findRatingTotals(db: Executor, serviceId: string): Promise<SampleTotals> {
  const row = await db
    .selectFrom('ratingRollups')
    .select(['n', 'total', 'totalSquares'])
    .where('serviceId', '=', serviceId)
    .executeTakeFirst()
  return { n: row?.n ?? 0, sum: row?.total ?? 0, sumSquares: row?.totalSquares ?? 0 }
}
