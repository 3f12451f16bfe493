import type { Deps } from '../../deps.ts'
import { CSRF_FIELD } from '../../web/csrf.ts'
import type { FormFields } from '../../web/form.ts'
import type { ServiceVersion } from '../services/index.ts'
import { expectedRevision } from '../services/index.ts'
import { getFormFile, sha256Hex } from './form-file.store.ts'
import type { FormUpload } from './forms.actions.ts'

// What the forms editor reads from a posted body (multipart: fields and files).

export type Body = Record<string, string | File>

/** The body's text fields, without the CSRF token. */
export function strings(body: Body): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(body))
    if (typeof v === 'string' && k !== CSRF_FIELD) out[k] = v
  return out
}

/** The revision the form was rendered from, or -1 (always a conflict) for another draft. */
export function expectedRevisionOf(body: Body, draft: ServiceVersion): number {
  const field = (k: string) => (typeof body[k] === 'string' ? body[k] : '')
  return expectedRevision({ draftId: field('draft'), revision: field('revision') }, draft.id)
}

/**
 * The file a form sent: a chosen file, or, when the form is the conflict page's resubmit, the
 * file already stored by the first attempt, named by its hash (`<field>Stored`, `<field>Name`).
 */
export async function uploadOf(deps: Deps, body: Body, field: string): Promise<FormUpload | null> {
  const file = body[field]
  if (file instanceof File) {
    // A browser sends an empty part with no name when no file was chosen.
    if (file.size === 0 && file.name === '') return null
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name }
  }
  const stored = body[`${field}Stored`]
  if (typeof stored !== 'string') return null
  const found = await getFormFile(deps.db, stored)
  if (!found) return null
  const name = body[`${field}Name`]
  return { bytes: found.bytes, name: typeof name === 'string' ? name : '', byHash: true }
}

/** What the conflict page carries again: the typed fields, and an uploaded file by its hash. */
export function carried(
  body: Body,
  upload: { field: string; file: FormUpload } | null,
): FormFields {
  const fields: FormFields = strings(body)
  if (upload) {
    fields[`${upload.field}Stored`] = sha256Hex(upload.file.bytes)
    fields[`${upload.field}Name`] = upload.file.name
  }
  return fields
}
