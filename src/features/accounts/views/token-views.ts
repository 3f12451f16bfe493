import { html } from 'hono/html'
import { formatDateTimeFa } from '../../../lib/fa/index.ts'
import {
  button,
  csrfField,
  errorListFromFieldErrors,
  errorSummary,
  type FieldErrors,
  fieldError,
  type Html,
  hasErrors,
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
}

/** The tokens of one user, with a revoke button on each one still active. */
export function tokensTable(v: TokensTableView): Html {
  if (v.tokens.length === 0) return html`<p class="mr-body">${msg.noTokens}</p>`
  return table({
    caption: v.caption,
    captionClasses: 'mr-visually-hidden',
    scrollable: true,
    id: 'tokens',
    head: [
      { text: msg.tokenName },
      { text: msg.tokenPrefix },
      { text: msg.tokenCreatedAt },
      { text: msg.tokenLastUsed },
      { text: msg.status },
      { html: html`<span class="mr-visually-hidden">${msg.actions}</span>` },
    ],
    rows: v.tokens.map((t) => [
      { html: html`<bdi>${t.name}</bdi>` },
      { html: html`<code dir="ltr">${t.prefix}…</code>` },
      { html: time(t.createdAt) },
      { html: t.lastUsedAt ? time(t.lastUsedAt) : html`${msg.tokenNeverUsed}` },
      {
        html: t.revokedAt
          ? tag({ text: msg.tokenRevokedOn(formatDateTimeFa(t.revokedAt)), colour: 'grey' })
          : tag({ text: msg.tokenActive, colour: 'green' }),
      },
      {
        html: t.revokedAt
          ? html``
          : html`<form method="post" action="${v.revokeAction(t.id)}">${csrfField(v.csrfToken)}${button(
              {
                variant: 'warning',
                html: html`${msg.revokeToken}<span class="mr-visually-hidden"> ${msg.revokeTokenNamed(t.name)}</span>`,
              },
            )}</form>`,
      },
    ]),
  })
}

export interface TokensPageView {
  csrfToken: string
  tokens: TokenView[]
  values: Record<string, string>
  errors: FieldErrors
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
    })}
    <h2 class="mr-heading-m">${msg.newTokenHeading}</h2>
    <form method="post" action="/account/tokens" novalidate>
      ${csrfField(v.csrfToken)}
      ${textInput({
        name: 'name',
        label: { text: msg.tokenName },
        hint: { text: msg.tokenNameHint },
        value: v.values.name ?? '',
        classes: 'mr-input--width-20',
        errorMessage: fieldError(v.errors, 'name'),
      })}
      ${button({ text: msg.createToken })}
    </form>
  </div></div>`
}
