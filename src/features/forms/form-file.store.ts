import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../lib/actor.ts'
import type { Clock } from '../../lib/clock.ts'
import { ValidationError } from '../../lib/errors.ts'
import { recordAudit } from '../audit/index.ts'
import { inspectFormFile } from './form-file.inspect.ts'
import {
  type ContentProblem,
  FORM_MEDIA_TYPES,
  type FormFile,
  type FormFileKind,
  type FormFileMeta,
  isSha256,
  MAX_FORM_BYTES,
} from './form-file.model.ts'
import {
  findFormFile,
  findFormFileMetas,
  insertFormFile,
  insertFormFiles,
} from './form-file.queries.ts'
import { insertFormFileUpload } from './form-file-upload.queries.ts'
import { formsMsg as m } from './messages.fa.ts'
import { sniffFormType } from './sniff.ts'

type Executor = Kysely<Database>

export type FormFileProblem = 'empty' | 'too-large' | 'wrong-type' | ContentProblem

export type FormFileCheck =
  | { ok: true; kind: FormFileKind }
  | { ok: false; problem: FormFileProblem; message: string }

/**
 * Whether bytes may be stored as a form file; the Persian message says why not. The kind
 * comes from the bytes; then the content is inspected (form-file.inspect.ts): bombs, macros,
 * XML entities, external links, unsafe names, PDF scripts and embedded files are refused.
 */
export async function checkFormFile(bytes: Uint8Array): Promise<FormFileCheck> {
  if (bytes.length === 0) return { ok: false, problem: 'empty', message: m.fileEmpty }
  if (bytes.length > MAX_FORM_BYTES)
    return { ok: false, problem: 'too-large', message: m.fileTooLarge }
  const kind = sniffFormType(bytes)
  if (!kind) return { ok: false, problem: 'wrong-type', message: m.fileWrongType }
  const problem = await inspectFormFile(bytes, kind)
  if (problem) return { ok: false, problem, message: m.content[problem] }
  return { ok: true, kind }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export interface StoredFormFile extends FormFileMeta {
  /** False when the same content was stored already (nothing was written). */
  created: boolean
}

/**
 * Stores a form file once per content: validates it (empty, over 10 MB, or not a PDF, DOCX,
 * XLSX or ODT by its content → throws `ValidationError` with the Persian message, field
 * `file`), then inserts it unless a file with the same SHA-256 is there. Run it inside the
 * caller's transaction. When `audit` names an agency, records that this agency uploaded the
 * file (so its drafts may attach it). When `audit` is given, records in the same transaction
 * a `form-file`/`store` audit event if the file is new, or `form-file`/`upload` if only this
 * agency's upload is.
 */
export async function storeFormFile(
  trx: Executor,
  bytes: Uint8Array,
  audit?: { actor: Actor | null; clock: Clock; agencyId: string | null },
): Promise<StoredFormFile> {
  const check = await checkFormFile(bytes)
  if (!check.ok) throw new ValidationError(check.message, { file: check.message })
  const file: FormFileMeta & { bytes: Uint8Array } = {
    sha256: sha256Hex(bytes),
    kind: check.kind,
    mediaType: FORM_MEDIA_TYPES[check.kind],
    sizeBytes: bytes.length,
    bytes,
  }
  const created = await insertFormFile(trx, {
    ...file,
    createdBy: audit?.actor?.userId ?? null,
    now: audit?.clock.now(),
  })
  // The uploading agency may attach this file to its drafts from now on (form-file.policy.ts).
  const claimed = audit?.agencyId
    ? await insertFormFileUpload(trx, {
        sha256: file.sha256,
        agencyId: audit.agencyId,
        uploadedBy: audit.actor?.userId ?? null,
        now: audit.clock.now(),
      })
    : false
  // `store` when the content is new; `upload` when it was stored already and this agency
  // uploads it for the first time (so the audit log says who may attach what).
  if ((created || claimed) && audit) {
    await recordAudit(trx, audit.clock, {
      actor: audit.actor,
      entityType: 'form-file',
      entityId: file.sha256,
      action: created ? 'store' : 'upload',
      agencyId: audit.agencyId,
      before: null,
      after: { sha256: file.sha256, mediaType: file.mediaType, sizeBytes: file.sizeBytes },
    })
  }
  return {
    sha256: file.sha256,
    kind: file.kind,
    mediaType: file.mediaType,
    sizeBytes: file.sizeBytes,
    created,
  }
}

/**
 * Stores many files at once (demo data, imports): each is validated as `storeFormFile` does
 * (throws `ValidationError` on the first bad one, storing none), then all are inserted in one
 * statement, once per content. No audit event: the caller records one for the batch.
 */
export async function storeFormFiles(
  trx: Executor,
  files: readonly Uint8Array[],
  /** The agency each file is stored for (parallel to `files`): recorded as its uploader. */
  owners: readonly (string | null)[] = [],
): Promise<StoredFormFile[]> {
  const metas: (FormFileMeta & { bytes: Uint8Array })[] = []
  for (const bytes of files) {
    const check = await checkFormFile(bytes)
    if (!check.ok) throw new ValidationError(check.message, { file: check.message })
    metas.push({
      sha256: sha256Hex(bytes),
      kind: check.kind,
      mediaType: FORM_MEDIA_TYPES[check.kind],
      sizeBytes: bytes.length,
      bytes,
    })
  }
  const unique = [...new Map(metas.map((m) => [m.sha256, m])).values()]
  const created = new Set<string>()
  // In chunks, so a batch of large files does not become one huge statement.
  for (let i = 0; i < unique.length; i += 50)
    for (const sha of await insertFormFiles(trx, unique.slice(i, i + 50))) created.add(sha)
  for (const [i, meta] of metas.entries()) {
    const agencyId = owners[i]
    if (agencyId)
      await insertFormFileUpload(trx, {
        sha256: meta.sha256,
        agencyId,
        uploadedBy: null,
        now: undefined,
      })
  }
  return metas.map(({ bytes: _bytes, ...meta }) => ({
    ...meta,
    created: created.delete(meta.sha256),
  }))
}

/** A stored file with its bytes, or undefined (also for a string that is not a hex SHA-256). */
export async function getFormFile(db: Executor, sha256: string): Promise<FormFile | undefined> {
  return isSha256(sha256) ? findFormFile(db, sha256) : undefined
}

/** The stored files' descriptions (no bytes), by SHA-256; unknown hashes are left out. */
export async function formFileMeta(
  db: Executor,
  sha256s: string[],
): Promise<Map<string, FormFileMeta>> {
  const rows = await findFormFileMetas(db, sha256s.filter(isSha256))
  return new Map(rows.map((r) => [r.sha256, r]))
}
