import { html } from 'hono/html'
import {
  button,
  errorListFromFieldErrors,
  errorSummary,
  type FieldErrors,
  fieldError,
  type Html,
  hasErrors,
  textInput,
} from '../../../web/ui/index.ts'
import { formStart } from '../../services/index.ts'
import { msg } from '../messages.fa.ts'

export interface LinkChoice {
  id: string
  name: string
  agencyName: string
  place: string
  checked: boolean
  note: string
}

export interface LinksPageView {
  csrfToken: string
  serviceId: string
  serviceTitle: string
  stamp: { draftId: string; revision: string }
  choices: LinkChoice[]
  errors: FieldErrors
  notice: string | null
}

export function linksHref(serviceId: string): string {
  return `/admin/services/${serviceId}/edit/offices`
}

/** The draft editor's «محل‌های مراجعه» page: a checkbox and a note per candidate office. */
export function linksPage(v: LinksPageView): Html {
  return html`${hasErrors(v.errors) ? errorSummary({ errorList: errorListFromFieldErrors(v.errors, { offices: 'office-1' }) }) : ''}
    <span class="mr-caption-l">${v.serviceTitle}</span>
    <h1 class="mr-heading-l">${msg.linksTitle}</h1>
    ${v.notice ? html`<div class="mr-inset-text" role="status">${v.notice}</div>` : ''}
    <p class="mr-body">${msg.linksLead}</p>
    <p class="mr-body"><a class="mr-link" href="/admin/offices">${msg.manageOffices}</a></p>
    ${
      v.choices.length === 0
        ? html`<p class="mr-body">${msg.linksNone}</p>`
        : html`<form method="post" action="${linksHref(v.serviceId)}" novalidate>
      ${formStart(v.csrfToken, v.stamp)}
      <fieldset class="mr-fieldset" id="offices">
        <legend class="mr-fieldset__legend mr-fieldset__legend--m">${msg.sectionTitle}</legend>
        ${fieldError(v.errors, 'offices') ? html`<p class="mr-error-message" id="offices-error"><span class="mr-visually-hidden">خطا:</span> ${fieldError(v.errors, 'offices')}</p>` : ''}
        <div class="mr-checkboxes">${v.choices.map(
          (c, i) => html`<div class="mr-checkboxes__item">
            <input class="mr-checkboxes__input" id="office-${i + 1}" name="office" type="checkbox" value="${c.id}"${c.checked ? html` checked` : ''}>
            <label class="mr-label mr-checkboxes__label" for="office-${i + 1}">${c.name}
              <span class="mr-hint mr-checkboxes__hint">${c.agencyName} — ${c.place}</span></label>
          </div>
          ${textInput({
            name: `note-${c.id}`,
            id: `note-${i + 1}`,
            label: { text: `${msg.linkNote}: ${c.name}`, classes: 'mr-label--s' },
            classes: 'mr-input--width-30',
            value: c.note,
            errorMessage: fieldError(v.errors, `note-${c.id}`),
          })}`,
        )}</div>
      </fieldset>
      ${button({ text: msg.save })}
    </form>`
    }
    <p class="mr-body"><a class="mr-link" href="/admin/services/${v.serviceId}">بازگشت به خدمت</a></p>`
}
