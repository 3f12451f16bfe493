import { html } from 'hono/html'
import { toPersianDigits } from '../../lib/fa/digits.ts'
import { type Attributes, attrs, cx, empty, type Html } from './html.ts'
import { uiMessages as m } from './messages.fa.ts'

export interface PaginationLink {
  href: string
  /** Defaults «قبلی» / «بعدی». */
  text?: string
  /** A second line, e.g. the title of the previous page. */
  labelText?: string
  attributes?: Attributes
}

export interface PaginationPage {
  /** The page number (shown with Persian digits). */
  number: number
  href: string
  current?: boolean
}

export type PaginationItem = PaginationPage | { ellipsis: true }

export interface PaginationProps {
  previous?: PaginationLink
  next?: PaginationLink
  items?: PaginationItem[]
  /** Defaults «صفحه‌بندی». */
  landmarkLabel?: string
  classes?: string
  attributes?: Attributes
}

// In a right-to-left page "previous" points right and "next" points left; CSS mirrors both in ltr.
const prevIcon = html`<svg class="mr-pagination__icon mr-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path fill="currentColor" d="m8.107 0-1.414 1.414 4.293 4.086H0v2h10.986l-4.293 4.086L8.107 13 15 6.5z"/></svg>`
const nextIcon = html`<svg class="mr-pagination__icon mr-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path fill="currentColor" d="m6.893 0 1.414 1.414L4.014 5.5H15v2H4.014l4.293 4.086L6.893 13 0 6.5z"/></svg>`

function isEllipsis(item: PaginationItem): item is { ellipsis: true } {
  return 'ellipsis' in item
}

function edgeLink(kind: 'prev' | 'next', link: PaginationLink, blockLayout: boolean): Html {
  const text = link.text ?? (kind === 'prev' ? m.paginationPrevious : m.paginationNext)
  const title = html`<span class="mr-pagination__link-title"><span class="mr-visually-hidden">${m.paginationPageHidden}</span>${text}</span>`
  const label = link.labelText
    ? html`<span class="mr-visually-hidden">:</span><span class="mr-pagination__link-label">${link.labelText}</span>`
    : empty
  const icon = kind === 'prev' ? prevIcon : nextIcon
  const inner =
    kind === 'prev' || blockLayout ? html`${icon}${title}${label}` : html`${title}${label}${icon}`
  return html`<div class="mr-pagination__${kind}"><a class="mr-link mr-pagination__link" href="${link.href}" rel="${kind}"${attrs(link.attributes)}>${inner}</a></div>`
}

/**
 * Links between pages of results (govuk pagination): «قبلی»/«بعدی» and numbered pages in
 * Persian digits, the current one marked `aria-current="page"`. Without `items` it shows
 * the stacked previous/next layout used between pages of a document.
 */
export function pagination(props: PaginationProps): Html {
  const blockLayout = !props.items || props.items.length === 0
  const list = blockLayout
    ? empty
    : html`<ul class="mr-pagination__list">${(props.items ?? []).map((item) => {
        if (isEllipsis(item)) {
          return html`<li class="mr-pagination__item mr-pagination__item--ellipsis">&ctdot;</li>`
        }
        const n = toPersianDigits(item.number)
        return html`<li class="${cx('mr-pagination__item', item.current && 'mr-pagination__item--current')}"><a class="mr-link mr-pagination__link" href="${item.href}" aria-label="${m.paginationPage(n)}"${item.current ? html` aria-current="page"` : empty}>${n}</a></li>`
      })}</ul>`
  return html`<nav class="${cx('mr-pagination', blockLayout && 'mr-pagination--block', props.classes)}" aria-label="${props.landmarkLabel ?? m.paginationLabel}"${attrs(props.attributes)}>${
    props.previous ? edgeLink('prev', props.previous, blockLayout) : empty
  }${list}${props.next ? edgeLink('next', props.next, blockLayout) : empty}</nav>`
}

/**
 * The numbered items for page `current` of `total`: first, last, and the pages either side
 * of the current one, with ellipses between gaps.
 */
export function paginationItems(
  current: number,
  total: number,
  href: (page: number) => string,
): PaginationItem[] {
  const pages = new Set([1, total, current - 1, current, current + 1])
  const sorted = [...pages].filter((p) => p >= 1 && p <= total).sort((a, b) => a - b)
  const items: PaginationItem[] = []
  let last = 0
  for (const p of sorted) {
    if (p - last === 2) items.push({ number: p - 1, href: href(p - 1), current: false })
    else if (p - last > 2) items.push({ ellipsis: true })
    items.push({ number: p, href: href(p), current: p === current })
    last = p
  }
  return items
}

/**
 * Numbered pagination with previous/next links for page `page` of `pageCount`,
 * or nothing when everything fits on one page.
 */
export function pageNavigation(
  page: number,
  pageCount: number,
  href: (page: number) => string,
): Html {
  if (pageCount <= 1) return empty
  return pagination({
    ...(page > 1 ? { previous: { href: href(page - 1) } } : {}),
    ...(page < pageCount ? { next: { href: href(page + 1) } } : {}),
    items: paginationItems(page, pageCount, href),
  })
}
