import { html } from 'hono/html'
import { type Attributes, attrs, content, cx, type Html, type TextOrHtml } from './html.ts'

export interface HintProps extends TextOrHtml {
  id: string
  classes?: string
  attributes?: Attributes
}

/** Hint text under a label or legend; point the control's `aria-describedby` at its id. */
export function hint(props: HintProps): Html {
  return html`<div id="${props.id}" class="${cx('mr-hint', props.classes)}"${attrs(props.attributes)}>${content(props)}</div>`
}
