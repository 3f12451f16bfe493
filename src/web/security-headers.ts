import type { MiddlewareHandler } from 'hono'
import { isHttps } from './request-url.ts'

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

/** Only over TLS: a browser that saw it over plain HTTP would be locked out of a dev server. */
export const HSTS = 'max-age=31536000; includeSubDomains'

export function securityHeaders(options: { trustProxy: boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const h = c.res.headers
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) h.set(name, value)
    if (isHttps(c, options.trustProxy)) h.set('Strict-Transport-Security', HSTS)
  }
}
