import { type Kysely, sql } from 'kysely'

// Which agencies uploaded each form file (issue 11, item 7). `form_files` is keyed by content
// and shared: knowing a file's SHA-256 must not let another agency attach (and publish) a file
// that is only in one agency's draft. A draft may reference only files its own agency
// uploaded, or files already public (in a published or superseded version). One row per
// (file, agency): the same content uploaded by two agencies belongs to both.
//
// Backfilled from the audit log's `form-file`/`store` events, which name the agency whose
// service the file was first uploaded for (and `upload` events, which storeFormFile records
// from now on when another agency uploads the same content). Files attached in drafts by an agency that did not
// upload them are deliberately not backfilled: that agency uploads the file again to keep it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE form_file_uploads (
      sha256 text NOT NULL REFERENCES form_files(sha256) ON DELETE CASCADE,
      agency_id uuid NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
      PRIMARY KEY (sha256, agency_id)
    )`.execute(db)
  await sql`
    INSERT INTO form_file_uploads (sha256, agency_id, uploaded_at, uploaded_by)
    SELECT DISTINCT ON (e.entity_id, e.agency_id) e.entity_id, e.agency_id, e.at, e.actor_user_id
    FROM audit_events e
    JOIN form_files f ON f.sha256 = e.entity_id
    WHERE e.entity_type = 'form-file' AND e.action IN ('store', 'upload')
      AND e.agency_id IS NOT NULL
    ORDER BY e.entity_id, e.agency_id, e.at
    ON CONFLICT DO NOTHING`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS form_file_uploads`.execute(db)
}
