import { type Kysely, sql } from 'kysely'

// Open data (incremental sync): when a service's public state last changed, i.e. a version was
// published, or the service was withdrawn or restored. Set in the same transaction by the
// services queries that make those changes; `GET /api/v1/services?updated_since=…` pages by
// (public_changed_at, id). Backfilled from the versions' publishing dates, the withdrawal date
// and the audit log's publish/withdraw/restore events, whichever is latest.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE services ADD COLUMN public_changed_at timestamptz`.execute(db)
  await sql`
    UPDATE services s SET public_changed_at = greatest(
      (SELECT max(v.published_at) FROM service_versions v WHERE v.service_id = s.id),
      s.withdrawn_at,
      (SELECT max(e.at) FROM audit_events e
        WHERE e.entity_type = 'service' AND e.entity_id = s.id::text
          AND e.action IN ('publish', 'withdraw', 'restore')))`.execute(db)
  await sql`
    CREATE INDEX services_public_changed_idx ON services (public_changed_at, id)
    WHERE public_changed_at IS NOT NULL`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS services_public_changed_idx`.execute(db)
  await sql`ALTER TABLE services DROP COLUMN IF EXISTS public_changed_at`.execute(db)
}
