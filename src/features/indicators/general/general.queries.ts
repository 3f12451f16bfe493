import { type Kysely, sql } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../../db/schema.ts'
import { tehranIsoDay } from '../../../lib/working-calendar.ts'
import { EMPTY_PROCESS, processSchema, type ServiceProcess } from '../../services/index.ts'
import type { QueryPeriod } from './general.model.ts'

type Executor = Kysely<Database>

/**
 * The reads behind the general indicators (issue 14 item 3): each one statement over every
 * agency at once, grouped by the owning agency of the service (`services.agency_id`), so the
 * number of statements does not grow with agencies or services. `from` inclusive, `to`
 * exclusive, as instants in Tehran time.
 */

/** Every agency, so that one with no services still gets its (empty) values. */
export async function listAgencyIds(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('agencies').select('id').orderBy('code').execute()
  return rows.map((r) => r.id)
}

/** A card as stored (JSON text), with the agency that owns its service. */
export interface StoredCard {
  agencyId: string
  content: string
}

/**
 * The card of every service as it was public at `asOf`: its latest version published before
 * then, unless the service was withdrawn by then. (A withdrawal that was later undone is not
 * recorded, so such a service counts as public throughout.) The versions in force are found on
 * narrow rows first and only their cards are read, as text: the caller parses them a slice at a
 * time, and the CamelCasePlugin does not copy every nested object only to rename keys that are
 * already camelCase.
 */
export async function cardsInForceAt(db: Executor, asOf: Date): Promise<StoredCard[]> {
  const r = await sql<StoredCard>`
    SELECT s.agency_id AS "agencyId", v.content::text AS content
    FROM (
      SELECT DISTINCT ON (service_id) id FROM service_versions
      WHERE status IN ('published', 'superseded') AND published_at < ${asOf}::timestamptz
      ORDER BY service_id, version_no DESC
    ) f
    JOIN service_versions v ON v.id = f.id
    JOIN services s ON s.id = v.service_id
    WHERE s.withdrawn_at IS NULL OR s.withdrawn_at >= ${asOf}::timestamptz`.execute(db)
  return r.rows
}

/** The two parts of a card the visit count is read from (versions before processes have none). */
const visitsPart = z.object({
  process: processSchema.nullable().transform((p) => p ?? EMPTY_PROCESS),
  inPersonVisits: z.number().int().min(0).nullable(),
})

export interface VisitsPair {
  agencyId: string
  before: { process: ServiceProcess; inPersonVisits: number | null }
  after: { process: ServiceProcess; inPersonVisits: number | null }
}

/** Every version published in the period with the version it superseded (its number − 1). */
export async function versionsPublishedIn(db: Executor, p: QueryPeriod): Promise<VisitsPair[]> {
  const r = await sql<{
    agencyId: string
    process: unknown
    visits: unknown
    beforeProcess: unknown
    beforeVisits: unknown
  }>`
    SELECT s.agency_id AS "agencyId",
      v.content -> 'process' AS process, v.content -> 'inPersonVisits' AS visits,
      b.content -> 'process' AS "beforeProcess", b.content -> 'inPersonVisits' AS "beforeVisits"
    FROM service_versions v
    JOIN services s ON s.id = v.service_id
    JOIN service_versions b ON b.service_id = v.service_id AND b.version_no = v.version_no - 1
    WHERE v.status IN ('published', 'superseded')
      AND v.published_at >= ${p.from}::timestamptz AND v.published_at < ${p.to}::timestamptz
      AND b.published_at IS NOT NULL`.execute(db)
  return r.rows.map((row) => ({
    agencyId: row.agencyId,
    before: visitsPart.parse({ process: row.beforeProcess, inPersonVisits: row.beforeVisits }),
    after: visitsPart.parse({ process: row.process, inPersonVisits: row.visits }),
  }))
}

/** The start of one review cycle of a service and the sign-off that ended it, if any. */
export interface ReviewBasis {
  agencyId: string
  withdrawnAt: Date | null
  /** The first publication or a counted review: the cycle's due date is a cycle after it. */
  at: Date
  /** The next counted review after `at` (which closed this cycle), or null. */
  nextAt: Date | null
}

/**
 * The review cycles that start between `fromBasis` and `toBasis`: each service's first
 * publication and every completed review the central audit did not reject, in time order, each
 * with the next of them. The caller turns the starts into due dates (a Jalali cycle later).
 */
