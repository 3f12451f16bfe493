import { Hono } from 'hono'
import type { Deps } from '../../../deps.ts'
import { ValidationError } from '../../../lib/errors.ts'
import type { AppEnv } from '../../../web/env.ts'
import { readFields } from '../../../web/form.ts'
import { draftToEdit, findDraft, parseFields, stampOf, stampOfDraft } from '../../services/index.ts'
import { processEditorMsg as m } from './messages.fa.ts'
import { moveStep, removeStep, replaceStep, stepRemoval } from './process.changes.ts'
import { parseStepForm, removeStepForm } from './process.input.ts'
import { editable, formChoices, STEP_PATH as STEP, save } from './process-editor.kit.ts'
import { removedHref, stepPageResponse, stepRemovalResponse } from './process-editor.pages.ts'
import { processHref, stepHref } from './views/process-page.ts'

/**
 * One step of the process, under `/admin/services/:id/edit/process/steps/:step`: its page and
 * form, removing it (asked first, on its own page), and moving it up or down. Its transitions
 * are `process-transitions`.
 */
export function processStepRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get(STEP, async (c) => {
    const { service } = await editable(deps, c)
    const draft = await findDraft(deps.db, service.id)
    if (!draft) return c.redirect(`/admin/services/${service.id}`, 303)
    const stepId = c.req.param('step')
    return stepPageResponse(deps, c, service, draft, stepId, stampOfDraft(draft), {})
  })

  app.post(STEP, async (c) => {
    const { actor, service } = await editable(deps, c)
    const stepId = c.req.param('step')
    const fields = await readFields(c)
    const draft = await draftToEdit(deps.db, service.id)
    const step = draft.content.process.steps.find((s) => s.id === stepId)
    const { choices } = await formChoices(deps, draft.content, step, false)
    const parsed = parseStepForm(choices, fields)
    if (!parsed.ok)
      return stepPageResponse(deps, c, service, draft, stepId, stampOf(fields), {
        step: { values: fields, errors: parsed.errors },
      })
    const href = stepHref(service.id, stepId)
    return save(deps, c, actor, service, fields, replaceStep(stepId, parsed.data.step), {
      action: href,
      backHref: href,
      done: `${processHref(service.id)}?done=saved`,
    })
  })

  // Removing a step asks first: what goes with it, and whether its predecessors are joined
  // to its successors (the default), so a middle step's removal does not cut the flow.
  app.get(`${STEP}/delete`, async (c) => {
    const { service } = await editable(deps, c)
    const draft = await findDraft(deps.db, service.id)
    if (!draft) return c.redirect(`/admin/services/${service.id}`, 303)
    return stepRemovalResponse(c, service, draft, c.req.param('step'))
  })

  app.post(`${STEP}/delete`, async (c) => {
    const { actor, service } = await editable(deps, c)
    const stepId = c.req.param('step')
    const fields = await readFields(c)
    const parsed = parseFields(removeStepForm, fields)
    if (!parsed.ok) throw new ValidationError(m.choiceInvalid, parsed.errors)
    // A form from a page that did not ask (an old tab) is sent to the question.
    if (!parsed.data.confirm) return c.redirect(`${stepHref(service.id, stepId)}/delete`, 303)
    const { reconnect } = parsed.data
    const draft = await draftToEdit(deps.db, service.id)
    const { added } = stepRemoval(draft.content.process, stepId)
    return save(deps, c, actor, service, fields, removeStep(stepId, reconnect), {
      action: `${stepHref(service.id, stepId)}/delete`,
      backHref: processHref(service.id),
      done: removedHref(service.id, reconnect, added),
    })
  })

  for (const direction of ['up', 'down'] as const) {
    app.post(`${STEP}/${direction}`, async (c) => {
      const { actor, service } = await editable(deps, c)
      const stepId = c.req.param('step')
      const fields = await readFields(c)
      const href = processHref(service.id)
      return save(deps, c, actor, service, fields, moveStep(stepId, direction), {
        action: `${stepHref(service.id, stepId)}/${direction}`,
        backHref: href,
        done: `${href}?done=moved`,
      })
    })
  }

  return app
}
