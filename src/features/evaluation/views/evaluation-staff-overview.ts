import { html } from 'hono/html'
import type { EvaluationStatus } from '../../../db/schema.ts'
import { formatNumberFa, toPersianDigits } from '../../../lib/fa/index.ts'
import { formOnceField } from '../../../web/form-once.ts'
import {
  button,
  csrfField,
  errorListFromFieldErrors,
  errorSummary,
  type FieldErrors,
  fieldError,
  type Html,
  hasErrors,
  insetText,
  select,
  type TagColour,
  table,
  tag,
  warningText,
} from '../../../web/ui/index.ts'
import { staffMsg as msg } from '../evaluation-staff.messages.fa.ts'

/** `/admin/evaluation` for the centre and for an agency admin, and the «آیا مطمئن هستید؟» page. */

const STATUS_COLOUR: Record<EvaluationStatus, TagColour> = {
  provisional: 'yellow',
  published: 'green',
  corrected: 'blue',
}

export function statusTag(status: EvaluationStatus, seq: number): Html {
  return tag({ text: `${msg.status[status]}${msg.seq(seq)}`, colour: STATUS_COLOUR[status] })
}

export interface SnapshotRowView {
  period: string
  status: EvaluationStatus
  seq: number
  methodVersion: number
  computedAt: string
  publishedAt: string | null
  objectionsUntil: string | null
  agencies: number
  inputsDigest: string
}

export interface CentralOverviewView {
  csrfToken: string
  canEditMethod: boolean
  snapshots: SnapshotRowView[]
  /** Ended years not yet closed, newest first. */
  closable: string[]
  closeValue: string
  errors: FieldErrors
  currentYear: number
}

export interface AgencyPeriodView {
  period: string
  status: EvaluationStatus
  seq: number
  score: number | null
  rank: number | null
  objectionsUntil: string | null
  windowOpen: boolean
  inEvaluation: boolean
}

export interface AgencyOverviewView {
  agencyName: string
  periods: AgencyPeriodView[]
}

function links(canEditMethod: boolean): Html {
  return html`<ul class="mr-list" id="evaluation-links">
    <li><a class="mr-link" href="${canEditMethod ? '/admin/evaluation/method' : '/evaluation/method'}">${canEditMethod ? msg.links.editMethod : msg.links.method}</a></li>
    <li><a class="mr-link" href="/evaluation">${msg.links.publicPage}</a></li>
    <li><a class="mr-link" href="/compliance">${msg.links.compliance}</a></li>
  </ul>`
}

function snapshotsTable(rows: SnapshotRowView[]): Html {
  if (rows.length === 0) return html`<p class="mr-body" id="no-periods">${msg.noPeriods}</p>`
  return table({
    caption: msg.periodsCaption,
    captionClasses: 'mr-table__caption--m',
    scrollable: true,
    id: 'evaluation-periods',
    firstCellIsHeader: true,
    head: [
      { text: msg.col.period },
      { text: msg.col.status },
      { text: msg.col.method, format: 'numeric' },
      { text: msg.col.computed },
      { text: msg.col.published },
      { text: msg.col.until },
      { text: msg.col.agencies, format: 'numeric' },
      { text: msg.col.digest },
    ],
    rows: rows.map((r) => [
      {
        html: html`<a class="mr-link" href="/admin/evaluation/${r.period}">${toPersianDigits(r.period)}</a>`,
      },
      { html: statusTag(r.status, r.seq) },
      { text: toPersianDigits(r.methodVersion), format: 'numeric' },
      { text: r.computedAt },
      { text: r.publishedAt ?? msg.none },
      { text: r.objectionsUntil ?? msg.none },
      { text: formatNumberFa(r.agencies), format: 'numeric' },
      {
        html: html`<code><bdi dir="ltr" title="${r.inputsDigest}">${r.inputsDigest.slice(0, 12)}…</bdi></code>`,
      },
    ]),
  })
}

