import { type Kysely, sql } from 'kysely'

// Views of each service's public page per Tehran day (issue 14 item 3: accepted reports per
// 1,000 page views). Counted in memory by the HTTP front (web/page-views.ts), cached pages
// included, and added here in batches by src/jobs/page-views.ts: one upsert a minute, never a
// write per view. Only the count is kept: no address, no browser, nothing about the visitor.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE service_page_views (
      service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      day date NOT NULL,
      views bigint NOT NULL CHECK (views >= 0),
      PRIMARY KEY (service_id, day)
    )`.execute(db)
  // The indicators read a period's days for every service at once.
  await sql`CREATE INDEX service_page_views_day_idx ON service_page_views (day)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS service_page_views`.execute(db)
}
