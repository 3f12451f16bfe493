import { html } from 'hono/html'
import type { EvaluationStatus, ObjectionStatus } from '../../../db/schema.ts'
import { toPersianDigits } from '../../../lib/fa/index.ts'
import { formOnceField } from '../../../web/form-once.ts'
import {
  button,
  csrfField,
  details,
  errorListFromFieldErrors,
  errorSummary,
  type FieldErrors,
  fieldError,
  type Html,
  hasErrors,
  insetText,
  radios,
  summaryList,
  type TagColour,
  table,
  tag,
  textarea,
  textInput,
} from '../../../web/ui/index.ts'
import { staffMsg as msg } from '../evaluation-staff.messages.fa.ts'
import { statusTag } from './evaluation-staff-overview.ts'

/** `/admin/evaluation/{period}`: the centre's objections and correction, an agency's scorecard. */

export interface SnapshotInfoView {
  status: EvaluationStatus
  seq: number
  methodVersion: number
  computedAt: string
  publishedAt: string | null
  objectionsUntil: string | null
  inputsDigest: string
  noteFa: string | null
}

export interface ObjectionView {
  id: string
  agencyName: string
  componentName: string
  reasonFa: string
  lodgedAt: string
  status: ObjectionStatus
  answerFa: string | null
  corrected: string | null
  applied: boolean
}

export interface ComponentRowView {
  key: string
  nameFa: string
  weight: string
  value: string
  n: string
  score: string
}

export interface ScorecardView {
  components: ComponentRowView[]
  score: string
  rank: string
}

/** A form on the page: its fresh one-time token, and what was typed and refused, if anything. */
export interface FormState {
  onceToken: string
  values: Record<string, string>
  errors: FieldErrors
}

export interface CentralPeriodView {
  csrfToken: string
  period: string
  snapshot: SnapshotInfoView
  earlier: SnapshotInfoView[]
  objections: ObjectionView[]
  /** Per open objection, its answer form. */
  answerForms: Record<string, FormState>
  pendingAccepted: number
  correction: FormState
  errors: FieldErrors
}

export interface ObjectFormView {
  key: string
  nameFa: string
  /** The agency already waits for an answer on this component. */
  waiting: boolean
  form: FormState
}

export interface AgencyPeriodPageView {
  csrfToken: string
  period: string
  agencyName: string
  snapshot: SnapshotInfoView
  card: ScorecardView | null
  /** The window's end, in Jalali; null for a provisional evaluation. */
  until: string | null
  windowOpen: boolean
  objectForms: ObjectFormView[]
  objections: ObjectionView[]
  errors: FieldErrors
}

const OBJECTION_COLOUR: Record<ObjectionStatus, TagColour> = {
  open: 'yellow',
  accepted: 'green',
  rejected: 'red',
}

function objectionStatus(o: ObjectionView): Html {
  const text =
    o.status === 'accepted' ? (o.applied ? msg.appliedIn : msg.acceptedPending) : undefined
  return html`${tag({ text: msg.objectionStatus[o.status], colour: OBJECTION_COLOUR[o.status] })}${
    text ? html` <span class="mr-hint-inline">${text}</span>` : ''
  }`
}

function snapshotSummary(s: SnapshotInfoView, id: string): Html {
  return summaryList({
    attributes: { id },
    rows: [
      { key: { text: msg.col.status }, value: { html: statusTag(s.status, s.seq) } },
      { key: { text: msg.col.method }, value: { text: toPersianDigits(s.methodVersion) } },
      { key: { text: msg.col.computed }, value: { text: s.computedAt } },
      { key: { text: msg.col.published }, value: { text: s.publishedAt ?? msg.none } },
      { key: { text: msg.col.until }, value: { text: s.objectionsUntil ?? msg.none } },
      {
        key: { text: msg.col.digest },
        value: { html: html`<code><bdi dir="ltr">${s.inputsDigest}</bdi></code>` },
      },
      ...(s.noteFa ? [{ key: { text: msg.note }, value: { text: s.noteFa } }] : []),
    ],
  })
}

