import { html } from 'hono/html'
import {
  button,
  csrfField,
  type FieldErrors,
  fieldError,
  type Html,
  radios,
  textarea,
  textInput,
} from '../../../web/ui/index.ts'
import { formErrorSummary } from '../../services/index.ts'
import { reportMsg as msg, REPORT_SECTION_LABELS } from '../report.messages.fa.ts'
import { REPORT_SECTIONS } from '../report.model.ts'

export interface ReportFormView {
  csrfToken: string
  slug: string
  serviceTitle: string
  values: Record<string, string>
  errors: FieldErrors
  /** Extra fields the abuse guard adds (honeypot, fill-time stamp); empty until it is wired. */
  guardFields: Html | string
}

/**
 * The citizen's report of wrong information: which section, what is wrong, optionally what is
 * right and a contact. No sign-in and no JavaScript needed.
 */
export function reportFormPage(v: ReportFormView): Html {
  return html`${formErrorSummary(v.errors, { section: '#section' })}
    <h1 class="mr-heading-l">${msg.formTitle(v.serviceTitle)}</h1>
    <p class="mr-body">اگر چیزی در صفحهٔ «<a class="mr-link" href="/services/${v.slug}">${v.serviceTitle}</a>» نادرست یا کهنه است، به دستگاه مسئول بگویید. دستگاه باید ظرف ۱۵ روز کاری پاسخ دهد.</p>
    <form method="post" action="/services/${v.slug}/report" novalidate>
      ${csrfField(v.csrfToken)}${v.guardFields}
      ${radios({
        name: 'section',
        idPrefix: 'section',
        fieldset: {
          legend: { text: 'کدام بخش صفحه نادرست است؟', classes: 'mr-fieldset__legend--m' },
        },
        items: REPORT_SECTIONS.map((s) => ({ value: s, text: REPORT_SECTION_LABELS[s] })),
        value: v.values.section ?? '',
        errorMessage: fieldError(v.errors, 'section'),
      })}
      ${textarea({
        name: 'whatWrong',
        id: 'whatWrong',
        label: { text: 'چه چیزی نادرست است؟', classes: 'mr-label--m' },
        rows: 5,
        value: v.values.whatWrong ?? '',
        errorMessage: fieldError(v.errors, 'whatWrong'),
      })}
      ${textarea({
        name: 'whatRight',
        id: 'whatRight',
        label: { text: 'اطلاعات درست چیست؟ (اختیاری)', classes: 'mr-label--m' },
        rows: 3,
        value: v.values.whatRight ?? '',
        errorMessage: fieldError(v.errors, 'whatRight'),
      })}
      ${textInput({
        name: 'contact',
        id: 'contact',
        type: 'text',
        dir: 'ltr',
        autocomplete: 'email',
        label: { text: 'شمارهٔ همراه یا رایانامه (اختیاری)', classes: 'mr-label--m' },
        hint: {
          text: 'فقط اگر می‌خواهید دستگاه با شما تماس بگیرد. هرگز نمایش داده نمی‌شود و پس از بسته شدن گزارش پاک می‌شود.',
        },
        value: v.values.contact ?? '',
        errorMessage: fieldError(v.errors, 'contact'),
      })}
      ${button({ text: 'فرستادن گزارش', attributes: { id: 'send-report' } })}
    </form>`
}
