import { html } from 'hono/html'
import {
  button,
  csrfField,
  errorListFromFieldErrors,
  errorSummary,
  type FieldErrors,
  fieldError,
  type Html,
  hasErrors,
  insetText,
  radios,
} from '../../../web/ui/index.ts'
import { FREQUENCY_LABELS, msg } from '../messages.fa.ts'
import { FREQUENCIES, type NotificationFrequency } from '../notification.model.ts'

export interface PreferencesView {
  csrfToken: string
  email: string | null
  frequency: NotificationFrequency | string
  errors: FieldErrors
}

/** «تنظیمات اعلان‌ها»: how the signed-in user's notification mail is sent. */
export function preferencesPage(v: PreferencesView): Html {
  return html`${hasErrors(v.errors) ? errorSummary({ errorList: errorListFromFieldErrors(v.errors, { frequency: 'frequency' }) }) : ''}
    <h1 class="mr-heading-l">${msg.preferencesTitle}</h1>
    <p class="mr-body">${msg.preferencesLead}</p>
    ${insetText({ html: v.email ? html`${msg.yourAddress} <bdi dir="ltr">${v.email}</bdi>` : html`${msg.noAddress}` })}
    <form method="post" action="/account/notifications" novalidate>
      ${csrfField(v.csrfToken)}
      ${radios({
        name: 'frequency',
        fieldset: { legend: { text: msg.frequencyLegend, classes: 'mr-fieldset__legend--m' } },
        value: v.frequency,
        errorMessage: fieldError(v.errors, 'frequency'),
        items: FREQUENCIES.map((f) => ({
          value: f,
          text: FREQUENCY_LABELS[f].text,
          hint: { text: FREQUENCY_LABELS[f].hint },
        })),
      })}
      ${button({ text: msg.save })}
    </form>
    <p class="mr-body"><a class="mr-link" href="/inbox">${msg.inboxTitle}</a></p>`
}
