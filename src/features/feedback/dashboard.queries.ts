import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { SampleTotals } from '../../lib/stats.ts'
import { WHOLE } from './transaction.rollup.queries.ts'

type Executor = Kysely<Database>

/**
 * The staff feedback dashboards' figures (issue 13 item 7). Every function is one SQL
 * aggregate over a rollup table or a grouped count; nothing loops over raw rows in JavaScript.
 * `agencyId` null means every agency (the centre).
 */

/** The rating columns, in the order the dashboard shows them: overall, then the dimensions. */
export const RATING_DIMENSIONS = [
  'overall',
  'clarity',
  'promisedTime',
  'visits',
  'staffConduct',
  'cost',
  'onlineEase',
] as const
export type RatingDimension = (typeof RATING_DIMENSIONS)[number]

const COLUMN: Record<RatingDimension, string> = {
  overall: 'overall',
  clarity: 'clarity',
  promisedTime: 'promised_time',
  visits: 'visits',
  staffConduct: 'staff_conduct',
  cost: 'cost',
  onlineEase: 'online_ease',
}

const num = (v: unknown): number => Number(v ?? 0)

/** Helpful yes/no summed over the agency's per-service rollup rows, per agency. */
export async function helpfulByAgency(
  db: Executor,
  agencyId: string | null,
): Promise<Map<string, { yes: number; no: number }>> {
  let q = db
    .selectFrom('feedbackRollups as f')
    .innerJoin('services as s', 's.id', 'f.serviceId')
    .select((eb) => [
      's.agencyId',
      eb.fn.sum<string>('f.helpfulYes').as('yes'),
      eb.fn.sum<string>('f.helpfulNo').as('no'),
    ])
    .groupBy('s.agencyId')
  if (agencyId) q = q.where('s.agencyId', '=', agencyId)
  const rows = await q.execute()
  return new Map(rows.map((r) => [r.agencyId, { yes: num(r.yes), no: num(r.no) }]))
}

/** Running totals of every rating dimension of one agency's services (all agencies: null). */
export async function ratingTotalsByDimension(
  db: Executor,
  agencyId: string | null,
): Promise<Record<RatingDimension, SampleTotals>> {
  const parts = RATING_DIMENSIONS.map((d) => {
    const c = sql.ref(`r.${COLUMN[d]}`)
    return sql`count(${c})::int AS ${sql.ref(`${d}_n`)}, coalesce(sum(${c}), 0)::float8 AS ${sql.ref(`${d}_s`)}, coalesce(sum(${c} * ${c}), 0)::float8 AS ${sql.ref(`${d}_q`)}`
  })
  const where = agencyId ? sql`WHERE s.agency_id = ${agencyId}::uuid` : sql``
  const r = await sql<Record<string, unknown>>`
    SELECT ${sql.join(parts)}
    FROM ratings r JOIN services s ON s.id = r.service_id ${where}`.execute(db)
  const row = r.rows[0] ?? {}
  return Object.fromEntries(
    RATING_DIMENSIONS.map((d) => [
      d,
      // The camel-case plugin reads the aliases `overall_n`… back as `overallN`….
      { n: num(row[`${d}N`]), sum: num(row[`${d}S`]), sumSquares: num(row[`${d}Q`]) },
    ]),
  ) as Record<RatingDimension, SampleTotals>
}

/** Running totals of the overall rating per channel (one agency, or all). */
export async function ratingTotalsByChannel(
  db: Executor,
  agencyId: string | null,
): Promise<Map<string, SampleTotals>> {
  const where = agencyId ? sql`WHERE s.agency_id = ${agencyId}::uuid` : sql``
  const r = await sql<{ channel: string; n: number; s: number; q: number }>`
    SELECT r.channel, count(*)::int AS n, sum(r.overall)::float8 AS s,
      sum(r.overall * r.overall)::float8 AS q
    FROM ratings r JOIN services s ON s.id = r.service_id ${where}
    GROUP BY r.channel`.execute(db)
  return new Map(
    r.rows.map((x) => [x.channel, { n: num(x.n), sum: num(x.s), sumSquares: num(x.q) }]),
  )
}

/** Running totals of the overall rating per agency (the centre's table and the prior). */
export async function ratingTotalsByAgency(db: Executor): Promise<Map<string, SampleTotals>> {
  const r = await sql<{ agencyId: string; n: number; s: number; q: number }>`
    SELECT s.agency_id AS "agencyId", count(*)::int AS n, sum(r.overall)::float8 AS s,
      sum(r.overall * r.overall)::float8 AS q
    FROM ratings r JOIN services s ON s.id = r.service_id
    GROUP BY s.agency_id`.execute(db)
  return new Map(
    r.rows.map((x) => [x.agencyId, { n: num(x.n), sum: num(x.s), sumSquares: num(x.q) }]),
  )
}

