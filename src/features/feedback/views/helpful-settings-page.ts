import { html } from 'hono/html'
import {
  button,
  csrfField,
  errorSummary,
  type FieldErrors,
  fieldError,
  type Html,
  textInput,
} from '../../../web/ui/index.ts'
import { helpfulMsg as msg } from '../helpful.messages.fa.ts'

/** The central admin's «کمینهٔ n»: below it a public feedback figure is not shown. */
export function helpfulSettingsPage(v: {
  csrfToken: string
  value: string
  errors: FieldErrors
}): Html {
  const errorList = Object.entries(v.errors).map(([field, text]) => ({ text, href: `#${field}` }))
  return html`${errorList.length ? errorSummary({ errorList }) : ''}
    <h1 class="mr-heading-l">${msg.minNTitle}</h1>
    <form method="post" action="/admin/feedback/settings" novalidate>
      ${csrfField(v.csrfToken)}
      ${textInput({
        name: 'feedbackMinN',
        label: { text: msg.minNLabel, classes: 'mr-label--s' },
        hint: { text: msg.minNHint },
        value: v.value,
        classes: 'mr-input--width-5',
        inputmode: 'numeric',
        errorMessage: fieldError(v.errors, 'feedbackMinN'),
      })}
      ${button({ text: msg.save })}
    </form>`
}
