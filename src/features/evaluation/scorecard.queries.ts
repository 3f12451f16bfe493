import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

/**
 * Values of agencies' own (not computed) indicators that fell due between two days (ISO,
 * inclusive), each with whether it was recorded by the end of its due day in Tehran.
 */
export async function valuesDueBetween(
  db: Executor,
  firstDay: string,
  lastDay: string,
): Promise<{ agencyId: string; due: number; onTime: number }[]> {
  const r = await sql<{ agencyId: string; due: number; onTime: number }>`
    SELECT agency_id AS "agencyId", count(*)::int AS due,
      (count(*) FILTER (WHERE (recorded_at AT TIME ZONE 'Asia/Tehran')::date <= due_on))::int AS "onTime"
    FROM indicator_values
    WHERE source <> 'computed' AND due_on BETWEEN ${firstDay}::date AND ${lastDay}::date
    GROUP BY agency_id`.execute(db)
  return r.rows
}

/**
 * Accepted values of approved specific indicators for the periods of one Jalali year, with the
 * version's direction and targets (JSON, parsed by the caller).
 */
export async function acceptedSpecificValues(
  db: Executor,
  jy: number,
): Promise<{ agencyId: string; value: number; direction: 'higher' | 'lower'; targets: unknown }[]> {
  const r = await sql<{
    agencyId: string
    value: number
    direction: 'higher' | 'lower'
    targets: unknown
  }>`
    SELECT v.agency_id AS "agencyId", v.value, iv.direction, iv.targets
    FROM indicator_values v
    JOIN indicators i ON i.id = v.indicator_id AND i.kind = 'specific'
    JOIN indicator_versions iv ON iv.indicator_id = i.id AND iv.state = 'approved'
    JOIN indicator_period_submissions s
      ON s.agency_id = v.agency_id AND s.period = v.period AND s.state = 'accepted'
    WHERE v.value IS NOT NULL AND left(v.period, 4) = ${String(jy)}`.execute(db)
  return r.rows
}
