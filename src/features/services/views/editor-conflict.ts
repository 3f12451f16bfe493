import { html } from 'hono/html'
import { formatDateTimeFa } from '../../../lib/fa/format-date.ts'
import type { FormFields } from '../../../web/form.ts'
import { button, type Html, warningText } from '../../../web/ui/index.ts'
import { editorMsg as em } from '../messages.fa.ts'
import type { FieldChange } from '../service.text.ts'
import { type DraftStamp, formStart, hiddenFields } from './editor-common.ts'

export interface ConflictView {
  csrfToken: string
  serviceTitle: string
  sectionLabel: string
  /** Where the editor's form was posted; the resubmit form posts there again. */
  action: string
  /** The editor the person came from, which now loads the saved version. */
  backHref: string
  /** When the version that won was saved. */
  savedAt: Date
  /** The draft as it is now: resubmitting against it applies the person's change. */
  current: DraftStamp
  /** What the person submitted (without the draft stamp), carried in hidden fields. */
  fields: FormFields
  /** Fields where the saved version and the person's change differ. */
  changes: FieldChange[]
}

function lines(items: string[]): Html {
  if (items.length === 0) return html`<span class="mr-secondary-text">—</span>`
  if (items.length === 1) return html`${items[0]}`
  return html`<ul class="mr-list mr-list--bullet">${items.map((i) => html`<li>${i}</li>`)}</ul>`
}

function changesTable(changes: FieldChange[]): Html {
  if (changes.length === 0) return html`<p class="mr-body">${em.conflictSame}</p>`
  return html`<table class="mr-table mr-diff" id="conflict-changes">
    <caption class="mr-table__caption mr-table__caption--s">${em.conflictCaption}</caption>
    <thead class="mr-table__head"><tr class="mr-table__row">
      <th scope="col" class="mr-table__header">${em.conflictField}</th>
      <th scope="col" class="mr-table__header">${em.conflictCurrent}</th>
      <th scope="col" class="mr-table__header">${em.conflictMine}</th>
    </tr></thead>
    <tbody class="mr-table__body">${changes.map(
      (c) => html`<tr class="mr-table__row">
        <th scope="row" class="mr-table__header">${c.label}</th>
        <td class="mr-table__cell mr-diff__before">${lines(c.before)}</td>
        <td class="mr-table__cell mr-diff__after">${lines(c.after)}</td>
      </tr>`,
    )}</tbody></table>`
}

/** 409: someone saved the draft after this person's form was loaded. Nothing they typed is lost. */
export function conflictPage(v: ConflictView): Html {
  return html`<span class="mr-caption-l">${v.sectionLabel} — ${v.serviceTitle || em.untitled}</span>
    <h1 class="mr-heading-l">${em.conflictTitle}</h1>
    ${warningText({ text: em.conflictLead(formatDateTimeFa(v.savedAt)) })}
    ${changesTable(v.changes)}
    <div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    <form method="post" action="${v.action}" id="conflict-resubmit">
      ${formStart(v.csrfToken, v.current)}
      ${hiddenFields(v.fields)}
      <p class="mr-body">${em.conflictApplyHint}</p>
      <div class="mr-button-group">
        ${button({ text: em.conflictApply })}
        ${button({ text: em.conflictDiscard, href: v.backHref, variant: 'secondary' })}
      </div>
    </form>
    </div></div>`
}
