import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import { type Html, table } from '../../../web/ui/index.ts'
import { msg } from '../messages.fa.ts'

export interface ZeroResultView {
  query: string
  searchHref: string
  count: number
  days: number
  /** Jalali dates, already formatted. */
  first: string
  last: string
}

export function zeroResultsPage(v: { periodDays: number; rows: ZeroResultView[] }): Html {
  return html`<h1 class="mr-heading-l">${msg.zeroTitle}</h1>
    <p class="mr-body">${msg.zeroLead}</p>
    ${
      v.rows.length === 0
        ? html`<p class="mr-body">${msg.zeroNone}</p>`
        : table({
            caption: msg.zeroPeriod(toPersianDigits(v.periodDays)),
            captionClasses: 'mr-table__caption--m',
            head: [
              { text: msg.zeroQuery },
              { text: msg.zeroCount, format: 'numeric' },
              { text: msg.zeroDays, format: 'numeric' },
              { text: msg.zeroFirst },
              { text: msg.zeroLast },
            ],
            firstCellIsHeader: true,
            rows: v.rows.map((r) => [
              { html: html`<a class="mr-link" href="${r.searchHref}">${r.query}</a>` },
              { text: toPersianDigits(r.count), format: 'numeric' },
              { text: toPersianDigits(r.days), format: 'numeric' },
              { text: r.first },
              { text: r.last },
            ]),
          })
    }`
}
