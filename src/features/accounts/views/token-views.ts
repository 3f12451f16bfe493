import { html } from 'hono/html'
import { formatDateTimeFa, toPersianDigits } from '../../../lib/fa/index.ts'
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
  radios,
  table,
  tag,
  textInput,
} from '../../../web/ui/index.ts'
import { msg } from '../messages.fa.ts'
import type { TokenView } from '../user.present.ts'

function time(d: Date): Html {
  return html`<time datetime="${d.toISOString()}">${formatDateTimeFa(d)}</time>`
}

export interface TokensTableView {
  tokens: TokenView[]
  caption: string
  csrfToken: string
  /** Where each active token's «باطل کردن» form posts. */
  revokeAction: (tokenId: string) => string
  /** Where each active token's «تمدید» form posts: only on the owner's own page. */
  renewAction?: (tokenId: string) => string
}

function actionForm(
  action: string,
  csrfToken: string,
  text: Html,
  variant?: 'warning' | 'secondary',
) {
  return html`<form method="post" action="${action}">${csrfField(csrfToken)}${button({
    ...(variant ? { variant } : {}),
    html: text,
  })}</form>`
}

/** The tokens of one user, with renew (the owner) and revoke buttons on each one in force. */
export function tokensTable(v: TokensTableView): Html {
  if (v.tokens.length === 0) return html`<p class="mr-body">${msg.noTokens}</p>`
  const named = (t: TokenView, verb: string) =>
    html`${verb}<span class="mr-visually-hidden"> ${msg.revokeTokenNamed(t.name)}</span>`
  return table({
    caption: v.caption,
    captionClasses: 'mr-visually-hidden',
    scrollable: true,
    id: 'tokens',
    head: [
      { text: msg.tokenName },
      { text: msg.tokenPrefix },
      { text: msg.tokenAccess },
      { text: msg.tokenCreatedAt },
      { text: msg.tokenExpires },
      { text: msg.tokenLastUsed },
      { text: msg.status },
      { html: html`<span class="mr-visually-hidden">${msg.actions}</span>` },
    ],
    rows: v.tokens.map((t) => [
      { html: html`<bdi>${t.name}</bdi>` },
      { html: html`<code dir="ltr">${t.prefix}…</code>` },
      { text: t.accessLabel },
      { html: time(t.createdAt) },
      { html: time(t.expiresAt) },
      { html: t.lastUsedAt ? time(t.lastUsedAt) : html`${msg.tokenNeverUsed}` },
      { html: tag(t.status) },
      {
        html: t.active
          ? html`${
              v.renewAction
                ? actionForm(
                    v.renewAction(t.id),
                    v.csrfToken,
                    named(t, msg.renewToken),
                    'secondary',
                  )
                : ''
            }${actionForm(v.revokeAction(t.id), v.csrfToken, named(t, msg.revokeToken), 'warning')}`
          : html``,
      },
    ]),
  })
}

export interface TokensPageView {
  csrfToken: string
  /** The new-token form's one-time token (web/form-once.ts). */
  onceToken: string
  tokens: TokenView[]
  values: Record<string, string>
  errors: FieldErrors
  /** The agency a new token will act for (the person's own), or the central body. */
  agencyName: string
  lifetimeDays: number
}

export function tokensPage(v: TokensPageView): Html {
  return html`<div class="mr-grid-row"><div class="mr-grid-column-full">
    ${hasErrors(v.errors) ? errorSummary({ errorList: errorListFromFieldErrors(v.errors) }) : ''}
    <h1 class="mr-heading-l">${msg.tokensTitle}</h1>
    <p class="mr-body">${msg.tokensLead}</p>
    ${tokensTable({
      tokens: v.tokens,
      caption: msg.tokensTitle,
      csrfToken: v.csrfToken,
      revokeAction: (id) => `/account/tokens/${id}/revoke`,
      renewAction: (id) => `/account/tokens/${id}/renew`,
    })}
    <h2 class="mr-heading-m">${msg.newTokenHeading}</h2>
    <p class="mr-body">${msg.tokenScopeNote(v.agencyName, toPersianDigits(v.lifetimeDays))}</p>
    <form method="post" action="/account/tokens" novalidate>
      ${csrfField(v.csrfToken)}
      ${formOnceField(v.onceToken)}
      ${textInput({
        name: 'name',
        label: { text: msg.tokenName },
        hint: { text: msg.tokenNameHint },
        value: v.values.name ?? '',
        classes: 'mr-input--width-20',
        errorMessage: fieldError(v.errors, 'name'),
      })}
      ${radios({
        name: 'access',
        fieldset: { legend: { text: msg.tokenAccess, classes: 'mr-fieldset__legend--s' } },
        hint: { text: msg.tokenAccessHint },
        value: v.values.access ?? 'read',
        errorMessage: fieldError(v.errors, 'access'),
        items: [
          { value: 'read', text: msg.tokenAccessRead, hint: { text: msg.tokenAccessReadHint } },
          {
            value: 'read-write',
            text: msg.tokenAccessReadWrite,
            hint: { text: msg.tokenAccessReadWriteHint },
          },
        ],
      })}
      ${button({ text: msg.createToken })}
    </form>
  </div></div>`
}
