import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/index.ts'
import { type Html, table } from '../../../web/ui/index.ts'

export interface AgencyReviewCounts {
  agencyId: string
  code: string
  name: string
  services: number
  dueSoon: number
  due: number
  overdue: number
  escalated: number
}

export const SORTS = ['overdue', 'due_soon', 'services', 'name'] as const
export type AgencySort = (typeof SORTS)[number]

const SORT_LABELS: Record<AgencySort, string> = {
  overdue: 'گذشته از موعد',
  due_soon: 'نزدیک به موعد',
  services: 'شمار خدمات',
  name: 'نام دستگاه',
}

/** Central: per agency, how many services are due soon, due, overdue and escalated. */
export function agencyCountsPage(v: { rows: AgencyReviewCounts[]; sort: AgencySort }): Html {
  const n = (x: number) => ({ text: toPersianDigits(x), format: 'numeric' as const })
  return html`<h1 class="mr-heading-l">بازبینی‌ها به تفکیک دستگاه</h1>
    <nav aria-label="مرتب‌سازی"><p class="mr-body">مرتب‌سازی بر پایهٔ: ${SORTS.map(
      (s, i) =>
        html`${i ? '، ' : ''}<a class="mr-link" href="/admin/reviews/agencies?sort=${s}"${v.sort === s ? html` aria-current="page"` : ''}>${SORT_LABELS[s]}</a>`,
    )} — <a class="mr-link" href="/admin/reviews/agencies.csv?sort=${v.sort}" id="csv-link">دریافت CSV</a></p></nav>
  ${table({
    caption: 'وضعیت بازبینی خدمات، به تفکیک دستگاه',
    id: 'agency-review-counts',
    scrollable: true,
    firstCellIsHeader: true,
    head: [
      { text: 'دستگاه' },
      { text: 'خدمات منتشرشده', format: 'numeric' },
      { text: 'نزدیک به موعد (۹۰ روز)', format: 'numeric' },
      { text: 'موعد (۳۰ روز)', format: 'numeric' },
      { text: 'گذشته از موعد', format: 'numeric' },
      { text: 'گزارش‌شده به ستاد', format: 'numeric' },
    ],
    rows: v.rows.map((r) => [
      { html: html`<a class="mr-link" href="/agencies/${r.code}">${r.name}</a>` },
      n(r.services),
      n(r.dueSoon),
      n(r.due),
      n(r.overdue),
      n(r.escalated),
    ]),
  })}`
}

/** The same table as CSV (UTF-8 with BOM so spreadsheet programs read Persian). */
export function agencyCountsCsv(rows: AgencyReviewCounts[]): string {
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)
  const head = 'agency_code,agency_name,services,due_soon,due,overdue,escalated'
  const body = rows.map((r) =>
    [r.code, esc(r.name), r.services, r.dueSoon, r.due, r.overdue, r.escalated].join(','),
  )
  return `\uFEFF${[head, ...body].join('\r\n')}\r\n`
}
