import { type Kysely, sql } from 'kysely'

// The three-year review (directive item 4, issue 12). "Last reviewed" is its own fact on the
// service, set only by a completed review, never by an edit or a publish; the clock of a
// service never reviewed starts at its first publication. A review is a record, section by
// section; the central staff audit a recorded random sample of «بدون تغییر» reviews; each
// reminder step is recorded once per cycle so a restarted job never sends it twice.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE services
    ADD COLUMN first_published_at timestamptz,
    ADD COLUMN last_reviewed_at timestamptz,
    ADD COLUMN review_reopened_at timestamptz`.execute(db)
  await sql`
    UPDATE services s SET first_published_at = v.first
    FROM (SELECT service_id, min(published_at) AS first FROM service_versions
          WHERE published_at IS NOT NULL GROUP BY service_id) v
    WHERE v.service_id = s.id`.execute(db)

  await sql`
    CREATE TABLE review_audit_samples (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      quarter text NOT NULL UNIQUE CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
      seed text NOT NULL,
      size integer NOT NULL CHECK (size >= 0),
      population integer NOT NULL CHECK (population >= 0),
      drawn_at timestamptz NOT NULL,
      drawn_by uuid REFERENCES users(id) ON DELETE SET NULL
    )`.execute(db)

  await sql`
    CREATE TABLE service_reviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      agency_id uuid NOT NULL REFERENCES agencies(id) ON DELETE RESTRICT,
      status text NOT NULL CHECK (status IN ('open', 'completed')),
      sections jsonb NOT NULL DEFAULT '{}'::jsonb,
      revision integer NOT NULL DEFAULT 1,
      opened_at timestamptz NOT NULL,
      opened_by uuid REFERENCES users(id) ON DELETE SET NULL,
      outcome text CHECK (outcome IN ('unchanged', 'revised')),
      completed_at timestamptz,
      completed_by uuid REFERENCES users(id) ON DELETE SET NULL,
      version_id uuid REFERENCES service_versions(id) ON DELETE SET NULL,
      audit_sample_id uuid REFERENCES review_audit_samples(id) ON DELETE SET NULL,
      audit_status text CHECK (audit_status IN ('pending', 'accepted', 'rejected')),
      audited_at timestamptz,
      audited_by uuid REFERENCES users(id) ON DELETE SET NULL,
      audit_reason text CHECK (length(audit_reason) <= 2000),
      CHECK ((status = 'completed') = (outcome IS NOT NULL AND completed_at IS NOT NULL)),
      CHECK (outcome IS DISTINCT FROM 'revised' OR version_id IS NOT NULL),
      CHECK ((audit_sample_id IS NULL) = (audit_status IS NULL))
    )`.execute(db)
  await sql`CREATE UNIQUE INDEX service_reviews_one_open_idx ON service_reviews (service_id) WHERE status = 'open'`.execute(
    db,
  )
  await sql`CREATE INDEX service_reviews_service_idx ON service_reviews (service_id, completed_at)`.execute(
    db,
  )
  await sql`CREATE INDEX service_reviews_agency_idx ON service_reviews (agency_id, completed_at)`.execute(
    db,
  )

  await sql`
    CREATE TABLE review_reminders (
      service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      due_at timestamptz NOT NULL,
      step text NOT NULL CHECK (step IN ('due_soon', 'due', 'due_date', 'overdue', 'escalated')),
      sent_at timestamptz NOT NULL,
      -- A step passed while the job was down, overtaken by a later one: recorded, never sent.
      skipped boolean NOT NULL DEFAULT false,
      PRIMARY KEY (service_id, due_at, step)
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS review_reminders`.execute(db)
  await sql`DROP TABLE IF EXISTS service_reviews`.execute(db)
  await sql`DROP TABLE IF EXISTS review_audit_samples`.execute(db)
  await sql`ALTER TABLE services DROP COLUMN IF EXISTS first_published_at,
    DROP COLUMN IF EXISTS last_reviewed_at, DROP COLUMN IF EXISTS review_reopened_at`.execute(db)
}
