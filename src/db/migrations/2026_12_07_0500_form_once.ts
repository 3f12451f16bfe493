import { type Kysely, sql } from 'kysely'

// Issue 17 item 10: a form that creates something carries a one-time token (web/form-once.ts).
// The first submission claims it here, in the transaction that creates the thing; a resubmission
// of the same form (back and send again, a double click) finds the claim and is sent to the
// first result instead of creating a second one. A secret the result shows once (a one-time
// password, an API token) waits here for that one GET, sealed with a key only the submitter's
// session cookie yields, and is cleared when shown. Rows are kept a day.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE form_once (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      purpose text NOT NULL CHECK (purpose ~ '^[a-z][a-z0-9.-]{0,63}$'),
      token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
      result_path text NOT NULL CHECK (result_path ~ '^/[^/]' AND length(result_path) <= 500),
      sealed_result text,
      created_at timestamptz NOT NULL,
      UNIQUE (user_id, purpose, token_hash)
    )`.execute(db)
  await sql`CREATE INDEX form_once_created_at_idx ON form_once (created_at)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS form_once`.execute(db)
}
