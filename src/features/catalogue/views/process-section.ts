import { html, raw } from 'hono/html'
import { button, dateInput, type Html } from '../../../web/ui/index.ts'

export interface ProcessStepRow {
  number: string
  title: string
  kind: 'task' | 'decision'
  actor: string
  time: string
  next: string
  attendance: boolean
  variant: string | null
  mayRepeat: boolean
}

export interface ProcessSectionView {
  slug: string
  /** Trusted SVG from the flowchart renderer (every text in it is escaped there). */
  svg: string
  steps: ProcessStepRow[]
  totalText: string
  visits: string | null
  repeatNote: string | null
  completion: {
    startFa: string
    earliestFa: string
    latestFa: string
    today: boolean
    /** The last day whose lunar holidays are known, when the window runs past it; else null. */
    lunarKnownThroughFa: string | null
  } | null
  ask: { values: { day?: string; month?: string; year?: string }; error: string | null }
}

/** R6: the steps as a graph and as an ordered table, the total time and when to expect the result. */
export function processSection(v: ProcessSectionView): Html {
  return html`<section class="mr-service-section" id="process" aria-labelledby="process-heading">
    <h2 class="mr-heading-m" id="process-heading">مراحل انجام کار و زمان هر مرحله</h2>
    <p class="mr-body">زمان کل انجام کار: <strong>${v.totalText}</strong>${v.visits ? html` — مراجعهٔ حضوری: ${v.visits}` : ''}</p>
    ${v.repeatNote ? html`<p class="mr-body mr-secondary-text">${v.repeatNote}</p>` : ''}
    ${
      v.completion
        ? html`<div class="mr-inset-text mr-completion" aria-live="polite"><p class="mr-body">
            اگر ${v.completion.today ? 'امروز' : ''} (${v.completion.startFa}) درخواست دهید، انتظار می‌رود نتیجه بین
            <strong>${v.completion.earliestFa}</strong> و <strong>${v.completion.latestFa}</strong> آماده شود.</p>
            ${
              v.completion.lunarKnownThroughFa
                ? html`<p class="mr-body-s" id="completion-lunar-unknown">جمعه‌ها و تعطیلات رسمی خورشیدی در این محاسبه شمرده نمی‌شوند، اما تعطیلات قمری پس از ${v.completion.lunarKnownThroughFa} هنوز در <a class="mr-link" href="/calendar">تقویم تعطیلات</a> ثبت نشده و به حساب نیامده است؛ ممکن است نتیجه دیرتر آماده شود.</p>`
                : html`<p class="mr-body-s">روزهای جمعه و تعطیلات رسمی در این محاسبه شمرده نمی‌شوند.</p>`
            }</div>`
        : ''
    }
    <details class="mr-details">
      <summary class="mr-details__summary"><span class="mr-details__summary-text">محاسبه برای تاریخ دیگری</span></summary>
      <div class="mr-details__text">
        <form method="get" action="/services/${v.slug}#process" novalidate>
          ${dateInput({
            id: 'start',
            fieldset: { legend: { text: 'تاریخ درخواست' } },
            hint: { text: 'به تقویم شمسی، مانند ۱۵ ۱ ۱۴۰۵' },
            values: v.ask.values,
            ...(v.ask.error ? { errorMessage: { text: v.ask.error } } : {}),
          })}
          ${button({ text: 'محاسبه', variant: 'secondary' })}
        </form>
      </div>
    </details>
    <figure class="mr-flowchart">
      <div class="mr-flowchart__scroll" role="region" tabindex="0" aria-labelledby="process-chart-caption">${raw(v.svg)}</div>
      <figcaption class="mr-body-s mr-secondary-text" id="process-chart-caption">نمودار مراحل (اگر از صفحه پهن‌تر است، آن را به چپ و راست بکشید)؛ همین مراحل با متن کامل در جدول زیر آمده است.</figcaption></figure>
    <table class="mr-table mr-process-table">
      <caption class="mr-table__caption mr-table__caption--s">مراحل به ترتیب</caption>
      <thead class="mr-table__head"><tr class="mr-table__row">
        <th scope="col" class="mr-table__header mr-table__header--numeric">مرحله</th>
        <th scope="col" class="mr-table__header">شرح</th>
        <th scope="col" class="mr-table__header">انجام‌دهنده</th>
        <th scope="col" class="mr-table__header">زمان</th>
        <th scope="col" class="mr-table__header">بعدی</th>
      </tr></thead>
      <tbody class="mr-table__body">${v.steps.map(
        (s) => html`<tr class="mr-table__row">
          <td class="mr-table__cell mr-table__cell--numeric">${s.number}</td>
          <th scope="row" class="mr-table__header">${s.kind === 'decision' ? html`<span class="mr-visually-hidden">تصمیم: </span>` : ''}${s.title}
            ${s.attendance ? html`<span class="mr-tag mr-tag--yellow">حضوری</span>` : ''}
            ${s.variant ? html`<span class="mr-tag mr-tag--grey">فقط ${s.variant}</span>` : ''}
            ${s.mayRepeat ? html`<span class="mr-tag mr-tag--grey">ممکن است تکرار شود</span>` : ''}</th>
          <td class="mr-table__cell">${s.actor}</td>
          <td class="mr-table__cell">${s.time}</td>
          <td class="mr-table__cell">${s.next}</td>
        </tr>`,
      )}</tbody>
    </table>
  </section>`
}
