import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import type { FormFields } from '../../../web/form.ts'
import { formOnceField } from '../../../web/form-once.ts'
import {
  button,
  checkboxes,
  csrfField,
  type FieldErrors,
  fieldError,
  type Html,
  radios,
  select,
  type TableCell,
  table,
  textarea,
  textInput,
} from '../../../web/ui/index.ts'
import type { ListSection } from '../editor.model.ts'
import {
  CURRENCY_LABELS,
  DOCUMENT_FORM_LABELS,
  editorMsg as em,
  SECTION_LABELS,
} from '../messages.fa.ts'
import { CURRENCIES, DOCUMENT_FORMS } from '../service.model.ts'
import {
  type DraftStamp,
  draftStampFields,
  fieldValue,
  fieldValues,
  formErrorSummary,
  formStart,
} from './editor-common.ts'

export interface LawChoice {
  id: string
  label: string
}

export interface ListRow {
  index: number
  fingerprint: string
  /** What the actions' hidden text names the item by. */
  name: string
  cells: string[]
}

export interface ListPageView {
  csrfToken: string
  serviceId: string
  serviceTitle: string
  list: ListSection
  stamp: DraftStamp
  rows: ListRow[]
  addValues: FormFields
  addErrors: FieldErrors
  laws: LawChoice[]
  /** The documents list's «no documents are required» statement. */
  noDocuments: { checked: boolean; errors: FieldErrors } | null
  /** The list holds as many items as it may. */
  full: boolean
  /** The add form's one-time token (web/form-once.ts): sent again, it adds nothing twice. */
  onceToken?: string
}

export interface ItemPageView {
  csrfToken: string
  serviceId: string
  serviceTitle: string
  list: ListSection
  index: number
  fingerprint: string
  stamp: DraftStamp
  values: FormFields
  errors: FieldErrors
  laws: LawChoice[]
}

const label = (text: string) => ({ text, classes: 'mr-label--s' })

const HEADS: Record<ListSection, string[]> = {
  legal: [em.colLaw, em.colArticle, em.colNote],
  documents: [em.colDocument, em.colForm, em.colCount, em.colIssuer, em.colInquiry],
  fees: [em.colFee, em.colAmount],
}

/** The fields of one item of a list section. */
export function itemFields(
  list: ListSection,
  v: FormFields,
  e: FieldErrors,
  laws: LawChoice[],
): Html {
  if (list === 'legal') {
    return html`${select({
      name: 'lawId',
      label: label(em.law),
      hint: { html: html`${em.lawHint} <a class="mr-link" href="/laws">فهرست قوانین</a>` },
      value: fieldValue(v, 'lawId'),
      errorMessage: fieldError(e, 'lawId'),
      items: [
        { value: '', text: em.chooseOne },
        ...laws.map((l) => ({ value: l.id, text: l.label })),
      ],
    })}
    ${textInput({ name: 'article', label: label(em.article), hint: { text: em.articleHint }, value: fieldValue(v, 'article'), classes: 'mr-input--width-20', errorMessage: fieldError(e, 'article') })}
    ${textarea({ name: 'note', label: label(em.note), rows: 2, value: fieldValue(v, 'note'), errorMessage: fieldError(e, 'note') })}`
  }
  if (list === 'documents') {
    return html`${textInput({ name: 'name', label: label(em.documentName), value: fieldValue(v, 'name'), errorMessage: fieldError(e, 'name') })}
    ${radios({
      name: 'form',
      classes: 'mr-radios--inline',
      fieldset: { legend: { text: em.documentForm, classes: 'mr-fieldset__legend--s' } },
      value: fieldValue(v, 'form'),
      errorMessage: fieldError(e, 'form'),
      items: DOCUMENT_FORMS.map((f) => ({ value: f, text: DOCUMENT_FORM_LABELS[f] })),
    })}
    ${textInput({ name: 'count', label: label(em.documentCount), value: fieldValue(v, 'count'), inputmode: 'numeric', classes: 'mr-input--width-3', errorMessage: fieldError(e, 'count') })}
    ${textInput({ name: 'issuer', label: label(em.issuer), value: fieldValue(v, 'issuer'), errorMessage: fieldError(e, 'issuer') })}
    ${checkboxes({
      name: 'obtainableByInquiry',
      values: fieldValues(v, 'obtainableByInquiry'),
      errorMessage: fieldError(e, 'obtainableByInquiry'),
      items: [{ value: 'yes', text: em.obtainableByInquiry }],
    })}
    ${textarea({ name: 'note', label: label(em.note), rows: 2, value: fieldValue(v, 'note'), errorMessage: fieldError(e, 'note') })}`
  }
  return html`${textInput({
    name: 'amount',
    label: label(em.amount),
    hint: { text: em.amountHint },
    value: fieldValue(v, 'amount'),
    inputmode: 'numeric',
    classes: 'mr-input--width-10',
    errorMessage: fieldError(e, 'amount'),
  })}
  ${radios({
    name: 'currency',
    classes: 'mr-radios--inline',
    fieldset: { legend: { text: em.currency, classes: 'mr-fieldset__legend--s' } },
    value: fieldValue(v, 'currency'),
    errorMessage: fieldError(e, 'currency'),
    items: CURRENCIES.map((c) => ({ value: c, text: CURRENCY_LABELS[c] })),
  })}
  ${textInput({ name: 'description', label: label(em.feeDescription), value: fieldValue(v, 'description'), errorMessage: fieldError(e, 'description') })}`
}

