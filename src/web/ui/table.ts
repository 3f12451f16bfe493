import { html } from 'hono/html'
import {
  type Attributes,
  attr,
  attrs,
  content,
  cx,
  empty,
  type Html,
  type TextOrHtml,
} from './html.ts'

export interface TableCell extends TextOrHtml {
  /** `numeric` aligns the column's digits and uses tabular figures. */
  format?: 'numeric'
  colspan?: number
  rowspan?: number
  classes?: string
  attributes?: Attributes
}

export interface TableProps {
  caption?: string
  /** E.g. `mr-table__caption--m` to size the caption as a heading. */
  captionClasses?: string
  head?: TableCell[]
  rows: TableCell[][]
  /** Renders each row's first cell as a row header (`<th scope="row">`). */
  firstCellIsHeader?: boolean
  /**
   * Wraps the table in a keyboard-scrollable region for wide tables on phones;
   * the region is named by the caption.
   */
  scrollable?: boolean
  id?: string
  classes?: string
  attributes?: Attributes
}

function cell(tag: 'th' | 'td', c: TableCell, scope: 'col' | 'row' | undefined): Html {
  const base = tag === 'th' ? 'mr-table__header' : 'mr-table__cell'
  return html`<${tag}${attr('scope', scope)} class="${cx(base, c.format === 'numeric' && `${base}--numeric`, c.classes)}"${attr('colspan', c.colspan)}${attr('rowspan', c.rowspan)}${attrs(c.attributes)}>${content(c)}</${tag}>`
}

/** A data table with caption, column headers and optional row headers (govuk table). */
export function table(props: TableProps): Html {
  const captionId =
    props.scrollable && props.caption ? `${props.id ?? 'mr-table'}-caption` : undefined
  const head = props.head
    ? html`<thead class="mr-table__head"><tr class="mr-table__row">${props.head.map((c) => cell('th', c, 'col'))}</tr></thead>`
    : empty
  const rows = props.rows.map(
    (row) =>
      html`<tr class="mr-table__row">${row.map((c, i) =>
        i === 0 && props.firstCellIsHeader ? cell('th', c, 'row') : cell('td', c, undefined),
      )}</tr>`,
  )
  const tableHtml = html`<table class="${cx('mr-table', props.classes)}"${attr('id', props.id)}${attrs(props.attributes)}>${
    props.caption
      ? html`<caption class="${cx('mr-table__caption', props.captionClasses)}"${attr('id', captionId)}>${props.caption}</caption>`
      : empty
  }${head}<tbody class="mr-table__body">${rows}</tbody></table>`
  if (!props.scrollable) return tableHtml
  return html`<div class="mr-table-wrapper" role="region" tabindex="0"${attr('aria-labelledby', captionId)}>${tableHtml}</div>`
}
