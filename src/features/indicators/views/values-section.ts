import { html } from 'hono/html'
import { formatNumberFa } from '../../../lib/fa/index.ts'
import {
  button,
  csrfField,
  type FieldErrors,
  fieldError,
  type Html,
  insetText,
  select,
  table,
  textarea,
  textInput,
  warningText,
} from '../../../web/ui/index.ts'
import type { Unit } from '../indicator.model.ts'
import type { ValueRow, ValuesSection } from '../indicator-values.read.ts'
import { amount, day, isoDayFa } from './indicator-common.ts'

const STATE_FA: Record<ValueRow['periodState'], string> = {
  open: 'ثبت‌شده، فرستاده نشده',
  submitted: 'در انتظار بررسی ستاد',
  accepted: 'پذیرفته و قفل‌شده',
  returned: 'بازگشته برای اصلاح',
}
const SOURCE_FA: Record<ValueRow['source'], string> = {
  computed: 'محاسبهٔ پرتال',
  api: 'سامانهٔ دستگاه',
  manual: 'ورود دستی',
  csv: 'پروندهٔ CSV',
}

const WIDTH = 640
const LABEL = 150
const PAD = 8
const ROW = 30
const BAR = 14

/**
 * Value against target over periods: one bar per period (growing leftwards, right to left), the
 * year's target as a dark mark on the same row, and both written beside it, so nothing rests on
 * colour. The table under it holds the same numbers.
 */
export function valueChart(rows: readonly ValueRow[], unit: Unit, title: string): Html {
  const drawn = rows.filter((r) => r.value !== null)
  if (drawn.length === 0) return html``
  const top = Math.max(...drawn.map((r) => Math.max(r.value ?? 0, r.target ?? 0)), 1)
  const max = unit === 'percent' ? 100 : unit === 'score_1_5' || unit === 'level_1_5' ? 5 : top
  const right = WIDTH - LABEL - PAD
  const span = right - 150
  const x = (v: number) => right - (Math.min(Math.max(v, 0), max) / max) * span
  const height = PAD * 2 + drawn.length * ROW
  const bars = drawn.map((r, i) => {
    const mid = PAD + i * ROW + ROW / 2
    const value = r.value ?? 0
    const said = `${r.periodLabel}: ${amount(value, unit)}${r.target !== null ? `، هدف ${amount(r.target, unit)}` : ''}`
    return html`<g><title>${said}</title>
      <text x="${WIDTH - PAD}" y="${mid}" dominant-baseline="middle" direction="rtl" class="mr-chart__label">${r.periodLabel}</text>
      <rect x="${x(value).toFixed(1)}" y="${mid - BAR / 2}" width="${(right - x(value)).toFixed(1)}" height="${BAR}" fill="#1d70b8"></rect>
      ${r.target !== null ? html`<path d="M${x(r.target).toFixed(1)} ${mid - 11}V${mid + 11}" stroke="#0b0c0c" stroke-width="3"></path>` : ''}
      <text x="${(Math.min(x(value), r.target !== null ? x(r.target) : right) - 6).toFixed(1)}" y="${mid}" dominant-baseline="middle" direction="rtl" class="mr-chart__value">${formatNumberFa(Math.round(value * 10) / 10)}${r.target !== null ? ` / هدف ${formatNumberFa(r.target)}` : ''}</text>
    </g>`
  })
  return html`<svg class="mr-chart" role="img" aria-label="${title}" viewBox="0 0 ${WIDTH} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg" direction="rtl" font-size="13"><title>${title}</title><line x1="${right}" y1="${PAD}" x2="${right}" y2="${height - PAD}" stroke="#0b0c0c"></line>${bars}</svg>`
}

function valueText(r: ValueRow, unit: Unit): Html {
  if (r.value === null) return html`${r.note ?? 'بدون مقدار'}`
  return html`${amount(Math.round(r.value * 100) / 100, unit)}`
}

export function valuesTable(rows: readonly ValueRow[], unit: Unit, withAgency: boolean): Html {
  return table({
    caption: 'مقدارها',
    captionClasses: 'mr-table__caption--s',
    id: 'indicator-values',
    scrollable: true,
    head: [
      ...(withAgency ? [{ text: 'دستگاه' }] : []),
      { text: 'دوره' },
      { text: 'مقدار' },
      { text: 'صورت / مخرج', format: 'numeric' as const },
      { text: 'n', format: 'numeric' as const },
      { text: 'منبع' },
      { text: 'ثبت' },
      { text: 'وضعیت دوره' },
    ],
    rows: rows.map((r) => [
      ...(withAgency ? [{ text: r.agencyNameFa }] : []),
      { text: r.periodLabel },
      { html: valueText(r, unit) },
      {
        text:
          r.numerator === null
            ? '—'
            : `${formatNumberFa(r.numerator)}${r.denominator !== null ? ` / ${formatNumberFa(r.denominator)}` : ''}`,
        format: 'numeric' as const,
      },
      { text: r.n === null ? '—' : formatNumberFa(r.n), format: 'numeric' as const },
      {
        html: html`${SOURCE_FA[r.source]}${r.evidenceNote ? html`<br><span class="mr-body-s">مستند: ${r.evidenceNote}</span>` : ''}${r.hasEvidenceFile ? html`<br><span class="mr-body-s">پروندهٔ مستند پیوست است</span>` : ''}`,
      },
      {
        html: html`${day(r.recordedAt)}${r.late ? html` <strong class="mr-tag mr-tag--orange">دیرتر از موعد (${isoDayFa(r.dueOn)})</strong>` : ''}`,
      },
      { text: STATE_FA[r.periodState] },
    ]),
  })
}

