import type { IncomingMessage, ServerResponse } from 'node:http'
import { cachedHeaders } from './cache-policy.ts'
import { etagMatches } from './etag.ts'
import type { CachedPage, PageCache } from './page-cache.ts'
import { HSTS, SECURITY_HEADERS } from './security-headers.ts'

type Written = Record<string, string | number>

/**
 * Answers anonymous GETs of cached public pages and API reads straight from memory, before
 * the web framework builds Request/Response objects for them: on a cache hit this is most of
 * the cost of a page. Misses, signed-in visitors, requests with an API token and every other
 * request go to the app, which renders and fills the cache (web/cached.ts, web/etag.ts).
 * Returns true when it answered.
 */
export function cachedPageResponder(
  cache: PageCache,
  options: { sessionCookie: string; trustProxy: boolean; production: boolean },
) {
  const sessionMarker = `${options.sessionCookie}=`
  // The headers of an entry, built once per entry (entries are never changed, only replaced):
  // with and without HSTS, since whether the browser is on TLS is a fact of the request.
  // A 200 adds the length of the body to them.
  const built = new WeakMap<CachedPage, Record<'plain' | 'tls' | 'plain200' | 'tls200', Written>>()
  const headersOf = (page: CachedPage) => {
    let h = built.get(page)
    if (!h) {
      const plain: Written = { ...SECURITY_HEADERS, ...cachedHeaders(page) }
      const tls: Written = { ...plain, 'Strict-Transport-Security': HSTS }
      const length = { 'Content-Length': page.body.byteLength }
      h = { plain, tls, plain200: { ...plain, ...length }, tls200: { ...tls, ...length } }
      built.set(page, h)
    }
    return h
  }
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    if (req.headers.cookie?.includes(sessionMarker)) return false
    if (req.headers.authorization !== undefined) return false
    const page = cache.get(req.url ?? '')
    if (!page) return false
    // As the app's own responses (security-headers.ts): production is always reached over TLS.
    const tls =
      options.production || (options.trustProxy && req.headers['x-forwarded-proto'] === 'https')
    const h = headersOf(page)
    const ifNoneMatch = req.headers['if-none-match']
    if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, page.etag)) {
      res.writeHead(304, tls ? h.tls : h.plain)
      res.end()
      return true
    }
    res.writeHead(200, tls ? h.tls200 : h.plain200)
    res.end(req.method === 'HEAD' ? undefined : page.body)
    return true
  }
}
