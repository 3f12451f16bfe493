import type { Context } from 'hono'
import { html } from 'hono/html'
import type { Deps } from '../../../deps.ts'
import { NotFoundError } from '../../../lib/errors.ts'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import type { AppEnv } from '../../../web/env.ts'
import type { FieldErrors, FormFields } from '../../../web/form.ts'
import { newFormOnceToken } from '../../../web/form-once.ts'
import { page } from '../../../web/page.ts'
import { type Html, notificationBanner } from '../../../web/ui/index.ts'
import type {
  Service,
  ServiceContent,
  ServiceProcess,
  ServiceVersion,
  Transition,
  TransitionKind,
} from '../../services/index.ts'
import { type DraftStamp, editorMsg as em, stampOfDraft } from '../../services/index.ts'
import { processProblems } from '../process.rules.ts'
import { processEditorMsg as m } from './messages.fa.ts'
import {
  PROCESS_MAX,
  type ProcessChange,
  removeStep,
  removeTransition,
  stepRemoval,
} from './process.changes.ts'
import { blankStepValues, stepValues } from './process.input.ts'
import { formChoices, hasAny } from './process-editor.kit.ts'
import { processPicture } from './process-editor.present.ts'
import { stepRemovalPage, transitionLabelPage, transitionRemovalPage } from './views/confirm.ts'
import { previewBody } from './views/preview.ts'
import {
  type ProcessPageView,
  processHref,
  processPage,
  stepHref,
  stepNamer,
} from './views/process-page.ts'
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
  const texts: Record<string, string> = {
    ...m.done,
    'removed-unjoined': m.removedUnjoined,
    'removed-joined': m.done.removed,
  }
  const text = texts[done]
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
  const joined = invalid || forms.notice ? null : joinedBanner(c, content.process)
  const banner = invalid || joined ? undefined : (forms.notice ?? doneBanner(c))
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
    // Fresh one-time tokens each time the page is shown, re-rendered ones included.
    once: { step: newFormOnceToken(), variant: newFormOnceToken() },
  }
  return page(
    c,
    {
      title: `${invalid ? 'خطا: ' : ''}${m.sectionLabel}`,
      breadcrumbs: breadcrumbs(service, content.title, false),
      ...(banner ? { banner } : {}),
      scripts: SCRIPTS,
      content: html`${joined ?? ''}${processPage(view)}`,
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
    transitionOnce: newFormOnceToken(),
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

// ——— What a removal changes, and the pages that ask first ———

/** The address a removal goes to: the process page, telling which transitions were made. */
export function removedHref(serviceId: string, reconnect: boolean, added: Transition[]): string {
  const href = processHref(serviceId)
  if (added.length === 0) return `${href}?done=removed`
  if (!reconnect) return `${href}?done=removed-unjoined`
  const pairs = added.map((t) => `${t.from}.${t.to}`).join(',')
  return `${href}?done=removed-joined&joined=${encodeURIComponent(pairs)}`
}

const PAIR = /^([a-z0-9_-]{1,40})\.([a-z0-9_-]{1,40})$/

/**
 * After a step was removed with its flow joined (`?done=removed-joined&joined=s1.s3,…`), the
 * banner lists the transitions made, named as the draft has them now. Only step ids travel in
 * the address; a pair the draft no longer has is left out.
 */
function joinedBanner(c: Context<AppEnv>, p: ServiceProcess): Html | null {
  if (c.req.query('done') !== 'removed-joined') return null
  const pairs = (c.req.query('joined') ?? '')
    .split(',')
    .slice(0, PROCESS_MAX.transitions)
    .map((x) => PAIR.exec(x))
    .filter((x) => x !== null)
  const found = pairs
    .map(([, from, to]) =>
      p.transitions.find((t) => t.from === from && t.to === to && t.kind === 'normal'),
    )
    .filter((t) => t !== undefined)
  const text = transitionNamer(p)
  return notificationBanner({
    type: 'success',
    html:
      found.length > 0
        ? html`<p class="mr-notification-banner__heading">${m.removedJoined}</p>
          <ul class="mr-list mr-list--bullet" id="process-joined">${found.map((t) => html`<li>${text(t)}</li>`)}</ul>`
        : html`<p class="mr-notification-banner__heading">${m.done.removed}</p>`,
  })
}

/** «۲. بررسی ← ۳. صدور «بله»», or «… ← بازگشت به ۱. ثبت» for a return. */
function transitionNamer(p: ServiceProcess): (t: Transition) => string {
  const name = stepNamer(p)
  return (t) => {
    const to = t.kind === 'return' ? m.returnTo(name(t.to)) : name(t.to)
    return `${m.transitionText(name(t.from), to)}${t.label ? ` «${t.label}»` : ''}`
  }
}

/** Problems `after` has that `before` did not: what a removal would break. */
function newProblems(before: ServiceProcess, after: ServiceProcess): string[] {
  const had = new Set(processProblems(before))
  return processProblems(after).filter((x) => !had.has(x))
}

function confirmCrumbs(service: Service, title: string, stepId: string, stepName: string) {
  return [
    ...breadcrumbs(service, title, true),
    { href: stepHref(service.id, stepId), text: stepName },
  ]
}

function stepOf(p: ServiceProcess, stepId: string) {
  const step = p.steps.find((s) => s.id === stepId)
  if (!step) throw new NotFoundError('process.step-not-found', m.stepNotFound)
  return step
}

/** `GET …/steps/:step/delete`: what goes with the step and whether the flow is joined around it. */
export function stepRemovalResponse(
  c: Context<AppEnv>,
  service: Service,
  draft: ServiceVersion,
  stepId: string,
): Response | Promise<Response> {
  const content = draft.content
  const p = content.process
  stepOf(p, stepId)
  const name = stepNamer(p)(stepId)
  const text = transitionNamer(p)
  const { removed, added } = stepRemoval(p, stepId)
  const href = stepHref(service.id, stepId)
  return page(c, {
    title: `${m.confirmTitle} ${m.removeStepTitle(name)}`,
    breadcrumbs: confirmCrumbs(service, content.title, stepId, name),
    content: stepRemovalPage({
      csrfToken: c.get('csrfToken'),
      stamp: stampOfDraft(draft),
      serviceTitle: content.title,
      action: `${href}/delete`,
      cancelHref: processHref(service.id),
      stepName: name,
      removed: removed.map(text),
      added: added.map(text),
      problems: added.length > 0 ? newProblems(p, removeStep(stepId, true)(p)) : [],
    }),
  })
}

/** A transition named by its step, target and kind; 404 when the draft does not have it. */
export function transitionOf(
  p: ServiceProcess,
  from: string,
  ref: { transitionTo: string; transitionKind: TransitionKind },
): Transition {
  const t = p.transitions.find(
    (x) => x.from === from && x.to === ref.transitionTo && x.kind === ref.transitionKind,
  )
  if (!t) throw new NotFoundError('process.transition-not-found', m.transitionNotFound)
  return t
}

/** `GET …/steps/:step/transitions/delete?transitionTo=…&transitionKind=…`. */
export function transitionRemovalResponse(
  c: Context<AppEnv>,
  service: Service,
  draft: ServiceVersion,
  t: Transition,
): Response | Promise<Response> {
  const content = draft.content
  const p = content.process
  const name = stepNamer(p)(t.from)
  const href = stepHref(service.id, t.from)
  return page(c, {
    title: `${m.confirmTitle} ${m.removeTransitionTitle}`,
    breadcrumbs: confirmCrumbs(service, content.title, t.from, name),
    content: transitionRemovalPage({
      csrfToken: c.get('csrfToken'),
      stamp: stampOfDraft(draft),
      serviceTitle: content.title,
      action: `${href}/transitions/delete`,
      cancelHref: href,
      transition: transitionNamer(p)(t),
      to: t.to,
      kind: t.kind,
      problems: newProblems(p, removeTransition(t.from, t.to, t.kind)(p)),
    }),
  })
}

/** `…/steps/:step/transitions/label`: the condition's form, again with its errors when refused. */
export function transitionLabelResponse(
  c: Context<AppEnv>,
  service: Service,
  draft: ServiceVersion,
  t: Transition,
  stamp: DraftStamp,
  form?: FormAgain,
): Response | Promise<Response> {
  const content = draft.content
  const name = stepNamer(content.process)
  const href = stepHref(service.id, t.from)
  const invalid = hasAny(form?.errors ?? {})
  return page(
    c,
    {
      title: `${invalid ? 'خطا: ' : ''}${m.labelHeading}`,
      breadcrumbs: confirmCrumbs(service, content.title, t.from, name(t.from)),
      content: transitionLabelPage({
        csrfToken: c.get('csrfToken'),
        stamp,
        serviceTitle: content.title,
        action: `${href}/transitions/label`,
        backHref: href,
        fromName: name(t.from),
        toName: t.kind === 'return' ? m.returnTo(name(t.to)) : name(t.to),
        to: t.to,
        kind: t.kind,
        values: form?.values ?? { transitionLabel: t.label ?? '' },
        errors: form?.errors ?? {},
      }),
    },
    invalid ? 422 : 200,
  )
}
