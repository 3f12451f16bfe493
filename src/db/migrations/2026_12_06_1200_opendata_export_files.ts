import { type Kysely, sql } from 'kysely'

// Open-data export files (issue 11 item 5).
//
// One row naming this database: files kept outside the database (the export files under
// DATA_DIR) are filed under this id, so two databases that happen to share a directory, or
// reach the same catalogue state, never serve each other's files. The row is created on first
// use, not here: databases copied from one migrated template (tests) each get their own.
//
// The exports read the catalogue in (sort key, service id) order a few services at a time. With
// only the sort-key index, and no statistics (PGlite never runs autovacuum's ANALYZE), each
// batch was a nested loop over every pair of published versions and services: 300 ms per batch
// on the demo's 325 services, quadratic in the catalogue. This index lets each batch be an
// index scan that stops after the batch (0.1 ms).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE installation (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`
    CREATE INDEX service_versions_published_order ON service_versions (sort_key, service_id)
    WHERE status = 'published'`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS service_versions_published_order`.execute(db)
  await sql`DROP TABLE IF EXISTS installation`.execute(db)
}
