import { html } from 'hono/html'
import { type Attributes, attrs, content, cx, empty, type Html, type TextOrHtml } from './html.ts'
import { uiMessages as m } from './messages.fa.ts'

export interface SummaryListAction extends TextOrHtml {
  href: string
  /** Read after the link text, e.g. the row's key: «تغییر <عنوان خدمت>». */
  visuallyHiddenText?: string
  classes?: string
  attributes?: Attributes
}

export interface SummaryListRow {
  key: TextOrHtml & { classes?: string }
  value: TextOrHtml & { classes?: string }
  actions?: { items: SummaryListAction[]; classes?: string }
  classes?: string
}

export interface SummaryListProps {
  rows: SummaryListRow[]
  classes?: string
  attributes?: Attributes
}

function actionLink(a: SummaryListAction): Html {
  return html`<a class="${cx('mr-link', a.classes)}" href="${a.href}"${attrs(a.attributes)}>${content(a)}${
    a.visuallyHiddenText
      ? html`<span class="mr-visually-hidden"> ${a.visuallyHiddenText}</span>`
      : empty
  }</a>`
}

/**
 * Key/value pairs, e.g. a service card's facts or a check-your-answers page (govuk summary-list).
 * An action link defaults to «تغییر».
 */
export function summaryList(props: SummaryListProps): Html {
  const anyActions = props.rows.some((r) => (r.actions?.items.length ?? 0) > 0)
  const rows = props.rows.map((row) => {
    const items = (row.actions?.items ?? []).map((a) =>
      a.text === undefined && a.html === undefined ? { ...a, text: m.summaryListChange } : a,
    )
    let actions: Html = empty
    if (items.length === 1 && items[0]) {
      actions = html`<dd class="${cx('mr-summary-list__actions', row.actions?.classes)}">${actionLink(items[0])}</dd>`
    } else if (items.length > 1) {
      actions = html`<dd class="${cx('mr-summary-list__actions', row.actions?.classes)}"><ul class="mr-summary-list__actions-list">${items.map(
        (a) => html`<li class="mr-summary-list__actions-list-item">${actionLink(a)}</li>`,
      )}</ul></dd>`
    }
    const noActions = anyActions && items.length === 0
    return html`<div class="${cx('mr-summary-list__row', noActions && 'mr-summary-list__row--no-actions', row.classes)}"><dt class="${cx('mr-summary-list__key', row.key.classes)}">${content(row.key)}</dt><dd class="${cx('mr-summary-list__value', row.value.classes)}">${content(row.value)}</dd>${actions}</div>`
  })
  return html`<dl class="${cx('mr-summary-list', props.classes)}"${attrs(props.attributes)}>${rows}</dl>`
}
