import { type Kysely, sql } from 'kysely'

// Satisfaction tied to a real transaction (issue 13 items 3–5).
//
// An agency's own system posts its transactions: the tracking code is stored only as a keyed
// hash (HMAC with a server secret kept in `server_secrets`, created on first use), so neither a
// database leak nor the agency's staff can look a citizen's code up here. Each step event
// carries the deadline the published process promised when the step started (on the working
// calendar), so "on time" never depends on a later edit of the card. A completed transaction
// gets one signed rating link; `ratings.transaction_id` is unique: one rating per link.
// Aggregates live in rollup tables: ratings add to their service's sums in the same
// transaction, actual times are recomputed in one statement per service when stale.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE server_secrets (
      name text PRIMARY KEY,
      secret bytea NOT NULL CHECK (octet_length(secret) = 32),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)

  await sql`
    CREATE TABLE transactions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
      service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      version_id uuid NOT NULL REFERENCES service_versions(id) ON DELETE CASCADE,
      tracking_hash text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('online', 'counter_office', 'in_person')),
      started_at timestamptz NOT NULL,
      completed_at timestamptz,
      outcome text CHECK (outcome IN ('approved', 'rejected', 'withdrawn')),
      promised_by timestamptz,
      in_person_visits integer NOT NULL DEFAULT 0 CHECK (in_person_visits >= 0),
      rating_expires_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, tracking_hash),
      CHECK (completed_at IS NULL OR completed_at >= started_at),
      CHECK ((completed_at IS NULL) = (outcome IS NULL))
    )`.execute(db)
  await sql`
    CREATE INDEX transactions_service_completed ON transactions (service_id, completed_at)
    WHERE completed_at IS NOT NULL`.execute(db)
  await sql`CREATE INDEX transactions_service_started ON transactions (service_id, started_at)`.execute(
    db,
  )

  await sql`
    CREATE TABLE transaction_steps (
      transaction_id uuid NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
      step_id text NOT NULL,
      started_at timestamptz NOT NULL,
      finished_at timestamptz,
      promised_by timestamptz,
      PRIMARY KEY (transaction_id, step_id),
      CHECK (finished_at IS NULL OR finished_at >= started_at)
    )`.execute(db)

  await sql`
    CREATE TABLE ratings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      transaction_id uuid NOT NULL UNIQUE REFERENCES transactions(id) ON DELETE CASCADE,
      service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      channel text NOT NULL CHECK (channel IN ('online', 'counter_office', 'in_person')),
      overall integer NOT NULL CHECK (overall BETWEEN 1 AND 5),
      clarity integer CHECK (clarity BETWEEN 1 AND 5),
      promised_time integer CHECK (promised_time BETWEEN 1 AND 5),
      visits integer CHECK (visits BETWEEN 1 AND 5),
      staff_conduct integer CHECK (staff_conduct BETWEEN 1 AND 5),
      cost integer CHECK (cost BETWEEN 1 AND 5),
      online_ease integer CHECK (online_ease BETWEEN 1 AND 5),
      comment text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE INDEX ratings_service ON ratings (service_id, created_at)`.execute(db)

  await sql`
    CREATE TABLE rating_rollups (
      service_id uuid PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,
      n integer NOT NULL DEFAULT 0 CHECK (n >= 0),
      total integer NOT NULL DEFAULT 0,
      total_squares integer NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)

  // step_id '' is the whole transaction. Rewritten per service when its facts are stale.
  await sql`
    CREATE TABLE transaction_time_rollups (
      service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      step_id text NOT NULL,
      n integer NOT NULL CHECK (n >= 0),
      median_seconds double precision,
      p90_seconds double precision,
      with_promise integer NOT NULL CHECK (with_promise >= 0),
      on_time integer NOT NULL CHECK (on_time >= 0),
      visits_total integer NOT NULL DEFAULT 0,
      computed_at timestamptz NOT NULL,
      PRIMARY KEY (service_id, step_id)
    )`.execute(db)
  await sql`
    CREATE TABLE transaction_rollup_state (
      service_id uuid PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,
      changed_at timestamptz NOT NULL,
      computed_at timestamptz
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'transaction_rollup_state',
    'transaction_time_rollups',
    'rating_rollups',
    'ratings',
    'transaction_steps',
    'transactions',
    'server_secrets',
  ])
    await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db)
}
