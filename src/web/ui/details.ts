import { html } from 'hono/html'
import { type Attributes, attr, attrs, content, cx, type Html, type TextOrHtml } from './html.ts'

export interface DetailsProps extends TextOrHtml {
  summaryText?: string
  summaryHtml?: Html
  open?: boolean
  id?: string
  classes?: string
  attributes?: Attributes
}

/** A disclosure with a short summary that opens to show more (govuk details). */
export function details(props: DetailsProps): Html {
  return html`<details class="${cx('mr-details', props.classes)}"${attr('id', props.id)}${attr('open', props.open)}${attrs(props.attributes)}><summary class="mr-details__summary"><span class="mr-details__summary-text">${props.summaryHtml ?? props.summaryText ?? ''}</span></summary><div class="mr-details__text">${content(props)}</div></details>`
}
