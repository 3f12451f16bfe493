import { html } from 'hono/html'
import { toPersianDigits } from '../../../../lib/fa/digits.ts'
import type { FormFields } from '../../../../web/form.ts'
import { formOnceField } from '../../../../web/form-once.ts'
import {
  button,
  errorSummary,
  type FieldErrors,
  fieldError,
  type Html,
  type TableCell,
  table,
  textInput,
} from '../../../../web/ui/index.ts'
import type { ProcessStep, ServiceProcess } from '../../../services/index.ts'
import {
  type DraftStamp,
  fieldValue,
  formErrorSummary,
  formStart,
} from '../../../services/index.ts'
import { ACTOR_LABELS } from '../../messages.fa.ts'
import { stepDurationText } from '../../process.text.ts'
import { processEditorMsg as m, STEP_KIND_SHORT } from '../messages.fa.ts'
import type { ProcessPicture } from '../process-editor.present.ts'
import { previewRegion } from './preview.ts'
import { type StepFormOptions, stepFields } from './step-fields.ts'

export interface ProcessPageView {
  csrfToken: string
  serviceId: string
  serviceTitle: string
  stamp: DraftStamp
  process: ServiceProcess
  picture: ProcessPicture
  add: { values: FormFields; errors: FieldErrors; full: boolean }
  options: StepFormOptions
  variant: { values: FormFields; errors: FieldErrors }
  /** The one-time tokens of the add-step and add-variant forms (web/form-once.ts). */
  once: { step: string; variant: string }
}

export function processHref(serviceId: string): string {
  return `/admin/services/${serviceId}/edit/process`
}

export function stepHref(serviceId: string, stepId: string): string {
  return `${processHref(serviceId)}/steps/${stepId}`
}

/** «۳. صدور گواهی» for step `id`. */
export function stepNamer(p: ServiceProcess): (id: string) => string {
  const at = new Map(p.steps.map((s, i) => [s.id, { n: toPersianDigits(i + 1), title: s.title }]))
  return (id) => {
    const s = at.get(id)
    return s ? m.stepRef(s.n, s.title) : id
  }
}

/** Where a step leads: its normal transitions with their conditions, then its returns. */
function nextCell(p: ServiceProcess, s: ProcessStep, name: (id: string) => string): Html {
  const out = p.transitions.filter((t) => t.from === s.id)
  if (out.length === 0) return html`<span class="mr-secondary-text">${m.ending}</span>`
  const ordered = [
    ...out.filter((t) => t.kind === 'normal'),
    ...out.filter((t) => t.kind !== 'normal'),
  ]
  return html`<ul class="mr-list mr-process-next">${ordered.map(
    (t) =>
      html`<li${t.kind === 'return' ? html` class="mr-process-next__return"` : ''}>${
        t.kind === 'return' ? m.returnTo(name(t.to)) : name(t.to)
      }${t.label ? html` <span class="mr-process-next__label">«${t.label}»</span>` : ''}</li>`,
  )}</ul>`
}

/** A one-button POST form that carries the draft stamp. */
function postButton(
  v: { csrfToken: string; stamp: DraftStamp },
  action: string,
  text: string,
  hidden: string,
  variant: 'secondary' | 'warning',
): Html {
  return html`<form method="post" action="${action}" class="mr-process-actions__form">
    ${formStart(v.csrfToken, v.stamp)}
    ${button({
      html: html`${text}<span class="mr-visually-hidden"> ${hidden}</span>`,
      variant,
      classes: 'mr-button--small',
    })}
  </form>`
}

function actionsCell(v: ProcessPageView, s: ProcessStep, i: number): TableCell {
  const href = stepHref(v.serviceId, s.id)
  const last = v.process.steps.length - 1
  return {
    html: html`<div class="mr-process-actions">
      <a class="mr-link" href="${href}">${m.edit}<span class="mr-visually-hidden"> «${s.title}»</span></a>
      ${i > 0 ? postButton(v, `${href}/up`, m.up, m.moveUpOf(s.title), 'secondary') : ''}
      ${i < last ? postButton(v, `${href}/down`, m.down, m.moveDownOf(s.title), 'secondary') : ''}
      <a class="mr-link" href="${href}/delete">${m.remove}<span class="mr-visually-hidden"> «${s.title}»</span></a>
    </div>`,
  }
}

