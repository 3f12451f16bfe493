import { html } from 'hono/html'
import { type Attributes, attrs, content, cx, type Html, type TextOrHtml } from './html.ts'

export type TagColour = 'grey' | 'green' | 'red' | 'yellow' | 'blue'

export interface TagProps extends TextOrHtml {
  /** Defaults to blue. Never rely on the colour alone: the text must say the status. */
  colour?: TagColour
  classes?: string
  attributes?: Attributes
}

/** A short status label such as «منتشرشده» or «پیش‌نویس» (govuk tag). */
export function tag(props: TagProps): Html {
  return html`<strong class="${cx('mr-tag', `mr-tag--${props.colour ?? 'blue'}`, props.classes)}"${attrs(props.attributes)}>${content(props)}</strong>`
}
