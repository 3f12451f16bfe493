import { type Context, Hono } from 'hono'
import type { Deps } from '../../../deps.ts'
import type { Actor } from '../../../lib/actor.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../../lib/errors.ts'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import type { AppEnv } from '../../../web/env.ts'
import type { FieldErrors } from '../../../web/form.ts'
import { type FormFields, readFields } from '../../../web/form.ts'
import { page } from '../../../web/page.ts'
import { findLawsByIds } from '../../laws/index.ts'
import type { Service, ServiceContent, ServiceVersion } from '../../services/index.ts'
import {
  checkedChange,
  type DraftStamp,
  draftToEdit,
  editorMsg as em,
  fieldValue,
  findDraft,
  ID,
  lineChanges,
  servicesMsg as msg,
  parseFields,
  saveDraft,
  saveSection,
  staffService,
  stampOf,
  stampOfDraft,
} from '../../services/index.ts'
import { fromBpmnXml } from '../interop/bpmn-import.ts'
import type { ProcessStep } from '../process.model.ts'
import { processSchema } from '../process.schema.ts'
import { processEditorMsg as m } from './messages.fa.ts'
import {
  addStep,
  addTransition,
  addVariant,
  hasTransition,
  moveStep,
  onProcess,
  PROCESS_MAX,
  type ProcessChange,
  removeStep,
  removeTransition,
  removeVariant,
  replaceStep,
} from './process.changes.ts'
import {
  blankStepValues,
  legalBasisKey,
  parseStepForm,
  removeTransitionForm,
  type StepChoices,
  stepValues,
  transitionForm,
  variantForm,
} from './process.input.ts'
import { processLines, processPicture } from './process-editor.present.ts'
import { previewBody, previewUnavailable } from './views/preview.ts'
import { processHref, processPage, stepHref, stepNamer } from './views/process-page.ts'
import type { StepFormOptions } from './views/step-fields.ts'
import { stepPage } from './views/step-page.ts'

/** The script that refreshes the chart while a step form is filled in. */
const SCRIPTS = ['/assets/process-editor.js']

const STEP_ID = '{[a-z0-9_-]{1,40}}'

/** A change that also checks the whole card it produces: the last guard before saving. */
function hasAny(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0
}

/** The success banner named by `?done=`, if any. */
function doneBanner(c: Context<AppEnv>): { kind: 'success'; text: string } | undefined {
  const done = c.req.query('done') ?? ''
  const text = (m.done as Record<string, string>)[done]
  return text ? { kind: 'success', text } : undefined
}

/** The first message of a form's errors. */
function firstError(errors: FieldErrors): string {
  return Object.values(errors)[0] ?? m.choiceInvalid
}

/**
 * The process section of the service editor, under `/admin/services/:id/edit/process`: the
 * steps as a table with the flowchart, a page per step with its transitions, variant cases, and
 * a live preview for the step forms. Every write goes through `saveDraft`, which authorises it
 * again; each route checks the permission before it reads any input.
 */
