import { Hono } from 'hono'
import type { Deps } from '../../../deps.ts'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import type { AppEnv } from '../../../web/env.ts'
import type { FieldErrors } from '../../../web/form.ts'
import { readFields } from '../../../web/form.ts'
import { FORM_ONCE_MISSING } from '../../../web/form-once-claim.ts'
import { draftToEdit, findDraft, parseFields } from '../../services/index.ts'
import { processEditorMsg as m } from './messages.fa.ts'
import { addStep, addVariant, PROCESS_MAX, removeVariant } from './process.changes.ts'
import { parseStepForm, variantForm } from './process.input.ts'
import {
  addOnce,
  editable,
  formChoices,
  hasAny,
  PROCESS_PATH as PROCESS,
  STEP_ID,
  save,
  saveOnce,
} from './process-editor.kit.ts'
import { processPageResponse } from './process-editor.pages.ts'
import { processHref } from './views/process-page.ts'

/**
 * The process section of the service editor, under `/admin/services/:id/edit/process`: the
 * process page (the steps as a table with the flowchart), adding a step from it, and the variant
 * cases. The step pages, transitions, BPMN import and the live preview are their own route
 * modules (`process-steps`, `process-transitions`, `process-import`). Every write goes through
 * `saveDraft`, which authorises it again; each route checks the permission before it reads any
 * input.
 */
export function processEditorRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get(PROCESS, async (c) => {
    const { service } = await editable(deps, c)
    const draft = await findDraft(deps.db, service.id)
    if (!draft) return c.redirect(`/admin/services/${service.id}`, 303)
    return processPageResponse(deps, c, service, draft, {})
  })

  app.post(`${PROCESS}/steps`, async (c) => {
    const { actor, service } = await editable(deps, c)
    const fields = await readFields(c)
    // Issue 17 item 10: the same form sent again adds no second step and leads to the first.
    const once = await addOnce(deps, c, actor, 'process.step', fields)
    if (once.kind === 'again') return c.redirect(once.resultPath, 303)
    const draft = await draftToEdit(deps.db, service.id)
    const { choices } = await formChoices(deps, draft.content, undefined, true)
    const parsed = parseStepForm(choices, fields)
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    if (draft.content.process.steps.length >= PROCESS_MAX.steps)
      errors._form = m.processFull(toPersianDigits(PROCESS_MAX.steps))
    if (once.kind === 'missing') errors._form = FORM_ONCE_MISSING
    if (!parsed.ok || hasAny(errors) || once.kind !== 'new')
      return processPageResponse(deps, c, service, draft, { add: { values: fields, errors } })
    const href = processHref(service.id)
    return saveOnce(
      deps,
      c,
      actor,
      service,
      fields,
      addStep(parsed.data.step, parsed.data.after, parsed.data.afterLabel),
      {
        action: `${href}/steps`,
        backHref: href,
        done: `${href}?done=added`,
      },
      once.once,
    )
  })

  // ——— Variants ———

  app.post(`${PROCESS}/variants`, async (c) => {
    const { actor, service } = await editable(deps, c)
    const fields = await readFields(c)
    // Sent again, the form leads to the first result, not to «this case exists already».
    const once = await addOnce(deps, c, actor, 'process.variant', fields)
    if (once.kind === 'again') return c.redirect(once.resultPath, 303)
    const draft = await draftToEdit(deps.db, service.id)
    const variants = draft.content.process.variants
    const parsed = parseFields(variantForm, fields)
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    if (parsed.ok && variants.some((v) => v.label === parsed.data.variantLabel))
      errors.variantLabel = m.variantDuplicate
    if (variants.length >= PROCESS_MAX.variants) errors._form = m.variantsFull
    if (once.kind === 'missing') errors._form = FORM_ONCE_MISSING
    if (!parsed.ok || hasAny(errors) || once.kind !== 'new')
      return processPageResponse(deps, c, service, draft, { variant: { values: fields, errors } })
    const href = processHref(service.id)
    return saveOnce(
      deps,
      c,
      actor,
      service,
      fields,
      addVariant(parsed.data.variantLabel),
      { action: `${href}/variants`, backHref: href, done: `${href}?done=variant-added` },
      once.once,
    )
  })

  app.post(`${PROCESS}/variants/:variant${STEP_ID}/delete`, async (c) => {
    const { actor, service } = await editable(deps, c)
    const variantId = c.req.param('variant')
    const fields = await readFields(c)
    const href = processHref(service.id)
    return save(deps, c, actor, service, fields, removeVariant(variantId), {
      action: `${href}/variants/${variantId}/delete`,
      backHref: href,
      done: `${href}?done=variant-removed`,
    })
  })

  return app
}
