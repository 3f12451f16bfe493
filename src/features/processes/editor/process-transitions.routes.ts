import type { Context } from 'hono'
import { Hono } from 'hono'
import type { Deps } from '../../../deps.ts'
import { NotFoundError, ValidationError } from '../../../lib/errors.ts'
import type { AppEnv } from '../../../web/env.ts'
import type { FieldErrors } from '../../../web/form.ts'
import { readFields } from '../../../web/form.ts'
import { FORM_ONCE_MISSING } from '../../../web/form-once-claim.ts'
import {
  draftToEdit,
  findDraft,
  parseFields,
  type ServiceProcess,
  stampOf,
  stampOfDraft,
} from '../../services/index.ts'
import { processEditorMsg as m } from './messages.fa.ts'
import {
  addTransition,
  hasTransition,
  PROCESS_MAX,
  relabelTransition,
  removeTransition,
} from './process.changes.ts'
import {
  removeTransitionForm,
  transitionForm,
  transitionLabelForm,
  transitionRefForm,
} from './process.input.ts'
import {
  addOnce,
  editable,
  hasAny,
  STEP_PATH as STEP,
  save,
  saveOnce,
} from './process-editor.kit.ts'
import {
  stepPageResponse,
  transitionLabelResponse,
  transitionOf,
  transitionRemovalResponse,
} from './process-editor.pages.ts'
import { stepHref } from './views/process-page.ts'

/**
 * A step's transitions, under `/admin/services/:id/edit/process/steps/:step/transitions`: adding
 * one from the step page (shown again with its errors), changing its condition on its own page,
 * and removing one after a confirmation page. A transition is named by its target and kind
 * (`transitionTo`, `transitionKind`), in the form or, for the GET pages, in the query.
 */
export function processTransitionRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  const isDecision = (p: ServiceProcess, id: string) =>
    p.steps.some((s) => s.id === id && s.kind === 'decision')

  app.post(`${STEP}/transitions`, async (c) => {
    const { actor, service } = await editable(deps, c)
    const stepId = c.req.param('step')
    const fields = await readFields(c)
    // Issue 17 item 10: sent again, the form leads to the first result, not to «exists already».
    const once = await addOnce(deps, c, actor, 'process.transition', fields)
    if (once.kind === 'again') return c.redirect(once.resultPath, 303)
    const draft = await draftToEdit(deps.db, service.id)
    const p = draft.content.process
    if (!p.steps.some((s) => s.id === stepId))
      throw new NotFoundError('process.step-not-found', m.stepNotFound)
    const parsed = parseFields(
      transitionForm(
        stepId,
        p.steps.map((s) => s.id),
        isDecision(p, stepId),
      ),
      fields,
    )
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    if (parsed.ok && hasTransition(p, stepId, parsed.data.transitionTo, parsed.data.transitionKind))
      errors.transitionTo = m.transitionDuplicate
    if (p.transitions.length >= PROCESS_MAX.transitions) errors._form = m.transitionsFull
    if (once.kind === 'missing') errors._form = FORM_ONCE_MISSING
    if (!parsed.ok || hasAny(errors) || once.kind !== 'new')
      return stepPageResponse(deps, c, service, draft, stepId, stampOfDraft(draft), {
        transition: { values: fields, errors },
      })
    const href = stepHref(service.id, stepId)
    const t = parsed.data
    return saveOnce(
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
      once.once,
    )
  })

  /** The draft and the transition the query names (404 for one it does not have). */
  async function named(c: Context<AppEnv>, serviceId: string) {
    const ref = parseFields(transitionRefForm, c.req.query())
    if (!ref.ok) throw new NotFoundError('process.transition-not-found', m.transitionNotFound)
    const draft = await findDraft(deps.db, serviceId)
    if (!draft) return null
    return { draft, t: transitionOf(draft.content.process, c.req.param('step') ?? '', ref.data) }
  }

  app.get(`${STEP}/transitions/delete`, async (c) => {
    const { service } = await editable(deps, c)
    const found = await named(c, service.id)
    if (!found) return c.redirect(`/admin/services/${service.id}`, 303)
    return transitionRemovalResponse(c, service, found.draft, found.t)
  })

  app.post(`${STEP}/transitions/delete`, async (c) => {
    const { actor, service } = await editable(deps, c)
    const stepId = c.req.param('step')
    const fields = await readFields(c)
    const parsed = parseFields(removeTransitionForm, fields)
    if (!parsed.ok) throw new ValidationError(m.choiceInvalid, parsed.errors)
    const href = stepHref(service.id, stepId)
    const t = parsed.data
    // A form from a page that did not ask (an old tab) is sent to the question.
    if (!t.confirm) {
      const query = new URLSearchParams({
        transitionTo: t.transitionTo,
        transitionKind: t.transitionKind,
      })
      return c.redirect(`${href}/transitions/delete?${query}`, 303)
    }
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

  // A transition's condition, changed on its own page (a decision's branches need one).
  app.get(`${STEP}/transitions/label`, async (c) => {
    const { service } = await editable(deps, c)
    const found = await named(c, service.id)
    if (!found) return c.redirect(`/admin/services/${service.id}`, 303)
    return transitionLabelResponse(c, service, found.draft, found.t, stampOfDraft(found.draft))
  })

  app.post(`${STEP}/transitions/label`, async (c) => {
    const { actor, service } = await editable(deps, c)
    const stepId = c.req.param('step')
    const fields = await readFields(c)
    const draft = await draftToEdit(deps.db, service.id)
    const p = draft.content.process
    const ref = parseFields(transitionRefForm, fields)
    if (!ref.ok) throw new ValidationError(m.choiceInvalid, ref.errors)
    const current = transitionOf(p, stepId, ref.data)
    const parsed = parseFields(transitionLabelForm(isDecision(p, stepId)), fields)
    if (!parsed.ok)
      return transitionLabelResponse(c, service, draft, current, stampOf(fields), {
        values: fields,
        errors: parsed.errors,
      })
    const href = stepHref(service.id, stepId)
    const t = parsed.data
    return save(
      deps,
      c,
      actor,
      service,
      fields,
      relabelTransition(stepId, t.transitionTo, t.transitionKind, t.transitionLabel),
      {
        action: `${href}/transitions/label`,
        backHref: href,
        done: `${href}?done=label-saved`,
      },
    )
  })

  return app
}
