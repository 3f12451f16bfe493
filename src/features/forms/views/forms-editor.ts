import { html } from 'hono/html'
import {
  button,
  type FieldErrors,
  fieldError,
  fieldParts,
  type Html,
  select,
  textInput,
} from '../../../web/ui/index.ts'
import {
  type DraftStamp,
  FORM_LANGUAGES,
  formErrorSummary,
  formStart,
} from '../../services/index.ts'
import { FORM_KIND_LABELS, FORM_LANGUAGE_LABELS, formsMsg as m } from '../messages.fa.ts'

export interface EditorFormRow {
  sha256: string
  title: string
  code: string | null
  language: string
  kind: string | null
  size: string | null
  fileName: string
  downloadHref: string
  editHref: string
}

export interface FormsEditorView {
  csrfToken: string
  serviceId: string
  serviceTitle: string
  stamp: DraftStamp
  rows: EditorFormRow[]
  full: boolean
  add: { values: Record<string, string>; errors: FieldErrors }
}

export interface FormEditView {
  csrfToken: string
  serviceId: string
  serviceTitle: string
  stamp: DraftStamp
  row: EditorFormRow
  details: { values: Record<string, string>; errors: FieldErrors }
  replace: { errors: FieldErrors }
}

export function formsHref(serviceId: string): string {
  return `/admin/services/${serviceId}/edit/forms`
}

const ACCEPT =
  '.pdf,.docx,.xlsx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.text'

function fileInput(name: string, labelText: string, errors: FieldErrors): Html {
  const f = fieldParts({
    name,
    label: { text: labelText },
    hint: { text: m.fileHint },
    errorMessage: fieldError(errors, name),
  })
  return f.group(
    html`<input class="mr-file-upload${f.hasError ? ' mr-file-upload--error' : ''}" id="${f.id}" name="${name}" type="file" accept="${ACCEPT}"${f.describedBy ? html` aria-describedby="${f.describedBy}"` : ''}${f.hasError ? html` aria-invalid="true"` : ''}>`,
  )
}

function detailFields(values: Record<string, string>, errors: FieldErrors): Html {
  return html`${textInput({
    name: 'title',
    label: { text: m.title },
    value: values.title ?? '',
    maxlength: 200,
    errorMessage: fieldError(errors, 'title'),
  })}
  ${textInput({
    name: 'code',
    label: { text: m.code },
    hint: { text: m.codeHint },
    value: values.code ?? '',
    dir: 'ltr',
    classes: 'mr-input--width-10',
    maxlength: 50,
    spellcheck: false,
    errorMessage: fieldError(errors, 'code'),
  })}
  ${select({
    name: 'language',
    label: { text: m.language },
    items: FORM_LANGUAGES.map((l) => ({ value: l, text: FORM_LANGUAGE_LABELS[l] })),
    value: values.language ?? 'fa',
    errorMessage: fieldError(errors, 'language'),
  })}`
}

function formsTable(v: FormsEditorView): Html {
  if (v.rows.length === 0) return html`<p class="mr-body" id="forms-none">${m.none}</p>`
  return html`<table class="mr-table" id="draft-forms">
    <caption class="mr-table__caption mr-visually-hidden">${m.sectionLabel}</caption>
    <thead class="mr-table__head"><tr class="mr-table__row">
      <th scope="col" class="mr-table__header">${m.colTitle}</th>
      <th scope="col" class="mr-table__header">${m.colLanguage}</th>
      <th scope="col" class="mr-table__header">${m.colKind}</th>
      <th scope="col" class="mr-table__header">${m.colSize}</th>
      <th scope="col" class="mr-table__header">${m.colActions}</th>
    </tr></thead>
    <tbody class="mr-table__body">${v.rows.map(
      (r) => html`<tr class="mr-table__row">
        <th scope="row" class="mr-table__header">${r.title}${
          r.code ? html`<span class="mr-hint-inline"><bdi dir="ltr">${r.code}</bdi></span>` : ''
        }<span class="mr-hint-inline"><bdi>${r.fileName}</bdi></span></th>
        <td class="mr-table__cell">${r.language}</td>
        <td class="mr-table__cell"><bdi dir="ltr">${r.kind ?? '—'}</bdi></td>
        <td class="mr-table__cell">${r.size ?? '—'}</td>
        <td class="mr-table__cell">
          <a class="mr-link" href="${r.editHref}">${m.edit}<span class="mr-visually-hidden"> ${r.title}</span></a>
          · <a class="mr-link" href="${r.downloadHref}">${m.download}<span class="mr-visually-hidden"> ${r.title}</span></a>
        </td>
      </tr>`,
    )}</tbody></table>`
}

