import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { ValidationError } from '../../lib/errors.ts'
import { isSha256 } from './form-file.model.ts'
import { findFormFileMetas } from './form-file.queries.ts'
import { findPublicFormHashes, findUploadedByAgency } from './form-file-upload.queries.ts'
import { formsMsg as m } from './messages.fa.ts'

type Executor = Kysely<Database>

/**
 * The stored files among `sha256s` that the agency may not attach to its drafts: files are
 * shared by content, so knowing a hash must not be enough (issue 11, item 7). An agency may
 * attach a file it uploaded itself (`form_file_uploads`), or one that is already public (a
 * published or superseded version attaches it). Hashes of files not stored at all are not
 * listed: publishing refuses those as missing.
 */
export async function unattachableFormFiles(
  db: Executor,
  agencyId: string,
  sha256s: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(sha256s.filter(isSha256))]
  const stored = new Set((await findFormFileMetas(db, wanted)).map((f) => f.sha256))
  const candidates = wanted.filter((h) => stored.has(h))
  const own = new Set(await findUploadedByAgency(db, agencyId, candidates))
  const others = candidates.filter((h) => !own.has(h))
  const open = new Set(await findPublicFormHashes(db, others))
  return others.filter((h) => !open.has(h))
}

/**
 * Throws a `ValidationError` (422 in the API, with one error per offending form) when a
 * draft of the agency would attach a file it may not (see `unattachableFormFiles`). For
 * writes that take a whole card, such as `PUT /api/v1/services/{id}/draft`.
 */
export async function assertFormFilesAttachable(
  db: Executor,
  agencyId: string,
  sha256s: readonly string[],
  pathOf: (index: number) => string = (i) => `content.forms.${i}.sha256`,
): Promise<void> {
  const refused = new Set(await unattachableFormFiles(db, agencyId, sha256s))
  if (refused.size === 0) return
  const errors: Record<string, string> = {}
  sha256s.forEach((h, i) => {
    if (refused.has(h)) errors[pathOf(i)] = m.fileNotYours
  })
  throw new ValidationError(m.fileNotYours, errors)
}

/**
 * The Persian reason a draft of the agency may not be published for its form files, or null:
 * for the publish command, which must check again (a draft may name a hash before any agency
 * uploads that content, and another agency may upload it later, still unpublished).
 */
export async function formAttachProblem(
  db: Executor,
  agencyId: string,
  sha256s: readonly string[],
): Promise<string | null> {
  return (await unattachableFormFiles(db, agencyId, sha256s)).length > 0 ? m.fileNotYours : null
}
