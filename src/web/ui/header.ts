import { html } from 'hono/html'
import { csrfField } from './csrf.ts'
import { attr, cx, empty, type Html } from './html.ts'
import { uiMessages as m } from './messages.fa.ts'

export interface NavItem {
  href: string
  text: string
  /** Marks the link `aria-current="page"`. */
  current?: boolean
}

export interface HeaderUser {
  displayName: string
  roleLabel: string
  agencyName?: string
}

export interface HeaderProps {
  /** Needed for the sign-out form when `user` is set. */
  csrfToken: string
  user?: HeaderUser
  nav?: NavItem[]
  /** Kept in the search box. */
  searchQuery?: string
  /** Defaults «پرتال مردم». */
  serviceName?: string
  /** Defaults `/`. */
  homeHref?: string
  /** GET target of the search form; defaults `/search`. */
  searchAction?: string
  /**
   * Where the search box asks for suggestions as people type (the same autocomplete as the home
   * page's box, added by /assets/search.js; without it the box is a plain GET form). Defaults
   * `/search/suggest`; `''` turns the suggestions off.
   */
  suggestUrl?: string
  /** POST target of the sign-out form; defaults `/sign-out`. */
  signOutAction?: string
  classes?: string
}

function navigation(items: NavItem[]): Html {
  const links = items.map(
    (item) =>
      html`<li class="${cx('mr-service-navigation__item', item.current && 'mr-service-navigation__item--active')}"><a class="mr-service-navigation__link" href="${item.href}"${attr('aria-current', item.current ? 'page' : undefined)}>${item.text}</a></li>`,
  )
  return html`<nav class="mr-service-navigation" aria-label="${m.navLabel}"><div class="mr-width-container"><ul class="mr-service-navigation__list">${links}</ul></div></nav>`
}

function account(user: HeaderUser, csrfToken: string, action: string): Html {
  return html`<div class="mr-header__account"><p class="mr-header__user"><span class="mr-visually-hidden">${m.signedInAs} </span><bdi class="mr-header__user-name">${user.displayName}</bdi> <span class="mr-header__user-meta">${user.roleLabel}${
    user.agencyName ? html`، <bdi>${user.agencyName}</bdi>` : empty
  }</span></p><form class="mr-header__sign-out" method="post" action="${action}">${csrfField(csrfToken)}<button type="submit" class="mr-header__sign-out-button">${m.signOut}</button></form></div>`
}

/**
 * The page header: the service name linking home, the search form (GET, `q`, with
 * suggestions when /assets/search.js runs), the signed-in
 * user with a sign-out form, and the main navigation.
 */
export function header(props: HeaderProps): Html {
  const serviceName = props.serviceName ?? m.serviceName
  return html`<header class="${cx('mr-header', props.classes)}"><div class="mr-width-container mr-header__container"><div class="mr-header__brand"><a class="mr-header__service-name" href="${props.homeHref ?? '/'}">${serviceName}</a></div><form class="mr-header__search" method="get" action="${props.searchAction ?? '/search'}" role="search"><label class="mr-visually-hidden" for="mr-header-search">${m.searchLabel}</label><div class="mr-suggest mr-header__search-field"><input class="mr-header__search-input" id="mr-header-search" name="q" type="search" autocomplete="off" spellcheck="false"${attr('value', props.searchQuery)}${attr('data-suggest-url', props.suggestUrl === undefined ? '/search/suggest' : props.suggestUrl || undefined)}></div><button type="submit" class="mr-header__search-button">${m.searchButton}</button></form>${
    props.user ? account(props.user, props.csrfToken, props.signOutAction ?? '/sign-out') : empty
  }</div>${props.nav && props.nav.length > 0 ? navigation(props.nav) : empty}</header>`
}
