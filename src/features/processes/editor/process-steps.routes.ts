import { Hono } from 'hono'
import type { Deps } from '../../../deps.ts'
import type { AppEnv } from '../../../web/env.ts'
import { readFields } from '../../../web/form.ts'
import { draftToEdit, findDraft, stampOf, stampOfDraft } from '../../services/index.ts'
import { moveStep, removeStep, replaceStep } from './process.changes.ts'
import { parseStepForm } from './process.input.ts'
import { editable, formChoices, STEP_PATH as STEP, save } from './process-editor.kit.ts'
import { stepPageResponse } from './process-editor.pages.ts'
import { processHref, stepHref } from './views/process-page.ts'

/**
 * One step of the process, under `/admin/services/:id/edit/process/steps/:step`: its page and
 * form, removing it, and moving it up or down. Its transitions are `process-transitions`.
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

  app.post(`${STEP}/delete`, async (c) => {
    const { actor, service } = await editable(deps, c)
    const stepId = c.req.param('step')
    const fields = await readFields(c)
    const href = processHref(service.id)
    return save(deps, c, actor, service, fields, removeStep(stepId), {
      action: `${stepHref(service.id, stepId)}/delete`,
      backHref: href,
      done: `${href}?done=removed`,
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
