import { html } from 'hono/html'
import { attr, cx, empty, type Html } from './html.ts'
import { uiMessages as m } from './messages.fa.ts'

export interface FooterLink {
  href: string
  text: string
}

export interface FooterProps {
  links?: FooterLink[]
  /** Defaults to a one-line description of the portal. */
  aboutText?: string
  /** Defaults to the open-data notice. */
  licenceText?: string
  /**
   * The central body's name from the settings (the layout passes it on every page); the
   * settings' default, `uiMessages.supervisingBody`, only when none is given.
   */
  supervisingBody?: string
  supervisingBodyHref?: string
  classes?: string
}

/** The page footer: support links, about and licence text, and the supervising body. */
export function footer(props: FooterProps = {}): Html {
  const links = props.links ?? []
  const body = props.supervisingBody ?? m.supervisingBody
  const linkList =
    links.length > 0
      ? html`<h2 class="mr-visually-hidden">${m.footerLinksHeading}</h2><ul class="mr-footer__inline-list">${links.map(
          (l) =>
            html`<li class="mr-footer__inline-list-item"><a class="mr-footer__link" href="${l.href}">${l.text}</a></li>`,
        )}</ul>`
      : empty
  const bodyHtml = props.supervisingBodyHref
    ? html`<a class="mr-footer__link"${attr('href', props.supervisingBodyHref)}>${body}</a>`
    : body
  return html`<footer class="${cx('mr-footer', props.classes)}"><div class="mr-width-container"><div class="mr-footer__meta"><div class="mr-footer__meta-item mr-footer__meta-item--grow">${linkList}<p class="mr-footer__about">${props.aboutText ?? m.footerAbout}</p><p class="mr-footer__licence">${props.licenceText ?? m.footerLicence}</p></div><div class="mr-footer__meta-item"><p class="mr-footer__supervisor">${m.footerSupervisedBy} <strong>${bodyHtml}</strong></p></div></div></div></footer>`
}
