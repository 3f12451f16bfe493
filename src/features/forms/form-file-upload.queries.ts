import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'

// Who uploaded which form file (`form_file_uploads`), and which files are public: the two
// facts that decide whether an agency may attach a file by its hash (form-file.policy.ts).

type Executor = Kysely<Database>

/** Records that the agency uploaded the file; true when this agency had not uploaded it before. */
export async function insertFormFileUpload(
  db: Executor,
  upload: { sha256: string; agencyId: string; uploadedBy: string | null; now: Date | undefined },
): Promise<boolean> {
  const row = await db
    .insertInto('formFileUploads')
    .values({
      sha256: upload.sha256,
      agencyId: upload.agencyId,
      uploadedBy: upload.uploadedBy,
      ...(upload.now ? { uploadedAt: upload.now } : {}),
    })
    .onConflict((oc) => oc.columns(['sha256', 'agencyId']).doNothing())
    .returning('sha256')
    .executeTakeFirst()
  return row !== undefined
}

/** The hashes among `sha256s` that the agency uploaded. */
export async function findUploadedByAgency(
  db: Executor,
  agencyId: string,
  sha256s: string[],
): Promise<string[]> {
  if (sha256s.length === 0) return []
  const rows = await db
    .selectFrom('formFileUploads')
    .select('sha256')
    .where('agencyId', '=', agencyId)
    .where('sha256', 'in', sha256s)
    .execute()
  return rows.map((r) => r.sha256)
}

/** The hashes among `sha256s` that a public (published or superseded) version attaches. */
export async function findPublicFormHashes(db: Executor, sha256s: string[]): Promise<string[]> {
  if (sha256s.length === 0) return []
  const rows = await db
    .selectFrom('serviceVersions as v')
    .innerJoin(
      sql<{ form: unknown }>`jsonb_array_elements(
        CASE WHEN jsonb_typeof(v.content->'forms') = 'array' THEN v.content->'forms' ELSE '[]'::jsonb END
      )`.as('f'),
      (join) => join.onTrue(),
    )
    .select(sql<string>`f.value->>'sha256'`.as('sha256'))
    .distinct()
    .where('v.status', 'in', ['published', 'superseded'])
    .where(sql<string>`f.value->>'sha256'`, 'in', sha256s)
    .execute()
  return rows.map((r) => r.sha256)
}