export function processEditorRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const PROCESS = `/:id${ID}/edit/process`
  const STEP = `${PROCESS}/steps/:step${STEP_ID}`

  const editable = (c: Context<AppEnv>) => staffService(deps, c, c.req.param('id'), 'edit')

  /** What a step form may refer to in this draft, and the same with labels for the page. */
  async function formChoices(
    content: ServiceContent,
    step: ProcessStep | undefined,
    withAfter: boolean,
  ): Promise<{ choices: StepChoices; options: (serviceId: string) => StepFormOptions }> {
    const bases = content.legalBases.map((b) => ({ lawId: b.lawId, article: b.article }))
    const own = step?.legalBasis
    if (own && !bases.some((b) => legalBasisKey(b) === legalBasisKey(own))) bases.push(own)
    const laws = await findLawsByIds(
      deps.db,
      bases.map((b) => b.lawId),
    )
    const titles = new Map(laws.map((l) => [l.id, l.title]))
    const documents = content.documents.map((d) => d.name)
    const fees = content.fees.map((f) => f.description)
    const steps = content.process.steps
    const name = stepNamer(content.process)
    return {
      choices: {
        documents: [...new Set([...documents, ...(step?.documents ?? [])])],
        fees: [...new Set([...fees, ...(step?.fees ?? [])])],
        legalBases: bases,
        variants: content.process.variants.map((v) => v.id),
        steps: withAfter ? steps.map((s) => s.id) : [],
      },
      options: (serviceId) => ({
        serviceId,
        documents,
        fees,
        legalBases: bases.map((b) => ({
          key: legalBasisKey(b),
          label: `${titles.get(b.lawId) ?? m.lawRemoved}${b.article ? `، ${toPersianDigits(b.article)}` : ''}`,
        })),
        variants: content.process.variants.map((v) => ({ id: v.id, label: v.label })),
        after: withAfter ? steps.map((s) => ({ id: s.id, label: name(s.id) })) : null,
      }),
    }
  }

  function breadcrumbs(service: Service, title: string, inStep: boolean) {
    return [
      { href: '/admin/services', text: em.listTitle },
      { href: `/admin/services/${service.id}`, text: title || em.untitled },
      ...(inStep ? [{ href: processHref(service.id), text: m.sectionLabel }] : []),
    ]
  }

  async function processPageResponse(
    c: Context<AppEnv>,
    service: Service,
    draft: ServiceVersion,
    forms: {
      add?: { values: FormFields; errors: FieldErrors }
      variant?: { values: FormFields; errors: FieldErrors }
      notice?: { kind: 'success' | 'info'; text: string }
    },
  ) {
    const content = draft.content
    const steps = content.process.steps
    const { options } = await formChoices(content, undefined, true)
    const invalid = hasAny(forms.add?.errors ?? {}) || hasAny(forms.variant?.errors ?? {})
    const banner = invalid ? undefined : (forms.notice ?? doneBanner(c))
    return page(
      c,
      {
        title: `${invalid ? 'خطا: ' : ''}${m.sectionLabel}`,
        breadcrumbs: breadcrumbs(service, content.title, false),
        ...(banner ? { banner } : {}),
        scripts: SCRIPTS,
        content: processPage({
          csrfToken: c.get('csrfToken'),
          serviceId: service.id,
          serviceTitle: content.title,
          stamp: stampOfDraft(draft),
          process: content.process,
          picture: processPicture(content),
          add: {
            values: forms.add?.values ?? blankStepValues(steps[steps.length - 1]?.id),
            errors: forms.add?.errors ?? {},
            full: steps.length >= PROCESS_MAX.steps,
          },
          options: options(service.id),
          variant: forms.variant ?? { values: {}, errors: {} },
        }),
      },
      invalid ? 422 : 200,
    )
  }

  async function stepPageResponse(
    c: Context<AppEnv>,
    service: Service,
    draft: ServiceVersion,
    stepId: string,
    stamp: DraftStamp,
    forms: {
      step?: { values: FormFields; errors: FieldErrors }
      transition?: { values: FormFields; errors: FieldErrors }
    },
  ) {
    const content = draft.content
    const step = content.process.steps.find((s) => s.id === stepId)
    if (!step && !forms.step) throw new NotFoundError('process.step-not-found', m.stepNotFound)
    const { options } = await formChoices(content, step, false)
    const invalid = hasAny(forms.step?.errors ?? {}) || hasAny(forms.transition?.errors ?? {})
    const banner = invalid ? undefined : doneBanner(c)
    return page(
      c,
      {
        title: `${invalid ? 'خطا: ' : ''}${m.editHeading}${step ? `: ${step.title}` : ''}`,
        breadcrumbs: breadcrumbs(service, content.title, true),
        ...(banner ? { banner } : {}),
        scripts: SCRIPTS,
        content: stepPage({
          csrfToken: c.get('csrfToken'),
          serviceId: service.id,
          serviceTitle: content.title,
          stamp,
          process: content.process,
          stepId,
          values: forms.step?.values ?? (step ? stepValues(step) : {}),
          errors: forms.step?.errors ?? {},
          options: options(service.id),
          picture: processPicture(content),
          transition: forms.transition ?? { values: {}, errors: {} },
        }),
      },
      invalid ? 422 : 200,
    )
  }

  /** Saves `change` to the process against the draft the form came from (the section-editor kit). */
  function save(
    c: Context<AppEnv>,
    actor: Actor,
    service: Service,
    fields: FormFields,
    change: ProcessChange,
    target: { action: string; backHref: string; done: string },
  ): Promise<Response> {
    return saveSection(deps, c, {
      actor,
      service,
      fields,
      change: onProcess(change),
      target: { ...target, sectionLabel: m.sectionLabel, sectionHref: processHref(service.id) },
      changes: lineChanges('process', m.sectionLabel, (content) => processLines(content.process)),
    })
  }

  // ——— The process page ———

  app.get(PROCESS, async (c) => {
    const { service } = await editable(c)
    const draft = await findDraft(deps.db, service.id)
    if (!draft) return c.redirect(`/admin/services/${service.id}`, 303)
    return processPageResponse(c, service, draft, {})
  })

  app.post(`${PROCESS}/steps`, async (c) => {
    const { actor, service } = await editable(c)
    const fields = await readFields(c)
    const draft = await draftToEdit(deps.db, service.id)
    const { choices } = await formChoices(draft.content, undefined, true)
    const parsed = parseStepForm(choices, fields)
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    if (draft.content.process.steps.length >= PROCESS_MAX.steps)
      errors._form = m.processFull(toPersianDigits(PROCESS_MAX.steps))
    if (!parsed.ok || hasAny(errors))
      return processPageResponse(c, service, draft, { add: { values: fields, errors } })
    const href = processHref(service.id)
    return save(c, actor, service, fields, addStep(parsed.data.step, parsed.data.after), {
      action: `${href}/steps`,
      backHref: href,
      done: `${href}?done=added`,
    })
  })

  // ——— One step ———

  app.get(STEP, async (c) => {
    const { service } = await editable(c)
    const draft = await findDraft(deps.db, service.id)
    if (!draft) return c.redirect(`/admin/services/${service.id}`, 303)
    const stepId = c.req.param('step')
    return stepPageResponse(c, service, draft, stepId, stampOfDraft(draft), {})
  })

  app.post(STEP, async (c) => {
    const { actor, service } = await editable(c)
    const stepId = c.req.param('step')
    const fields = await readFields(c)
    const draft = await draftToEdit(deps.db, service.id)
    const step = draft.content.process.steps.find((s) => s.id === stepId)
    const { choices } = await formChoices(draft.content, step, false)
    const parsed = parseStepForm(choices, fields)
    if (!parsed.ok)
      return stepPageResponse(c, service, draft, stepId, stampOf(fields), {
        step: { values: fields, errors: parsed.errors },
      })
    const href = stepHref(service.id, stepId)
    return save(c, actor, service, fields, replaceStep(stepId, parsed.data.step), {
      action: href,
      backHref: href,
      done: `${processHref(service.id)}?done=saved`,
    })
  })

  app.post(`${STEP}/delete`, async (c) => {
    const { actor, service } = await editable(c)
    const stepId = c.req.param('step')
    const fields = await readFields(c)
    const href = processHref(service.id)
    return save(c, actor, service, fields, removeStep(stepId), {
      action: `${stepHref(service.id, stepId)}/delete`,
      backHref: href,
      done: `${href}?done=removed`,
    })
  })

  for (const direction of ['up', 'down'] as const) {
    app.post(`${STEP}/${direction}`, async (c) => {
      const { actor, service } = await editable(c)
      const stepId = c.req.param('step')
      const fields = await readFields(c)
      const href = processHref(service.id)
      return save(c, actor, service, fields, moveStep(stepId, direction), {
        action: `${stepHref(service.id, stepId)}/${direction}`,
        backHref: href,
        done: `${href}?done=moved`,
      })
    })
  }

  // ——— Transitions ———

  app.post(`${STEP}/transitions`, async (c) => {
    const { actor, service } = await editable(c)
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
      return stepPageResponse(c, service, draft, stepId, stampOfDraft(draft), {
        transition: { values: fields, errors },
      })
    const href = stepHref(service.id, stepId)
    const t = parsed.data
    return save(
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
    const { actor, service } = await editable(c)
    const stepId = c.req.param('step')
    const fields = await readFields(c)
    const parsed = parseFields(removeTransitionForm, fields)
    if (!parsed.ok) throw new ValidationError(m.choiceInvalid, parsed.errors)
    const href = stepHref(service.id, stepId)
    const t = parsed.data
    return save(
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

  // ——— Variants ———

  app.post(`${PROCESS}/variants`, async (c) => {
    const { actor, service } = await editable(c)
    const fields = await readFields(c)
    const draft = await draftToEdit(deps.db, service.id)
    const variants = draft.content.process.variants
    const parsed = parseFields(variantForm, fields)
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    if (parsed.ok && variants.some((v) => v.label === parsed.data.variantLabel))
      errors.variantLabel = m.variantDuplicate
    if (variants.length >= PROCESS_MAX.variants) errors._form = m.variantsFull
    if (!parsed.ok || hasAny(errors))
      return processPageResponse(c, service, draft, { variant: { values: fields, errors } })
    const href = processHref(service.id)
    return save(c, actor, service, fields, addVariant(parsed.data.variantLabel), {
      action: `${href}/variants`,
      backHref: href,
      done: `${href}?done=variant-added`,
    })
  })

  app.post(`${PROCESS}/variants/:variant${STEP_ID}/delete`, async (c) => {
    const { actor, service } = await editable(c)
    const variantId = c.req.param('variant')
    const fields = await readFields(c)
    const href = processHref(service.id)
    return save(c, actor, service, fields, removeVariant(variantId), {
      action: `${href}/variants/${variantId}/delete`,
      backHref: href,
      done: `${href}?done=variant-removed`,
    })
  })

  // ——— Live preview (JavaScript on) ———

  /**
   * The chart and totals of the draft's process as if the posted step form were applied, as an
   * HTML fragment for `/assets/process-editor.js`. Nothing is saved.
   */
  // A BPMN file from a modelling tool replaces the draft's process; what could not be
  // mapped is listed. Nothing typed is at stake here (the file stays with the user), so a
  // concurrent save simply asks them to upload again.
  app.post(`${PROCESS}/import`, async (c) => {
    const { actor, service } = await editable(c)
    const draft = await draftToEdit(deps.db, service.id)
    const body = await c.req.parseBody()
    const file = body.importFile
    const fail = (text: string) =>
      processPageResponse(c, service, draft, { add: { values: {}, errors: { importFile: text } } })
    if (!(file instanceof File) || file.size === 0) return fail(m.importMissing)
    if (file.size > 1024 * 1024) return fail(m.importTooLarge)
    let imported: Awaited<ReturnType<typeof fromBpmnXml>>
    try {
      imported = await fromBpmnXml(await file.text())
    } catch (error) {
      if (error instanceof ValidationError) return fail(error.message)
      throw error
    }
    const checkedProcess = processSchema.safeParse(imported.process)
    if (!checkedProcess.success)
      return fail(m.importInvalid(checkedProcess.error.issues[0]?.message ?? ''))
    const formDraft = typeof body.draft === 'string' ? body.draft : ''
    const formRevision =
      typeof body.revision === 'string' && /^\d{1,9}$/.test(body.revision)
        ? Number(body.revision)
        : -1
    const expected = formDraft === draft.id ? formRevision : -1
    const result = await saveDraft(
      deps,
      actor,
      service.id,
      expected,
      checkedChange((content) => ({ ...content, process: checkedProcess.data })),
    )
    if (!result.ok) throw new ConflictError('service.draft-conflict', msg.conflict)
    const text =
      m.importDone(toPersianDigits(checkedProcess.data.steps.length)) +
      (imported.unmapped.length ? m.importUnmapped(imported.unmapped.join('؛ ')) : '')
    return processPageResponse(c, service, result.draft, {
      notice: { kind: imported.unmapped.length ? 'info' : 'success', text },
    })
  })

  app.post(`${PROCESS}/preview`, async (c) => {
    const { service } = await editable(c)
    c.header('Cache-Control', 'private, no-store')
    if (c.req.header('x-requested-with') === undefined) return c.text(m.previewOnlyScript, 400)
    const fields = await readFields(c)
    const draft = await draftToEdit(deps.db, service.id)
    const stepId = fieldValue(fields, 'step')
    if (stepId !== '' && !/^[a-z0-9_-]{1,40}$/.test(stepId))
      return c.html(previewUnavailable(m.stepNotFound), 422)
    const step = stepId ? draft.content.process.steps.find((s) => s.id === stepId) : undefined
    const { choices } = await formChoices(draft.content, step, stepId === '')
    const parsed = parseStepForm(choices, fields)
    if (!parsed.ok) return c.html(previewUnavailable(firstError(parsed.errors)), 422)
    const change = stepId
      ? replaceStep(stepId, parsed.data.step)
      : addStep(parsed.data.step, parsed.data.after)
    const content = { ...draft.content, process: change(draft.content.process) }
    return c.html(previewBody(processPicture(content), { preview: true }))
  })

  return app
}
