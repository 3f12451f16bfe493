import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { Config } from '../../config.ts'
import { randomToken } from '../../lib/secrets.ts'
import { clientAddress } from '../../web/client-address.ts'
import { cookieName, isSecureTransport } from '../../web/security-headers.ts'
import type { PublicFormVisitor } from './abuse.actions.ts'
import { BROWSER_COOKIE } from './abuse.model.ts'

const BROWSER_ID = /^[A-Za-z0-9_-]{32,64}$/

/**
 * The sender of a public form: the client's address (behind trusted proxies, as they saw it)
 * and the browser's random id cookie. A browser without one is given one now and counted by
 * address alone this time; a script that drops cookies is still held by the address limit.
 */
export function publicFormVisitor(
  c: Context,
  config: Pick<Config, 'env' | 'trustProxy' | 'trustProxyHops'>,
): PublicFormVisitor {
  const name = cookieName(BROWSER_COOKIE, config.env)
  const held = getCookie(c, name)
  if (held && BROWSER_ID.test(held)) return { address: clientAddress(c, config), browser: held }
  setCookie(c, name, randomToken(), {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecureTransport(c, config),
    path: '/',
    maxAge: 365 * 86_400,
  })
  return { address: clientAddress(c, config), browser: null }
}
