import type { Context } from 'hono'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors, FormFields } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import type { Service, ServiceForm, ServiceVersion } from '../services/index.ts'
import {
  conflictResponse,
  draftToEdit,
  editorMsg as em,
  ID,
  lineChanges,
  staffService,
  stampOfDraft,
} from '../services/index.ts'
import { fileSizeFa } from './download.ts'
import { formText } from './form.text.ts'
import { FORMS_MAX, type FormsWriteResult } from './forms.actions.ts'
import { type FormWithFile, staffFormHref, withFiles } from './forms.present.ts'
import { FORM_KIND_LABELS, FORM_LANGUAGE_LABELS, formsMsg as m } from './messages.fa.ts'
import {
  type EditorFormRow,
  formEditPage,
  formsEditorPage,
  formsHref,
} from './views/forms-editor.ts'

// What the forms section's pages share (forms-section.routes.ts, form-edit.routes.ts): their
// paths, who may open them, the two pages, and where a write leads.

/** The forms section of a service's draft, and one form of it (by its file's SHA-256). */
export const FORMS = `/:id${ID}/edit/forms`
export const ONE = `${FORMS}/:sha{[0-9a-f]{64}}`

/** The actor and the service in the path, once the actor may edit its drafts. */
export const editable = (deps: Deps, c: Context<AppEnv>) =>
  staffService(deps, c, c.req.param('id'), 'edit')

/** The forms of both versions, a line each, for the conflict page. */
const formChanges = lineChanges('forms', m.sectionLabel, (content) => content.forms.map(formText))

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

const crumbs = (service: Service, title: string, inForm: boolean) => [
  { href: '/admin/services', text: em.listTitle },
  { href: `/admin/services/${service.id}`, text: title || em.untitled },
  ...(inForm ? [{ href: formsHref(service.id), text: m.sectionLabel }] : []),
]

function banner(c: Context<AppEnv>) {
  const text = (m.done as Record<string, string>)[c.req.query('done') ?? '']
  return text ? { banner: { kind: 'success' as const, text } } : {}
}

/** The section's page: the draft's forms and the add form (422 with its errors). */
export async function listPage(
  deps: Deps,
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

/** One form's page: its details form, the replace-file form and delete (422 with errors). */
export async function editPage(
  deps: Deps,
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
export async function afterWrite(
  deps: Deps,
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
