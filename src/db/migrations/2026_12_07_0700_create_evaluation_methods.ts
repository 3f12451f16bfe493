import { type Kysely, sql } from 'kysely'

// The evaluation method (issue 15 item 1): numbered versions set by the central admin. The
// components (weights, targets, minimum data) are JSON parsed by features/evaluation; a version
// used by a published evaluation is frozen (frozen_at) and a change is the next version.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE evaluation_methods (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      version integer NOT NULL UNIQUE CHECK (version >= 1),
      name_fa text NOT NULL CHECK (length(name_fa) BETWEEN 3 AND 200),
      components jsonb NOT NULL,
      growth_weight double precision NOT NULL CHECK (growth_weight >= 0 AND growth_weight <= 100),
      min_comparable_share double precision NOT NULL
        CHECK (min_comparable_share > 0 AND min_comparable_share <= 1),
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL,
      frozen_at timestamptz
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS evaluation_methods`.execute(db)
}
