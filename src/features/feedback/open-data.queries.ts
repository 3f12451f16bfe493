import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

/**
 * The month's raw figures for the open-data file (issue 13 item 8), each in one grouped
 * statement over the month's rows (by their time index), with GROUPING SETS giving the rows per
 * service (agency and service set), per agency (service null) and, for ratings, the whole
 * portal (both null: the prior of the Bayesian average). Read when a month's file is asked for,
 * never per page view. `from` inclusive, `to` exclusive.
 */
export interface MonthWindow {
  from: Date
  to: Date
}

interface Keyed {
  agencyId: string | null
  serviceId: string | null
}

export type HelpfulMonthRow = Keyed & { yes: number; no: number }
export type RatingMonthRow = Keyed & { n: number; sum: number; sumSquares: number }
export type TimeMonthRow = Keyed & {
  n: number
  medianSeconds: number | null
  p90Seconds: number | null
  withPromise: number
  onTime: number
}
export interface ReportMonthRow {
  agencyId: string
  serviceId: string
  dueOn: string
  answeredAt: Date | null
}

export async function helpfulByMonth(db: Executor, w: MonthWindow): Promise<HelpfulMonthRow[]> {
  const r = await sql<HelpfulMonthRow>`
    SELECT s.agency_id AS "agencyId", v.service_id AS "serviceId",
      (count(*) FILTER (WHERE v.helpful))::int AS yes,
      (count(*) FILTER (WHERE NOT v.helpful))::int AS no
    FROM helpful_votes v JOIN services s ON s.id = v.service_id
    WHERE v.created_at >= ${w.from}::timestamptz AND v.created_at < ${w.to}::timestamptz
    GROUP BY GROUPING SETS ((s.agency_id, v.service_id), (s.agency_id))`.execute(db)
  return r.rows
}

export async function ratingsByMonth(db: Executor, w: MonthWindow): Promise<RatingMonthRow[]> {
  const r = await sql<RatingMonthRow>`
    SELECT s.agency_id AS "agencyId", g.service_id AS "serviceId", count(*)::int AS n,
      sum(g.overall)::float8 AS sum, sum(g.overall * g.overall)::float8 AS "sumSquares"
    FROM ratings g JOIN services s ON s.id = g.service_id
    WHERE g.created_at >= ${w.from}::timestamptz AND g.created_at < ${w.to}::timestamptz
    GROUP BY GROUPING SETS ((s.agency_id, g.service_id), (s.agency_id), ())`.execute(db)
  return r.rows
}

/** Transactions completed in the month: median and p90 of the actual time, promise kept. */
export async function timesByMonth(db: Executor, w: MonthWindow): Promise<TimeMonthRow[]> {
  const r = await sql<TimeMonthRow>`
    SELECT s.agency_id AS "agencyId", t.service_id AS "serviceId", count(*)::int AS n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.completed_at - t.started_at))::float8 AS "medianSeconds",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.completed_at - t.started_at))::float8 AS "p90Seconds",
      count(t.promised_by)::int AS "withPromise",
      (count(*) FILTER (WHERE t.completed_at <= t.promised_by))::int AS "onTime"
    FROM transactions t JOIN services s ON s.id = t.service_id
    WHERE t.completed_at >= ${w.from}::timestamptz AND t.completed_at < ${w.to}::timestamptz
    GROUP BY GROUPING SETS ((s.agency_id, t.service_id), (s.agency_id))`.execute(db)
  return r.rows
}

/** Reports of wrong information received in the month, with their due day and answer. */
export function reportsByMonth(db: Executor, w: MonthWindow): Promise<ReportMonthRow[]> {
  return db
    .selectFrom('accuracyReports as r')
    .innerJoin('services as s', 's.id', 'r.serviceId')
    .select(['s.agencyId as agencyId', 'r.serviceId as serviceId', 'r.dueOn', 'r.answeredAt'])
    .where('r.receivedAt', '>=', w.from)
    .where('r.receivedAt', '<', w.to)
    .execute()
}

/** Names for the file: the services' slugs and the agencies' codes and names. */
export async function namesFor(db: Executor, serviceIds: string[], agencyIds: string[]) {
  const [services, agencies] = await Promise.all([
    serviceIds.length === 0
      ? []
      : db.selectFrom('services').select(['id', 'slug']).where('id', 'in', serviceIds).execute(),
    agencyIds.length === 0
      ? []
      : db
          .selectFrom('agencies')
          .select(['id', 'code', 'nameFa'])
          .where('id', 'in', agencyIds)
          .execute(),
  ])
  return { services, agencies }
}
