import type { Context, MiddlewareHandler } from 'hono'
import type { Config } from '../config.ts'
import type { AppEnv } from './env.ts'
import { isApiPath, isHttps } from './request-url.ts'

// No inline script or style anywhere: every script and stylesheet is a file under /assets.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ')

/** Sent on every response (the cached fast path sends the same ones). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

export const HSTS = 'max-age=31536000; includeSubDomains'

/** What decides whether the browser is on TLS: production always is (a proxy terminates it). */
export type TransportSettings = Pick<Config, 'env' | 'trustProxy'>

/**
 * Whether cookies get `Secure` and responses HSTS: always in production, whatever the proxy
 * headers say (a production portal is only ever reached over TLS), and otherwise only when
 * the request came over TLS. A plain-HTTP dev or test server must not send HSTS: a browser
 * that saw it would refuse the dev server afterwards.
 */
export function isSecureTransport(c: Context, s: TransportSettings): boolean {
  return s.env === 'production' || isHttps(c, s.trustProxy)
}

/**
 * A cookie's name: in production `__Host-` prefixed, so the browser accepts it only with
 * `Secure`, `Path=/` and no `Domain` (no subdomain or plain-HTTP page can plant or overwrite
 * it). A plain-HTTP dev or test server cannot set such cookies, so there it keeps the bare name.
 */
export function cookieName(base: string, env: Config['env']): string {
  return env === 'production' ? `__Host-${base}` : base
}

// Pages only staff reach; the sign-in page carries a per-visitor CSRF token.
const STAFF_PAGES = ['/admin', '/account', '/sign-in']
const DRAFT_API = /\/draft(\/|$)/

/**
 * Whether a response may carry what is not public, and so must never be stored by a browser
 * or a shared cache: every page a signed-in person is shown (their name is in the header,
 * drafts in the editors), every staff page, and API answers to a token about drafts or to a
 * write. Public API reads with a token stay revalidatable (`private, no-cache`, etag.ts).
 */
function carriesPrivateData(c: Context<AppEnv>): boolean {
  const path = c.req.path
  if (isApiPath(path)) {
    if (!c.req.header('authorization')) return false
    const read = c.req.method === 'GET' || c.req.method === 'HEAD'
    return !read || DRAFT_API.test(path)
  }
  if (c.get('actor')) return true
  return STAFF_PAGES.some((p) => path === p || path.startsWith(`${p}/`))
}

export function securityHeaders(s: TransportSettings): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    const h = c.res.headers
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) h.set(name, value)
    if (isSecureTransport(c, s)) h.set('Strict-Transport-Security', HSTS)
    if (carriesPrivateData(c) && !/\bno-store\b/.test(h.get('cache-control') ?? '')) {
      h.set('Cache-Control', 'no-store')
    }
  }
}
