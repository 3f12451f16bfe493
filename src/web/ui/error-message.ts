import { html } from 'hono/html'
import { type Attributes, attr, attrs, content, cx, type Html, type TextOrHtml } from './html.ts'
import { uiMessages as m } from './messages.fa.ts'

export interface ErrorMessageProps extends TextOrHtml {
  id?: string
  classes?: string
  attributes?: Attributes
  /** Read before the message by screen readers; default «خطا:». Empty string to omit. */
  visuallyHiddenText?: string
}

/** The inline error message shown above a field (govuk error-message). */
export function errorMessage(props: ErrorMessageProps): Html {
  const prefix = props.visuallyHiddenText ?? m.errorPrefix
  return html`<p${attr('id', props.id)} class="${cx('mr-error-message', props.classes)}"${attrs(props.attributes)}>${prefix ? html`<span class="mr-visually-hidden">${prefix} </span>` : ''}${content(props)}</p>`
}
