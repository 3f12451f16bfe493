import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { CSRF_FIELD } from '../../web/csrf.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, type FormFields, fieldErrorsOf } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import type { Service, ServiceForm, ServiceVersion } from '../services/index.ts'
import {
  conflictResponse,
  draftToEdit,
  editorMsg as em,
  expectedRevision,
  FORM_LANGUAGE_LABELS,
  findDraft,
  ID,
  lineChanges,
  staffService,
  stampOfDraft,
} from '../services/index.ts'
import { fileSizeFa } from './download.ts'
import { formText } from './form.text.ts'
import { getFormFile, sha256Hex } from './form-file.store.ts'
import {
  addForm,
  FORMS_MAX,
  type FormsWriteResult,
  type FormUpload,
  removeForm,
  replaceFormFile,
  updateFormDetails,
} from './forms.actions.ts'
import { formDetailsSchema } from './forms.input.ts'
import { type FormWithFile, staffFormHref, withFiles } from './forms.present.ts'
import { FORM_KIND_LABELS, formsMsg as m } from './messages.fa.ts'
import {
  type EditorFormRow,
  formEditPage,
  formsEditorPage,
  formsHref,
} from './views/forms-editor.ts'

const SHA = '{[0-9a-f]{64}}'

/** The forms of both versions, a line each, for the conflict page. */
const formChanges = lineChanges('forms', m.sectionLabel, (content) => content.forms.map(formText))

type Body = Record<string, string | File>

function strings(body: Body): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(body))
    if (typeof v === 'string' && k !== CSRF_FIELD) out[k] = v
  return out
}

/** The revision the form was rendered from, or -1 (always a conflict) for another draft. */
function expectedRevisionOf(body: Body, draft: ServiceVersion): number {
  const field = (k: string) => (typeof body[k] === 'string' ? body[k] : '')
  return expectedRevision({ draftId: field('draft'), revision: field('revision') }, draft.id)
}

/**
 * The file a form sent: a chosen file, or, when the form is the conflict page's resubmit, the
 * file already stored by the first attempt, named by its hash (`<field>Stored`, `<field>Name`).
 */
async function uploadOf(deps: Deps, body: Body, field: string): Promise<FormUpload | null> {
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
  return { bytes: found.bytes, name: typeof name === 'string' ? name : '' }
}

/** What the conflict page carries again: the typed fields, and an uploaded file by its hash. */
function carried(body: Body, upload: { field: string; file: FormUpload } | null): FormFields {
  const fields: FormFields = strings(body)
  if (upload) {
    fields[`${upload.field}Stored`] = sha256Hex(upload.file.bytes)
    fields[`${upload.field}Name`] = upload.file.name
  }
  return fields
}

function rowOf(serviceId: string, { form, file }: FormWithFile): EditorFormRow {
  return {
    sha256: form.sha256,
    title: form.title,
    code: form.code,
    language: FORM_LANGUAGE_LABELS[form.language],
    kind: file ? FORM_KIND_LABELS[file.kind] : null,
    size: file ? fileSizeFa(file.sizeBytes) : null,
    fileName: form.fileName,
    downloadHref: staffFormHref(serviceId, form.sha256),
    editHref: `${formsHref(serviceId)}/${form.sha256}`,
  }
}

function detailValues(f: ServiceForm): Record<string, string> {
  return { title: f.title, code: f.code ?? '', language: f.language }
}

function hasAny(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0
}

/**
 * The forms section of the service editor, under `/admin/services/:id/edit/forms` (R5):
 * the draft's forms, upload, replace a file, edit details, remove. Each route checks the
 * permission (agency editors and admins of the service's agency) before reading any input;
 * every write goes through `saveDraft`, which authorises it again and checks the revision.
 */
