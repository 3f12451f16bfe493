import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/index.ts'
import { type Html, table } from '../../../web/ui/index.ts'
import type { StateCounts } from '../../services/index.ts'
import { REVIEW_STATES, type ReviewState } from '../../services/index.ts'
import { reviewsMsg, STATE_LABELS } from '../messages.fa.ts'
import { day, stateTag } from './review-common.ts'

export interface ReviewListRow {
  serviceId: string
  title: string
  agencyName: string | null
  state: ReviewState
  dueAt: Date
  lastReviewedAt: Date | null
  open: boolean
}

export interface ReviewListView {
  rows: ReviewListRow[]
  counts: StateCounts
  total: number
  filter: ReviewState | null
  /** Central staff see every agency's services, with the agency column. */
  central: boolean
}

function filterLinks(v: ReviewListView): Html {
  const link = (state: ReviewState | null, label: string, n: number) => {
    const href = state ? `/admin/reviews?state=${state}` : '/admin/reviews'
    const current = v.filter === state
    return html`<li><a class="mr-link" href="${href}"${current ? html` aria-current="page"` : ''}>${label} (${toPersianDigits(n)})</a></li>`
  }
  return html`<nav aria-label="پالایش بر پایهٔ وضعیت بازبینی"><ul class="mr-list mr-list--inline" id="review-filters">
    ${link(null, 'همه', v.total)}
    ${REVIEW_STATES.map((s) => link(s, STATE_LABELS[s], v.counts[s]))}
  </ul></nav>`
}

/** «بازبینی‌ها»: the agency's services with their review clock, the most urgent first. */
export function reviewListPage(v: ReviewListView): Html {
  const head = [
    { text: 'خدمت' },
    ...(v.central ? [{ text: 'دستگاه' }] : []),
    { text: 'وضعیت' },
    { text: 'موعد بازبینی' },
    { text: 'آخرین بازبینی' },
  ]
  return html`<h1 class="mr-heading-l">${reviewsMsg.listTitle}</h1>
    <p class="mr-body">بنابر بند ۴ بخشنامه، هر فرایند دست‌کم هر سه سال یک بار بازبینی می‌شود. موعد هر خدمت از آخرین بازبینیِ تکمیل‌شده (یا نخستین انتشار) حساب می‌شود؛ ویرایش و انتشار بیرون از بازبینی آن را جابه‌جا نمی‌کند.</p>
    ${filterLinks(v)}
    ${
      v.rows.length === 0
        ? html`<p class="mr-body" id="no-reviews">خدمتی با این وضعیت نیست.</p>`
        : table({
            caption: 'خدمات و موعد بازبینی',
            id: 'review-list',
            scrollable: true,
            head,
            rows: v.rows.map((r) => [
              {
                html: html`<a class="mr-link" href="/admin/reviews/services/${r.serviceId}">${r.title}</a>${r.open ? html` <span class="mr-body-s">(بازبینی باز)</span>` : ''}`,
              },
              ...(v.central ? [{ text: r.agencyName ?? '' }] : []),
              { html: stateTag(r.state) },
              { html: day(r.dueAt) },
              { html: day(r.lastReviewedAt) },
            ]),
          })
    }`
}
