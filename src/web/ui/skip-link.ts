import { html } from 'hono/html'
import { type Attributes, attrs, cx, type Html } from './html.ts'
import { uiMessages as m } from './messages.fa.ts'

export interface SkipLinkProps {
  /** Defaults `#main`. */
  href?: string
  /** Defaults «پرش به محتوای اصلی». */
  text?: string
  classes?: string
  attributes?: Attributes
}

/** The first focusable element of every page; visible only when focused (govuk skip-link). */
export function skipLink(props: SkipLinkProps = {}): Html {
  return html`<a href="${props.href ?? '#main'}" class="${cx('mr-skip-link', props.classes)}"${attrs(props.attributes)}>${props.text ?? m.skipLink}</a>`
}
