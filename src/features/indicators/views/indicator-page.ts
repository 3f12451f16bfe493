import { html } from 'hono/html'
import { formOnceField } from '../../../web/form-once.ts'
import {
  button,
  csrfField,
  dateInput,
  type FieldErrors,
  fieldError,
  type Html,
  insetText,
  radios,
  table,
  textarea,
} from '../../../web/ui/index.ts'
import { formErrorSummary } from '../../services/index.ts'
import type {
  IndicatorDecisionAction,
  IndicatorDefinition,
  IndicatorKind,
  IndicatorState,
} from '../indicator.model.ts'
import type { ValuesSection } from '../indicator-values.read.ts'
import { ACTION_LABELS } from '../messages.fa.ts'
import { pagesMsg as msg } from '../pages.messages.fa.ts'
import {
  day,
  definitionList,
  isoDayFa,
  type ScopeLine,
  stateTag,
  targetsTable,
} from './indicator-common.ts'
import { type ValuesForm, valuesSection } from './values-section.ts'

export interface VersionView {
  id: string
  versionNo: number
  state: IndicatorState
  revision: number
  definition: IndicatorDefinition
  scope: ScopeLine[]
  submittedAt: Date | null
  decidedAt: Date | null
}

export interface HistoryRow {
  versionNo: number
  action: IndicatorDecisionAction
  actorName: string
  at: Date
  comment: string | null
  untilDay: string | null
}

export interface IndicatorPageView {
  csrfToken: string
  /** The one-time token of the «نسخهٔ تازه» form (web/form-once.ts). */
  newVersionOnce: string
  code: string
  kind: IndicatorKind
  /** The proposing agency; null for a general indicator (the centre's). */
  agencyNameFa: string | null
  inForce: VersionView | null
  open: VersionView | null
  history: HistoryRow[]
  can: { edit: boolean; submit: boolean; withdraw: boolean; newVersion: boolean; decide: boolean }
  /** Why a central person sees no decide form on a submitted proposal (their own). */
  decideNote: string | null
  /** Why an agency person sees no actions (not the admin). */
  actionsNote: string | null
  decideForm: { values: Record<string, string>; errors: FieldErrors }
  /** Values of the version in force as this person may see them; null when none is in force. */
  values: ValuesSection | null
  valuesForm: ValuesForm
}

function revisionField(v: VersionView): Html {
  return html`<input type="hidden" name="revision" value="${String(v.revision)}">`
}

function actionForm(
  v: IndicatorPageView,
  open: VersionView,
  path: string,
  text: string,
  variant: 'primary' | 'secondary' | 'warning',
  id: string,
): Html {
  return html`<form method="post" action="/admin/indicators/${v.code}/versions/${open.id}/${path}" novalidate class="mr-indicator-action">
    ${csrfField(v.csrfToken)}${revisionField(open)}
    ${button({ text, variant, id })}
  </form>`
}

function openActions(v: IndicatorPageView, open: VersionView): Html {
  const items: Html[] = []
  if (v.can.edit)
    items.push(
      button({
        text: msg.edit,
        href: `/admin/indicators/${v.code}/edit`,
        variant: 'secondary',
        id: 'edit-proposal',
      }),
    )
  if (v.can.submit)
    items.push(actionForm(v, open, 'submit', msg.submit, 'primary', 'submit-proposal'))
  if (v.can.withdraw)
    items.push(actionForm(v, open, 'withdraw', msg.withdraw, 'warning', 'withdraw-proposal'))
  if (items.length === 0) return v.actionsNote ? insetText({ text: v.actionsNote }) : html``
  return html`<div class="mr-indicator-actions">${items}</div>`
}

function decideForm(v: IndicatorPageView, open: VersionView): Html {
  const e = v.decideForm.errors
  const values = v.decideForm.values
  return html`<h2 class="mr-heading-m" id="decide">${msg.decideTitle}</h2>
    <form method="post" action="/admin/indicators/${v.code}/versions/${open.id}/decide" novalidate id="decide-form">
      ${csrfField(v.csrfToken)}${revisionField(open)}
      ${radios({
        name: 'decision',
        fieldset: { legend: { text: msg.decision, classes: 'mr-fieldset__legend--s' } },
        items: [
          { value: 'approve', text: msg.decisionApprove, hint: { text: msg.decisionApproveHint } },
          { value: 'request_changes', text: msg.decisionRequestChanges },
          { value: 'reject', text: msg.decisionReject },
        ],
        value: values.decision ?? '',
        errorMessage: fieldError(e, 'decision'),
      })}
      ${textarea({
        name: 'comment',
        label: { text: msg.comment, classes: 'mr-label--s' },
        hint: { text: msg.commentHint },
        rows: 4,
        value: values.comment ?? '',
        errorMessage: fieldError(e, 'comment'),
      })}
      ${dateInput({
        id: 'untilDay',
        fieldset: { legend: { text: msg.untilDay, classes: 'mr-fieldset__legend--s' } },
        hint: { text: msg.untilDayHint },
        values: {
          day: values['untilDay-day'] ?? '',
          month: values['untilDay-month'] ?? '',
          year: values['untilDay-year'] ?? '',
        },
        errorMessage: fieldError(e, 'untilDay'),
      })}
      ${button({ text: msg.decide, id: 'decide-submit' })}
    </form>`
}

