import { html } from 'hono/html'
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

export interface PanelProps extends TextOrHtml {
  titleText?: string
  titleHtml?: Html
  headingLevel?: 1 | 2 | 3
  /**
   * A code to copy, shown large, left-to-right and isolated, such as a one-time password
   * or a tracking number. Show one-time secrets once and never store them in the page's URL.
   */
  code?: string
  classes?: string
  attributes?: Attributes
}

/** The confirmation panel at the end of a task (govuk panel). */
export function panel(props: PanelProps): Html {
  const level = props.headingLevel ?? 1
  const body =
    props.code !== undefined || hasContent(props)
      ? html`<div class="mr-panel__body">${content(props)}${
          props.code !== undefined
            ? html`<p class="mr-panel__code"><code dir="ltr">${props.code}</code></p>`
            : empty
        }</div>`
      : empty
  return html`<div class="${cx('mr-panel', 'mr-panel--confirmation', props.classes)}"${attrs(props.attributes)}><h${level} class="mr-panel__title">${props.titleHtml ?? props.titleText ?? ''}</h${level}>${body}</div>`
}
