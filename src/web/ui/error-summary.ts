import { html } from 'hono/html'
import type { ErrorSummaryItem } from './field-errors.ts'
import {
  type Attributes,
  attrs,
  content,
  cx,
  empty,
  type Html,
  hasContent,
  type TextOrHtml,
} from './html.ts'
import { uiMessages as m } from './messages.fa.ts'

export interface ErrorSummaryProps {
  /** Defaults «مشکلی وجود دارد». */
  titleText?: string
  description?: TextOrHtml
  errorList: ErrorSummaryItem[]
  classes?: string
  attributes?: Attributes
}

/**
 * The box at the top of a page that failed validation (govuk error-summary). It is announced
 * (`role="alert"`) and focusable (`tabindex="-1"`); `/assets/ui.js` moves focus to it on load.
 * Put it first in `<main>`, and prefix the page title with «خطا: ».
 */
export function errorSummary(props: ErrorSummaryProps): Html {
  const items = props.errorList.map(
    (item) =>
      html`<li>${item.href ? html`<a href="${item.href}">${item.text}</a>` : item.text}</li>`,
  )
  return html`<div class="${cx('mr-error-summary', props.classes)}" data-module="mr-error-summary" tabindex="-1"${attrs(props.attributes)}><div role="alert"><h2 class="mr-error-summary__title">${props.titleText ?? m.errorSummaryTitle}</h2><div class="mr-error-summary__body">${
    hasContent(props.description) ? html`<p>${content(props.description)}</p>` : empty
  }<ul class="mr-list mr-error-summary__list">${items}</ul></div></div></div>`
}
