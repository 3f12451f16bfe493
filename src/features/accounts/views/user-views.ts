import { html } from 'hono/html'
import { formatDateTimeFa } from '../../../lib/fa/index.ts'
import { formOnceField } from '../../../web/form-once.ts'
import { roleLabel } from '../../../web/page.ts'
import {
  button,
  buttonGroup,
  csrfField,
  errorListFromFieldErrors,
  errorSummary,
  type FieldErrors,
  fieldError,
  type Html,
  hasErrors,
  radios,
  summaryList,
  table,
  tag,
  textInput,
} from '../../../web/ui/index.ts'
import { msg } from '../messages.fa.ts'
import type { StatusTag, TokenView, UserView } from '../user.present.ts'
import { tokensTable } from './token-views.ts'

function ltr(value: string): Html {
  return html`<bdi dir="ltr">${value}</bdi>`
}

function time(d: Date): Html {
  return html`<time datetime="${d.toISOString()}">${formatDateTimeFa(d)}</time>`
}

export function statusTags(tags: StatusTag[]): Html {
  return html`${tags.map((t, i) => html`${i > 0 ? ' ' : ''}${tag({ text: t.text, colour: t.colour })}`)}`
}

function lastSignIn(u: UserView): Html {
  return u.lastSignInAt ? time(u.lastSignInAt) : html`${msg.neverSignedIn}`
}

/** The users of one agency (or the central staff), each linked to its page when manageable. */
export function usersTable(users: UserView[], caption: string, emptyText: string): Html {
  if (users.length === 0) return html`<p class="mr-body">${emptyText}</p>`
  return table({
    caption,
    captionClasses: 'mr-visually-hidden',
    scrollable: true,
    id: 'users',
    head: [
      { text: msg.username },
      { text: msg.displayName },
      { text: msg.role },
      { text: msg.status },
      { text: msg.lastSignIn },
    ],
    rows: users.map((u) => [
      {
        html: u.manageable
          ? html`<a class="mr-link" href="/admin/users/${u.id}">${ltr(u.username)}</a>`
          : ltr(u.username),
      },
      { html: html`<bdi>${u.displayName}</bdi>` },
      { text: u.roleLabel },
      { html: statusTags(u.statuses) },
      { html: lastSignIn(u) },
    ]),
  })
}

export interface AgencyUsersView {
  agency: { code: string; nameFa: string }
  users: UserView[]
}

export interface CentralUsersView {
  agencyCode: string
  errors: FieldErrors
  staff: UserView[]
}

/** `/admin/users` for one agency: its users and a button to add one. */
export function agencyUsersPage(v: AgencyUsersView): Html {
  return html`<span class="mr-caption-l">${msg.usersTitle}</span>
    <h1 class="mr-heading-l"><bdi>${v.agency.nameFa}</bdi></h1>
    <p class="mr-body">${msg.agencyCode}: ${ltr(v.agency.code)} —
      <a class="mr-link" href="/agencies/${v.agency.code}">${msg.agency}</a></p>
    ${button({ text: msg.addUser, href: `/admin/users/new?agency=${v.agency.code}`, variant: 'secondary' })}
    <h2 class="mr-heading-m">${msg.agencyUsersHeading}</h2>
    ${usersTable(v.users, msg.usersOf(v.agency.nameFa), msg.noAgencyUsers)}`
}

/** `/admin/users` for the central admin: pick an agency by code, or manage the central staff. */
export function centralUsersPage(v: CentralUsersView): Html {
  return html`${hasErrors(v.errors) ? errorSummary({ errorList: errorListFromFieldErrors(v.errors) }) : ''}
    <h1 class="mr-heading-l">${msg.usersTitle}</h1>
    <h2 class="mr-heading-m">${msg.pickAgency}</h2>
    <form method="get" action="/admin/users" novalidate>
      ${textInput({
        name: 'agency',
        label: { text: msg.pickAgencyLabel },
        hint: { text: msg.pickAgencyHint },
        value: v.agencyCode,
        inputmode: 'numeric',
        dir: 'ltr',
        classes: 'mr-input--width-10',
        errorMessage: fieldError(v.errors, 'agency'),
      })}
      ${button({ text: msg.pickAgencyButton, variant: 'secondary' })}
    </form>
    <h2 class="mr-heading-m">${msg.centralStaff}</h2>
    ${button({ text: msg.addCentralUser, href: '/admin/users/new-central', variant: 'secondary' })}
    ${usersTable(v.staff, msg.centralStaff, msg.noCentralStaff)}`
}

