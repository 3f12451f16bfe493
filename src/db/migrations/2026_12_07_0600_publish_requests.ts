import { type Kysely, sql } from 'kysely'

// An editor's request that the agency admin publish a draft (issue 17 item 12). One row per
// draft version: the row goes with the draft when it is discarded (CASCADE), and a request
// counts only while its version is still a draft, so publishing ends it on every publish path
// (hub, API) without each of them having to remember. `revision` is the draft's revision when
// the request was sent: a later save makes the draft "changed since it was sent".
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE publish_requests (
      version_id uuid PRIMARY KEY REFERENCES service_versions(id) ON DELETE CASCADE,
      service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      revision integer NOT NULL,
      requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
      requested_at timestamptz NOT NULL
    )`.execute(db)
  await sql`CREATE INDEX publish_requests_service_idx ON publish_requests (service_id)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS publish_requests`.execute(db)
}
