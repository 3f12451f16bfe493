import { type Kysely, sql } from 'kysely'

// Agencies, accounts, sessions, tokens, audit log, settings and rate limits.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db)
  await sql`CREATE SEQUENCE agency_code_seq START 10001`.execute(db)
  await sql`
    CREATE TABLE agencies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      parent_id uuid REFERENCES agencies(id) ON DELETE RESTRICT,
      level text NOT NULL CHECK (level IN ('ministry','organisation','provincial_office','city_office')),
      name_fa text NOT NULL CHECK (length(name_fa) BETWEEN 2 AND 200),
      name_en text,
      short_name_fa text,
      website text,
      phone text,
      email text,
      address text,
      province_code text,
      credentials_issued_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (parent_id IS NULL OR parent_id <> id)
    )`.execute(db)
  await sql`CREATE INDEX agencies_parent_idx ON agencies (parent_id)`.execute(db)
  await sql`CREATE UNIQUE INDEX agencies_name_fa_idx ON agencies (name_fa)`.execute(db)

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid REFERENCES agencies(id) ON DELETE RESTRICT,
      username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
      display_name text NOT NULL,
      email text,
      role text NOT NULL CHECK (role IN ('central_admin','central_supervisor','agency_admin','agency_editor')),
      password_hash text NOT NULL,
      must_change_password boolean NOT NULL DEFAULT true,
      failed_sign_ins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      disabled_at timestamptz,
      last_sign_in_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((role IN ('central_admin','central_supervisor')) = (agency_id IS NULL))
    )`.execute(db)
  await sql`CREATE INDEX users_agency_idx ON users (agency_id)`.execute(db)

  await sql`
    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`.execute(db)
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db)

  await sql`
    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      prefix text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db)
  await sql`CREATE INDEX api_tokens_user_idx ON api_tokens (user_id)`.execute(db)

  await sql`
    CREATE TABLE audit_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      actor_label text NOT NULL,
      agency_id uuid REFERENCES agencies(id) ON DELETE SET NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      action text NOT NULL,
      before jsonb,
      after jsonb
    )`.execute(db)
  await sql`CREATE INDEX audit_events_at_idx ON audit_events (at DESC)`.execute(db)
  await sql`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id)`.execute(
    db,
  )
  await sql`CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id)`.execute(db)

  await sql`
    CREATE TABLE settings (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)

  await sql`
    CREATE TABLE rate_limits (
      key text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      count integer NOT NULL
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'rate_limits',
    'settings',
    'audit_events',
    'api_tokens',
    'sessions',
    'users',
    'agencies',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db)
  }
  await sql`DROP SEQUENCE IF EXISTS agency_code_seq`.execute(db)
}
