import { type Insertable, type Kysely, sql } from 'kysely'
import type { Database, ServicesTable, ServiceVersionsTable } from '../../db/schema.ts'

type Executor = Kysely<Database>

/**
 * Rows per INSERT: a version's card is a few kilobytes of JSON, so a few hundred of them make a
 * statement of about a megabyte, well inside what PGlite and PostgreSQL take in one message.
 */
const CHUNK = 200

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK))
  return out
}

export async function insertDemoServices(
  db: Executor,
  rows: readonly Insertable<ServicesTable>[],
): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('services').values(part).execute()
}

/** Versions already in their final state (published or superseded): inserting is no publish. */
export async function insertDemoVersions(
  db: Executor,
  rows: readonly Insertable<ServiceVersionsTable>[],
): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('serviceVersions').values(part).execute()
}

/**
 * The copies of the cited laws that publishing keeps with each version (as `recordCitedLaws`
 * does for one version), for many versions in one statement.
 */
export async function insertDemoVersionLaws(
  db: Executor,
  citations: readonly { versionId: string; lawId: string }[],
): Promise<void> {
  for (const part of chunks(citations)) {
    await sql`
      INSERT INTO version_laws (version_id, law_id, title, kind, number, approved_on, url)
      SELECT c.version_id, l.id, l.title, l.kind, l.number, l.approved_on, l.url
        FROM unnest(${part.map((c) => c.versionId)}::uuid[], ${part.map((c) => c.lawId)}::uuid[])
             AS c (version_id, law_id)
        JOIN laws l ON l.id = c.law_id
      ON CONFLICT (version_id, law_id) DO NOTHING`.execute(db)
  }
}
