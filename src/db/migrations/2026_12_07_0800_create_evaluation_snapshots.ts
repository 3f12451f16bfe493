import { type Kysely, sql } from 'kysely'

// Evaluations (issue 15 item 3). A snapshot is one evaluation of one Jalali year, frozen with
// the method version it used, its inputs (JSON, with their SHA-256 digest) and the scorecards
// computed from them, so anyone can recompute it. A year has at most one provisional snapshot
// (replaced daily while the year runs) and any number of published ones in sequence: the first
// is «published», each later one «corrected» and points to the one it corrects, which stays.
// Objections are lodged per agency and component against a published snapshot within its window.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE evaluation_snapshots (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      period text NOT NULL CHECK (period ~ '^[0-9]{4}$'),
      status text NOT NULL CHECK (status IN ('provisional', 'published', 'corrected')),
      seq integer NOT NULL CHECK (seq >= 0),
      corrects_id uuid REFERENCES evaluation_snapshots(id),
      method_id uuid NOT NULL REFERENCES evaluation_methods(id),
      method_version integer NOT NULL,
      inputs jsonb NOT NULL,
      inputs_digest text NOT NULL CHECK (inputs_digest ~ '^[0-9a-f]{64}$'),
      scorecards jsonb NOT NULL,
      agencies integer NOT NULL CHECK (agencies >= 0),
      computed_at timestamptz NOT NULL,
      published_at timestamptz,
      published_by uuid REFERENCES users(id) ON DELETE SET NULL,
      objections_until timestamptz,
      note_fa text,
      UNIQUE (period, seq),
      CHECK ((status = 'provisional') = (seq = 0)),
      CHECK ((status = 'corrected') = (corrects_id IS NOT NULL)),
      CHECK ((status = 'provisional') = (published_at IS NULL))
    )`.execute(db)
  await sql`
    CREATE TABLE evaluation_objections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      snapshot_id uuid NOT NULL REFERENCES evaluation_snapshots(id),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      component text NOT NULL,
      reason_fa text NOT NULL CHECK (length(reason_fa) BETWEEN 10 AND 4000),
      lodged_at timestamptz NOT NULL,
      lodged_by uuid REFERENCES users(id) ON DELETE SET NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
      answer_fa text,
      corrected_value double precision,
      corrected_n integer CHECK (corrected_n >= 0),
      answered_at timestamptz,
      answered_by uuid REFERENCES users(id) ON DELETE SET NULL,
      applied_in uuid REFERENCES evaluation_snapshots(id),
      CHECK ((status = 'open') = (answered_at IS NULL)),
      CHECK (status <> 'accepted' OR corrected_n IS NOT NULL)
    )`.execute(db)
  await sql`CREATE INDEX evaluation_objections_snapshot ON evaluation_objections (snapshot_id, agency_id)`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS evaluation_objections`.execute(db)
  await sql`DROP TABLE IF EXISTS evaluation_snapshots`.execute(db)
}
