import { type Kysely, type Selectable, sql } from 'kysely'
import type { Database, TransactionTimeRollupsTable } from '../../db/schema.ts'

type Executor = Kysely<Database>

export type TimeRollupRow = Selectable<TransactionTimeRollupsTable>

/** '' stands for the whole transaction in `transaction_time_rollups.step_id`. */
export const WHOLE = ''

export function rollupState(db: Executor, serviceId: string) {
  return db
    .selectFrom('transactionRollupState')
    .selectAll()
    .where('serviceId', '=', serviceId)
    .executeTakeFirst()
}

export function timeRollups(db: Executor, serviceId: string): Promise<TimeRollupRow[]> {
  return db
    .selectFrom('transactionTimeRollups')
    .selectAll()
    .where('serviceId', '=', serviceId)
    .orderBy('stepId')
    .execute()
}

/** Only one process recomputes a service at a time; the others read the previous figures. */
export async function tryLockRollup(trx: Executor, serviceId: string): Promise<boolean> {
  const r = await sql<{ locked: boolean }>`
    SELECT pg_try_advisory_xact_lock(hashtextextended(${`tx-rollup:${serviceId}`}, 0)) AS locked`.execute(
    trx,
  )
  return r.rows[0]?.locked === true
}

/**
 * Recomputes a service's promised-against-actual figures over transactions completed (and
 * steps finished) since `since`, in two aggregate statements: median and 90th percentile of
 * the actual time, how many had a promise and how many kept it, in-person visits.
 */
export async function rewriteTimeRollups(trx: Executor, serviceId: string, since: Date, now: Date) {
  await trx.deleteFrom('transactionTimeRollups').where('serviceId', '=', serviceId).execute()
  await sql`
    INSERT INTO transaction_time_rollups
      (service_id, step_id, n, median_seconds, p90_seconds, with_promise, on_time, visits_total, computed_at)
    SELECT ${serviceId}::uuid, '', count(*)::int,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - started_at)),
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - started_at)),
      count(promised_by)::int,
      (count(*) FILTER (WHERE completed_at <= promised_by))::int,
      coalesce(sum(in_person_visits), 0)::int,
      ${now}::timestamptz
    FROM transactions
    WHERE service_id = ${serviceId}::uuid AND completed_at IS NOT NULL AND completed_at >= ${since}::timestamptz
    HAVING count(*) > 0`.execute(trx)
  await sql`
    INSERT INTO transaction_time_rollups
      (service_id, step_id, n, median_seconds, p90_seconds, with_promise, on_time, visits_total, computed_at)
    SELECT ${serviceId}::uuid, s.step_id, count(*)::int,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.finished_at - s.started_at)),
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM s.finished_at - s.started_at)),
      count(s.promised_by)::int,
      (count(*) FILTER (WHERE s.finished_at <= s.promised_by))::int,
      0,
      ${now}::timestamptz
    FROM transaction_steps s JOIN transactions t ON t.id = s.transaction_id
    WHERE t.service_id = ${serviceId}::uuid
      AND t.started_at >= ${new Date(since.getTime() - 365 * 86_400_000)}::timestamptz
      AND s.finished_at IS NOT NULL AND s.finished_at >= ${since}::timestamptz
    GROUP BY s.step_id`.execute(trx)
  await trx
    .updateTable('transactionRollupState')
    .set({ computedAt: now })
    .where('serviceId', '=', serviceId)
    .execute()
}

/**
 * Services whose promised-against-actual figures are due for the upkeep job: never computed,
 * changed since they were computed, or computed before `computedBefore` (the 90-day window has
 * moved on). Oldest first, at most `limit`.
 */
export async function staleRollupServices(
  db: Executor,
  computedBefore: Date,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('transactionRollupState')
    .select('serviceId')
    .where((eb) =>
      eb.or([
        eb('computedAt', 'is', null),
        eb('changedAt', '>=', eb.ref('computedAt')),
        eb('computedAt', '<', computedBefore),
      ]),
    )
    .orderBy('computedAt', (ob) => ob.asc().nullsFirst())
    .limit(limit)
    .execute()
  return rows.map((r) => r.serviceId)
}
