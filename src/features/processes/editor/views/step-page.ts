import { html } from 'hono/html'
import { toPersianDigits } from '../../../../lib/fa/digits.ts'
import type { FormFields } from '../../../../web/form.ts'
import { formOnceField } from '../../../../web/form-once.ts'
import {
  button,
  type FieldErrors,
  fieldError,
  type Html,
  radios,
  select,
  table,
  textInput,
} from '../../../../web/ui/index.ts'
import {
  type DraftStamp,
  fieldValue,
  formErrorSummary,
  formStart,
  type ServiceProcess,
  TRANSITION_KINDS,
  type Transition,
} from '../../../services/index.ts'
import { processEditorMsg as m, TRANSITION_KIND_LABELS } from '../messages.fa.ts'
import type { ProcessPicture } from '../process-editor.present.ts'
import { previewRegion } from './preview.ts'
import { processHref, stepHref, stepNamer } from './process-page.ts'
import { type StepFormOptions, stepFields } from './step-fields.ts'

export interface StepPageView {
  csrfToken: string
  serviceId: string
  serviceTitle: string
  stamp: DraftStamp
  /** The saved process (the transitions shown are the saved ones). */
  process: ServiceProcess
  stepId: string
  values: FormFields
  errors: FieldErrors
  options: StepFormOptions
  picture: ProcessPicture
  transition: { values: FormFields; errors: FieldErrors }
  /** The one-time token of the add-transition form (web/form-once.ts). */
  transitionOnce: string
}

const label = (text: string) => ({ text, classes: 'mr-label--s' })

function transitionsTable(v: StepPageView, name: (id: string) => string): Html {
  const out = v.process.transitions.filter((t) => t.from === v.stepId)
  if (out.length === 0)
    return html`<p class="mr-body" id="transitions-none">${m.transitionsNone}</p>`
  const href = `${stepHref(v.serviceId, v.stepId)}/transitions`
  const query = (t: Transition) =>
    new URLSearchParams({ transitionTo: t.to, transitionKind: t.kind }).toString()
  return table({
    caption: m.transitionsCaption,
    captionClasses: 'mr-visually-hidden',
    id: 'step-transitions',
    head: [
      { text: m.colTarget },
      { text: m.colCondition },
      { text: m.colTransitionKind },
      { text: m.colActions },
    ],
    rows: out.map((t) => [
      { text: name(t.to) },
      { text: t.label ?? m.noCondition },
      { text: TRANSITION_KIND_LABELS[t.kind] },
      {
        // Both open a page: the condition's form, or the question before removing.
        html: html`<div class="mr-process-actions">
          <a class="mr-link" href="${href}/label?${query(t)}">${m.editLabel}<span class="mr-visually-hidden"> ${m.editLabelOf(name(t.to))}</span></a>
          <a class="mr-link" href="${href}/delete?${query(t)}">${m.remove}<span class="mr-visually-hidden"> ${m.removeTransitionOf(name(t.to))}</span></a>
        </div>`,
      },
    ]),
  })
}

function incoming(v: StepPageView, name: (id: string) => string): Html {
  const into = v.process.transitions.filter((t) => t.to === v.stepId)
  return html`<h3 class="mr-heading-s">${m.incomingHeading}</h3>
    ${
      into.length === 0
        ? html`<p class="mr-body" id="incoming-none">${m.incomingNone}</p>`
        : html`<ul class="mr-list mr-list--bullet" id="incoming">${into.map(
            (t) =>
              html`<li><a class="mr-link" href="${stepHref(v.serviceId, t.from)}">${name(t.from)}</a>${t.label ? ` «${t.label}»` : ''}${t.kind === 'return' ? ` (${TRANSITION_KIND_LABELS.return})` : ''}</li>`,
          )}</ul>`
    }`
}

function addTransitionForm(v: StepPageView, name: (id: string) => string): Html {
  const targets = v.process.steps.filter((s) => s.id !== v.stepId)
  if (targets.length === 0) return html``
  const tv = v.transition.values
  const te = v.transition.errors
  return html`<h3 class="mr-heading-s" id="add-transition">${m.addTransitionHeading}</h3>
    <form method="post" action="${stepHref(v.serviceId, v.stepId)}/transitions" novalidate>
      ${formStart(v.csrfToken, v.stamp)}
      ${formOnceField(v.transitionOnce)}
      ${select({
        name: 'transitionTo',
        label: label(m.transitionTo),
        value: fieldValue(tv, 'transitionTo'),
        errorMessage: fieldError(te, 'transitionTo'),
        items: [
          { value: '', text: m.chooseOne },
          ...targets.map((s) => ({ value: s.id, text: name(s.id) })),
        ],
      })}
      ${textInput({
        name: 'transitionLabel',
        label: label(m.transitionLabel),
        hint: { text: m.transitionLabelHint },
        value: fieldValue(tv, 'transitionLabel'),
        errorMessage: fieldError(te, 'transitionLabel'),
      })}
      ${radios({
        name: 'transitionKind',
        fieldset: { legend: { text: m.transitionKind, classes: 'mr-fieldset__legend--s' } },
        value: fieldValue(tv, 'transitionKind') || 'normal',
        errorMessage: fieldError(te, 'transitionKind'),
        items: TRANSITION_KINDS.map((k) => ({ value: k, text: TRANSITION_KIND_LABELS[k] })),
      })}
      ${button({ text: m.addTransition, variant: 'secondary' })}
    </form>`
}

/** `/admin/services/:id/edit/process/steps/:stepId`: a step's fields and its transitions. */
export function stepPage(v: StepPageView): Html {
  const href = stepHref(v.serviceId, v.stepId)
  const name = stepNamer(v.process)
  const number = v.process.steps.findIndex((s) => s.id === v.stepId) + 1
  return html`${formErrorSummary({ ...v.errors, ...v.transition.errors })}
    <span class="mr-caption-l">${number > 0 ? `${m.stepCaption(toPersianDigits(number))} — ` : ''}${v.serviceTitle || 'خدمت بی‌عنوان'}</span>
    <h1 class="mr-heading-l">${m.editHeading}</h1>
    <div class="mr-grid-row mr-process-editor">
      <div class="mr-grid-column-one-half">
        <form method="post" action="${href}" novalidate data-process-preview="edit" id="edit-step-form">
          ${formStart(v.csrfToken, v.stamp)}
          <input type="hidden" name="step" value="${v.stepId}">
          ${stepFields(v.values, v.errors, v.options)}
          ${button({ text: m.save })}
        </form>
      </div>
      <div class="mr-grid-column-one-half mr-process-editor__preview">
        ${previewRegion(v.picture, `${processHref(v.serviceId)}/preview`)}
      </div>
    </div>
    <h2 class="mr-heading-m" id="transitions">${m.transitionsHeading}</h2>
    <p class="mr-body">${m.transitionsLead}</p>
    ${transitionsTable(v, name)}
    ${addTransitionForm(v, name)}
    ${incoming(v, name)}
    <p class="mr-body"><a class="mr-link" href="${processHref(v.serviceId)}">${m.backToProcess}</a></p>`
}