export function formEditorRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const FORMS = `/:id${ID}/edit/forms`
  const ONE = `${FORMS}/:sha${SHA}`

  const editable = (c: Context<AppEnv>) => staffService(deps, c, c.req.param('id'), 'edit')

  const crumbs = (service: Service, title: string, inForm: boolean) => [
    { href: '/admin/services', text: em.listTitle },
    { href: `/admin/services/${service.id}`, text: title || em.untitled },
    ...(inForm ? [{ href: formsHref(service.id), text: m.sectionLabel }] : []),
  ]

  function banner(c: Context<AppEnv>) {
    const text = (m.done as Record<string, string>)[c.req.query('done') ?? '']
    return text ? { banner: { kind: 'success' as const, text } } : {}
  }

  async function listPage(
    c: Context<AppEnv>,
    service: Service,
    draft: ServiceVersion,
    add: { values: Record<string, string>; errors: FieldErrors },
  ) {
    const invalid = hasAny(add.errors)
    const rows = (await withFiles(deps.db, draft.content.forms)).map((f) => rowOf(service.id, f))
    return page(
      c,
      {
        title: `${invalid ? 'خطا: ' : ''}${m.sectionLabel}`,
        breadcrumbs: crumbs(service, draft.content.title, false),
        ...(invalid ? {} : banner(c)),
        content: formsEditorPage({
          csrfToken: c.get('csrfToken'),
          serviceId: service.id,
          serviceTitle: draft.content.title,
          stamp: stampOfDraft(draft),
          rows,
          full: draft.content.forms.length >= FORMS_MAX,
          add,
        }),
      },
      invalid ? 422 : 200,
    )
  }

  async function editPage(
    c: Context<AppEnv>,
    service: Service,
    draft: ServiceVersion,
    sha256: string,
    forms: {
      details?: { values: Record<string, string>; errors: FieldErrors }
      replace?: { errors: FieldErrors }
    },
  ) {
    const form = draft.content.forms.find((f) => f.sha256 === sha256)
    if (!form) throw new NotFoundError('forms.not-found', m.formNotFound)
    const [withFile] = await withFiles(deps.db, [form])
    const row = rowOf(service.id, withFile ?? { form, file: null })
    const invalid = hasAny(forms.details?.errors ?? {}) || hasAny(forms.replace?.errors ?? {})
    return page(
      c,
      {
        title: `${invalid ? 'خطا: ' : ''}${m.editHeading}: ${form.title}`,
        breadcrumbs: crumbs(service, draft.content.title, true),
        content: formEditPage({
          csrfToken: c.get('csrfToken'),
          serviceId: service.id,
          serviceTitle: draft.content.title,
          stamp: stampOfDraft(draft),
          row,
          details: forms.details ?? { values: detailValues(form), errors: {} },
          replace: forms.replace ?? { errors: {} },
        }),
      },
      invalid ? 422 : 200,
    )
  }

  /**
   * Where a write leads: on success, to `done`; refused, `again` re-renders the form with what
   * was sent and the messages. A save that met a concurrent one gets the shared conflict page,
   * which carries everything sent (an uploaded file by its hash), so nothing is lost.
   */
  async function afterWrite(
    c: Context<AppEnv>,
    service: Service,
    result: FormsWriteResult,
    next: { done: string; backHref: string; fields: FormFields },
    again: (errors: FieldErrors, current: ServiceVersion) => Promise<Response>,
  ): Promise<Response> {
    if (result.ok) return c.redirect(next.done, 303)
    if ('conflict' in result)
      return conflictResponse(c, {
        current: result.current,
        fields: next.fields,
        target: {
          sectionLabel: m.sectionLabel,
          action: c.req.path,
          backHref: next.backHref,
          done: next.done,
          sectionHref: formsHref(service.id),
        },
        changes: await formChanges(result.current.content, result.mine),
      })
    return again(result.errors, await draftToEdit(deps.db, service.id))
  }

  app.get(FORMS, async (c) => {
    const { service } = await editable(c)
    const draft = await findDraft(deps.db, service.id)
    if (!draft) return c.redirect(`/admin/services/${service.id}`, 303)
    return listPage(c, service, draft, { values: {}, errors: {} })
  })

  app.post(FORMS, async (c) => {
    const { actor, service } = await editable(c)
    const body = await c.req.parseBody()
    const draft = await draftToEdit(deps.db, service.id)
    const values = strings(body)
    const parsed = formDetailsSchema.safeParse(values)
    const upload = await uploadOf(deps, body, 'file')
    const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error)
    if (!upload) errors.file = m.fileMissing
    if (!parsed.success || !upload) return listPage(c, service, draft, { values, errors })
    const result = await addForm(
      deps,
      actor,
      service.id,
      expectedRevisionOf(body, draft),
      parsed.data,
      upload,
    )
    return afterWrite(
      c,
      service,
      result,
      {
        done: `${formsHref(service.id)}?done=added`,
        backHref: formsHref(service.id),
        fields: carried(body, { field: 'file', file: upload }),
      },
      (errors, current) => listPage(c, service, current, { values, errors }),
    )
  })

  app.get(ONE, async (c) => {
    const { service } = await editable(c)
    const draft = await findDraft(deps.db, service.id)
    if (!draft) return c.redirect(`/admin/services/${service.id}`, 303)
    return editPage(c, service, draft, c.req.param('sha'), {})
  })

  app.post(ONE, async (c) => {
    const { actor, service } = await editable(c)
    const sha = c.req.param('sha')
    const body = await c.req.parseBody()
    const draft = await draftToEdit(deps.db, service.id)
    const values = strings(body)
    const parsed = formDetailsSchema.safeParse(values)
    if (!parsed.success)
      return editPage(c, service, draft, sha, {
        details: { values, errors: fieldErrorsOf(parsed.error) },
      })
    const result = await updateFormDetails(
      deps,
      actor,
      service.id,
      expectedRevisionOf(body, draft),
      sha,
      parsed.data,
    )
    return afterWrite(
      c,
      service,
      result,
      {
        done: `${formsHref(service.id)}?done=saved`,
        backHref: `${formsHref(service.id)}/${sha}`,
        fields: carried(body, null),
      },
      (errors, current) => editPage(c, service, current, sha, { details: { values, errors } }),
    )
  })

  app.post(`${ONE}/file`, async (c) => {
    const { actor, service } = await editable(c)
    const sha = c.req.param('sha')
    const body = await c.req.parseBody()
    const draft = await draftToEdit(deps.db, service.id)
    const upload = await uploadOf(deps, body, 'newFile')
    if (!upload)
      return editPage(c, service, draft, sha, { replace: { errors: { newFile: m.fileMissing } } })
    const result = await replaceFormFile(
      deps,
      actor,
      service.id,
      expectedRevisionOf(body, draft),
      sha,
      upload,
    )
    return afterWrite(
      c,
      service,
      result,
      {
        done: `${formsHref(service.id)}?done=replaced`,
        backHref: `${formsHref(service.id)}/${sha}`,
        fields: carried(body, { field: 'newFile', file: upload }),
      },
      (errors, current) => {
        const { file, ...rest } = errors
        return editPage(c, service, current, sha, {
          replace: { errors: { ...rest, ...(file ? { newFile: file } : {}) } },
        })
      },
    )
  })

  app.post(`${ONE}/delete`, async (c) => {
    const { actor, service } = await editable(c)
    const sha = c.req.param('sha')
    const body = await c.req.parseBody()
    const draft = await draftToEdit(deps.db, service.id)
    const result = await removeForm(deps, actor, service.id, expectedRevisionOf(body, draft), sha)
    return afterWrite(
      c,
      service,
      result,
      {
        done: `${formsHref(service.id)}?done=removed`,
        backHref: `${formsHref(service.id)}/${sha}`,
        fields: carried(body, null),
      },
      (errors, current) => editPage(c, service, current, sha, { replace: { errors } }),
    )
  })

  return app
}
