import { html } from 'hono/html'
import { formatNumberFa } from '../../../lib/fa/index.ts'
import {
  button,
  csrfField,
  type FieldErrors,
  fieldError,
  type Html,
  radios,
  table,
  textarea,
} from '../../../web/ui/index.ts'
import { formErrorSummary } from '../../services/index.ts'
import type { PeriodReviewView } from '../indicator-period.read.ts'
import { amount, day } from './indicator-common.ts'

const STATE_FA = {
  submitted: 'در انتظار بررسی ستاد',
  accepted: 'پذیرفته و قفل‌شده',
  returned: 'بازگشته برای اصلاح',
} as const

/** The centre's review of one agency's period: every value with its evidence, then the decision. */
export function periodReviewPage(
  v: PeriodReviewView & { csrfToken: string; errors: FieldErrors },
): Html {
  return html`${formErrorSummary(v.errors, { decision: '#decision' })}
    <h1 class="mr-heading-l">${v.title}</h1>
    <p class="mr-body">وضعیت: ${v.state ? STATE_FA[v.state] : 'فرستاده نشده'}${v.submittedAt ? html`، فرستاده در ${day(v.submittedAt)}` : ''}.</p>
    ${v.comment ? html`<p class="mr-body">توضیح ستاد: ${v.comment}</p>` : ''}
    ${table({
      caption: 'مقدارهای این دوره',
      captionClasses: 'mr-table__caption--m',
      id: 'period-values',
      scrollable: true,
      head: [
        { text: 'شاخص' },
        { text: 'مقدار' },
        { text: 'صورت / مخرج', format: 'numeric' },
        { text: 'مستند' },
        { text: 'به‌موقع' },
      ],
      rows: v.rows.map((r) => [
        { html: html`<a class="mr-link" href="/admin/indicators/${r.code}">${r.nameFa}</a>` },
        { text: r.value === null ? '—' : amount(Math.round(r.value * 100) / 100, r.unit) },
        {
          text:
            r.numerator === null
              ? '—'
              : `${formatNumberFa(r.numerator)}${r.denominator !== null ? ` / ${formatNumberFa(r.denominator)}` : ''}`,
          format: 'numeric',
        },
        { text: `${r.evidenceNote ?? '—'}${r.hasFile ? ' (پرونده پیوست است)' : ''}` },
        { text: r.late ? 'دیرتر از موعد' : 'به‌موقع' },
      ]),
    })}
    ${
      v.canDecide
        ? html`<form method="post" action="/admin/indicators/periods/${v.agencyCode}/${v.period}" novalidate>
      ${csrfField(v.csrfToken)}
      ${radios({
        name: 'decision',
        fieldset: { legend: { text: 'تصمیم ستاد', classes: 'mr-fieldset__legend--m' } },
        items: [
          { value: 'accept', text: 'پذیرفتن و قفل کردن دوره' },
          { value: 'return', text: 'بازگرداندن برای اصلاح' },
        ],
        errorMessage: fieldError(v.errors, 'decision'),
      })}
      ${textarea({ name: 'comment', label: { text: 'توضیح (برای بازگرداندن لازم است)' }, rows: 3, errorMessage: fieldError(v.errors, 'comment') })}
      ${button({ text: 'ثبت تصمیم', id: 'decide-period' })}
    </form>`
        : ''
    }`
}
