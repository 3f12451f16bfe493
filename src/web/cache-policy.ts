import type { Context, MiddlewareHandler } from 'hono'
import type { Config } from '../config.ts'
import { CSRF_COOKIE } from './csrf.ts'
import type { AppEnv } from './env.ts'
import type { CachedPage } from './page-cache.ts'
import { isApiPath } from './request-url.ts'
import { cookieName } from './security-headers.ts'

/**
 * Who may keep what the portal sends, and for how long: decided here for every response (the
 * {@link cachePolicy} middleware) and, for cached pages answered before the app, by the same
 * constants (fast-path.ts).
 *
 * A public read — an anonymous GET or HEAD answered 200 (or 304), which sets no cookie and
 * carries no visitor's form token — may be held by shared caches (nginx, a CDN):
 *
 * - `max-age=0`: a browser revalidates every time, by ETag; the app answers that from memory
 *   with a 304, so a citizen who reloads sees a change at once.
 * - `s-maxage=1`: a shared cache answers without asking for one second. At a peak of
 *   thousands of requests a second for one page that still leaves one request a second per
 *   page for the app, while a publish is visible through the shared cache within a second
 *   or two (nginx counts whole seconds, so a page cached at x.0 s is fresh until x + 2 s;
 *   issue 16 item 3 tests exactly that through nginx). A longer time would only save
 *   requests the in-memory cache answers in microseconds, at the price of stale pages.
 * - `stale-while-revalidate=10`: once that second is over, the shared cache may answer from
 *   the old copy while it fetches the new one, so no visitor waits on the app at expiry.
 *   Ten seconds bounds how long a cache that is slow to refresh (or a browser that applies
 *   the directive too) may show a page from before a change.
 *
 * Everything else is not shared: pages a signed-in person is shown and staff pages
 * (`no-store`), responses that set a cookie or carry the visitor's CSRF token
 * (`private, no-store`), and public API reads made with a token (`private, no-cache`: the
 * same body, but a shared cache must not store what an authenticated request got).
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=1, stale-while-revalidate=10'
export const SIGNED_IN_CACHE_CONTROL = 'no-store'
export const PRIVATE_NO_STORE = 'private, no-store'
export const TOKEN_READ_CACHE_CONTROL = 'private, no-cache'

/**
 * An HTML page differs for signed-in visitors (their name and the sign-out form in the
 * header), so a shared cache must key it on the Cookie header. Other public answers (the API,
 * CSV) are the same for everyone. No `Accept-Encoding`: the app never compresses (nginx adds
 * that Vary itself when it does, with `gzip_vary on`).
 */
export const PAGE_VARY = 'Cookie'

/** The Vary header a public answer of this type carries, if any. */
export function publicVary(contentType: string): string | undefined {
  return contentType.startsWith('text/html') ? PAGE_VARY : undefined
}

/** The type of a cached entry that names none (pages). */
export const CACHED_HTML_TYPE = 'text/html; charset=UTF-8'

/**
 * The headers a cached answer is sent with, by the app and by the fast path alike: its type,
 * its ETag and the public policy above.
 */
export function cachedHeaders(page: CachedPage): Record<string, string> {
  const contentType = page.contentType ?? CACHED_HTML_TYPE
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    ETag: page.etag,
    'Cache-Control': PUBLIC_CACHE_CONTROL,
  }
  const vary = publicVary(contentType)
  if (vary) headers.Vary = vary
  if (page.disposition) headers['Content-Disposition'] = page.disposition
  return headers
}

/**
 * Pages only staff reach, and capability URLs (a report's tracking code, a rating link): none
 * of them is for a shared cache, whoever asks. The sign-in page carries a per-visitor token.
 */
const PRIVATE_PATHS = ['/admin', '/account', '/sign-in', '/inbox', '/reports', '/rate']
const DRAFT_API = /\/draft(\/|$)/

function underPrivatePath(path: string): boolean {
  return PRIVATE_PATHS.some((p) => path === p || path.startsWith(`${p}/`))
}

/** A public API read's Cache-Control: shared when anonymous, private with a token. */
export function cacheControlFor(c: Context): string {
  return c.req.header('authorization') ? TOKEN_READ_CACHE_CONTROL : PUBLIC_CACHE_CONTROL
}

function setCacheControl(h: Headers, value: string): void {
  // A route that already refused storing keeps its own words.
  if (!/\bno-store\b/.test(h.get('cache-control') ?? '')) h.set('Cache-Control', value)
}

/** Removes this cookie from the response's Set-Cookie lines; true when one was removed. */
function dropCookie(h: Headers, name: string): boolean {
  const lines = h.getSetCookie()
  const kept = lines.filter((l) => !l.startsWith(`${name}=`))
  if (kept.length === lines.length) return false
  h.delete('Set-Cookie')
  for (const line of kept) h.append('Set-Cookie', line)
  return true
}

/**
 * Applies the policy above to every response, after the route. The CSRF middleware gives
 * every new visitor a token cookie; a public answer does not need it (it has no form that
 * posts it) and a shared cache must never hand one visitor's cookie to the next, so it is
 * dropped there — the visitor gets it with the first page that carries a form. To know that,
 * an HTML page's body is searched for the visitor's token (a miss of an uncached page only:
 * cached pages are answered before the app, see fast-path.ts).
 */
export function cachePolicy(s: Pick<Config, 'env'>): MiddlewareHandler<AppEnv> {
  const csrfCookie = cookieName(CSRF_COOKIE, s.env)
  return async (c, next) => {
    await next()
    const path = c.req.path
    const read = c.req.method === 'GET' || c.req.method === 'HEAD'
    const h = c.res.headers
    const shareable = read && (c.res.status === 200 || c.res.status === 304)

    if (isApiPath(path)) {
      // The API authenticates with bearer tokens, never cookies: its answers need no CSRF cookie.
      dropCookie(h, csrfCookie)
      if (h.getSetCookie().length > 0) return setCacheControl(h, PRIVATE_NO_STORE)
      const token = c.req.header('authorization') !== undefined
      if (token && (!read || DRAFT_API.test(path)))
        return setCacheControl(h, SIGNED_IN_CACHE_CONTROL)
      if (!shareable) return
      if (!h.has('cache-control')) h.set('Cache-Control', cacheControlFor(c))
      return
    }

    if (c.get('actor') || underPrivatePath(path)) return setCacheControl(h, SIGNED_IN_CACHE_CONTROL)
    if (!shareable) {
      if (h.getSetCookie().length > 0) setCacheControl(h, PRIVATE_NO_STORE)
      return
    }
    const contentType = h.get('content-type') ?? ''
    if (contentType.startsWith('text/html') && c.res.status === 200) {
      const token = c.get('csrfToken')
      const body = await c.res.text()
      const rebuilt = new Response(body, c.res)
      c.res = undefined
      c.res = rebuilt
      if (token && body.includes(token)) return setCacheControl(c.res.headers, PRIVATE_NO_STORE)
    }
    const headers = c.res.headers
    dropCookie(headers, csrfCookie)
    if (headers.getSetCookie().length > 0) return setCacheControl(headers, PRIVATE_NO_STORE)
    if (!headers.has('cache-control')) headers.set('Cache-Control', PUBLIC_CACHE_CONTROL)
    const vary = publicVary(contentType)
    if (vary && !(headers.get('vary') ?? '').toLowerCase().includes(vary.toLowerCase()))
      headers.append('Vary', vary)
  }
}
