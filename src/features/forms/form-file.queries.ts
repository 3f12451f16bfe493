import { type Kysely, sql } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../db/schema.ts'
import type { ServiceForm } from '../services/index.ts'
import { serviceFormSchema } from '../services/index.ts'
import type { FormFile, FormFileKind, FormFileMeta } from './form-file.model.ts'

type Executor = Kysely<Database>

function toBytes(value: Uint8Array): Uint8Array<ArrayBuffer> {
  // pg hands bytea back as a Buffer; callers get a plain Uint8Array (one fast copy).
  return new Uint8Array(value)
}

/** Inserts a file unless the same content is there already; true when a row was added. */
export async function insertFormFile(
  db: Executor,
  file: FormFileMeta & { bytes: Uint8Array; createdBy: string | null; now: Date | undefined },
): Promise<boolean> {
  const row = await db
    .insertInto('formFiles')
    .values({
      sha256: file.sha256,
      kind: file.kind,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      bytes: file.bytes,
      ...(file.now ? { createdAt: file.now } : {}),
      createdBy: file.createdBy,
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .returning('sha256')
    .executeTakeFirst()
  return row !== undefined
}

/** Inserts many files in one statement, skipping contents already stored; returns the new hashes. */
export async function insertFormFiles(
  db: Executor,
  files: (FormFileMeta & { bytes: Uint8Array })[],
): Promise<string[]> {
  if (files.length === 0) return []
  const rows = await db
    .insertInto('formFiles')
    .values(
      files.map((f) => ({
        sha256: f.sha256,
        kind: f.kind,
        mediaType: f.mediaType,
        sizeBytes: f.sizeBytes,
        bytes: f.bytes,
        createdBy: null,
      })),
    )
    .onConflict((oc) => oc.column('sha256').doNothing())
    .returning('sha256')
    .execute()
  return rows.map((r) => r.sha256)
}

export async function findFormFile(db: Executor, sha256: string): Promise<FormFile | undefined> {
  const row = await db
    .selectFrom('formFiles')
    .select(['sha256', 'kind', 'mediaType', 'sizeBytes', 'bytes'])
    .where('sha256', '=', sha256)
    .executeTakeFirst()
  return row && { ...row, kind: row.kind as FormFileKind, bytes: toBytes(row.bytes) }
}

export async function findFormFileMetas(db: Executor, sha256s: string[]): Promise<FormFileMeta[]> {
  if (sha256s.length === 0) return []
  const rows = await db
    .selectFrom('formFiles')
    .select(['sha256', 'kind', 'mediaType', 'sizeBytes'])
    .where('sha256', 'in', [...new Set(sha256s)])
    .execute()
  return rows
}

export async function countFormFiles(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('formFiles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

const formsOf = z.array(serviceFormSchema)

/**
 * The form entry naming `sha256` in the newest version of the service that attaches it:
 * only public versions (published or superseded) unless `includeDraft`. Undefined when no
 * such version attaches it, so the file may not be served under this service.
 */
export async function findAttachedForm(
  db: Executor,
  serviceId: string,
  sha256: string,
  includeDraft: boolean,
): Promise<ServiceForm | undefined> {
  const statuses: ('draft' | 'published' | 'superseded')[] = includeDraft
    ? ['draft', 'published', 'superseded']
    : ['published', 'superseded']
  const row = await db
    .selectFrom('serviceVersions')
    .select(sql<unknown>`content->'forms'`.as('forms'))
    .where('serviceId', '=', serviceId)
    .where('status', 'in', statuses)
    .where(sql<boolean>`content->'forms' @> ${JSON.stringify([{ sha256 }])}::jsonb`)
    .orderBy(sql`status = 'draft'`, 'desc')
    .orderBy('versionNo', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return undefined
  return formsOf.parse(row.forms).find((f) => f.sha256 === sha256)
}
