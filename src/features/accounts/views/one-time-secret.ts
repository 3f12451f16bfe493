import { html } from 'hono/html'
import { type Html, panel, warningText } from '../../../web/ui/index.ts'
import { msg } from '../messages.fa.ts'

export interface SecretLink {
  href: string
  text: string
}

function links(items: SecretLink[]): Html {
  return html`<ul class="mr-list">${items.map(
    (l) => html`<li><a class="mr-link" href="${l.href}">${l.text}</a></li>`,
  )}</ul>`
}

export interface IssuedPasswordView {
  title: string
  /** Null for central staff, who sign in without an agency code. */
  agencyCode: string | null
  agencyNameFa: string | null
  username: string
  oneTimePassword: string
  links: SecretLink[]
}

/**
 * A one-time password, shown once, by the GET the creating POST redirects to (web/form-once.ts):
 * never in a URL or a stored page (the route sends `Cache-Control: no-store`).
 */
export function issuedPasswordPage(v: IssuedPasswordView): Html {
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    ${panel({
      titleText: v.title,
      html: html`${v.agencyNameFa ? html`<p>${v.agencyNameFa}</p>` : ''}
        ${
          v.agencyCode
            ? html`<p>${msg.agencyCode}: <code dir="ltr" id="issued-agency-code">${v.agencyCode}</code></p>`
            : ''
        }
        <p>${msg.username}: <code dir="ltr" id="issued-username">${v.username}</code></p>
        <p>${msg.oneTimePassword}:</p>`,
      code: v.oneTimePassword,
    })}
    ${warningText({ text: msg.oneTimePasswordWarning })}
    <p class="mr-body">${msg.printHint}</p>
    ${links(v.links)}
  </div></div>`
}

export interface IssuedTokenView {
  name: string
  prefix: string
  secret: string
  links: SecretLink[]
}

/** A new API token's secret, shown once (see {@link issuedPasswordPage}). */
export function issuedTokenPage(v: IssuedTokenView): Html {
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    ${panel({
      titleText: msg.tokenCreatedTitle,
      html: html`<p><bdi>${v.name}</bdi></p><p>${msg.tokenSecret}:</p>`,
      code: v.secret,
    })}
    ${warningText({ text: msg.tokenSecretWarning })}
    <p class="mr-body">${msg.tokenUsage} <code dir="ltr">Authorization: Bearer ${v.prefix}…</code></p>
    ${links(v.links)}
  </div></div>`
}

export interface SecretGoneView {
  text: string
  links: SecretLink[]
}

/** The page of a result whose secret was already shown (or waited too long): it is gone. */
export function secretGonePage(v: SecretGoneView): Html {
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    <h1 class="mr-heading-l">${msg.secretGoneTitle}</h1>
    <p class="mr-body" id="secret-gone">${v.text}</p>
    ${links(v.links)}
  </div></div>`
}
