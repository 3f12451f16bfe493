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
  passwordInput,
  textInput,
} from '../../../web/ui/index.ts'
import { uiMessages } from '../../../web/ui/messages.fa.ts'
import { msg } from '../messages.fa.ts'

export interface SignInView {
  csrfToken: string
  values: { agencyCode?: string; username?: string }
  errors: FieldErrors
  next: string
  /** The central body's name from the settings (the request context); the UI default when absent. */
  centralBodyName?: string | undefined
}

export function signInPage(v: SignInView): Html {
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    ${hasErrors(v.errors) ? errorSummary({ errorList: errorListFromFieldErrors(v.errors) }) : ''}
    <h1 class="mr-heading-l">${msg.signInTitle}</h1>
    <p class="mr-body">${msg.signInLead(v.centralBodyName ?? uiMessages.supervisingBody)}</p>
    <form method="post" action="/sign-in" novalidate>
      ${csrfField(v.csrfToken)}
      <input type="hidden" name="next" value="${v.next}">
      ${textInput({
        name: 'agencyCode',
        label: { text: msg.agencyCode },
        hint: { text: msg.agencyCodeHint },
        value: v.values.agencyCode ?? '',
        inputmode: 'numeric',
        dir: 'ltr',
        autocomplete: 'organization',
        classes: 'mr-input--width-10',
        errorMessage: fieldError(v.errors, 'agencyCode'),
      })}
      ${textInput({
        name: 'username',
        label: { text: msg.username },
        value: v.values.username ?? '',
        dir: 'ltr',
        autocomplete: 'username',
        spellcheck: false,
        classes: 'mr-input--width-20',
        errorMessage: fieldError(v.errors, 'username'),
      })}
      ${passwordInput({
        name: 'password',
        label: { text: msg.password },
        autocomplete: 'current-password',
        errorMessage: fieldError(v.errors, 'password'),
      })}
      ${button({ text: msg.signIn })}
    </form>
  </div></div>`
}

export interface ChangePasswordView {
  csrfToken: string
  forced: boolean
  errors: FieldErrors
}

export function changePasswordPage(v: ChangePasswordView): Html {
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    ${hasErrors(v.errors) ? errorSummary({ errorList: errorListFromFieldErrors(v.errors) }) : ''}
    <h1 class="mr-heading-l">${msg.changePasswordTitle}</h1>
    ${v.forced ? html`<p class="mr-body">${msg.mustChangeLead}</p>` : ''}
    <form method="post" action="/account/password" novalidate>
      ${csrfField(v.csrfToken)}
      ${passwordInput({
        name: 'currentPassword',
        label: { text: msg.currentPassword },
        autocomplete: 'current-password',
        errorMessage: fieldError(v.errors, 'currentPassword'),
      })}
      ${passwordInput({
        name: 'newPassword',
        label: { text: msg.newPassword },
        hint: { text: msg.newPasswordHint },
        autocomplete: 'new-password',
        errorMessage: fieldError(v.errors, 'newPassword'),
      })}
      ${passwordInput({
        name: 'confirmPassword',
        label: { text: msg.confirmPassword },
        autocomplete: 'new-password',
        errorMessage: fieldError(v.errors, 'confirmPassword'),
      })}
      ${button({ text: msg.changePasswordTitle })}
    </form>
  </div></div>`
}
