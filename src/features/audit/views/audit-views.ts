import { html } from 'hono/html'
import { formatDateTimeFa, toPersianDigits } from '../../../lib/fa/index.ts'
import {
  button,
  buttonGroup,
  dateInput,
  errorListFromFieldErrors,
  errorSummary,
  type FieldErrors,
  fieldError,
  type Html,
  hasErrors,
  pageNavigation,
  select,
  summaryList,
  table,
  textInput,
} from '../../../web/ui/index.ts'
import type { AuditQueryValues } from '../audit.input.ts'
import type { AuditEvent, FieldChange } from '../audit.model.ts'
import type { AuditNames } from '../audit-names.queries.ts'
import { actionLabel, entityLabel, fieldLabel, msg } from '../messages.fa.ts'
import {
  actionCell,
  actorCell,
  agencyCell,
  entityCell,
  entityName,
  entityTypeLabel,
  snapshotsDetails,
} from './audit-cells.ts'

function time(d: Date): Html {
  return html`<time datetime="${d.toISOString()}">${formatDateTimeFa(d)}</time>`
}

export interface AuditIndexView {
  values: AuditQueryValues
  errors: FieldErrors
  entityTypes: string[]
  actions: string[]
  items: AuditEvent[]
  names: AuditNames
  total: number
  page: number
  pageCount: number
  href: (page: number) => string
}

function choices(all: string[], current: string, label: (v: string) => string) {
  const values = current && !all.includes(current) ? [...all, current] : all
  return [
    { value: '', text: msg.any, selected: current === '' },
    ...values.map((v) => ({ value: v, text: label(v), selected: v === current })),
  ]
}

function filterForm(v: AuditIndexView): Html {
  const val = v.values
  return html`<form method="get" action="/admin/audit" novalidate>
    <h2 class="mr-heading-m">${msg.filterHeading}</h2>
    <div class="mr-grid-row">
      <div class="mr-grid-column-one-third">
        ${select({ name: 'entityType', label: { text: msg.entityType }, items: choices(v.entityTypes, val.entityType, entityLabel) })}
      </div>
      <div class="mr-grid-column-one-third">
        ${select({ name: 'action', label: { text: msg.action }, items: choices(v.actions, val.action, actionLabel) })}
      </div>
      <div class="mr-grid-column-one-third">
        ${textInput({ name: 'actor', label: { text: msg.actor }, hint: { text: msg.actorHint }, value: val.actor, dir: 'ltr', spellcheck: false, autocomplete: 'off' })}
      </div>
    </div>
    <div class="mr-grid-row">
      <div class="mr-grid-column-one-half">
        ${dateInput({
          id: 'from',
          fieldset: { legend: { text: msg.from } },
          hint: { text: msg.dateHint },
          values: { day: val['from-day'], month: val['from-month'], year: val['from-year'] },
          errorMessage: fieldError(v.errors, 'from'),
        })}
      </div>
      <div class="mr-grid-column-one-half">
        ${dateInput({
          id: 'to',
          fieldset: { legend: { text: msg.to } },
          hint: { text: msg.dateHint },
          values: { day: val['to-day'], month: val['to-month'], year: val['to-year'] },
          errorMessage: fieldError(v.errors, 'to'),
        })}
      </div>
    </div>
    ${buttonGroup([
      button({ text: msg.show, variant: 'secondary' }),
      html`<a class="mr-link" href="/admin/audit">${msg.clear}</a>`,
    ])}
  </form>`
}

function resultsTable(v: AuditIndexView): Html {
  if (v.items.length === 0) return html`<p class="mr-body">${msg.none}</p>`
  return html`${table({
    caption: msg.total(toPersianDigits(v.total)),
    captionClasses: 'mr-table__caption--m',
    scrollable: true,
    id: 'audit-events',
    classes: 'mr-audit-table',
    head: [
      { text: msg.time },
      { text: msg.actor },
      { text: msg.agency },
      { text: msg.entity },
      { text: msg.action },
      { text: msg.details },
    ],
    rows: v.items.map((e) => [
      { html: time(e.at) },
      { html: actorCell(e, v.names) },
      { html: agencyCell(e.agencyId, v.names) },
      { html: entityCell(e, v.names) },
      { html: actionCell(e.action) },
      {
        html: html`<a class="mr-link" href="/admin/audit/${e.id}">${msg.details}<span class="mr-visually-hidden"> ${msg.detailsOf(toPersianDigits(e.id))}</span></a>${snapshotsDetails(e)}`,
      },
    ]),
  })}
  ${pageNavigation(v.page, v.pageCount, v.href)}`
}

export function auditIndexPage(v: AuditIndexView): Html {
  return html`${
    hasErrors(v.errors)
      ? errorSummary({
          errorList: errorListFromFieldErrors(v.errors, { from: 'from-day', to: 'to-day' }),
        })
      : ''
  }
    <h1 class="mr-heading-l">${msg.indexTitle}</h1>
    <p class="mr-body">${msg.indexLead}</p>
    ${filterForm(v)}
    ${hasErrors(v.errors) ? '' : resultsTable(v)}`
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

/** A snapshot value for people: dates in Jalali, booleans in words, the rest as stored. */
function showValue(value: unknown): Html {
  if (value === null || value === undefined || value === '') return html`${msg.empty}`
  if (typeof value === 'boolean') return html`${value ? msg.yes : msg.no}`
  if (typeof value === 'number') return html`${toPersianDigits(value)}`
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value)) return time(new Date(value))
    return html`<bdi>${value}</bdi>`
  }
  return html`<code dir="ltr">${JSON.stringify(value)}</code>`
}

export interface AuditEventView {
  event: AuditEvent
  names: AuditNames
  changes: FieldChange[]
}

export function auditEventPage(v: AuditEventView): Html {
  const e = v.event
  return html`<span class="mr-caption-l">${msg.detailsOf(toPersianDigits(e.id))}</span>
    <h1 class="mr-heading-l">${msg.eventTitle}</h1>
    ${summaryList({
      rows: [
        { key: { text: msg.time }, value: { html: time(e.at) } },
        { key: { text: msg.actor }, value: { html: actorCell(e, v.names) } },
        { key: { text: msg.entityType }, value: { html: entityTypeLabel(e.entityType) } },
        { key: { text: msg.entity }, value: { html: entityName(e, v.names) } },
        {
          key: { text: msg.entityId },
          value: { html: html`<code dir="ltr">${e.entityId}</code>` },
        },
        { key: { text: msg.action }, value: { html: actionCell(e.action) } },
        ...(e.agencyId
          ? [{ key: { text: msg.agency }, value: { html: agencyCell(e.agencyId, v.names) } }]
          : []),
      ],
    })}
    <h2 class="mr-heading-m">${msg.changes}</h2>
    ${
      v.changes.length === 0
        ? html`<p class="mr-body">${msg.noChanges}</p>`
        : table({
            caption: msg.changes,
            captionClasses: 'mr-visually-hidden',
            firstCellIsHeader: true,
            head: [{ text: msg.field }, { text: msg.before }, { text: msg.after }],
            rows: v.changes.map((ch) => [
              { text: fieldLabel(ch.field) },
              { html: showValue(ch.before) },
              { html: showValue(ch.after) },
            ]),
          })
    }
    <p class="mr-body"><a class="mr-link" href="/admin/audit">${msg.backToList}</a></p>`
}
