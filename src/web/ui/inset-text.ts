import { html } from 'hono/html'
import { type Attributes, attr, attrs, content, cx, type Html, type TextOrHtml } from './html.ts'

export interface InsetTextProps extends TextOrHtml {
  id?: string
  classes?: string
  attributes?: Attributes
}

/** Sets a quotation, example or note apart from the text around it (govuk inset-text). */
export function insetText(props: InsetTextProps): Html {
  return html`<div class="${cx('mr-inset-text', props.classes)}"${attr('id', props.id)}${attrs(props.attributes)}>${content(props)}</div>`
}
