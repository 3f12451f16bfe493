import { type Kysely, sql } from 'kysely'

// Performance indicators (directive items 5 and 6, issue 14). An indicator is a stable code
// owned by the centre (general) or by one agency (specific); its definition lives in numbered
// versions that climb a ladder (draft → submitted → approved, or returned for changes, or
// rejected). At most one version of an indicator is approved (in force) and at most one is open
// beside it, so a change is proposed while the approved one stays in force. Every decision is
// a dated record. Values are kept per indicator, agency and Jalali period with their numerator,
// denominator and evidence; an agency submits a period and the centre accepts (locks) it or
// returns it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE indicators (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$' AND length(code) <= 40),
      kind text NOT NULL CHECK (kind IN ('general', 'specific')),
      agency_id uuid REFERENCES agencies(id) ON DELETE RESTRICT,
      created_at timestamptz NOT NULL,
      CHECK ((kind = 'general') = (agency_id IS NULL))
    )`.execute(db)
  await sql`CREATE INDEX indicators_agency_idx ON indicators (agency_id)`.execute(db)

  await sql`
    CREATE TABLE indicator_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
      version_no integer NOT NULL CHECK (version_no >= 1),
      state text NOT NULL CHECK (state IN
        ('draft', 'submitted', 'changes_requested', 'approved', 'rejected', 'superseded', 'withdrawn')),
      revision integer NOT NULL DEFAULT 1,
      name_fa text NOT NULL CHECK (length(name_fa) BETWEEN 3 AND 200),
      definition text NOT NULL CHECK (length(definition) <= 4000),
      rationale text NOT NULL CHECK (length(rationale) <= 4000),
      category text NOT NULL CHECK (category IN
        ('time', 'cost', 'accuracy', 'satisfaction', 'e_service', 'transparency', 'other')),
      unit text NOT NULL CHECK (unit IN
        ('percent', 'count', 'days', 'hours', 'score_1_5', 'level_1_5', 'per_1000', 'rial')),
      direction text NOT NULL CHECK (direction IN ('higher', 'lower')),
      numerator_fa text NOT NULL CHECK (length(numerator_fa) <= 2000),
      denominator_fa text CHECK (length(denominator_fa) <= 2000),
      frequency text NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'yearly')),
      source text NOT NULL CHECK (source IN ('computed', 'api', 'manual')),
      max_age_days integer NOT NULL CHECK (max_age_days BETWEEN 1 AND 1100),
      limitations text NOT NULL DEFAULT '' CHECK (length(limitations) <= 4000),
      scope_service_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
      targets jsonb NOT NULL DEFAULT '[]'::jsonb,
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL,
      submitted_at timestamptz,
      decided_at timestamptz,
      UNIQUE (indicator_id, version_no)
    )`.execute(db)
  // One version in force and one open proposal per indicator, at most.
  await sql`
    CREATE UNIQUE INDEX indicator_versions_one_approved ON indicator_versions (indicator_id)
    WHERE state = 'approved'`.execute(db)
  await sql`
    CREATE UNIQUE INDEX indicator_versions_one_open ON indicator_versions (indicator_id)
    WHERE state IN ('draft', 'submitted', 'changes_requested')`.execute(db)
  await sql`CREATE INDEX indicator_versions_state_idx ON indicator_versions (state, submitted_at)`.execute(
    db,
  )

  await sql`
    CREATE TABLE indicator_decisions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      version_id uuid NOT NULL REFERENCES indicator_versions(id) ON DELETE CASCADE,
      action text NOT NULL CHECK (action IN
        ('submitted', 'approved', 'rejected', 'changes_requested', 'withdrawn', 'superseded')),
      actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
      actor_name text NOT NULL,
      at timestamptz NOT NULL,
      comment text CHECK (length(comment) <= 4000),
      until_day date
    )`.execute(db)
  await sql`CREATE INDEX indicator_decisions_version_idx ON indicator_decisions (version_id, at)`.execute(
    db,
  )

  await sql`
    CREATE TABLE indicator_evidence_files (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
      media_type text NOT NULL,
      bytes bytea NOT NULL,
      size integer NOT NULL CHECK (size > 0),
      uploaded_at timestamptz NOT NULL,
      uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL
    )`.execute(db)

  await sql`
    CREATE TABLE indicator_values (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
      version_id uuid NOT NULL REFERENCES indicator_versions(id) ON DELETE RESTRICT,
      agency_id uuid NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'),
      numerator double precision,
      denominator double precision CHECK (denominator IS NULL OR denominator > 0),
      value double precision,
      n integer CHECK (n >= 0),
      note text CHECK (length(note) <= 2000),
      evidence_note text CHECK (length(evidence_note) <= 4000),
      evidence_file_id uuid REFERENCES indicator_evidence_files(id) ON DELETE SET NULL,
      source text NOT NULL CHECK (source IN ('computed', 'api', 'manual', 'csv')),
      query_from timestamptz,
      query_to timestamptz,
      recorded_at timestamptz NOT NULL,
      recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
      due_on date NOT NULL,
      UNIQUE (indicator_id, agency_id, period)
    )`.execute(db)
  await sql`CREATE INDEX indicator_values_agency_idx ON indicator_values (agency_id, period)`.execute(
    db,
  )

  await sql`
    CREATE TABLE indicator_period_submissions (
      agency_id uuid NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'),
      state text NOT NULL CHECK (state IN ('submitted', 'accepted', 'returned')),
      submitted_at timestamptz NOT NULL,
      submitted_by uuid REFERENCES users(id) ON DELETE SET NULL,
      decided_at timestamptz,
      decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
      comment text CHECK (length(comment) <= 4000),
      PRIMARY KEY (agency_id, period)
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'indicator_period_submissions',
    'indicator_values',
    'indicator_evidence_files',
    'indicator_decisions',
    'indicator_versions',
    'indicators',
  ])
    await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db)
}
