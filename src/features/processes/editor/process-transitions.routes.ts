import { Hono } from 'hono'
import type { Deps } from '../../../deps.ts'
import { NotFoundError, ValidationError } from '../../../lib/errors.ts'
import type { AppEnv } from '../../../web/env.ts'
import type { FieldErrors } from '../../../web/form.ts'
import { readFields } from '../../../web/form.ts'
import { draftToEdit, parseFields, stampOfDraft } from '../../services/index.ts'
import { processEditorMsg as m } from './messages.fa.ts'
import { addTransition, hasTransition, PROCESS_MAX, removeTransition } from './process.changes.ts'
import { removeTransitionForm, transitionForm } from './process.input.ts'
import { editable, hasAny, STEP_PATH as STEP, save } from './process-editor.kit.ts'
import { stepPageResponse } from './process-editor.pages.ts'
import { stepHref } from './views/process-page.ts'

/**
 * A step's transitions, under `/admin/services/:id/edit/process/steps/:step/transitions`: adding
 * one from the step page (shown again with its errors) and removing one.
 */
export function processTransitionRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.post(`${STEP}/transitions`, async (c) => {
    const { actor, service } = await editable(deps, c)
    const stepId = c.req.param('step')
    const fields = await readFields(c)
    const draft = await draftToEdit(deps.db, service.id)
    const p = draft.content.process
    if (!p.steps.some((s) => s.id === stepId))
      throw new NotFoundError('process.step-not-found', m.stepNotFound)
    const parsed = parseFields(
      transitionForm(
        stepId,
        p.steps.map((s) => s.id),
      ),
      fields,
    )
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    if (parsed.ok && hasTransition(p, stepId, parsed.data.transitionTo, parsed.data.transitionKind))
      errors.transitionTo = m.transitionDuplicate
    if (p.transitions.length >= PROCESS_MAX.transitions) errors._form = m.transitionsFull
    if (!parsed.ok || hasAny(errors))
      return stepPageResponse(deps, c, service, draft, stepId, stampOfDraft(draft), {
        transition: { values: fields, errors },
      })
    const href = stepHref(service.id, stepId)
    const t = parsed.data
    return save(
      deps,
      c,
      actor,
      service,
      fields,
      addTransition(stepId, {
        to: t.transitionTo,
        label: t.transitionLabel,
        kind: t.transitionKind,
      }),
      { action: `${href}/transitions`, backHref: href, done: `${href}?done=transition-added` },
    )
  })

  app.post(`${STEP}/transitions/delete`, async (c) => {
    const { actor, service } = await editable(deps, c)
    const stepId = c.req.param('step')
    const fields = await readFields(c)
    const parsed = parseFields(removeTransitionForm, fields)
    if (!parsed.ok) throw new ValidationError(m.choiceInvalid, parsed.errors)
    const href = stepHref(service.id, stepId)
    const t = parsed.data
    return save(
      deps,
      c,
      actor,
      service,
      fields,
      removeTransition(stepId, t.transitionTo, t.transitionKind),
      {
        action: `${href}/transitions/delete`,
        backHref: href,
        done: `${href}?done=transition-removed`,
      },
    )
  })

  return app
}
