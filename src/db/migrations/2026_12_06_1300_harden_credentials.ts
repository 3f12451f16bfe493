import { type Kysely, sql } from 'kysely'

// Credentials hardening (issue 11, items 10 and 11).
// Sign-in: the account lock anyone could trigger is gone (locked_until dropped); failures are
// counted per (typed username, client address) in sign_in_failures, and each try past the
// free ones waits longer. users.failed_sign_ins stays: the account's consecutive failures
// from anywhere, for the owner's warning and the admin's status tag.
// API tokens: an expiry (existing tokens get 90 days from now, so no integration stops at
// once), an access level (existing tokens could write, so 'read-write'), the one agency they
// act for (the owner's; null for central staff), and why they were revoked.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sign_in_failures (
      username text NOT NULL,
      client text NOT NULL,
      failures integer NOT NULL CHECK (failures > 0),
      last_failed_at timestamptz NOT NULL,
      PRIMARY KEY (username, client)
    )`.execute(db)
  await sql`ALTER TABLE users DROP COLUMN locked_until`.execute(db)

  await sql`
    ALTER TABLE api_tokens
      ADD COLUMN expires_at timestamptz,
      ADD COLUMN access text NOT NULL DEFAULT 'read-write' CHECK (access IN ('read', 'read-write')),
      ADD COLUMN agency_id uuid REFERENCES agencies(id) ON DELETE CASCADE,
      ADD COLUMN revoked_reason text
        CHECK (revoked_reason IN ('owner', 'admin', 'password-reset', 'account-disabled'))`.execute(
    db,
  )
  await sql`UPDATE api_tokens SET expires_at = now() + interval '90 days'`.execute(db)
  await sql`
    UPDATE api_tokens t SET agency_id = u.agency_id FROM users u WHERE u.id = t.user_id`.execute(db)
  await sql`UPDATE api_tokens SET revoked_reason = 'owner' WHERE revoked_at IS NOT NULL`.execute(db)
  await sql`ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL`.execute(db)
  await sql`ALTER TABLE api_tokens ALTER COLUMN access DROP DEFAULT`.execute(db)
  await sql`
    ALTER TABLE api_tokens ADD CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE api_tokens
      DROP COLUMN IF EXISTS revoked_reason,
      DROP COLUMN IF EXISTS agency_id,
      DROP COLUMN IF EXISTS access,
      DROP COLUMN IF EXISTS expires_at`.execute(db)
  await sql`ALTER TABLE users ADD COLUMN IF NOT EXISTS locked_until timestamptz`.execute(db)
  await sql`DROP TABLE IF EXISTS sign_in_failures`.execute(db)
}
