import type { MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { ForbiddenError } from '../lib/errors.ts'
import { randomToken, safeEqual } from '../lib/secrets.ts'
import type { AppEnv } from './env.ts'
import { isApiPath, isHttps } from './request-url.ts'

export const CSRF_COOKIE = 'mardom_csrf'
export const CSRF_FIELD = '_csrf'

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Every HTML form carries a token that must equal the visitor's CSRF cookie
 * (double submit), and cross-site submissions are refused by Origin and
 * Sec-Fetch-Site. The API is exempt: it authenticates with bearer tokens,
 * never cookies.
 */
export function csrfProtection(options: { trustProxy: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let token = getCookie(c, CSRF_COOKIE)
    if (!token || token.length < 32) {
      token = randomToken()
      setCookie(c, CSRF_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: isHttps(c, options.trustProxy),
        path: '/',
      })
    }
    c.set('csrfToken', token)

    if (UNSAFE.has(c.req.method) && !isApiPath(c.req.path)) {
      if (c.req.header('sec-fetch-site') === 'cross-site') {
        throw new ForbiddenError('csrf', 'درخواست از وب‌گاه دیگری فرستاده شده است.')
      }
      const origin = c.req.header('origin')
      if (origin && origin !== 'null' && new URL(origin).host !== new URL(c.req.url).host) {
        throw new ForbiddenError('csrf', 'درخواست از وب‌گاه دیگری فرستاده شده است.')
      }
      const body = await c.req.parseBody()
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
