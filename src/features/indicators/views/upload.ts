import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/index.ts'
import {
  button,
  csrfField,
  errorSummary,
  type FieldErrors,
  fieldError,
  fieldParts,
  type Html,
  panel,
  table,
  textInput,
} from '../../../web/ui/index.ts'
import { COLUMN_LABELS, uploadPageMsg as m } from '../upload.messages.fa.ts'
import type { CsvRowError } from '../value-csv.ts'

export const UPLOAD_HREF = '/admin/indicators/upload'
export const TEMPLATE_HREF = '/admin/indicators/upload/template.csv'
/** The enhancement script (progress bar, result shown in place); the form works without it. */
export const UPLOAD_SCRIPT = '/assets/indicator-upload.js'

export interface UploadFormView {
  csrfToken: string
  maxKb: number
  maxRows: number
  /** Field errors of the form itself (no file chosen). */
  errors: FieldErrors
  evidenceNote: string
  /** The rows' problems of a refused file. */
  rowErrors: CsvRowError[]
  /** «رمزگذاری پرونده: …» of a refused file that could be decoded. */
  encoding: string | null
}

export interface UploadDoneView {
  count: number
  encoding: string
  rows: { row: string; code: string; period: string; value: string }[]
}

const fa = (n: number | null) => (n === null ? m.wholeFile : toPersianDigits(n))

function fileField(v: UploadFormView): Html {
  const f = fieldParts({
    name: 'file',
    label: { text: m.fileLabel, classes: 'mr-label--s' },
    hint: { text: `${m.fileHint(v.maxKb, v.maxRows)} ${m.encodings}` },
    errorMessage: fieldError(v.errors, 'file'),
  })
  return f.group(
    html`<input class="mr-file-upload${f.hasError ? ' mr-file-upload--error' : ''}" id="${f.id}" name="file" type="file" accept=".csv,.txt,text/csv,text/plain" data-max-bytes="${v.maxKb * 1024}"${f.describedBy ? html` aria-describedby="${f.describedBy}"` : ''}${f.hasError ? html` aria-invalid="true"` : ''}>`,
  )
}

function rowErrorsTable(errors: CsvRowError[]): Html {
  return table({
    id: 'csv-errors',
    caption: m.errorsCaption,
    captionClasses: 'mr-table__caption--m',
    scrollable: true,
    head: [
      { text: m.rowHeader, format: 'numeric' },
      { text: m.columnHeader },
      { text: m.problemHeader },
    ],
    rows: errors.map((e) => [
      { text: fa(e.row), format: 'numeric' },
      { text: e.column ? COLUMN_LABELS[e.column] : '—' },
      { text: e.message },
    ]),
  })
}

function columnsHelp(): Html {
  return html`<h2 class="mr-heading-m">${m.columnsHeading}</h2>
  <p class="mr-body">${m.columnsIntro}</p>
  ${table({
    caption: m.columnsHeading,
    captionClasses: 'mr-visually-hidden',
    scrollable: true,
    head: [{ text: 'ستون' }, { text: 'نام فارسی' }, { text: 'چه بنویسید' }],
    rows: m.columns.map(([en, faName, what]) => [
      { html: html`<code dir="ltr">${en}</code>` },
      { text: faName },
      { text: what },
    ]),
  })}
  <p class="mr-body"><a class="mr-link" href="${TEMPLATE_HREF}" download>${m.template}</a></p>
  <p class="mr-body">${m.templateHint}</p>`
}

/** The upload form, with the refused file's row errors above it when there are any. */
export function uploadFormPage(v: UploadFormView): Html {
  const fileProblems = Object.entries(v.errors).map(([name, text]) => ({ text, href: `#${name}` }))
  const summary =
    v.rowErrors.length > 0
      ? errorSummary({
          titleText: m.errorTitle,
          description: { text: m.errorsHeading(v.rowErrors.length) },
          errorList: [{ text: m.errorsCaption, href: '#csv-errors' }],
        })
      : fileProblems.length > 0
        ? errorSummary({ errorList: fileProblems })
        : html``
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds" id="upload-result">
  ${summary}
  <h1 class="mr-heading-l" tabindex="-1">${m.title}</h1>
  <p class="mr-body">${m.intro}</p>
  ${v.rowErrors.length > 0 ? rowErrorsTable(v.rowErrors) : html``}
  ${v.encoding ? html`<p class="mr-body-s">${m.encodingNote(v.encoding)}</p>` : html``}
  <form method="post" action="${UPLOAD_HREF}" enctype="multipart/form-data" novalidate data-upload-progress>
    ${csrfField(v.csrfToken)}
    ${fileField(v)}
    ${textInput({
      name: 'evidenceNote',
      label: { text: m.evidenceLabel, classes: 'mr-label--s' },
      hint: { text: m.evidenceHint },
      value: v.evidenceNote,
      maxlength: 4000,
      errorMessage: fieldError(v.errors, 'evidenceNote'),
    })}
    <div class="mr-upload-progress" data-upload-status hidden>
      <label class="mr-label" for="upload-progress">${m.progressLabel}</label>
      <progress id="upload-progress" max="100" value="0"></progress>
      <p class="mr-body-s" role="status" aria-live="polite"></p>
    </div>
    ${button({ text: m.submit })}
  </form>
  ${columnsHelp()}
  <p class="mr-body"><a class="mr-link" href="/admin/indicators">${m.back}</a></p>
</div></div>`
}

/** «N مقدار ثبت شد», with the values recorded. */
export function uploadDonePage(v: UploadDoneView): Html {
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds" id="upload-result">
  ${panel({ titleText: m.recorded(v.count), text: m.encodingNote(v.encoding) })}
  <p class="mr-body">${m.recordedHint}</p>
  ${table({
    caption: m.recordedCaption,
    captionClasses: 'mr-table__caption--m',
    scrollable: true,
    head: [
      { text: m.rowHeader, format: 'numeric' },
      { text: m.codeHeader },
      { text: m.periodHeader },
      { text: m.valueHeader, format: 'numeric' },
    ],
    rows: v.rows.map((r) => [
      { text: r.row, format: 'numeric' },
      { html: html`<span dir="ltr">${r.code}</span>` },
      { text: r.period },
      { text: r.value, format: 'numeric' },
    ]),
  })}
  <p class="mr-body"><a class="mr-link" href="${UPLOAD_HREF}">${m.again}</a></p>
  <p class="mr-body"><a class="mr-link" href="/admin/indicators">${m.back}</a></p>
</div></div>`
}