function stepsTable(v: ProcessPageView): Html {
  const p = v.process
  if (p.steps.length === 0) return html`<p class="mr-body" id="process-empty">${m.noSteps}</p>`
  const name = stepNamer(p)
  const variantLabel = (id: string | null) =>
    id === null ? m.allCases : (p.variants.find((x) => x.id === id)?.label ?? id)
  return table({
    caption: m.stepsCaption,
    captionClasses: 'mr-visually-hidden',
    id: 'process-steps',
    scrollable: true,
    classes: 'mr-process-editor-table',
    head: [
      { text: m.colNumber },
      { text: m.colTitle },
      { text: m.colKind },
      { text: m.colActor },
      { text: m.colTime },
      { text: m.colNext },
      { text: m.colAttendance },
      { text: m.colVariant },
      { text: m.colActions },
    ],
    rows: p.steps.map((s, i) => [
      { text: toPersianDigits(i + 1), format: 'numeric' },
      {
        html: html`${s.title}${s.unit ? html`<br><span class="mr-secondary-text mr-body-s">${s.unit}</span>` : ''}`,
      },
      { text: STEP_KIND_SHORT[s.kind] },
      { text: ACTOR_LABELS[s.actor] },
      { text: s.duration ? stepDurationText(s.duration) : m.noTime },
      { html: nextCell(p, s, name) },
      { text: s.requiresAttendance ? m.attendanceYes : m.attendanceNo },
      { text: variantLabel(s.variantId) },
      actionsCell(v, s, i),
    ]),
  })
}

function problemsSummary(problems: string[]): Html {
  if (problems.length === 0) return html``
  return errorSummary({
    titleText: m.problemsTitle,
    description: { text: m.problemsLead },
    errorList: problems.map((text) => ({ text })),
    attributes: { id: 'process-problems' },
  })
}

function variantsSection(v: ProcessPageView): Html {
  const p = v.process
  const href = processHref(v.serviceId)
  return html`<h2 class="mr-heading-m" id="variants">${m.variantsHeading}</h2>
    <p class="mr-body">${m.variantsLead}</p>
    ${
      p.variants.length === 0
        ? html`<p class="mr-body mr-secondary-text" id="variants-none">${m.variantsNone}</p>`
        : html`<ul class="mr-list mr-process-variants" id="variants-list">${p.variants.map(
            (x) => html`<li class="mr-process-variants__item">
              <span>${x.label} <span class="mr-secondary-text">(${m.variantUsed(toPersianDigits(p.steps.filter((s) => s.variantId === x.id).length))})</span></span>
              ${postButton(v, `${href}/variants/${x.id}/delete`, m.remove, `«${x.label}»`, 'warning')}
            </li>`,
          )}</ul>`
    }
    ${
      p.variants.length >= 20
        ? html`<p class="mr-body">${m.variantsFull}</p>`
        : html`<form method="post" action="${href}/variants" novalidate class="mr-process-variant-form">
          ${formStart(v.csrfToken, v.stamp)}
          ${formOnceField(v.once.variant)}
          ${textInput({
            name: 'variantLabel',
            label: { text: m.variantLabel, classes: 'mr-label--s' },
            value: fieldValue(v.variant.values, 'variantLabel'),
            errorMessage: fieldError(v.variant.errors, 'variantLabel'),
          })}
          ${button({ text: m.addVariant, variant: 'secondary' })}
        </form>`
    }`
}

/** `/admin/services/:id/edit/process`: the steps as a table, the chart, and the add forms. */
export function processPage(v: ProcessPageView): Html {
  const href = processHref(v.serviceId)
  return html`${formErrorSummary({ ...v.add.errors, ...v.variant.errors })}
    ${problemsSummary(v.picture.problems)}
    <span class="mr-caption-l">${v.serviceTitle || 'خدمت بی‌عنوان'}</span>
    <h1 class="mr-heading-l">${m.sectionLabel}</h1>
    <p class="mr-body">${m.pageLead}</p>
    ${stepsTable(v)}
    <div class="mr-grid-row mr-process-editor">
      <div class="mr-grid-column-one-half">
        <h2 class="mr-heading-m" id="add">${m.addHeading}</h2>
        ${
          v.add.full
            ? html`<p class="mr-body">${m.processFull(toPersianDigits(200))}</p>`
            : html`<form method="post" action="${href}/steps" novalidate data-process-preview="add" id="add-step-form">
              ${formStart(v.csrfToken, v.stamp)}
              ${formOnceField(v.once.step)}
              ${stepFields(v.add.values, v.add.errors, v.options)}
              ${button({ text: m.add })}
            </form>`
        }
      </div>
      <div class="mr-grid-column-one-half mr-process-editor__preview">
        ${previewRegion(v.picture, `${href}/preview`)}
      </div>
    </div>
    ${variantsSection(v)}
    <h2 class="mr-heading-m" id="import">${m.importHeading}</h2>
    <p class="mr-body">${m.importLead}</p>
    <form method="post" action="${href}/import" enctype="multipart/form-data" novalidate>
      ${formStart(v.csrfToken, v.stamp)}
      <div class="mr-form-group">
        <label class="mr-label" for="importFile">${m.importLabel}</label>
        <input class="mr-file-upload" id="importFile" name="importFile" type="file" accept=".bpmn,.xml,application/xml,text/xml">
      </div>
      ${button({ text: m.importButton, variant: 'secondary' })}
    </form>
    <p class="mr-body"><a class="mr-link" href="/admin/services/${v.serviceId}">${m.backToService}</a></p>`
}
