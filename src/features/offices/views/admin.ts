import { html } from 'hono/html'
import { PROVINCES } from '../../../lib/iran/provinces.ts'
import { formOnceField } from '../../../web/form-once.ts'
import {
  button,
  checkboxes,
  csrfField,
  dateInput,
  errorListFromFieldErrors,
  errorSummary,
  type FieldErrors,
  fieldError,
  type Html,
  hasErrors,
  select,
  textarea,
  textInput,
} from '../../../web/ui/index.ts'
import { ACCESSIBILITY_LABELS, msg, WEEKDAY_LABELS } from '../messages.fa.ts'
import type { FormFields } from '../office.input.ts'
import { PHONE_FIELDS } from '../office.input.ts'
import { ACCESSIBILITY_FEATURES, WEEKDAYS } from '../office.model.ts'

export interface AdminOfficeRow {
  id: string
  name: string
  place: string
  agencyName: string
}

export interface AdminListView {
  heading: string
  rows: AdminOfficeRow[]
  canCreate: boolean
  /** Central admin: pick an agency. */
  agencyPicker: { choices: { code: string; nameFa: string }[]; selected: string } | null
  newHref: string
}

export function adminListPage(v: AdminListView): Html {
  return html`<h1 class="mr-heading-l">${v.heading}</h1>
    ${
      v.agencyPicker
        ? html`<form method="get" action="/admin/offices" class="mr-filter">
        ${select({
          name: 'agency',
          label: { text: 'دستگاه' },
          value: v.agencyPicker.selected,
          items: [
            { value: '', text: 'انتخاب کنید' },
            ...v.agencyPicker.choices.map((a) => ({ value: a.code, text: a.nameFa })),
          ],
        })}
        ${button({ text: msg.filter, variant: 'secondary' })}
      </form>`
        : ''
    }
    ${v.canCreate ? html`<p class="mr-body">${button({ text: msg.newTitle, href: v.newHref })}</p>` : ''}
    ${
      v.rows.length
        ? html`<table class="mr-table"><caption class="mr-table__caption mr-visually-hidden">${v.heading}</caption>
        <thead class="mr-table__head"><tr class="mr-table__row">
          <th scope="col" class="mr-table__header">${msg.name}</th>
          <th scope="col" class="mr-table__header">${msg.city}</th>
          <th scope="col" class="mr-table__header">دستگاه</th>
        </tr></thead>
        <tbody class="mr-table__body">${v.rows.map(
          (r) => html`<tr class="mr-table__row">
            <th scope="row" class="mr-table__header"><a class="mr-link" href="/admin/offices/${r.id}">${r.name}</a></th>
            <td class="mr-table__cell">${r.place}</td>
            <td class="mr-table__cell">${r.agencyName}</td></tr>`,
        )}</tbody></table>`
        : html`<p class="mr-body">${msg.noOffices}</p>`
    }`
}

function val(values: FormFields, k: string): string {
  const v = values[k]
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '')
}

function vals(values: FormFields, k: string): string[] {
  const v = values[k]
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}