function listHref(v: { serviceId: string; list: ListSection }): string {
  return `/admin/services/${v.serviceId}/edit/${v.list}`
}

function actionsCell(v: ListPageView, row: ListRow): TableCell {
  const href = `${listHref(v)}/${row.index}`
  return {
    html: html`<a class="mr-link" href="${href}">${em.edit}<span class="mr-visually-hidden"> ${row.name}</span></a>
      <form method="post" action="${href}/delete">
        ${csrfField(v.csrfToken)}${draftStampFields(v.stamp)}
        <input type="hidden" name="original" value="${row.fingerprint}">
        ${button({ html: html`${em.remove}<span class="mr-visually-hidden"> ${row.name}</span>`, variant: 'warning', classes: 'mr-button--small' })}
      </form>`,
  }
}

function itemsTable(v: ListPageView): Html {
  if (v.rows.length === 0) return html`<p class="mr-body" id="list-empty">${em.listEmptyItems}</p>`
  return table({
    caption: SECTION_LABELS[v.list],
    captionClasses: 'mr-visually-hidden',
    id: `${v.list}-items`,
    scrollable: true,
    head: [...HEADS[v.list].map((text) => ({ text })), { text: em.colActions }],
    rows: v.rows.map((r) => [...r.cells.map((text) => ({ text })), actionsCell(v, r)]),
  })
}

function noDocumentsForm(v: ListPageView, nd: NonNullable<ListPageView['noDocuments']>): Html {
  return html`<form method="post" action="${listHref(v)}/none" novalidate>
    ${formStart(v.csrfToken, v.stamp)}
    ${checkboxes({
      name: 'noDocumentsRequired',
      values: nd.checked ? ['yes'] : [],
      errorMessage: fieldError(nd.errors, 'noDocumentsRequired'),
      items: [{ value: 'yes', text: em.noDocumentsRequired }],
    })}
    ${button({ text: em.noDocumentsSave, variant: 'secondary' })}
  </form>`
}

export function listPage(v: ListPageView): Html {
  return html`${formErrorSummary({ ...v.addErrors, ...(v.noDocuments?.errors ?? {}) })}
    <span class="mr-caption-l">${v.serviceTitle || em.untitled}</span>
    <h1 class="mr-heading-l">${SECTION_LABELS[v.list]}</h1>
    <p class="mr-body">${em.revisionHint}</p>
    ${itemsTable(v)}
    ${v.noDocuments ? noDocumentsForm(v, v.noDocuments) : ''}
    <div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    <h2 class="mr-heading-m" id="add">${em.addHeading}</h2>
    ${
      v.full
        ? html`<p class="mr-body">${em.listFull(toPersianDigits(v.rows.length))}</p>`
        : html`<form method="post" action="${listHref(v)}" novalidate>
          ${formStart(v.csrfToken, v.stamp)}
          ${v.onceToken !== undefined ? formOnceField(v.onceToken) : ''}
          ${itemFields(v.list, v.addValues, v.addErrors, v.laws)}
          ${button({ text: em.add })}
        </form>`
    }
    <p class="mr-body"><a class="mr-link" href="/admin/services/${v.serviceId}">${em.backToService}</a></p>
    </div></div>`
}

export function itemPage(v: ItemPageView): Html {
  const href = `${listHref(v)}/${v.index}`
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    ${formErrorSummary(v.errors)}
    <span class="mr-caption-l">${SECTION_LABELS[v.list]} — ${v.serviceTitle || em.untitled}</span>
    <h1 class="mr-heading-l">${em.editItem}</h1>
    <form method="post" action="${href}" novalidate>
      ${formStart(v.csrfToken, v.stamp)}
      <input type="hidden" name="original" value="${v.fingerprint}">
      ${itemFields(v.list, v.values, v.errors, v.laws)}
      ${button({ text: em.save })}
    </form>
    <p class="mr-body"><a class="mr-link" href="${listHref(v)}">${SECTION_LABELS[v.list]}</a></p>
  </div></div>`
}
