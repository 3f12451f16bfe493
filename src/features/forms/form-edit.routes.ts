import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { fieldErrorsOf } from '../../web/form.ts'
import { draftToEdit, findDraft } from '../services/index.ts'
import { removeForm, replaceFormFile, updateFormDetails } from './forms.actions.ts'
import { afterWrite, editable, editPage, ONE } from './forms.editor.ts'
import { formDetailsSchema } from './forms.input.ts'
import { carried, expectedRevisionOf, strings, uploadOf } from './forms.upload.ts'
import { formsMsg as m } from './messages.fa.ts'
import { formsHref } from './views/forms-editor.ts'

/**
 * One form of a draft, `/admin/services/:id/edit/forms/:sha256` (R5): its details, replacing
 * its file, removing it. Like the section's page (forms-section.routes.ts), each route checks
 * the permission before reading any input, and every write goes through `saveDraft`.
 */
export function formEditRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get(ONE, async (c) => {
    const { service } = await editable(deps, c)
    const draft = await findDraft(deps.db, service.id)
    if (!draft) return c.redirect(`/admin/services/${service.id}`, 303)
    return editPage(deps, c, service, draft, c.req.param('sha'), {})
  })

  app.post(ONE, async (c) => {
    const { actor, service } = await editable(deps, c)
    const sha = c.req.param('sha')
    const body = await c.req.parseBody()
    const draft = await draftToEdit(deps.db, service.id)
    const values = strings(body)
    const parsed = formDetailsSchema.safeParse(values)
    if (!parsed.success)
      return editPage(deps, c, service, draft, sha, {
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
      deps,
      c,
      service,
      result,
      {
        done: `${formsHref(service.id)}?done=saved`,
        backHref: `${formsHref(service.id)}/${sha}`,
        fields: carried(body, null),
      },
      (errors, current) =>
        editPage(deps, c, service, current, sha, { details: { values, errors } }),
    )
  })

  app.post(`${ONE}/file`, async (c) => {
    const { actor, service } = await editable(deps, c)
    const sha = c.req.param('sha')
    const body = await c.req.parseBody()
    const draft = await draftToEdit(deps.db, service.id)
    const upload = await uploadOf(deps, body, 'newFile')
    if (!upload)
      return editPage(deps, c, service, draft, sha, {
        replace: { errors: { newFile: m.fileMissing } },
      })
    const result = await replaceFormFile(
      deps,
      actor,
      service.id,
      expectedRevisionOf(body, draft),
      sha,
      upload,
    )
    return afterWrite(
      deps,
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
        return editPage(deps, c, service, current, sha, {
          replace: { errors: { ...rest, ...(file ? { newFile: file } : {}) } },
        })
      },
    )
  })

  app.post(`${ONE}/delete`, async (c) => {
    const { actor, service } = await editable(deps, c)
    const sha = c.req.param('sha')
    const body = await c.req.parseBody()
    const draft = await draftToEdit(deps.db, service.id)
    const result = await removeForm(deps, actor, service.id, expectedRevisionOf(body, draft), sha)
    return afterWrite(
      deps,
      c,
      service,
      result,
      {
        done: `${formsHref(service.id)}?done=removed`,
        backHref: `${formsHref(service.id)}/${sha}`,
        fields: carried(body, null),
      },
      (errors, current) => editPage(deps, c, service, current, sha, { replace: { errors } }),
    )
  })

  return app
}
