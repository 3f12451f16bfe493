import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import type { Config } from '../../config.ts'
import { randomToken } from '../../lib/secrets.ts'
import { csrfTokenForSession, setCsrfCookie } from '../../web/csrf.ts'
import { cookieName, isSecureTransport } from '../../web/security-headers.ts'

/** The session cookie's name on a plain-HTTP dev or test server. */
export const SESSION_COOKIE = 'mardom_session'

/** `__Host-mardom_session` in production (Secure, host-only), `mardom_session` elsewhere. */
export function sessionCookieName(env: Config['env']): string {
  return cookieName(SESSION_COOKIE, env)
}

type CookieSettings = Pick<Config, 'env' | 'trustProxy' | 'sessionAbsoluteMs'>

/** Hands the browser a new session, and the CSRF token that belongs to it. */
export function setSessionCookie(c: Context, config: CookieSettings, sessionToken: string): void {
  setCookie(c, sessionCookieName(config.env), sessionToken, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecureTransport(c, config),
    path: '/',
    maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
  })
  setCsrfCookie(c, csrfTokenForSession(sessionToken), config)
}

/** Forgets the session cookie; after signing out, the visitor also gets a fresh CSRF token. */
export function clearSessionCookie(
  c: Context,
  config: CookieSettings,
  options: { newCsrfToken: boolean },
): void {
  deleteCookie(c, sessionCookieName(config.env), {
    path: '/',
    secure: isSecureTransport(c, config),
  })
  if (options.newCsrfToken) setCsrfCookie(c, randomToken(), config)
}
