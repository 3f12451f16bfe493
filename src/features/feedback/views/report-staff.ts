import { html } from 'hono/html'
import { formatDateFa, toPersianDigits } from '../../../lib/fa/index.ts'
import {
  button,
  csrfField,
  type FieldErrors,
  fieldError,
  type Html,
  radios,
  table,
  textarea,
  textInput,
  warningText,
} from '../../../web/ui/index.ts'
import { holidayDateFa } from '../../calendar/index.ts'
import { formErrorSummary } from '../../services/index.ts'
import {
  reportMsg as msg,
  REPORT_SECTION_LABELS,
  REPORT_STATE_LABELS,
} from '../report.messages.fa.ts'
import { formatTrackingCode, REPORT_STATES } from '../report.model.ts'
import type { ReportDetailView, ReportListView } from '../report.read.ts'
import { reportFacts, reportStateTag } from './report-status.ts'

function filters(v: ReportListView): Html {
  const link = (href: string, text: string, current: boolean) =>
    current
      ? html`<li><strong>${text}</strong></li>`
      : html`<li><a class="mr-link" href="${href}">${text}</a></li>`
  return html`<nav aria-label="پالایش گزارش‌ها"><ul class="mr-list mr-list--inline" id="report-filters">
    ${link('/admin/reports', 'همه', !v.state && !v.overdueOnly)}
    ${link('/admin/reports?overdue=1', `گذشته از موعد پاسخ (${toPersianDigits(v.overdue)})`, v.overdueOnly)}
    ${REPORT_STATES.map((s) =>
      link(
        `/admin/reports?state=${s}`,
        `${REPORT_STATE_LABELS[s]} (${toPersianDigits(v.counts[s])})`,
        v.state === s,
      ),
    )}
  </ul></nav>`
}

/** `/admin/reports`: the reports of the agency (every agency's for the centre), state and age. */
export function reportListPage(v: ReportListView): Html {
  const list =
    v.items.length === 0
      ? html`<p class="mr-body" id="no-reports">گزارشی با این پالایش نیست.</p>`
      : table({
          caption: v.overdueOnly ? 'گزارش‌های گذشته از موعد پاسخ' : 'گزارش‌های نادرستی اطلاعات',
          id: 'report-list',
          scrollable: true,
          head: [
            { text: 'کد' },
            { text: 'خدمت' },
            ...(v.central ? [{ text: 'دستگاه' }] : []),
            { text: 'بخش' },
            { text: 'وضعیت' },
            { text: 'سن (روز)', format: 'numeric' as const },
            { text: 'موعد پاسخ' },
          ],
          rows: v.items.map((i) => [
            {
              html: html`<a class="mr-link" href="/admin/reports/${i.id}"><bdi dir="ltr">${formatTrackingCode(i.code)}</bdi></a>`,
            },
            { text: i.serviceTitle },
            ...(v.central ? [{ text: i.agencyName ?? '—' }] : []),
            { text: REPORT_SECTION_LABELS[i.section] },
            { html: reportStateTag(i.state) },
            { text: toPersianDigits(i.ageDays), format: 'numeric' as const },
            {
              html: html`${holidayDateFa(i.dueOn)}${i.overdue ? html` <strong class="mr-tag mr-tag--red">گذشته از موعد</strong>` : ''}`,
            },
          ]),
        })
  return html`<h1 class="mr-heading-l">${v.overdueOnly ? msg.overdueTitle : msg.inboxTitle}</h1>
    ${filters(v)}${list}`
}

function answerForm(
  v: ReportDetailView,
  csrfToken: string,
  values: Record<string, string>,
  errors: FieldErrors,
): Html {
  const next = toPersianDigits(v.currentVersionNo + 1)
  return html`<h2 class="mr-heading-m">پاسخ به گزارش</h2>
    <form method="post" action="/admin/reports/${v.id}/answer" novalidate>
      ${csrfField(csrfToken)}
      ${radios({
        name: 'decision',
        idPrefix: 'decision',
        fieldset: { legend: { text: 'پاسخ دستگاه', classes: 'mr-fieldset__legend--s' } },
        value: values.decision ?? '',
        errorMessage: fieldError(errors, 'decision'),
        items: [
          { value: 'accept', text: 'پذیرفته شد؛ در نسخهٔ بعدی اصلاح می‌شود' },
          { value: 'reject', text: 'پذیرفته نشد (با دلیل)' },
          { value: 'duplicate', text: 'تکرار گزارش دیگری است' },
          { value: 'spam', text: 'هرزنامه' },
        ],
      })}
      ${textInput({
        name: 'fixVersionNo',
        id: 'fixVersionNo',
        inputmode: 'numeric',
        dir: 'ltr',
        classes: 'mr-input--width-4',
        label: { text: 'اگر پذیرفته شد: شمارهٔ نسخه‌ای که اصلاح در آن منتشر می‌شود' },
        hint: {
          text: `نسخهٔ فعلی ${toPersianDigits(v.currentVersionNo)} است؛ گزارش با انتشار این نسخه بسته می‌شود.`,
        },
        value: values.fixVersionNo ?? next,
        errorMessage: fieldError(errors, 'fixVersionNo'),
      })}
      ${textarea({
        name: 'reason',
        id: 'reason',
        rows: 3,
        label: { text: 'اگر پذیرفته نشد: دلیل (برای شهروند نمایش داده می‌شود)' },
        value: values.reason ?? '',
        errorMessage: fieldError(errors, 'reason'),
      })}
      ${textInput({
        name: 'duplicateOf',
        id: 'duplicateOf',
        dir: 'ltr',
        label: { text: 'اگر تکراری است: کد پیگیری گزارش اصلی' },
        value: values.duplicateOf ?? '',
        errorMessage: fieldError(errors, 'duplicateOf'),
      })}
      ${button({ text: 'ثبت پاسخ', attributes: { id: 'answer-report' } })}
    </form>`
}

/** One report for staff: the public facts, the contact for the agency, and the answer form. */
export function reportDetailPage(
  v: ReportDetailView,
  csrfToken: string,
  values: Record<string, string>,
  errors: FieldErrors,
): Html {
  const form = v.canAnswer ? answerForm(v, csrfToken, values, errors) : ''
  return html`${formErrorSummary(errors, { decision: '#decision' })}
    <h1 class="mr-heading-l">گزارش <bdi dir="ltr">${formatTrackingCode(v.report.code)}</bdi></h1>
    ${v.overdue ? warningText({ text: 'موعد پاسخ به این گزارش گذشته است.' }) : ''}
    ${reportFacts(v.report)}
    ${
      v.contact
        ? html`<p class="mr-body" id="report-contact">تماس گزارش‌دهنده (فقط برای دستگاه؛ پس از بسته شدن گزارش پاک می‌شود): <bdi dir="ltr">${v.contact}</bdi></p>`
        : ''
    }
    <p class="mr-body-s">دریافت: ${formatDateFa(v.report.receivedAt)} — موعد پاسخ: ${holidayDateFa(v.report.dueOn)}</p>
    ${form}`
}
