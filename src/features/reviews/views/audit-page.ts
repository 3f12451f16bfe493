import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/index.ts'
import { button, csrfField, type Html, table, textarea } from '../../../web/ui/index.ts'
import type { AuditRow } from '../audit.queries.ts'
import { day } from './review-common.ts'

export interface AuditView {
  csrfToken: string
  quarter: string
  quarterLabel: string
  population: number
  sample: {
    seed: string
    size: number
    population: number
    drawnAt: Date
    rows: (AuditRow & { agencyName: string })[]
  } | null
}

const STATUS_TEXT = {
  pending: 'در انتظار تصمیم',
  accepted: 'پذیرفته شد',
  rejected: 'پذیرفته نشد',
} as const

function decisionForms(v: AuditView, r: AuditRow): Html {
  if (r.auditStatus !== 'pending') return html`${r.auditReason ?? ''}`
  return html`<form method="post" action="/admin/reviews/audit/${r.reviewId}" novalidate>
      ${csrfField(v.csrfToken)}<input type="hidden" name="decision" value="accept">
      ${button({ text: 'پذیرفتن', variant: 'secondary', attributes: { id: `accept-${r.reviewId}` } })}
    </form>
    <form method="post" action="/admin/reviews/audit/${r.reviewId}" novalidate>
      ${csrfField(v.csrfToken)}<input type="hidden" name="decision" value="reject">
      ${textarea({ name: 'reason', id: `reason-${r.reviewId}`, label: { text: 'دلیل نپذیرفتن', classes: 'mr-label--s' }, rows: 2 })}
      ${button({ text: 'نپذیرفتن و بازگشایی', variant: 'warning', attributes: { id: `reject-${r.reviewId}` } })}
    </form>`
}

/** The quarter's sample of «بدون تغییر» reviews, with the seed that lets anyone redraw it. */
export function auditPage(v: AuditView): Html {
  const rule = html`<h1 class="mr-heading-l">بررسی نمونه‌ای بازبینی‌ها — ${v.quarterLabel}</h1>
    <p class="mr-body">قاعدهٔ نمونه‌گیری: بازبینی‌های «بدون تغییر» این فصل به ترتیب SHA-256(بذر + «:» + شناسهٔ بازبینی) مرتب می‌شوند و ده درصدِ نخست (گرد به بالا، دست‌کم ۱ و حداکثر ۳۰) برگزیده می‌شود. با بذرِ ثبت‌شده هر کس می‌تواند همین نمونه را دوباره بکشد.</p>`
  if (!v.sample)
    return html`${rule}<p class="mr-body" id="population">در ${v.quarterLabel}، ${toPersianDigits(v.population)} بازبینی «بدون تغییر» تکمیل شده است.</p>
      <form method="post" action="/admin/reviews/audit/draw" novalidate>
        ${csrfField(v.csrfToken)}<input type="hidden" name="quarter" value="${v.quarter}">
        ${button({ text: 'کشیدن نمونهٔ این فصل', attributes: { id: 'draw-sample' } })}
      </form>`
  const s = v.sample
  return html`${rule}<p class="mr-body" id="sample-facts">نمونهٔ ${v.quarterLabel}: ${toPersianDigits(s.size)} از ${toPersianDigits(s.population)} بازبینی، کشیده‌شده در ${day(s.drawnAt)}. بذر: <code dir="ltr">${s.seed}</code></p>
    ${table({
      caption: 'بازبینی‌های نمونه',
      id: 'audit-sample',
      scrollable: true,
      head: [
        { text: 'خدمت' },
        { text: 'دستگاه' },
        { text: 'تاریخ تأیید' },
        { text: 'وضعیت' },
        { text: 'تصمیم' },
      ],
      rows: s.rows.map((r) => [
        {
          html: html`<a class="mr-link" href="/admin/reviews/services/${r.serviceId}">${r.serviceTitle}</a>`,
        },
        { text: r.agencyName },
        { html: day(r.completedAt) },
        { text: r.auditStatus ? STATUS_TEXT[r.auditStatus] : '—' },
        { html: decisionForms(v, r) },
      ]),
    })}`
}