function objectionsTable(rows: ObjectionView[], withAgency: boolean, id: string): Html {
  if (rows.length === 0) return html`<p class="mr-body" id="${id}">${msg.noObjections}</p>`
  return table({
    id,
    scrollable: true,
    caption: withAgency ? msg.objectionsHeading : msg.ownObjectionsHeading,
    captionClasses: 'mr-visually-hidden',
    head: [
      ...(withAgency ? [{ text: msg.col.agency }] : []),
      { text: msg.col.component },
      { text: msg.col.reason },
      { text: msg.col.lodged },
      { text: msg.col.status },
      { text: msg.col.answer },
    ],
    rows: rows.map((o) => [
      ...(withAgency ? [{ text: o.agencyName }] : []),
      { text: o.componentName },
      { text: o.reasonFa },
      { text: o.lodgedAt },
      { html: objectionStatus(o) },
      {
        html: html`${o.answerFa ?? msg.none}${o.corrected ? html`<br><span class="mr-hint-inline">${o.corrected}</span>` : ''}`,
      },
    ]),
  })
}

function answerForm(csrfToken: string, o: ObjectionView, f: FormState): Html {
  const v = (k: string) => f.values[k] ?? ''
  const id = (k: string) => `${k}-${o.id}`
  return html`<section class="mr-section" aria-labelledby="${id('answer-heading')}">
    <h3 class="mr-heading-s" id="${id('answer-heading')}">${msg.answerHeading(o.agencyName, o.componentName)}</h3>
    <p class="mr-body">${o.reasonFa}</p>
    <form method="post" action="/admin/evaluation/objections/${o.id}/answer" id="${id('answer-form')}" novalidate>
      ${csrfField(csrfToken)}
      ${formOnceField(f.onceToken)}
      ${radios({
        name: 'decision',
        idPrefix: id('decision'),
        fieldset: { legend: { text: msg.decision, classes: 'mr-fieldset__legend--s' } },
        value: v('decision'),
        errorMessage: fieldError(f.errors, id('decision')),
        items: [
          { value: 'accept', text: msg.accept, hint: { text: msg.acceptHint } },
          { value: 'reject', text: msg.reject },
        ],
      })}
      ${textInput({
        name: 'correctedValue',
        id: id('correctedValue'),
        label: { text: msg.correctedValue, classes: 'mr-label--s' },
        hint: { text: msg.correctedValueHint },
        classes: 'mr-input--width-10',
        inputmode: 'decimal',
        value: v('correctedValue'),
        errorMessage: fieldError(f.errors, id('correctedValue')),
      })}
      ${textInput({
        name: 'correctedN',
        id: id('correctedN'),
        label: { text: msg.correctedN, classes: 'mr-label--s' },
        classes: 'mr-input--width-5',
        inputmode: 'numeric',
        value: v('correctedN'),
        errorMessage: fieldError(f.errors, id('correctedN')),
      })}
      ${textarea({
        name: 'answerFa',
        id: id('answerFa'),
        label: { text: msg.answerText, classes: 'mr-label--s' },
        rows: 3,
        value: v('answerFa'),
        errorMessage: fieldError(f.errors, id('answerFa')),
      })}
      ${button({ text: msg.answerButton, variant: 'secondary' })}
    </form>
  </section>`
}

function correctionForm(v: CentralPeriodView): Html {
  if (v.pendingAccepted === 0) return html``
  const f = v.correction
  return html`<h2 class="mr-heading-m" id="correction-heading">${msg.correctionHeading}</h2>
    <p class="mr-body">${msg.correctionLead(v.pendingAccepted)}</p>
    <form method="post" action="/admin/evaluation/${v.period}/correction" id="correction-form" novalidate>
      ${csrfField(v.csrfToken)}
      ${formOnceField(f.onceToken)}
      ${textarea({
        name: 'noteFa',
        label: { text: msg.correctionNote, classes: 'mr-label--s' },
        hint: { text: msg.correctionNoteHint },
        rows: 3,
        value: f.values.noteFa ?? '',
        errorMessage: fieldError(f.errors, 'noteFa'),
      })}
      ${button({ text: msg.correctionButton })}
    </form>`
}

/** The error summary; an error whose field is not on the page (it was answered meanwhile) links nowhere. */
function summaryOf(errors: FieldErrors, onPage: (id: string) => boolean): Html {
  if (!hasErrors(errors)) return html``
  const errorList = errorListFromFieldErrors(errors).map((item) =>
    item.href && onPage(item.href.slice(1)) ? item : { text: item.text },
  )
  return errorSummary({ errorList })
}