/** The office's main fields. */
function officeFields(values: FormFields, errors: FieldErrors): Html {
  const v = (k: string) => val(values, k)
  const e = (k: string) => fieldError(errors, k)
  return html`
    ${textInput({ name: 'name', label: { text: msg.name }, value: v('name'), errorMessage: e('name') })}
    ${textarea({ name: 'address', label: { text: msg.address }, value: v('address'), rows: 2, errorMessage: e('address') })}
    ${select({
      name: 'provinceCode',
      label: { text: msg.province },
      value: v('provinceCode'),
      errorMessage: e('provinceCode'),
      items: [
        { value: '', text: 'انتخاب کنید' },
        ...PROVINCES.map((p) => ({ value: p.code, text: p.nameFa })),
      ],
    })}
    ${textInput({ name: 'city', label: { text: msg.city }, value: v('city'), classes: 'mr-input--width-20', errorMessage: e('city') })}
    ${textInput({ name: 'postalCode', label: { text: msg.postalCode }, hint: { text: msg.postalCodeHint }, value: v('postalCode'), dir: 'ltr', inputmode: 'numeric', autocomplete: 'postal-code', classes: 'mr-input--width-10', errorMessage: e('postalCode') })}
    ${textInput({ name: 'lat', label: { text: msg.lat }, hint: { text: msg.coordinatesHint }, value: v('lat'), dir: 'ltr', inputmode: 'decimal', classes: 'mr-input--width-10', errorMessage: e('lat') })}
    ${textInput({ name: 'lng', label: { text: msg.lng }, value: v('lng'), dir: 'ltr', inputmode: 'decimal', classes: 'mr-input--width-10', errorMessage: e('lng') })}
    ${PHONE_FIELDS.map((p, i) => textInput({ name: p, type: 'tel', label: { text: msg.phone(i) }, value: v(p), dir: 'ltr', classes: 'mr-input--width-20', errorMessage: e(p) }))}
    ${textInput({ name: 'email', type: 'email', label: { text: msg.email }, value: v('email'), dir: 'ltr', errorMessage: e('email') })}
    ${checkboxes({
      name: 'features',
      fieldset: { legend: { text: msg.accessibility } },
      values: vals(values, 'features'),
      errorMessage: e('features'),
      items: ACCESSIBILITY_FEATURES.map((f) => ({ value: f, text: ACCESSIBILITY_LABELS[f] })),
    })}
    ${textarea({ name: 'accessibilityNotes', label: { text: msg.accessibilityNotes }, value: v('accessibilityNotes'), rows: 3, errorMessage: e('accessibilityNotes') })}
    <fieldset class="mr-fieldset" aria-describedby="hours-hint">
      <legend class="mr-fieldset__legend mr-fieldset__legend--m">${msg.hours}</legend>
      <div class="mr-hint" id="hours-hint">${msg.hoursHint}</div>
      ${WEEKDAYS.map((d) => textInput({ name: `hours-${d}`, label: { text: WEEKDAY_LABELS[d] }, value: v(`hours-${d}`), dir: 'ltr', classes: 'mr-input--width-20', errorMessage: e(`hours-${d}`) }))}
    </fieldset>`
}

export interface OfficeFormView {
  csrfToken: string
  /** The new-office form's one-time token (web/form-once.ts); an office's own form has none. */
  onceToken?: string
  heading: string
  action: string
  values: FormFields
  errors: FieldErrors
  /** On an existing office: its exceptions, closures and the delete form. */
  existing: {
    id: string
    exceptions: { day: string; dayFa: string; text: string }[]
    closures: { fromFa: string; toFa: string; reason: string }[]
    exceptionForm: { values: FormFields; errors: FieldErrors }
    closureForm: { values: FormFields; errors: FieldErrors }
    /** The one-time tokens of the forms that add an exception and a closure. */
    exceptionOnce: string
    closureOnce: string
    deleteErrors: FieldErrors
  } | null
  notice: string | null
}

function removeButton(csrf: string, action: string, what: string): Html {
  return html`<form method="post" action="${action}" class="mr-inline-form">${csrfField(csrf)}${button(
    {
      variant: 'warning',
      classes: 'mr-button--small',
      html: html`${msg.remove}<span class="mr-visually-hidden"> ${what}</span>`,
    },
  )}</form>`
}

