import { type Kysely, sql } from 'kysely'

// The laws a published version cites, as they read when it was published (issue 11 item 6).
// The registry is shared and editable; a public record must not change when someone edits a
// law it cites, so publishing copies the cited laws' title, kind, number, date and link here,
// and every published or superseded version is read with these rows. Drafts read the registry.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE version_laws (
      version_id uuid NOT NULL REFERENCES service_versions(id) ON DELETE CASCADE,
      law_id uuid NOT NULL REFERENCES laws(id) ON DELETE RESTRICT,
      title text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('law','regulation','bylaw','circular')),
      number text,
      approved_on date,
      url text,
      PRIMARY KEY (version_id, law_id)
    )`.execute(db)
  await sql`CREATE INDEX version_laws_law_idx ON version_laws (law_id)`.execute(db)
  // Versions published before this table existed cite the registry as it reads today: the
  // best record there is.
  await sql`
    INSERT INTO version_laws (version_id, law_id, title, kind, number, approved_on, url)
    SELECT DISTINCT v.id, l.id, l.title, l.kind, l.number, l.approved_on, l.url
    FROM service_versions v
    CROSS JOIN LATERAL jsonb_array_elements(v.content -> 'legalBases') AS b(basis)
    JOIN laws l ON l.id::text = b.basis ->> 'lawId'
    WHERE v.status <> 'draft'`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS version_laws`.execute(db)
}