function versionSection(
  v: IndicatorPageView,
  version: VersionView,
  heading: string,
  id: string,
): Html {
  return html`<section aria-labelledby="${id}-heading" id="${id}" class="mr-indicator-version">
    <h2 class="mr-heading-m" id="${id}-heading">${heading}: ${msg.versionOf(version.versionNo)} ${stateTag(version.state)}</h2>
    <p class="mr-body-s">${version.submittedAt ? html`ارسال: ${day(version.submittedAt)}` : ''}${version.submittedAt && version.decidedAt ? '، ' : ''}${version.decidedAt ? html`تصمیم: ${day(version.decidedAt)}` : ''}</p>
    <h3 class="mr-heading-s">${version.definition.nameFa}</h3>
    ${definitionList(version.definition, version.scope, { methodVersion: version.versionNo })}
    ${targetsTable(version.definition.targets, version.definition.unit, `${id}-targets`)}
    ${version === v.open ? openActions(v, version) : ''}
  </section>`
}

function historyTable(rows: HistoryRow[]): Html {
  if (rows.length === 0) return html`<p class="mr-body" id="decision-history">${msg.noHistory}</p>`
  return table({
    caption: msg.history,
    captionClasses: 'mr-table__caption--m',
    id: 'decision-history',
    scrollable: true,
    head: [
      { text: 'تاریخ' },
      { text: 'نسخه' },
      { text: 'رویداد' },
      { text: 'به دست' },
      { text: 'توضیح' },
      { text: 'تا تاریخ' },
    ],
    rows: rows.map((r) => [
      { html: day(r.at) },
      { text: msg.versionOf(r.versionNo) },
      { text: ACTION_LABELS[r.action] },
      { text: r.actorName },
      {
        html: r.comment
          ? html`<span class="mr-indicator-text">${r.comment}</span>`
          : html`${msg.none}`,
      },
      { html: r.untilDay ? isoDayFa(r.untilDay) : html`${msg.none}` },
    ]),
  })
}

/** One indicator for staff: the version in force, the open proposal, actions and history. */
export function indicatorPage(v: IndicatorPageView): Html {
  const errors = { ...v.decideForm.errors, ...v.valuesForm.errors }
  const name = v.open?.definition.nameFa ?? v.inForce?.definition.nameFa ?? v.code
  const owner = v.agencyNameFa ?? msg.centralBody
  return html`${formErrorSummary(errors, { decision: '#decision', untilDay: '#untilDay-day', evidence: '#evidenceNote' })}
    <span class="mr-caption-l"><span dir="ltr">${v.code}</span> · ${v.kind === 'general' ? msg.general : msg.specific} · ${owner}</span>
    <h1 class="mr-heading-l">${name}</h1>
    ${v.inForce ? versionSection(v, v.inForce, msg.inForce, 'in-force') : insetText({ text: msg.noInForce })}
    ${
      v.can.newVersion
        ? html`<form method="post" action="/admin/indicators/${v.code}/new-version" novalidate>
        ${csrfField(v.csrfToken)}
        ${formOnceField(v.newVersionOnce)}
        <p class="mr-body">${msg.newVersionHint}</p>
        ${button({ text: msg.newVersion, variant: 'secondary', id: 'new-version' })}
      </form>`
        : ''
    }
    ${v.values ? valuesSection(v.code, name, v.values, v.csrfToken, v.valuesForm) : ''}
    ${v.open ? versionSection(v, v.open, msg.openProposal, 'open-proposal') : ''}
    ${v.open?.state === 'submitted' && v.can.decide ? decideForm(v, v.open) : ''}
    ${v.open?.state === 'submitted' && v.decideNote ? insetText({ text: v.decideNote }) : ''}
    ${historyTable(v.history)}`
}