function roleItems(kind: 'agency' | 'central') {
  return kind === 'agency'
    ? [
        {
          value: 'agency_editor',
          text: roleLabel('agency_editor'),
          hint: { text: msg.roleAgencyEditorHint },
        },
        {
          value: 'agency_admin',
          text: roleLabel('agency_admin'),
          hint: { text: msg.roleAgencyAdminHint },
        },
      ]
    : [
        {
          value: 'central_supervisor',
          text: roleLabel('central_supervisor'),
          hint: { text: msg.roleCentralSupervisorHint },
        },
        {
          value: 'central_admin',
          text: roleLabel('central_admin'),
          hint: { text: msg.roleCentralAdminHint },
        },
      ]
}

export interface UserFormView {
  csrfToken: string
  mode: 'new-agency' | 'new-central' | 'edit'
  action: string
  /** The agency the user belongs to (agency users only). */
  agency: { code: string; nameFa: string } | null
  values: Record<string, string>
  errors: FieldErrors
  /** Editing oneself: the role is shown, not offered. */
  roleFixed?: string
  cancelHref: string
  /** A creating form's one-time token (web/form-once.ts); editing needs none. */
  onceToken?: string
}

export function userFormPage(v: UserFormView): Html {
  const val = (k: string) => v.values[k] ?? ''
  const title =
    v.mode === 'edit'
      ? msg.editUserTitle
      : v.mode === 'new-central'
        ? msg.addCentralUser
        : msg.addUser
  const prefix = v.agency ? `a${v.agency.code}-` : ''
  const roleField =
    v.roleFixed !== undefined
      ? html`<input type="hidden" name="role" value="${val('role')}">
          <p class="mr-body">${msg.role}: ${v.roleFixed}. ${msg.ownRoleFixed}</p>`
      : radios({
          name: 'role',
          fieldset: { legend: { text: msg.role, classes: 'mr-fieldset__legend--m' } },
          value: val('role'),
          errorMessage: fieldError(v.errors, 'role'),
          items: roleItems(v.mode === 'new-central' ? 'central' : 'agency'),
        })
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    ${hasErrors(v.errors) ? errorSummary({ errorList: errorListFromFieldErrors(v.errors) }) : ''}
    ${v.agency ? html`<span class="mr-caption-l"><bdi>${v.agency.nameFa}</bdi></span>` : html`<span class="mr-caption-l">${msg.centralStaffShort}</span>`}
    <h1 class="mr-heading-l">${title}</h1>
    <form method="post" action="${v.action}" novalidate>
      ${csrfField(v.csrfToken)}
      ${v.onceToken !== undefined ? formOnceField(v.onceToken) : ''}
      ${
        v.mode === 'new-agency'
          ? textInput({
              name: 'usernamePart',
              label: { text: msg.usernamePart },
              hint: { text: msg.usernamePartHint(prefix) },
              value: val('usernamePart'),
              dir: 'ltr',
              spellcheck: false,
              autocomplete: 'off',
              classes: 'mr-input--width-20',
              errorMessage: fieldError(v.errors, 'usernamePart'),
            })
          : ''
      }
      ${
        v.mode === 'new-central'
          ? textInput({
              name: 'username',
              label: { text: msg.centralUsername },
              hint: { text: msg.centralUsernameHint },
              value: val('username'),
              dir: 'ltr',
              spellcheck: false,
              autocomplete: 'off',
              classes: 'mr-input--width-20',
              errorMessage: fieldError(v.errors, 'username'),
            })
          : ''
      }
      ${textInput({ name: 'displayName', label: { text: msg.displayName }, value: val('displayName'), autocomplete: 'off', errorMessage: fieldError(v.errors, 'displayName') })}
      ${textInput({ name: 'email', type: 'email', label: { text: msg.email }, value: val('email'), dir: 'ltr', spellcheck: false, autocomplete: 'off', errorMessage: fieldError(v.errors, 'email') })}
      ${roleField}
      ${buttonGroup([button({ text: v.mode === 'edit' ? msg.save : title }), html`<a class="mr-link" href="${v.cancelHref}">${msg.cancel}</a>`])}
    </form>
  </div></div>`
}

export interface UserPageView {
  csrfToken: string
  user: UserView
  tokens: TokenView[]
  errors: FieldErrors
  /** The reset form's one-time token (web/form-once.ts): a resubmission resets nothing twice. */
  onceToken: string
}

/** One account: its facts, status, the admin's actions on it and its API tokens. */
export function userPage(v: UserPageView): Html {
  const u = v.user
  const base = `/admin/users/${u.id}`
  const rows = [
    { key: { text: msg.username }, value: { html: ltr(u.username) } },
    { key: { text: msg.displayName }, value: { html: html`<bdi>${u.displayName}</bdi>` } },
    {
      key: { text: msg.email },
      value: { html: u.email ? html`<span dir="ltr">${u.email}</span>` : html`—` },
    },
    { key: { text: msg.role }, value: { text: u.roleLabel } },
    {
      key: { text: msg.agency },
      value: {
        html: u.agency
          ? html`<a class="mr-link" href="/admin/users?agency=${u.agency.code}">${u.agency.nameFa}</a>`
          : html`${msg.centralStaffShort}`,
      },
    },
    { key: { text: msg.status }, value: { html: statusTags(u.statuses) } },
    { key: { text: msg.lastSignIn }, value: { html: lastSignIn(u) } },
    { key: { text: msg.createdAt }, value: { html: time(u.createdAt) } },
  ]
  const manage = u.isSelf
    ? ''
    : html`<h2 class="mr-heading-m">${msg.manageHeading}</h2>
      <form method="post" action="${base}/reset-password">
        ${csrfField(v.csrfToken)}
        ${formOnceField(v.onceToken)}
        <p class="mr-body">${msg.resetPasswordHint}</p>
        ${button({ id: 'reset', text: msg.resetPassword, variant: 'secondary' })}
      </form>
      <form method="post" action="${base}/status">
        ${csrfField(v.csrfToken)}
        <input type="hidden" name="status" value="${u.disabled ? 'active' : 'disabled'}">
        ${u.disabled ? '' : html`<p class="mr-body">${msg.disableHint}</p>`}
        ${button({ id: 'status', text: u.disabled ? msg.enableUser : msg.disableUser, variant: u.disabled ? 'secondary' : 'warning' })}
      </form>`
  return html`${hasErrors(v.errors) ? errorSummary({ errorList: errorListFromFieldErrors(v.errors) }) : ''}
    <span class="mr-caption-l">${u.agency ? html`<bdi>${u.agency.nameFa}</bdi>` : msg.centralStaffShort}</span>
    <h1 class="mr-heading-l"><bdi>${u.displayName}</bdi></h1>
    ${u.editable ? html`<p class="mr-body">${button({ text: msg.editUserTitle, href: `${base}/edit`, variant: 'secondary' })}</p>` : ''}
    ${summaryList({ rows })}
    ${manage}
    <h2 class="mr-heading-m">${msg.userTokensHeading}</h2>
    ${tokensTable({
      tokens: v.tokens,
      caption: msg.userTokensHeading,
      csrfToken: v.csrfToken,
      revokeAction: (id) => `${base}/tokens/${id}/revoke`,
    })}`
}
