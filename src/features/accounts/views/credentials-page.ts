import { html } from 'hono/html'
import { formatDateFa } from '../../../lib/fa/index.ts'
import { formOnceField } from '../../../web/form-once.ts'
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
  summaryList,
  textInput,
} from '../../../web/ui/index.ts'
import { msg } from '../messages.fa.ts'
import type { UserView } from '../user.present.ts'
import { usersTable } from './user-views.ts'

export interface CredentialsPageView {
  csrfToken: string
  /** The form's one-time token (web/form-once.ts): a resubmission issues nothing twice. */
  onceToken: string
  agency: {
    code: string
    nameFa: string
    levelLabel: string
    credentialsIssuedAt: Date | null
  }
  users: UserView[]
  values: Record<string, string>
  errors: FieldErrors
}

/** Directive item 3: the central admin registers an agency's admin and issues code and password. */
export function credentialsPage(v: CredentialsPageView): Html {
  const a = v.agency
  const val = (k: string) => v.values[k] ?? ''
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    ${hasErrors(v.errors) ? errorSummary({ errorList: errorListFromFieldErrors(v.errors) }) : ''}
    <span class="mr-caption-l"><bdi>${a.nameFa}</bdi></span>
    <h1 class="mr-heading-l">${msg.credentialsTitle}</h1>
    ${summaryList({
      rows: [
        {
          key: { text: msg.agency },
          value: { html: html`<a class="mr-link" href="/agencies/${a.code}">${a.nameFa}</a>` },
        },
        { key: { text: msg.agencyCode }, value: { html: html`<bdi dir="ltr">${a.code}</bdi>` } },
        { key: { text: msg.level }, value: { text: a.levelLabel } },
        {
          key: { text: msg.credentialsStatus },
          value: {
            text: a.credentialsIssuedAt
              ? msg.credentialsIssuedOn(formatDateFa(a.credentialsIssuedAt))
              : msg.credentialsNotIssued,
          },
        },
      ],
    })}
    <h2 class="mr-heading-m">${msg.agencyUsersHeading}</h2>
    ${usersTable(v.users, msg.agencyUsersHeading, msg.noAgencyUsers)}
    ${
      v.users.length > 0
        ? html`<p class="mr-body"><a class="mr-link" href="/admin/users?agency=${a.code}">${msg.usersOf(a.nameFa)}</a></p>`
        : ''
    }
    <h2 class="mr-heading-m">${msg.registerAdminHeading}</h2>
    <p class="mr-body">${msg.registerAdminLead}</p>
    ${a.credentialsIssuedAt ? insetText({ text: msg.alreadyIssued }) : ''}
    <form method="post" action="/admin/agencies/${a.code}/credentials" novalidate>
      ${csrfField(v.csrfToken)}
      ${formOnceField(v.onceToken)}
      ${textInput({ name: 'displayName', label: { text: msg.displayName }, value: val('displayName'), autocomplete: 'off', errorMessage: fieldError(v.errors, 'displayName') })}
      ${textInput({ name: 'email', type: 'email', label: { text: msg.email }, value: val('email'), dir: 'ltr', spellcheck: false, autocomplete: 'off', errorMessage: fieldError(v.errors, 'email') })}
      ${button({ text: msg.issue })}
    </form>
  </div></div>`
}
