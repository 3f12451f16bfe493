import { html } from 'hono/html'
import { formatNumberFa } from '../../../lib/fa/index.ts'
import { type Html, summaryList } from '../../../web/ui/index.ts'
import type { StateCounts } from '../../services/index.ts'

/** The review clock on the dashboard (directive item 4): how many services are in each state. */
export function reviewsPanel(counts: StateCounts, central: boolean): Html {
  const row = (text: string, n: number, state: string) => ({
    key: { text },
    value: {
      html: html`<a class="mr-link" href="/admin/reviews?state=${state}">${formatNumberFa(n)} خدمت</a>`,
    },
  })
  return html`<h2 class="mr-heading-m" id="reviews-heading">بازبینی سه‌ساله</h2>
    <p class="mr-body">هر فرایند دست‌کم هر سه سال یک بار بازبینی می‌شود (بند ۴ بخشنامه).
      <a class="mr-link" href="/admin/reviews">همهٔ بازبینی‌ها</a>${
        central
          ? html` — <a class="mr-link" href="/admin/reviews/agencies">به تفکیک دستگاه</a> — <a class="mr-link" href="/admin/reviews/audit">بررسی نمونه‌ای</a>`
          : ''
      }</p>
    ${summaryList({
      attributes: { id: 'review-counts' },
      rows: [
        row('گزارش‌شده به ستاد (۹۰ روز پس از موعد)', counts.escalated, 'escalated'),
        row('گذشته از موعد', counts.overdue, 'overdue'),
        row('موعد تا ۳۰ روز دیگر', counts.due, 'due'),
        row('موعد تا ۹۰ روز دیگر', counts.due_soon, 'due_soon'),
        row('به‌روز', counts.current, 'current'),
      ],
    })}`
}