export async function reviewBasesBetween(
  db: Executor,
  fromBasis: Date,
  toBasis: Date,
): Promise<ReviewBasis[]> {
  const r = await sql<ReviewBasis>`
    WITH bases AS (
      SELECT s.id AS service_id, s.first_published_at AS at
      FROM services s WHERE s.first_published_at IS NOT NULL
      UNION ALL
      SELECT r.service_id, r.completed_at
      FROM service_reviews r
      WHERE r.status = 'completed' AND r.completed_at IS NOT NULL
        AND (r.audit_status IS NULL OR r.audit_status <> 'rejected')
    ), cycles AS (
      SELECT service_id, at, lead(at) OVER (PARTITION BY service_id ORDER BY at) AS next_at
      FROM bases
    )
    SELECT s.agency_id AS "agencyId", s.withdrawn_at AS "withdrawnAt", c.at, c.next_at AS "nextAt"
    FROM cycles c JOIN services s ON s.id = c.service_id
    WHERE c.at >= ${fromBasis}::timestamptz AND c.at < ${toBasis}::timestamptz`.execute(db)
  return r.rows
}

export interface RatingTotals {
  /** Null on the portal-wide row (the prior). */
  agencyId: string | null
  n: number
  sum: number
}

/** Overall ratings given in the period: per agency, and for the whole portal (the prior). */
export async function ratingTotalsIn(db: Executor, p: QueryPeriod): Promise<RatingTotals[]> {
  const r = await sql<RatingTotals>`
    SELECT s.agency_id AS "agencyId", count(*)::int AS n, coalesce(sum(g.overall), 0)::float8 AS sum
    FROM ratings g JOIN services s ON s.id = g.service_id
    WHERE g.created_at >= ${p.from}::timestamptz AND g.created_at < ${p.to}::timestamptz
    GROUP BY GROUPING SETS ((s.agency_id), ())`.execute(db)
  return r.rows
}

/** Reports of wrong information the agency accepted in the period (accepted, or since fixed). */
export async function acceptedReportsIn(
  db: Executor,
  p: QueryPeriod,
): Promise<{ agencyId: string; accepted: number }[]> {
  const r = await sql<{ agencyId: string; accepted: number }>`
    SELECT s.agency_id AS "agencyId", count(*)::int AS accepted
    FROM accuracy_reports a JOIN services s ON s.id = a.service_id
    WHERE a.state IN ('accepted', 'fixed')
      AND a.answered_at >= ${p.from}::timestamptz AND a.answered_at < ${p.to}::timestamptz
    GROUP BY s.agency_id`.execute(db)
  return r.rows
}

/** Views of the agency's service pages on the Tehran days of the period. */
export async function pageViewsIn(
  db: Executor,
  p: QueryPeriod,
): Promise<{ agencyId: string; views: number }[]> {
  // The period's bounds are Tehran midnights, so its days are [day of from, day of to).
  const r = await sql<{ agencyId: string; views: number }>`
    SELECT s.agency_id AS "agencyId", sum(v.views)::float8 AS views
    FROM service_page_views v JOIN services s ON s.id = v.service_id
    WHERE v.day >= ${tehranIsoDay(p.from)}::date AND v.day < ${tehranIsoDay(p.to)}::date
    GROUP BY s.agency_id`.execute(db)
  return r.rows
}

/** Reports whose fix was published in the period: how many, and the median days to the fix. */
export async function fixTimesIn(
  db: Executor,
  p: QueryPeriod,
): Promise<{ agencyId: string; n: number; medianDays: number }[]> {
  const r = await sql<{ agencyId: string; n: number; medianDays: number }>`
    SELECT s.agency_id AS "agencyId", count(*)::int AS n,
      percentile_cont(0.5) WITHIN GROUP (
        ORDER BY extract(epoch FROM a.closed_at - a.received_at) / 86400
      )::float8 AS "medianDays"
    FROM accuracy_reports a JOIN services s ON s.id = a.service_id
    WHERE a.state = 'fixed'
      AND a.closed_at >= ${p.from}::timestamptz AND a.closed_at < ${p.to}::timestamptz
    GROUP BY s.agency_id`.execute(db)
  return r.rows
}

/** Transactions completed in the period with a promised time, and how many kept it. */
export async function promisesKeptIn(
  db: Executor,
  p: QueryPeriod,
): Promise<{ agencyId: string; withPromise: number; onTime: number }[]> {
  const r = await sql<{ agencyId: string; withPromise: number; onTime: number }>`
    SELECT s.agency_id AS "agencyId", count(*)::int AS "withPromise",
      (count(*) FILTER (WHERE t.completed_at <= t.promised_by))::int AS "onTime"
    FROM transactions t JOIN services s ON s.id = t.service_id
    WHERE t.promised_by IS NOT NULL
      AND t.completed_at >= ${p.from}::timestamptz AND t.completed_at < ${p.to}::timestamptz
    GROUP BY s.agency_id`.execute(db)
  return r.rows
}