export function officeFormPage(v: OfficeFormView): Html {
  const x = v.existing
  const allErrors = {
    ...v.errors,
    ...(x?.exceptionForm.errors ?? {}),
    ...(x?.closureForm.errors ?? {}),
    ...(x?.deleteErrors ?? {}),
  }
  const ev = (k: string) => val(x?.exceptionForm.values ?? {}, k)
  const cv = (k: string) => val(x?.closureForm.values ?? {}, k)
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    ${hasErrors(allErrors) ? errorSummary({ errorList: errorListFromFieldErrors(allErrors) }) : ''}
    ${v.notice ? html`<div class="mr-inset-text" role="status">${v.notice}</div>` : ''}
    <h1 class="mr-heading-l">${v.heading}</h1>
    ${x ? html`<p class="mr-body"><a class="mr-link" href="/offices/${x.id}">صفحهٔ عمومی این محل</a></p>` : ''}
    <form method="post" action="${v.action}" novalidate>
      ${csrfField(v.csrfToken)}
      ${v.onceToken !== undefined ? formOnceField(v.onceToken) : ''}
      ${officeFields(v.values, v.errors)}
      ${button({ text: msg.save })}
    </form>
    ${
      x
        ? html`<h2 class="mr-heading-m" id="exceptions">${msg.exceptions}</h2>
    <p class="mr-body">${msg.exceptionsLead}</p>
    ${x.exceptions.length ? html`<ul class="mr-list mr-list--spaced">${x.exceptions.map((e) => html`<li><time datetime="${e.day}">${e.dayFa}</time>: ${e.text} ${removeButton(v.csrfToken, `/admin/offices/${x.id}/exceptions/${e.day}/delete`, e.dayFa)}</li>`)}</ul>` : ''}
    <form method="post" action="/admin/offices/${x.id}/exceptions" novalidate>
      ${csrfField(v.csrfToken)}
      ${formOnceField(x.exceptionOnce)}
      ${dateInput({ id: 'exDate', fieldset: { legend: { text: msg.exceptionDay } }, values: { day: ev('exDate-day'), month: ev('exDate-month'), year: ev('exDate-year') }, errorMessage: fieldError(x.exceptionForm.errors, 'exDate-day') })}
      ${textInput({ name: 'exHours', label: { text: msg.exceptionHours }, hint: { text: msg.exceptionHoursHint }, value: ev('exHours'), dir: 'ltr', classes: 'mr-input--width-20', errorMessage: fieldError(x.exceptionForm.errors, 'exHours') })}
      ${textInput({ name: 'exNote', label: { text: msg.exceptionNote }, value: ev('exNote'), errorMessage: fieldError(x.exceptionForm.errors, 'exNote') })}
      ${button({ text: msg.addException, variant: 'secondary' })}
    </form>
    <h2 class="mr-heading-m" id="closures">${msg.closures}</h2>
    <p class="mr-body">${msg.closuresLead}</p>
    ${x.closures.length ? html`<ul class="mr-list mr-list--spaced">${x.closures.map((c, i) => html`<li>از ${c.fromFa} تا ${c.toFa}: ${c.reason} ${removeButton(v.csrfToken, `/admin/offices/${x.id}/closures/${i}/delete`, `${c.fromFa} تا ${c.toFa}`)}</li>`)}</ul>` : ''}
    <form method="post" action="/admin/offices/${x.id}/closures" novalidate>
      ${csrfField(v.csrfToken)}
      ${formOnceField(x.closureOnce)}
      ${dateInput({ id: 'clFrom', fieldset: { legend: { text: msg.closureFrom } }, values: { day: cv('clFrom-day'), month: cv('clFrom-month'), year: cv('clFrom-year') }, errorMessage: fieldError(x.closureForm.errors, 'clFrom-day') })}
      ${dateInput({ id: 'clTo', fieldset: { legend: { text: msg.closureTo } }, values: { day: cv('clTo-day'), month: cv('clTo-month'), year: cv('clTo-year') }, errorMessage: fieldError(x.closureForm.errors, 'clTo-day') })}
      ${textInput({ name: 'clReason', label: { text: msg.closureReason }, value: cv('clReason'), errorMessage: fieldError(x.closureForm.errors, 'clReason') })}
      ${button({ text: msg.addClosure, variant: 'secondary' })}
    </form>
    <h2 class="mr-heading-m">${msg.deleteOffice}</h2>
    <p class="mr-body">${msg.deleteHint}</p>
    <form method="post" action="/admin/offices/${x.id}/delete">
      ${csrfField(v.csrfToken)}
      ${button({ text: msg.deleteOffice, variant: 'warning' })}
    </form>`
        : ''
    }
  </div></div>`
}
