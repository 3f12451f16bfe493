import { type Kysely, sql } from 'kysely'

// Notifications (issue 12 item 5): an in-portal inbox entry per staff user, the mail outbox
// (one row per message to one address; without SMTP it is where mail is kept and read), the
// record of each de-duplicated send, and each user's e-mail frequency.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notifications (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
      subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
      link text CHECK (link IS NULL OR (link LIKE '/%' AND length(link) <= 2048)),
      created_at timestamptz NOT NULL,
      read_at timestamptz
    )`.execute(db)
  // The inbox page (newest first) and the header's unread count, one index each.
  await sql`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC)`.execute(
    db,
  )
  await sql`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`.execute(
    db,
  )

  // A send with a dedupe key happens once: the key's row is written in the caller's
  // transaction, so a job that runs again (or twice at once) finds it and sends nothing.
  await sql`
    CREATE TABLE notification_sends (
      dedupe_key text PRIMARY KEY CHECK (length(dedupe_key) BETWEEN 1 AND 300),
      kind text NOT NULL,
      recipients integer NOT NULL,
      created_at timestamptz NOT NULL
    )`.execute(db)

  await sql`
    CREATE TABLE notification_preferences (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      frequency text NOT NULL CHECK (frequency IN ('immediately', 'daily', 'weekly', 'off')),
      updated_at timestamptz NOT NULL
    )`.execute(db)

  // held: waits for the user's digest (next_attempt_at = the digest's time); digested: merged
  // into the digest row digest_id; pending: to be sent at next_attempt_at; sent; failed.
  await sql`
    CREATE TABLE mail_outbox (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      notification_id bigint REFERENCES notifications(id) ON DELETE SET NULL,
      to_address text NOT NULL CHECK (length(to_address) BETWEEN 1 AND 320),
      kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
      subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
      body text NOT NULL,
      html_body text,
      link text CHECK (link IS NULL OR (link LIKE '/%' AND length(link) <= 2048)),
      status text NOT NULL CHECK (status IN ('held', 'pending', 'sent', 'failed', 'digested')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      last_error text,
      next_attempt_at timestamptz,
      digest_id bigint REFERENCES mail_outbox(id) ON DELETE SET NULL,
      message_id text,
      created_at timestamptz NOT NULL,
      sent_at timestamptz,
      CHECK ((status IN ('held', 'pending')) = (next_attempt_at IS NOT NULL)),
      CHECK ((status = 'sent') = (sent_at IS NOT NULL))
    )`.execute(db)
  await sql`CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at, id) WHERE status = 'pending'`.execute(
    db,
  )
  await sql`CREATE INDEX mail_outbox_held_idx ON mail_outbox (next_attempt_at, user_id) WHERE status = 'held'`.execute(
    db,
  )
  await sql`CREATE INDEX mail_outbox_list_idx ON mail_outbox (created_at DESC, id DESC)`.execute(db)
  await sql`CREATE INDEX mail_outbox_digest_idx ON mail_outbox (digest_id) WHERE digest_id IS NOT NULL`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS mail_outbox`.execute(db)
  await sql`DROP TABLE IF EXISTS notification_preferences`.execute(db)
  await sql`DROP TABLE IF EXISTS notification_sends`.execute(db)
  await sql`DROP TABLE IF EXISTS notifications`.execute(db)
}
