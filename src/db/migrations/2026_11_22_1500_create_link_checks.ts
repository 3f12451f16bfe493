import { type Kysely, sql } from 'kysely'

// Link health (R12, R5): the last result of checking each link a service points to (an
// e-service, web page or mobile-app URL) and each form file (its bytes re-hashed). One row per
// target, shared by every service that uses it; `first_broken_at` stays while the target keeps
// failing, so the dashboard can say since when a link has been broken.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE link_checks (
      target_kind text NOT NULL CHECK (target_kind IN ('url', 'form_file')),
      target text NOT NULL CHECK (length(target) BETWEEN 1 AND 2048),
      status text NOT NULL CHECK (status IN ('ok', 'broken')),
      http_status integer,
      error text,
      checked_at timestamptz NOT NULL,
      first_broken_at timestamptz,
      PRIMARY KEY (target_kind, target),
      CHECK ((status = 'broken') = (first_broken_at IS NOT NULL))
    )`.execute(db)
  await sql`CREATE INDEX link_checks_broken_idx ON link_checks (target) WHERE status = 'broken'`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS link_checks`.execute(db)
}
