import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, fieldErrorsOf } from '../../web/form.ts'
import { draftToEdit, findDraft } from '../services/index.ts'
import { addForm } from './forms.actions.ts'
import { afterWrite, editable, FORMS, listPage } from './forms.editor.ts'
import { formDetailsSchema } from './forms.input.ts'
import { carried, expectedRevisionOf, strings, uploadOf } from './forms.upload.ts'
import { formsMsg as m } from './messages.fa.ts'
import { formsHref } from './views/forms-editor.ts'

/**
 * The forms section of the service editor, `/admin/services/:id/edit/forms` (R5): the draft's
 * forms and adding one (upload); one form's pages are in form-edit.routes.ts. Each route checks
 * the permission (agency editors and admins of the service's agency) before reading any input;
 * every write goes through `saveDraft`, which authorises it again and checks the revision.
 */
export function formsSectionRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get(FORMS, async (c) => {
    const { service } = await editable(deps, c)
    const draft = await findDraft(deps.db, service.id)
    if (!draft) return c.redirect(`/admin/services/${service.id}`, 303)
    return listPage(deps, c, service, draft, { values: {}, errors: {} })
  })

  app.post(FORMS, async (c) => {
    const { actor, service } = await editable(deps, c)
    const body = await c.req.parseBody()
    const draft = await draftToEdit(deps.db, service.id)
    const values = strings(body)
    const parsed = formDetailsSchema.safeParse(values)
    const upload = await uploadOf(deps, body, 'file')
    const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error)
    if (!upload) errors.file = m.fileMissing
    if (!parsed.success || !upload) return listPage(deps, c, service, draft, { values, errors })
    const result = await addForm(
      deps,
      actor,
      service.id,
      expectedRevisionOf(body, draft),
      parsed.data,
      upload,
    )
    return afterWrite(
      deps,
      c,
      service,
      result,
      {
        done: `${formsHref(service.id)}?done=added`,
        backHref: formsHref(service.id),
        fields: carried(body, { field: 'file', file: upload }),
      },
      (errors, current) => listPage(deps, c, service, current, { values, errors }),
    )
  })

  return app
}