function closeForm(v: CentralOverviewView): Html {
  const body =
    v.closable.length === 0
      ? html`<p class="mr-body" id="nothing-to-close">${msg.nothingToClose}</p>`
      : html`<form method="get" action="/admin/evaluation/close" id="close-form" novalidate>
          ${select({
            name: 'period',
            label: { text: msg.closeYear, classes: 'mr-label--s' },
            hint: { text: msg.closeYearHint },
            items: v.closable.map((p) => ({ value: p, text: toPersianDigits(p) })),
            value: v.closeValue || v.closable[0],
            errorMessage: fieldError(v.errors, 'period'),
          })}
          ${button({ text: msg.closeButton, variant: 'warning' })}
        </form>`
  return html`<h2 class="mr-heading-m" id="close-heading">${msg.closeHeading}</h2>
    <p class="mr-body">${msg.closeLead}</p>
    ${body}`
}

function refreshForm(v: CentralOverviewView): Html {
  return html`<h2 class="mr-heading-m" id="refresh-heading">${msg.refreshHeading}</h2>
    <p class="mr-body">${msg.refreshLead(v.currentYear)}</p>
    <form method="post" action="/admin/evaluation/refresh" id="refresh-form" novalidate>
      ${csrfField(v.csrfToken)}
      ${button({ text: msg.refreshButton, variant: 'secondary' })}
    </form>`
}

export function centralOverviewPage(v: CentralOverviewView): Html {
  return html`${
    hasErrors(v.errors) ? errorSummary({ errorList: errorListFromFieldErrors(v.errors) }) : ''
  }<h1 class="mr-heading-l">${msg.title}</h1>
    <p class="mr-body">${msg.centralLead}</p>
    ${links(v.canEditMethod)}
    ${snapshotsTable(v.snapshots)}
    ${closeForm(v)}
    ${refreshForm(v)}`
}

export function agencyOverviewPage(v: AgencyOverviewView): Html {
  const body =
    v.periods.length === 0
      ? html`<p class="mr-body" id="no-periods">${msg.noPeriods}</p>`
      : table({
          caption: msg.agencyPeriodsCaption,
          captionClasses: 'mr-table__caption--m',
          scrollable: true,
          id: 'agency-periods',
          firstCellIsHeader: true,
          head: [
            { text: msg.col.period },
            { text: msg.col.status },
            { text: msg.total, format: 'numeric' },
            { text: msg.col.rank, format: 'numeric' },
            { text: msg.col.until },
            { text: msg.col.scorecard },
          ],
          rows: v.periods.map((p) => [
            { text: toPersianDigits(p.period) },
            { html: statusTag(p.status, p.seq) },
            {
              text: p.inEvaluation ? msg.score(p.score) : msg.agencyNoCard,
              format: 'numeric',
            },
            { text: msg.rank(p.rank), format: 'numeric' },
            { text: p.objectionsUntil ?? msg.none },
            {
              html: html`<a class="mr-link" href="/admin/evaluation/${p.period}">${msg.links.openScorecard(p.period)}</a>`,
            },
          ]),
        })
  return html`<h1 class="mr-heading-l">${msg.agencyTitle}</h1>
    <p class="mr-body-l">${v.agencyName}</p>
    <p class="mr-body">${msg.agencyLead}</p>
    ${links(false)}
    ${body}`
}

export interface ConfirmView {
  csrfToken: string
  onceToken: string
  period: string
  method: { version: number; nameFa: string }
}

/** The confirmation a close needs, as its own page, so it works without JavaScript. */
export function confirmClosePage(v: ConfirmView): Html {
  return html`<h1 class="mr-heading-l">${msg.confirmTitle}</h1>
    ${warningText({ text: msg.confirmText(v.period) })}
    ${insetText({ text: msg.confirmMethod(v.method.version, v.method.nameFa) })}
    <form method="post" action="/admin/evaluation/close" id="confirm-close-form" novalidate>
      ${csrfField(v.csrfToken)}
      ${formOnceField(v.onceToken)}
      <input type="hidden" name="period" value="${v.period}">
      <div class="mr-button-group">
        ${button({ text: msg.confirmButton(v.period), variant: 'warning' })}
        <a class="mr-link" href="/admin/evaluation">${msg.cancel}</a>
      </div>
    </form>`
}
