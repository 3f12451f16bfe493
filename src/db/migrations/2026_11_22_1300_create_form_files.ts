import { type Kysely, sql } from 'kysely'

// The form-file store (R5): downloadable forms attached to service versions. Content-addressed:
// the primary key is the SHA-256 of the bytes, so a file kept across versions (or attached to
// several services) is stored once. Rows are never updated; the type is sniffed from the bytes
// before insert (features/forms/sniff.ts), and the checks below are the last line of defence.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE form_files (
      sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      kind text NOT NULL CHECK (kind IN ('pdf','docx','xlsx','odt')),
      media_type text NOT NULL,
      size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
      bytes bytea NOT NULL CHECK (octet_length(bytes) = size_bytes),
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES users(id) ON DELETE SET NULL
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS form_files`.execute(db)
}
