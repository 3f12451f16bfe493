import { html } from 'hono/html'
import { type Attributes, attrs, content, cx, type Html, type TextOrHtml } from './html.ts'
import { uiMessages as m } from './messages.fa.ts'

export interface WarningTextProps extends TextOrHtml {
  /** Read instead of the «!» icon; defaults «هشدار». */
  iconFallbackText?: string
  classes?: string
  attributes?: Attributes
}

/** An important warning, e.g. a legal consequence (govuk warning-text). */
export function warningText(props: WarningTextProps): Html {
  return html`<div class="${cx('mr-warning-text', props.classes)}"${attrs(props.attributes)}><span class="mr-warning-text__icon" aria-hidden="true">!</span><strong class="mr-warning-text__text"><span class="mr-visually-hidden">${props.iconFallbackText ?? m.warningIcon}: </span>${content(props)}</strong></div>`
}
