import { html } from 'hono/html'
import {
  type Attributes,
  attr,
  attrs,
  content,
  cx,
  empty,
  type Html,
  hasContent,
  type TextOrHtml,
} from './html.ts'

export interface LabelProps extends TextOrHtml {
  /** The id of the control the label is for. */
  for?: string
  /** Wraps the label in an `<h1>` for one-question pages. */
  isPageHeading?: boolean
  classes?: string
  attributes?: Attributes
}

/** A form control's label (`<label class="mr-label">`); nothing when it has no content. */
export function label(props: LabelProps | undefined): Html {
  if (!hasContent(props)) return empty
  const el = html`<label class="${cx('mr-label', props.classes)}"${attr('for', props.for)}${attrs(props.attributes)}>${content(props)}</label>`
  return props.isPageHeading ? html`<h1 class="mr-label-wrapper">${el}</h1>` : el
}
