import { html } from 'hono/html'
import type { FormFields } from '../../../web/form.ts'
import { button, csrfField, type Html, warningText } from '../../../web/ui/index.ts'
import { pagesMsg as msg } from '../pages.messages.fa.ts'

/** A field where what is saved now and what the person typed differ. */
export interface ConflictChange {
  label: string
  current: string
  mine: string
}

export interface ConflictView {
  csrfToken: string
  code: string
  /** Why the action failed (the action's own message). */
  reason: string
  /** For a refused save of a still editable version: resubmit on top of the version now saved. */
  resubmit: { action: string; revision: number; fields: FormFields } | null
  changes: ConflictChange[]
}

function hiddenFields(fields: FormFields): Html {
  return html`${Object.entries(fields).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map(
      (v) => html`<input type="hidden" name="${name}" value="${v}">`,
    ),
  )}`
}

function changesTable(changes: ConflictChange[]): Html {
  if (changes.length === 0) return html``
  return html`<div class="mr-table-wrapper" role="region" tabindex="0" aria-labelledby="conflict-changes-caption">
    <table class="mr-table" id="conflict-changes">
    <caption class="mr-table__caption mr-table__caption--s" id="conflict-changes-caption">${msg.conflictCaption}</caption>
    <thead class="mr-table__head"><tr class="mr-table__row">
      <th scope="col" class="mr-table__header">${msg.conflictField}</th>
      <th scope="col" class="mr-table__header">${msg.conflictCurrent}</th>
      <th scope="col" class="mr-table__header">${msg.conflictMine}</th>
    </tr></thead>
    <tbody class="mr-table__body">${changes.map(
      (c) => html`<tr class="mr-table__row">
        <th scope="row" class="mr-table__header">${c.label}</th>
        <td class="mr-table__cell"><span class="mr-indicator-text">${c.current}</span></td>
        <td class="mr-table__cell"><span class="mr-indicator-text">${c.mine}</span></td>
      </tr>`,
    )}</tbody></table></div>`
}

/** 409: the proposal changed after the page was loaded. What the person typed is not lost. */
export function conflictPage(v: ConflictView): Html {
  return html`<span class="mr-caption-l" dir="ltr">${v.code}</span>
    <h1 class="mr-heading-l">${msg.conflictTitle}</h1>
    ${warningText({ text: `${msg.conflictLead} ${v.reason}` })}
    ${changesTable(v.changes)}
    ${
      v.resubmit
        ? html`<form method="post" action="${v.resubmit.action}" id="conflict-resubmit" novalidate>
        ${csrfField(v.csrfToken)}
        <input type="hidden" name="revision" value="${String(v.resubmit.revision)}">
        ${hiddenFields(v.resubmit.fields)}
        <div class="mr-button-group">
          ${button({ text: msg.conflictApply })}
          <a class="mr-link" href="/admin/indicators/${v.code}">${msg.conflictBack}</a>
        </div>
      </form>`
        : html`<p class="mr-body"><a class="mr-link" href="/admin/indicators/${v.code}">${msg.conflictBack}</a></p>`
    }`
}