/** `/admin/services/:id/edit/forms`: the draft's forms and the upload form. */
export function formsEditorPage(v: FormsEditorView): Html {
  const href = formsHref(v.serviceId)
  return html`${formErrorSummary(v.add.errors)}
    <span class="mr-caption-l">${v.serviceTitle || 'خدمت بی‌عنوان'}</span>
    <h1 class="mr-heading-l">${m.sectionLabel}</h1>
    <p class="mr-body">${m.pageLead}</p>
    ${formsTable(v)}
    <h2 class="mr-heading-m" id="add">${m.addHeading}</h2>
    ${
      v.full
        ? html`<p class="mr-body">${m.tooMany}</p>`
        : html`<form method="post" action="${href}" enctype="multipart/form-data" novalidate id="add-form">
          ${formStart(v.csrfToken, v.stamp)}
          ${detailFields(v.add.values, v.add.errors)}
          ${fileInput('file', m.file, v.add.errors)}
          ${button({ text: m.add })}
        </form>`
    }
    <p class="mr-body"><a class="mr-link" href="/admin/services/${v.serviceId}">${m.backToService}</a></p>`
}

/** `/admin/services/:id/edit/forms/:sha256`: one form's details, its file, and removal. */
export function formEditPage(v: FormEditView): Html {
  const href = v.row.editHref
  return html`${formErrorSummary({ ...v.details.errors, ...v.replace.errors })}
    <span class="mr-caption-l">${v.serviceTitle || 'خدمت بی‌عنوان'}</span>
    <h1 class="mr-heading-l">${m.editHeading}: ${v.row.title}</h1>
    <p class="mr-body"><a class="mr-link" href="${v.row.downloadHref}">${m.download}<span class="mr-visually-hidden"> ${v.row.title}</span></a>
      (<bdi>${v.row.fileName}</bdi>${v.row.kind ? html`، <bdi dir="ltr">${v.row.kind}</bdi>` : ''}${v.row.size ? html`، ${v.row.size}` : ''})</p>
    <form method="post" action="${href}" novalidate id="details-form">
      ${formStart(v.csrfToken, v.stamp)}
      ${detailFields(v.details.values, v.details.errors)}
      ${button({ text: m.save })}
    </form>
    <h2 class="mr-heading-m" id="replace">${m.replaceHeading}</h2>
    <p class="mr-body">${m.replaceLead}</p>
    <form method="post" action="${href}/file" enctype="multipart/form-data" novalidate id="replace-form">
      ${formStart(v.csrfToken, v.stamp)}
      ${fileInput('newFile', m.newFile, v.replace.errors)}
      ${button({ text: m.replace, variant: 'secondary' })}
    </form>
    <h2 class="mr-heading-m">${m.removeHeading}</h2>
    <form method="post" action="${href}/delete" id="remove-form">
      ${formStart(v.csrfToken, v.stamp)}
      ${button({ text: m.remove, variant: 'warning' })}
    </form>
    <p class="mr-body"><a class="mr-link" href="${formsHref(v.serviceId)}">${m.sectionLabel}</a></p>`
}

export { FORM_KIND_LABELS }
