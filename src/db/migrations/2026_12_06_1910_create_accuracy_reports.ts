import { type Kysely, sql } from 'kysely'

// Reports of wrong information on a service page (صحت اطلاعات, issue 13 item 2). A citizen's
// report carries a short unguessable tracking code for the public status page; the optional
// contact (mobile or e-mail) is never public and is deleted when the report closes (a CHECK
// holds it). The agency answers within 15 working days (due_on, a Tehran day): accepted (fixed
// in version N: the report closes once a version ≥ N is published), rejected with a reason,
// duplicate of another report, or spam.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE accuracy_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{10}$'),
      service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      agency_id uuid NOT NULL REFERENCES agencies(id) ON DELETE RESTRICT,
      section text NOT NULL CHECK (section IN ('description', 'laws', 'documents', 'fees',
        'forms', 'process', 'offices', 'channels')),
      version_no integer NOT NULL CHECK (version_no >= 1),
      what_wrong text NOT NULL CHECK (length(what_wrong) BETWEEN 3 AND 4000),
      what_right text CHECK (length(what_right) <= 4000),
      contact_mobile text CHECK (contact_mobile ~ '^09[0-9]{9}$'),
      contact_email text CHECK (length(contact_email) <= 254),
      state text NOT NULL DEFAULT 'received'
        CHECK (state IN ('received', 'accepted', 'rejected', 'duplicate', 'spam', 'fixed')),
      fix_version_no integer CHECK (fix_version_no >= 1),
      reason text CHECK (length(reason) <= 2000),
      duplicate_of uuid REFERENCES accuracy_reports(id) ON DELETE SET NULL,
      received_at timestamptz NOT NULL,
      due_on date NOT NULL,
      answered_at timestamptz,
      answered_by uuid REFERENCES users(id) ON DELETE SET NULL,
      closed_at timestamptz,
      CHECK ((state IN ('received', 'accepted')) = (closed_at IS NULL)),
      CHECK (closed_at IS NULL OR (contact_mobile IS NULL AND contact_email IS NULL)),
      CHECK ((state IN ('accepted', 'fixed')) = (fix_version_no IS NOT NULL)),
      CHECK (state <> 'rejected' OR reason IS NOT NULL),
      CHECK (state <> 'received' OR answered_at IS NULL)
    )`.execute(db)
  await sql`CREATE INDEX accuracy_reports_agency_idx ON accuracy_reports (agency_id, state, due_on)`.execute(
    db,
  )
  await sql`CREATE INDEX accuracy_reports_service_idx ON accuracy_reports (service_id, section) WHERE state = 'accepted'`.execute(
    db,
  )
  await sql`CREATE INDEX accuracy_reports_due_idx ON accuracy_reports (due_on) WHERE state = 'received'`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS accuracy_reports`.execute(db)
}
