import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts'
import type { FieldErrors } from '../../web/form.ts'
import type { ServiceContent, ServiceForm, ServiceVersion } from '../services/index.ts'
import {
  assertCanEditServicesOf,
  findDraft,
  loadServiceById,
  servicesMsg as msg,
  saveDraft,
  serviceFormSchema,
} from '../services/index.ts'
import { unattachableFormFiles } from './form-file.policy.ts'
import { checkFormFile, sha256Hex, storeFormFile } from './form-file.store.ts'
import { downloadFileName, type FormDetails } from './forms.input.ts'
import { formsMsg as m } from './messages.fa.ts'

/** The most forms a service version may carry (as service.schema.ts allows). */
export const FORMS_MAX = 30

export interface FormUpload {
  bytes: Uint8Array
  /** The name the browser or client sent; only used for the download name. */
  name: string
  /**
   * True when the form named a file already stored, by its hash (the conflict page's
   * resubmit), rather than sending its bytes: the agency must then have uploaded it, or the
   * file must be public (form-file.policy.ts).
   */
  byHash?: boolean
}

export type FormsWriteResult =
  | { ok: true; draft: ServiceVersion; form: ServiceForm | null }
  | { ok: false; errors: FieldErrors }
  /** Someone saved in between: the draft as it is, and this change applied to it. */
  | { ok: false; conflict: true; current: ServiceVersion; mine: ServiceContent }

async function editableDraft(deps: Deps, actor: Actor | null, serviceId: string) {
  const service = await loadServiceById(deps.db, serviceId)
  assertCanEditServicesOf(actor, service.agencyId)
  const draft = await findDraft(deps.db, serviceId)
  if (!draft) throw new ConflictError('service.no-draft', msg.noDraft)
  return { service, actor, draft }
}

function checkedEntry(entry: ServiceForm): ServiceForm {
  const parsed = serviceFormSchema.safeParse(entry)
  if (!parsed.success) throw new ValidationError(m.fileWrongType, { file: m.fileWrongType })
  return parsed.data
}

function findForm(content: ServiceContent, sha256: string): ServiceForm {
  const form = content.forms.find((f) => f.sha256 === sha256)
  if (!form) throw new NotFoundError('forms.not-found', m.formNotFound)
  return form
}

function duplicateError(content: ServiceContent, sha256: string, except?: string): string | null {
  const same = content.forms.find((f) => f.sha256 === sha256 && f.sha256 !== except)
  return same ? `این پرونده پیش‌تر به فرم «${same.title}» پیوست شده است.` : null
}

interface PlannedFile {
  sha256: string
  fileName: (title: string) => string
}

type Plan = { errors: FieldErrors } | { forms: ServiceForm[]; form: ServiceForm | null }

/**
 * Saves a change to the draft's forms (through `saveDraft`, so a stale revision is a
 * conflict and the save is audited). A file, when given, is validated first — nothing is
 * stored or saved for a bad file — then stored (deduplicated, audited) before the save.
 */
async function writeForms(
  deps: Deps,
  actor: Actor | null,
  serviceId: string,
  expectedRevision: number,
  upload: FormUpload | null,
  plan: (content: ServiceContent, file: PlannedFile | null) => Plan,
): Promise<FormsWriteResult> {
  const { service, draft } = await editableDraft(deps, actor, serviceId)
  let file: PlannedFile | null = null
  if (upload) {
    const check = await checkFormFile(upload.bytes)
    if (!check.ok) return { ok: false, errors: { file: check.message } }
    file = {
      sha256: sha256Hex(upload.bytes),
      fileName: (title) => downloadFileName(upload.name, check.kind, title),
    }
    if (upload.byHash) {
      const refused = await unattachableFormFiles(deps.db, service.agencyId, [file.sha256])
      if (refused.length > 0) return { ok: false, errors: { file: m.fileNotYours } }
    }
  }
  // Refuse what the current draft refuses before storing anything. The file is stored before
  // the save, so that when the save meets a conflict the conflict page can carry it by hash.
  const first = plan(draft.content, file)
  if ('errors' in first) return { ok: false, errors: first.errors }
  if (upload && !upload.byHash) {
    await deps.db.transaction().execute((trx) =>
      storeFormFile(trx, upload.bytes, {
        actor,
        clock: deps.clock,
        agencyId: service.agencyId,
      }),
    )
  }
  let form: ServiceForm | null = null
  const result = await saveDraft(deps, actor, serviceId, expectedRevision, (content) => {
    const planned = plan(content, file)
    if ('errors' in planned) {
      const text = Object.values(planned.errors)[0] ?? m.conflict
      throw new ValidationError(text, planned.errors)
    }
    form = planned.form
    return { ...content, forms: planned.forms.map(checkedEntry) }
  })
  if (!result.ok) return { ok: false, conflict: true, current: result.current, mine: result.mine }
  return { ok: true, draft: result.draft, form }
}

export function addForm(
  deps: Deps,
  actor: Actor | null,
  serviceId: string,
  expectedRevision: number,
  details: FormDetails,
  upload: FormUpload,
): Promise<FormsWriteResult> {
  return writeForms(deps, actor, serviceId, expectedRevision, upload, (content, file): Plan => {
    if (!file) return { errors: { file: m.fileMissing } }
    if (content.forms.length >= FORMS_MAX) return { errors: { _form: m.tooMany } }
    const dup = duplicateError(content, file.sha256)
    if (dup) return { errors: { file: dup } }
    const form: ServiceForm = {
      sha256: file.sha256,
      title: details.title,
      code: details.code,
      language: details.language,
      fileName: file.fileName(details.title),
    }
    return { forms: [...content.forms, form], form }
  })
}

/** Replaces the file of the form now holding `sha256`; its details stay. */
export function replaceFormFile(
  deps: Deps,
  actor: Actor | null,
  serviceId: string,
  expectedRevision: number,
  sha256: string,
  upload: FormUpload,
): Promise<FormsWriteResult> {
  return writeForms(deps, actor, serviceId, expectedRevision, upload, (content, file): Plan => {
    const old = findForm(content, sha256)
    if (!file) return { errors: { file: m.fileMissing } }
    const dup = duplicateError(content, file.sha256, sha256)
    if (dup) return { errors: { file: dup } }
    const form: ServiceForm = { ...old, sha256: file.sha256, fileName: file.fileName(old.title) }
    return { forms: content.forms.map((f) => (f.sha256 === sha256 ? form : f)), form }
  })
}

export function updateFormDetails(
  deps: Deps,
  actor: Actor | null,
  serviceId: string,
  expectedRevision: number,
  sha256: string,
  details: FormDetails,
): Promise<FormsWriteResult> {
  return writeForms(deps, actor, serviceId, expectedRevision, null, (content): Plan => {
    const old = findForm(content, sha256)
    const form: ServiceForm = { ...old, ...details }
    return { forms: content.forms.map((f) => (f.sha256 === sha256 ? form : f)), form }
  })
}

/** Detaches a form from the draft; the stored file stays (older versions may still use it). */
export function removeForm(
  deps: Deps,
  actor: Actor | null,
  serviceId: string,
  expectedRevision: number,
  sha256: string,
): Promise<FormsWriteResult> {
  return writeForms(deps, actor, serviceId, expectedRevision, null, (content): Plan => {
    findForm(content, sha256)
    return { forms: content.forms.filter((f) => f.sha256 !== sha256), form: null }
  })
}
