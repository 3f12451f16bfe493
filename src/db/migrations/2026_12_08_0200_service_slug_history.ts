import { type Kysely, sql } from 'kysely'

// Readable Persian service addresses (issue 17 item 13). The slug may now hold the Persian
// alphabet besides ASCII lower-case letters and digits (features/services/slug.ts: SLUG_CHARS,
// the same class), still hyphen-joined and at most 80 characters. A published service's earlier
// slugs are kept here so their addresses answer with a 301 to the current one; a slug is
// someone's old address or a service's current one, never both (service-slug.actions.ts).
const SLUG_CLASS =
  'a-z0-9\\u0621-\\u0628\\u062a-\\u063a\\u0641\\u0642\\u0644-\\u0648\\u067e\\u0686\\u0698\\u06a9\\u06af\\u06cc'
const SLUG_CHECK = `slug ~ '^[${SLUG_CLASS}]+(-[${SLUG_CLASS}]+)*$' AND length(slug) <= 80`

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE services DROP CONSTRAINT services_slug_check`.execute(db)
  await sql`ALTER TABLE services ADD CONSTRAINT services_slug_check CHECK (${sql.raw(SLUG_CHECK)})`.execute(
    db,
  )
  await sql`
    CREATE TABLE service_slug_history (
      slug text PRIMARY KEY CHECK (${sql.raw(SLUG_CHECK)}),
      service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      retired_at timestamptz NOT NULL,
      retired_by uuid REFERENCES users(id) ON DELETE SET NULL
    )`.execute(db)
  await sql`CREATE INDEX service_slug_history_service_idx ON service_slug_history (service_id)`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS service_slug_history`.execute(db)
  await sql`ALTER TABLE services DROP CONSTRAINT services_slug_check`.execute(db)
  await sql`ALTER TABLE services ADD CONSTRAINT services_slug_check CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80)`.execute(
    db,
  )
}
