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

export interface LegendProps extends TextOrHtml {
  /** Puts the legend text in an `<h1>` for one-question pages. */
  isPageHeading?: boolean
  classes?: string
}

export interface FieldsetProps {
  legend?: LegendProps
  /** Space-separated ids of the hint and error message. */
  describedBy?: string
  /** `group` for a set of related inputs such as the three date fields. */
  role?: string
  classes?: string
  attributes?: Attributes
  /** The fields inside. */
  html: Html
}

/** Groups related controls under a legend (govuk fieldset). */
export function fieldset(props: FieldsetProps): Html {
  const legend = props.legend
  let legendHtml: Html = empty
  if (hasContent(legend)) {
    const inner = legend.isPageHeading
      ? html`<h1 class="mr-fieldset__heading">${content(legend)}</h1>`
      : content(legend)
    legendHtml = html`<legend class="${cx('mr-fieldset__legend', legend.classes)}">${inner}</legend>`
  }
  return html`<fieldset class="${cx('mr-fieldset', props.classes)}"${attr('role', props.role)}${attr('aria-describedby', props.describedBy)}${attrs(props.attributes)}>${legendHtml}${props.html}</fieldset>`
}
