import type { IncomingMessage, ServerResponse } from 'node:http'
import { CACHED_CACHE_CONTROL, CACHED_HTML_TYPE } from './cached.ts'
import type { PageCache } from './page-cache.ts'
import { HSTS, SECURITY_HEADERS } from './security-headers.ts'

/**
 * Answers anonymous GETs of cached public pages straight from memory, before
 * the web framework builds Request/Response objects for them: on a cache hit
 * this is most of the cost of a page. Misses, signed-in visitors and every
 * other request go to the app, which renders and fills the cache
 * (web/cached.ts). Returns true when it answered.
 */
export function cachedPageResponder(
  cache: PageCache,
  options: { sessionCookie: string; trustProxy: boolean; production: boolean },
) {
  const sessionMarker = `${options.sessionCookie}=`
  const base = {
    ...SECURITY_HEADERS,
    'Content-Type': CACHED_HTML_TYPE,
    'Cache-Control': CACHED_CACHE_CONTROL,
  }
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    if (req.headers.cookie?.includes(sessionMarker)) return false
    const page = cache.get(req.url ?? '')
    if (!page) return false
    // As the app's own responses (security-headers.ts): production is always reached over TLS.
    const tls =
      options.production || (options.trustProxy && req.headers['x-forwarded-proto'] === 'https')
    const headers: Record<string, string | number> = { ...base, ETag: page.etag }
    if (tls) headers['Strict-Transport-Security'] = HSTS
    if (req.headers['if-none-match'] === page.etag) {
      res.writeHead(304, headers)
      res.end()
      return true
    }
    headers['Content-Length'] = page.body.byteLength
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : page.body)
    return true
  }
}
