import { html } from 'hono/html'
import { type Attributes, attrs, content, cx, type Html, type TextOrHtml } from './html.ts'
import { uiMessages as m } from './messages.fa.ts'

export interface BreadcrumbItem extends TextOrHtml {
  /** Omit for the current page. */
  href?: string
  attributes?: Attributes
}

export interface BreadcrumbsProps {
  items: BreadcrumbItem[]
  /** Defaults «مسیر راهنما». */
  labelText?: string
  classes?: string
  attributes?: Attributes
}

/** Where the page sits in the site, as a `<nav>` with an ordered list (govuk breadcrumbs). */
export function breadcrumbs(props: BreadcrumbsProps): Html {
  const items = props.items.map((item) =>
    item.href !== undefined
      ? html`<li class="mr-breadcrumbs__list-item"><a class="mr-breadcrumbs__link" href="${item.href}"${attrs(item.attributes)}>${content(item)}</a></li>`
      : html`<li class="mr-breadcrumbs__list-item" aria-current="page"${attrs(item.attributes)}>${content(item)}</li>`,
  )
  return html`<nav class="${cx('mr-breadcrumbs', props.classes)}" aria-label="${props.labelText ?? m.breadcrumbsLabel}"${attrs(props.attributes)}><ol class="mr-breadcrumbs__list">${items}</ol></nav>`
}