export interface ValuesForm {
  values: Record<string, string>
  errors: FieldErrors
}

function entryForm(code: string, s: ValuesSection, csrf: string, f: ValuesForm): Html {
  const v = f.values
  const e = f.errors
  const evidenceError = e.evidenceFile ?? e.evidence
  return html`<form method="post" action="/admin/indicators/${code}/values" enctype="multipart/form-data" novalidate id="value-form">
    ${csrfField(csrf)}
    <h3 class="mr-heading-s">ثبت مقدار یک دوره</h3>
    ${select({ name: 'period', label: { text: 'دوره' }, items: s.periods.map((p) => ({ value: p.key, text: p.label })), value: v.period ?? s.periods[0]?.key ?? '', errorMessage: fieldError(e, 'period') })}
    ${textInput({ name: 'numerator', label: { text: 'صورت کسر (یا مقدار)' }, inputmode: 'decimal', classes: 'mr-input--width-10', value: v.numerator ?? '', errorMessage: fieldError(e, 'numerator') })}
    ${textInput({ name: 'denominator', label: { text: 'مخرج کسر' }, hint: { text: 'برای شاخصی که مخرج ندارد خالی بگذارید.' }, inputmode: 'decimal', classes: 'mr-input--width-10', value: v.denominator ?? '', errorMessage: fieldError(e, 'denominator') })}
    ${textarea({ name: 'evidenceNote', label: { text: 'مستند: منبع داده' }, hint: { text: 'بنویسید عدد از کجا آمده است (سامانه، گزارش، تاریخ خروجی). توضیح یا پروندهٔ مستند لازم است.' }, rows: 3, value: v.evidenceNote ?? '', errorMessage: fieldError(e, 'evidenceNote') })}
    <div class="mr-form-group${evidenceError ? ' mr-form-group--error' : ''}">
      <label class="mr-label" for="evidenceFile">پروندهٔ مستند (اختیاری؛ PDF، DOCX، XLSX یا ODT، تا ۹۰۰ کیلوبایت)</label>
      ${evidenceError ? html`<p id="evidenceFile-error" class="mr-error-message"><span class="mr-visually-hidden">خطا: </span>${evidenceError}</p>` : ''}
      <input class="mr-file-upload" id="evidenceFile" name="evidenceFile" type="file" accept=".pdf,.docx,.xlsx,.odt"${evidenceError ? html` aria-describedby="evidenceFile-error" aria-invalid="true"` : ''}>
    </div>
    ${textarea({ name: 'note', label: { text: 'یادداشت (اختیاری)' }, rows: 2, value: v.note ?? '', errorMessage: fieldError(e, 'note') })}
    ${button({ text: 'ثبت مقدار', id: 'record-value' })}
  </form>
  <p class="mr-body"><a class="mr-link" href="/admin/indicators/upload">بارگذاری مقدارها از پروندهٔ CSV</a></p>`
}

function submitForms(s: ValuesSection, csrf: string): Html {
  if (s.submittable.length === 0) return html``
  return html`<h3 class="mr-heading-s">فرستادن دوره برای بررسی ستاد</h3>
    <p class="mr-body">با فرستادن یک دوره، همهٔ مقدارهای دستگاه در آن دوره برای بررسی ستاد فرستاده می‌شود و تا پاسخ ستاد تغییر نمی‌کند؛ دورهٔ پذیرفته‌شده قفل می‌شود.</p>
    ${s.submittable.map(
      (
        p,
      ) => html`<form method="post" action="/admin/indicators/periods/${p.key}/submit" novalidate class="mr-indicator-actions">
        ${csrfField(csrf)}
        ${button({ text: `فرستادن ${p.label}`, variant: 'secondary', id: `submit-period-${p.key}` })}
      </form>`,
    )}`
}

/** The values section of an indicator's staff page. */
export function valuesSection(
  code: string,
  name: string,
  s: ValuesSection,
  csrf: string,
  form: ValuesForm,
): Html {
  return html`<section aria-labelledby="values-heading" id="values">
    <h2 class="mr-heading-m" id="values-heading">مقدارها</h2>
    ${s.computed ? html`<p class="mr-body">این شاخص را پرتال هر روز برای دوره‌های پایان‌یافته محاسبه می‌کند؛ هر مقدار با صورت، مخرج و n خود نگه داشته می‌شود.</p>` : ''}
    ${s.stale ? warningText({ text: 'مقدار تازه‌ای برای این شاخص ثبت نشده است: تازه‌ترین مقدار از بیشترین عمر مجاز آن قدیمی‌تر است.' }) : ''}
    ${s.rows.length === 0 ? insetText({ text: 'هنوز مقداری ثبت نشده است.' }) : html`${s.ownAgency ? valueChart(s.rows, s.unit, `${name}: مقدار در برابر هدف در هر دوره`) : ''}${valuesTable(s.rows, s.unit, !s.ownAgency)}`}
    ${s.canEnter ? entryForm(code, s, csrf, form) : ''}
    ${submitForms(s, csrf)}
  </section>`
}