/**
 * Unanswered reports by age: received on or after `since5Iso` (0–5 working days old), older but
 * not yet due (6–15), and past their due day (overdue: the due day is 15 working days on).
 */
export async function openReportAges(
  db: Executor,
  agencyId: string | null,
  b: { todayIso: string; since5Iso: string },
): Promise<Map<string, { young: number; middle: number; overdue: number }>> {
  const where = agencyId ? sql`AND r.agency_id = ${agencyId}::uuid` : sql``
  const day = sql`(r.received_at AT TIME ZONE 'Asia/Tehran')::date`
  const r = await sql<{ agencyId: string; young: number; middle: number; overdue: number }>`
    SELECT r.agency_id AS "agencyId",
      (count(*) FILTER (WHERE r.due_on >= ${b.todayIso}::date AND ${day} >= ${b.since5Iso}::date))::int AS young,
      (count(*) FILTER (WHERE r.due_on >= ${b.todayIso}::date AND ${day} < ${b.since5Iso}::date))::int AS middle,
      (count(*) FILTER (WHERE r.due_on < ${b.todayIso}::date))::int AS overdue
    FROM accuracy_reports r
    WHERE r.state = 'received' ${where}
    GROUP BY r.agency_id`.execute(db)
  return new Map(
    r.rows.map((x) => [
      x.agencyId,
      { young: num(x.young), middle: num(x.middle), overdue: num(x.overdue) },
    ]),
  )
}

/** Reports per agency and state (an accepted report whose fix is public counts as fixed). */
export async function reportStatesByAgency(
  db: Executor,
): Promise<Map<string, Record<string, number>>> {
  const r = await sql<{ agencyId: string; state: string; n: number }>`
    SELECT r.agency_id AS "agencyId",
      CASE WHEN r.state = 'accepted' AND v.version_no >= r.fix_version_no THEN 'fixed' ELSE r.state END AS state,
      count(*)::int AS n
    FROM accuracy_reports r
    LEFT JOIN service_versions v ON v.service_id = r.service_id AND v.status = 'published'
    GROUP BY 1, 2`.execute(db)
  const out = new Map<string, Record<string, number>>()
  for (const x of r.rows) {
    const m = out.get(x.agencyId) ?? {}
    m[x.state] = (m[x.state] ?? 0) + num(x.n)
    out.set(x.agencyId, m)
  }
  return out
}

/** A service's rolled-up promised-against-actual row, with its title and published steps. */
export interface TimeRow {
  serviceId: string
  serviceTitle: string
  stepId: string
  n: number
  medianSeconds: number | null
  p90Seconds: number | null
  withPromise: number
  onTime: number
  /** The published process's steps (JSON; parsed by the reader). */
  steps: unknown
  computedAt: Date
}

/** The agency's transaction time rollups, step by step, with the published process's steps. */
export async function timeRowsOfAgency(db: Executor, agencyId: string): Promise<TimeRow[]> {
  const r = await sql<TimeRow>`
    SELECT t.service_id AS "serviceId", coalesce(v.title, s.slug) AS "serviceTitle",
      t.step_id AS "stepId", t.n, t.median_seconds AS "medianSeconds",
      t.p90_seconds AS "p90Seconds", t.with_promise AS "withPromise", t.on_time AS "onTime",
      v.content -> 'process' -> 'steps' AS steps, t.computed_at AS "computedAt"
    FROM transaction_time_rollups t
    JOIN services s ON s.id = t.service_id
    LEFT JOIN service_versions v ON v.service_id = s.id AND v.status = 'published'
    WHERE s.agency_id = ${agencyId}::uuid
    ORDER BY 2, t.service_id, t.step_id`.execute(db)
  return r.rows
}

/** Whole-transaction on-time figures per agency (the rollup rows with step_id ''). */
export async function onTimeByAgency(
  db: Executor,
): Promise<Map<string, { n: number; withPromise: number; onTime: number }>> {
  const r = await sql<{ agencyId: string; n: number; withPromise: number; onTime: number }>`
    SELECT s.agency_id AS "agencyId", sum(t.n)::int AS n,
      sum(t.with_promise)::int AS "withPromise", sum(t.on_time)::int AS "onTime"
    FROM transaction_time_rollups t JOIN services s ON s.id = t.service_id
    WHERE t.step_id = ${WHOLE}
    GROUP BY s.agency_id`.execute(db)
  return new Map(
    r.rows.map((x) => [
      x.agencyId,
      { n: num(x.n), withPromise: num(x.withPromise), onTime: num(x.onTime) },
    ]),
  )
}
