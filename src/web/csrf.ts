import { createHmac } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { HTTPException } from 'hono/http-exception'
import { ForbiddenError } from '../lib/errors.ts'
import { randomToken, safeEqual } from '../lib/secrets.ts'
import type { AppEnv } from './env.ts'
import { isApiPath } from './request-url.ts'
import { cookieName, isSecureTransport, type TransportSettings } from './security-headers.ts'

/** The CSRF cookie's name on a plain-HTTP dev or test server; `__Host-mardom_csrf` in production. */
export const CSRF_COOKIE = 'mardom_csrf'
export const CSRF_FIELD = '_csrf'

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const crossSite = () => new ForbiddenError('csrf', 'درخواست از وب‌گاه دیگری فرستاده شده است.')

/**
 * The CSRF token of a signed-in visitor: derived from their session's secret, so it is bound
 * to that session, changes at every sign-in (a new session), and cannot be computed by anyone
 * who does not hold the HttpOnly session cookie. A leaked form token reveals nothing of the
 * session itself (HMAC is one-way).
 */
export function csrfTokenForSession(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('mardom csrf v1').digest('base64url')
}

/**
 * Puts `token` in the visitor's CSRF cookie, which forms repeat. Called by the middleware and
 * by sign-in and sign-out, which change the token with the session.
 */
export function setCsrfCookie(c: Context, token: string, s: TransportSettings): void {
  setCookie(c, cookieName(CSRF_COOKIE, s.env), token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecureTransport(c, s),
    path: '/',
  })
}

/**
 * Whether an `Origin` header names this site. `null` (sandboxed frames, some redirects, file
 * pages) and anything that is not a URL are refused: a state-changing request from a browser
 * always has a real origin when it comes from our own pages.
 */
function sameOrigin(origin: string, requestUrl: string): boolean {
  if (!URL.canParse(origin)) return false
  const o = new URL(origin)
  if (o.protocol !== 'https:' && o.protocol !== 'http:') return false
  return o.host === new URL(requestUrl).host
}

export interface CsrfSettings extends TransportSettings {
  /** The session cookie's name (accounts): a signed-in visitor's token derives from it. */
  sessionCookie: string
  /**
   * Paths of public forms that sit on cached pages (the helpful vote on a service page): one
   * page serves everyone, so it cannot carry a visitor's token. They are checked by Origin and
   * Sec-Fetch-Site alone, which every browser that sends them makes unforgeable cross-site; the
   * form does nothing a visitor's authority could be abused for.
   */
  tokenlessPath?: (path: string) => boolean
}

/**
 * Every HTML form carries a token that must equal the visitor's: for a signed-in visitor the
 * one derived from their session ({@link csrfTokenForSession}), for anyone else the random
 * token in their CSRF cookie (double submit, enough for the sign-in form). Cross-site
 * submissions are refused by Origin and Sec-Fetch-Site first. The API is exempt: it
 * authenticates with bearer tokens, never cookies.
 */
export function csrfProtection(s: CsrfSettings): MiddlewareHandler<AppEnv> {
  const cookie = cookieName(CSRF_COOKIE, s.env)
  return async (c, next) => {
    const session = getCookie(c, s.sessionCookie)
    const held = getCookie(c, cookie)
    let token: string
    if (session) token = csrfTokenForSession(session)
    else if (held && held.length >= 32) token = held
    else token = randomToken()
    if (held !== token) setCsrfCookie(c, token, s)
    c.set('csrfToken', token)

    if (UNSAFE.has(c.req.method) && !isApiPath(c.req.path)) {
      if (c.req.header('sec-fetch-site') === 'cross-site') throw crossSite()
      const origin = c.req.header('origin')
      if (origin !== undefined && !sameOrigin(origin, c.req.url)) throw crossSite()
      if (s.tokenlessPath?.(c.req.path)) return next()
      let body: Awaited<ReturnType<typeof c.req.parseBody>>
      try {
        body = await c.req.parseBody()
      } catch (error) {
        if (error instanceof HTTPException) throw error
        // A body that cannot be read (a broken multipart boundary…) is the client's mistake.
        throw new HTTPException(400, { message: 'unreadable body', cause: error })
      }
      const sent = body[CSRF_FIELD]
      if (typeof sent !== 'string' || !safeEqual(sent, token)) {
        throw new ForbiddenError(
          'csrf',
          'فرم منقضی شده است. لطفاً صفحه را دوباره باز کنید و فرم را دوباره بفرستید.',
        )
      }
    }
    await next()
  }
}