export function centralPeriodPage(v: CentralPeriodView): Html {
  const open = v.objections.filter((o) => o.status === 'open')
  const ids = new Set(
    open.flatMap((o) =>
      ['decision', 'correctedValue', 'correctedN', 'answerFa'].map((k) => `${k}-${o.id}`),
    ),
  )
  if (v.pendingAccepted > 0) ids.add('noteFa')
  return html`${summaryOf(v.errors, (id) => ids.has(id))}<h1 class="mr-heading-l">${msg.periodTitle(v.period)}</h1>
    <p class="mr-body"><a class="mr-link" href="/evaluation/${v.period}">${msg.links.publicPage}</a></p>
    <h2 class="mr-heading-m">${msg.snapshotHeading}</h2>
    ${snapshotSummary(v.snapshot, 'snapshot-in-force')}
    ${correctionForm(v)}
    <h2 class="mr-heading-m" id="objections-heading">${msg.objectionsHeading}</h2>
    ${objectionsTable(v.objections, true, 'objections')}
    ${open.map((o) => answerForm(v.csrfToken, o, v.answerForms[o.id] ?? { onceToken: '', values: {}, errors: {} }))}
    ${
      v.earlier.length > 0
        ? html`<h2 class="mr-heading-m">${msg.earlierHeading}</h2>
          ${v.earlier.map((s, i) => snapshotSummary(s, `earlier-${i + 1}`))}`
        : ''
    }`
}

function scorecardTable(period: string, card: ScorecardView): Html {
  return html`${table({
    id: 'scorecard',
    scrollable: true,
    caption: msg.scorecardCaption(period),
    captionClasses: 'mr-table__caption--m',
    firstCellIsHeader: true,
    head: [
      { text: msg.col.component },
      { text: msg.col.weight, format: 'numeric' },
      { text: msg.col.value, format: 'numeric' },
      { text: msg.col.n, format: 'numeric' },
      { text: msg.col.score },
    ],
    rows: card.components.map((c) => [
      { text: c.nameFa },
      { text: c.weight, format: 'numeric' },
      { text: c.value, format: 'numeric' },
      { text: c.n, format: 'numeric' },
      { text: c.score },
    ]),
  })}
  ${summaryList({
    attributes: { id: 'scorecard-total' },
    rows: [
      { key: { text: msg.total }, value: { text: card.score } },
      { key: { text: msg.col.rank }, value: { text: card.rank } },
    ],
  })}`
}

function objectForm(csrfToken: string, period: string, f: ObjectFormView): Html {
  const id = `reason-${f.key}`
  const body = f.waiting
    ? html`<p class="mr-body">${msg.objectionOpen}</p>`
    : html`<form method="post" action="/admin/evaluation/${period}/objections" id="object-${f.key}" novalidate>
        ${csrfField(csrfToken)}
        ${formOnceField(f.form.onceToken)}
        <input type="hidden" name="component" value="${f.key}">
        ${textarea({
          name: 'reasonFa',
          id,
          label: { text: msg.objectReason, classes: 'mr-label--s' },
          hint: { text: msg.objectReasonHint },
          rows: 4,
          value: f.form.values.reasonFa ?? '',
          errorMessage: fieldError(f.form.errors, id),
        })}
        ${button({ text: msg.objectButton(f.nameFa), variant: 'secondary' })}
      </form>`
  return details({
    id: `objection-${f.key}`,
    summaryText: msg.objectSummary(f.nameFa),
    open: hasErrors(f.form.errors),
    html: body,
  })
}

export function agencyPeriodPage(v: AgencyPeriodPageView): Html {
  const window =
    v.until === null
      ? insetText({ text: msg.provisionalNote, id: 'objection-window' })
      : insetText({
          id: 'objection-window',
          text: v.windowOpen ? msg.windowOpen(v.until) : msg.windowClosed(v.until),
        })
  const ids = new Set(
    v.windowOpen && v.card
      ? v.objectForms.filter((f) => !f.waiting).map((f) => `reason-${f.key}`)
      : [],
  )
  return html`${summaryOf(v.errors, (id) => ids.has(id))}<h1 class="mr-heading-l">${msg.periodTitle(v.period)}</h1>
    <p class="mr-body-l">${v.agencyName}</p>
    ${snapshotSummary(v.snapshot, 'snapshot-in-force')}
    ${v.card ? scorecardTable(v.period, v.card) : html`<p class="mr-body">${msg.agencyNoCard}</p>`}
    ${window}
    ${
      v.windowOpen && v.card
        ? html`<h2 class="mr-heading-m" id="object-heading">${msg.objectHeading}</h2>
          ${v.objectForms.map((f) => objectForm(v.csrfToken, v.period, f))}`
        : ''
    }
    <h2 class="mr-heading-m" id="own-objections-heading">${msg.ownObjectionsHeading}</h2>
    ${objectionsTable(v.objections, false, 'own-objections')}`
}
