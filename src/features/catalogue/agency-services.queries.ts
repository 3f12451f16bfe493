import { sql } from 'kysely'
import type { Db } from '../../db/create-db.ts'
import type { AgencyLevel } from '../agencies/index.ts'

/** One published service of an agency or of one under it, with its agency's place and count. */
export interface AgencyServiceRow {
  agencyId: string
  agencyCode: string
  agencyNameFa: string
  agencyLevel: AgencyLevel
  /** 0 for the agency itself, 1 for its children, and so on. */
  depth: number
  /** How many published services that agency has in all (the rows stop at the limit). */
  agencyTotal: number
  slug: string
  title: string
  summary: string
}

/**
 * The published, not withdrawn services of an agency and of every agency under it, in one
 * statement: at most `perAgency` per agency (in Persian alphabetical order), each row with
 * its agency's whole count. Agencies come in hierarchy order (depth first, by code at each
 * level), so each subordinate's services follow its parent's.
 */
export async function listPublishedServicesUnderAgency(
  db: Db,
  agencyId: string,
  perAgency: number,
): Promise<AgencyServiceRow[]> {
  const result = await sql<AgencyServiceRow>`
    WITH RECURSIVE tree AS (
      SELECT id, 0 AS depth, ARRAY[code] AS path FROM agencies WHERE id = ${agencyId}
      UNION ALL
      SELECT a.id, t.depth + 1, t.path || a.code
        FROM agencies a JOIN tree t ON a.parent_id = t.id WHERE t.depth < 10
    ),
    published AS (
      SELECT s.agency_id, s.slug, v.title, coalesce(v.content->>'summary', '') AS summary,
        row_number() OVER (PARTITION BY s.agency_id ORDER BY v.sort_key, s.id) AS rank,
        count(*) OVER (PARTITION BY s.agency_id)::int AS agency_total
      FROM services s
        JOIN tree t ON t.id = s.agency_id
        JOIN service_versions v ON v.service_id = s.id AND v.status = 'published'
      WHERE s.withdrawn_at IS NULL
    )
    SELECT a.id AS agency_id, a.code AS agency_code, a.name_fa AS agency_name_fa,
      a.level AS agency_level, t.depth, p.agency_total, p.slug, p.title, p.summary
    FROM published p
      JOIN tree t ON t.id = p.agency_id
      JOIN agencies a ON a.id = p.agency_id
    WHERE p.rank <= ${perAgency}
    ORDER BY t.path, p.rank`.execute(db)
  return result.rows
}
