import { html } from 'hono/html'
import { formatDateFa, toPersianDigits } from '../../../lib/fa/index.ts'
import {
  button,
  errorSummary,
  type Html,
  panel,
  summaryList,
  type TagColour,
  tag,
  textInput,
} from '../../../web/ui/index.ts'
import { holidayDateFa } from '../../calendar/index.ts'
import {
  reportMsg as msg,
  REPORT_SECTION_LABELS,
  REPORT_STATE_LABELS,
} from '../report.messages.fa.ts'
import { formatTrackingCode, type ReportState } from '../report.model.ts'
import type { PublicReport } from '../report.read.ts'

const STATE_COLOURS: Record<ReportState, TagColour> = {
  received: 'blue',
  accepted: 'yellow',
  rejected: 'grey',
  duplicate: 'grey',
  spam: 'grey',
  fixed: 'green',
}

export function reportStateTag(state: ReportState): Html {
  return tag({ text: REPORT_STATE_LABELS[state], colour: STATE_COLOURS[state] })
}

const when = (d: Date) => html`<time datetime="${d.toISOString()}">${formatDateFa(d)}</time>`

/** The facts of a report anyone with its code may see: never the contact. */
export function reportFacts(r: PublicReport): Html {
  return summaryList({
    attributes: { id: 'report-facts' },
    rows: [
      {
        key: { text: 'کد پیگیری' },
        value: { html: html`<bdi dir="ltr">${formatTrackingCode(r.code)}</bdi>` },
      },
      {
        key: { text: 'خدمت' },
        value: {
          html: html`<a class="mr-link" href="/services/${r.serviceSlug}">${r.serviceTitle}</a>`,
        },
      },
      { key: { text: 'بخش' }, value: { text: REPORT_SECTION_LABELS[r.section] } },
      {
        key: { text: 'وضعیت' },
        value: { html: html`<span id="report-state">${reportStateTag(r.state)}</span>` },
      },
      ...(r.answer
        ? [
            {
              key: { text: 'پاسخ دستگاه' },
              value: { html: html`<span id="report-answer">${r.answer}</span>` },
            },
          ]
        : [{ key: { text: 'موعد پاسخ' }, value: { text: holidayDateFa(r.dueOn) } }]),
      { key: { text: 'تاریخ گزارش' }, value: { html: when(r.receivedAt) } },
      {
        key: { text: 'آنچه گزارش شد' },
        value: { html: html`<span id="report-what-wrong">${r.whatWrong}</span>` },
      },
      ...(r.whatRight
        ? [{ key: { text: 'اطلاعات درست به گفتهٔ گزارش‌دهنده' }, value: { text: r.whatRight } }]
        : []),
    ],
  })
}

/**
 * `/reports/<code>`: the public status of one report. Just after sending, the confirmation
 * panel with the code is the page's heading; later the page is headed by its title.
 */
export function reportStatusPage(r: PublicReport, justSent: boolean): Html {
  return html`${
    justSent
      ? panel({
          titleText: msg.received,
          headingLevel: 1,
          code: formatTrackingCode(r.code),
          html: html`<p>${msg.codeHint}</p>`,
          attributes: { id: 'report-received' },
        })
      : html`<h1 class="mr-heading-l">${msg.statusTitle}</h1>`
  }${reportFacts(r)}
    <p class="mr-body-s">این صفحه را با کد پیگیری در هر زمان می‌توانید دوباره ببینید. شمارهٔ تماس یا رایانامهٔ شما اینجا نمایش داده نمی‌شود.</p>`
}

/** `/reports`: look a report up by its code. */
export function reportLookupPage(values: { code: string }, error: string | null): Html {
  return html`${error ? errorSummary({ errorList: [{ text: error, href: '#code' }] }) : ''}
  <h1 class="mr-heading-l">${msg.statusTitle}</h1>
  <form method="get" action="/reports" novalidate>
    ${textInput({
      name: 'code',
      id: 'code',
      dir: 'ltr',
      autocomplete: 'off',
      label: { text: 'کد پیگیری گزارش', classes: 'mr-label--m' },
      hint: {
        text: `کدی ${toPersianDigits(10)} نویسه‌ای مانند ABC-DEF-GHJK که پس از فرستادن گزارش گرفتید.`,
      },
      value: values.code,
      errorMessage: error ? { text: error } : false,
    })}
    ${button({ text: 'پیگیری' })}
  </form>`
}

/** What a sender refused silently by the abuse controls sees (a person who sent twice, or a bot). */
export function reportDroppedPage(): Html {
  return panel({
    titleText: msg.receivedNoCode,
    headingLevel: 1,
    attributes: { id: 'report-received' },
  })
}
