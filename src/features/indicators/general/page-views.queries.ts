import { type Kysely, sql } from 'kysely'
import type { Database } from '../../../db/schema.ts'

type Executor = Kysely<Database>

/** Views of one service page (named by its slug) on one Tehran day. */
export interface SlugDayViews {
  slug: string
  /** ISO `yyyy-mm-dd`. */
  day: string
  views: number
}

/**
 * Adds a batch of counted views to `service_page_views` in one statement: the slugs are
 * matched to services in the same statement (a slug no service has is left out) and each
 * (service, day) row is created or increased. The batch must name each (slug, day) once, as
 * the in-memory counter does. Returns the views written.
 */
export async function addServicePageViews(
  db: Executor,
  batch: readonly SlugDayViews[],
): Promise<number> {
  if (batch.length === 0) return 0
  const r = await sql<{ serviceId: string }>`
    INSERT INTO service_page_views AS p (service_id, day, views)
    SELECT s.id, b.day, b.views
    FROM unnest(${batch.map((b) => b.slug)}::text[], ${batch.map((b) => b.day)}::date[],
      ${batch.map((b) => b.views)}::bigint[]) AS b(slug, day, views)
    JOIN services s ON s.slug = b.slug
    ON CONFLICT (service_id, day) DO UPDATE SET views = p.views + excluded.views
    RETURNING p.service_id AS "serviceId"`.execute(db)
  return r.rows.length
}
