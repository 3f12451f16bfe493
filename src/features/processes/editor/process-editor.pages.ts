import type { Context } from 'hono'
import type { Deps } from '../../../deps.ts'
import { NotFoundError } from '../../../lib/errors.ts'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import type { AppEnv } from '../../../web/env.ts'
import type { FieldErrors, FormFields } from '../../../web/form.ts'
import { page } from '../../../web/page.ts'
import type { Html } from '../../../web/ui/index.ts'
import type { Service, ServiceContent, ServiceVersion } from '../../services/index.ts'
import { type DraftStamp, editorMsg as em, stampOfDraft } from '../../services/index.ts'
import { processEditorMsg as m } from './messages.fa.ts'
import { PROCESS_MAX, type ProcessChange } from './process.changes.ts'
import { blankStepValues, stepValues } from './process.input.ts'
import { formChoices, hasAny } from './process-editor.kit.ts'
import { processPicture } from './process-editor.present.ts'
import { previewBody } from './views/preview.ts'
import { type ProcessPageView, processHref, processPage } from './views/process-page.ts'
import { type StepPageView, stepPage } from './views/step-page.ts'

/**
 * The process editor's two pages (the process with its steps and variants, and one step with its
 * transitions) as responses, the import's notice and the live preview's fragment: each builds its
 * view model from the draft and the forms being shown again with their errors, so no route
 * handler builds one inline.
 */

/** The script that refreshes the chart while a step form is filled in. */
const SCRIPTS = ['/assets/process-editor.js']

/** A form shown again with what was typed and what is wrong with it. */
export interface FormAgain {
  values: FormFields
  errors: FieldErrors
}

/** The success banner named by `?done=`, if any. */
function doneBanner(c: Context<AppEnv>): { kind: 'success'; text: string } | undefined {
  const done = c.req.query('done') ?? ''
  const text = (m.done as Record<string, string>)[done]
  return text ? { kind: 'success', text } : undefined
}

function breadcrumbs(service: Service, title: string, inStep: boolean) {
  return [
    { href: '/admin/services', text: em.listTitle },
    { href: `/admin/services/${service.id}`, text: title || em.untitled },
    ...(inStep ? [{ href: processHref(service.id), text: m.sectionLabel }] : []),
  ]
}

/** The process page: steps, chart, the add-step form, variants and BPMN import. */
export async function processPageResponse(
  deps: Deps,
  c: Context<AppEnv>,
  service: Service,
  draft: ServiceVersion,
  forms: {
    add?: FormAgain
    variant?: FormAgain
    notice?: { kind: 'success' | 'info'; text: string }
  },
): Promise<Response> {
  const content = draft.content
  const steps = content.process.steps
  const { options } = await formChoices(deps, content, undefined, true)
  const invalid = hasAny(forms.add?.errors ?? {}) || hasAny(forms.variant?.errors ?? {})
  const banner = invalid ? undefined : (forms.notice ?? doneBanner(c))
  const view: ProcessPageView = {
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
  }
  return page(
    c,
    {
      title: `${invalid ? 'خطا: ' : ''}${m.sectionLabel}`,
      breadcrumbs: breadcrumbs(service, content.title, false),
      ...(banner ? { banner } : {}),
      scripts: SCRIPTS,
      content: processPage(view),
    },
    invalid ? 422 : 200,
  )
}

/** One step's page: its form and its transitions (404 for a step the draft does not have). */
export async function stepPageResponse(
  deps: Deps,
  c: Context<AppEnv>,
  service: Service,
  draft: ServiceVersion,
  stepId: string,
  stamp: DraftStamp,
  forms: { step?: FormAgain; transition?: FormAgain },
): Promise<Response> {
  const content = draft.content
  const step = content.process.steps.find((s) => s.id === stepId)
  if (!step && !forms.step) throw new NotFoundError('process.step-not-found', m.stepNotFound)
  const { options } = await formChoices(deps, content, step, false)
  const invalid = hasAny(forms.step?.errors ?? {}) || hasAny(forms.transition?.errors ?? {})
  const banner = invalid ? undefined : doneBanner(c)
  const view: StepPageView = {
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
  }
  return page(
    c,
    {
      title: `${invalid ? 'خطا: ' : ''}${m.editHeading}${step ? `: ${step.title}` : ''}`,
      breadcrumbs: breadcrumbs(service, content.title, true),
      ...(banner ? { banner } : {}),
      scripts: SCRIPTS,
      content: stepPage(view),
    },
    invalid ? 422 : 200,
  )
}

/** What a BPMN import says on the process page: the steps it brought, and what it could not map. */
export function importNotice(
  steps: number,
  unmapped: string[],
): { kind: 'success' | 'info'; text: string } {
  const text =
    m.importDone(toPersianDigits(steps)) +
    (unmapped.length ? m.importUnmapped(unmapped.join('؛ ')) : '')
  return { kind: unmapped.length ? 'info' : 'success', text }
}

/**
 * The chart and totals of the draft's process as if `change` (the posted step form) were applied,
 * as the HTML fragment `/assets/process-editor.js` shows. Nothing is saved.
 */
export function previewFragment(content: ServiceContent, change: ProcessChange): Html {
  const changed = { ...content, process: change(content.process) }
  return previewBody(processPicture(changed), { preview: true })
}
