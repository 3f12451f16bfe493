import { createHash } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { CACHED_HTML_TYPE, cachedHeaders } from './cache-policy.ts'
import type { CachedPage, PageCache } from './page-cache.ts'

/**
 * ETags and the in-memory cache for the read API (GET and HEAD under /api/v1). Successful
 * responses get a strong ETag (SHA-1 of the body, unless the route set its own, as the
 * streamed exports do); a matching `If-None-Match` gets 304 with no body. Errors are left
 * alone (no ETag, no caching). Cache-Control is the policy's (cache-policy.ts).
 *
 * A public read that marks itself with {@link publicRead} is kept in the page cache under
 * its path and query, with the cache tags of what it shows, exactly as a public page is
 * (cached.ts): later anonymous requests are answered from memory — by the fast path before
 * the app (fast-path.ts), or here — until a public change marks one of its tags or it
 * expires. Requests with a token are always answered afresh: the token is checked, and the
 * answer is private.
 */

/** Headers a 304 repeats from the 200 it stands for (RFC 9110 §15.4.5). */
const KEPT_ON_304 = ['etag', 'cache-control', 'last-modified', 'vary', 'content-location']

export function bodyEtag(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`
}

/** Weak comparison (RFC 9110 §8.8.3.2), as If-None-Match uses: `W/` is ignored. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch === etag) return true
  const opaque = (t: string) => t.trim().replace(/^W\//, '')
  if (ifNoneMatch.trim() === '*') return true
  return ifNoneMatch.split(',').some((t) => opaque(t) === opaque(etag))
}

/** Answers 304 when the client already has this ETag; returns undefined otherwise. */
export function notModified(c: Context, etag: string, headers: Record<string, string> = {}) {
  if (!etagMatches(c.req.header('if-none-match'), etag)) return undefined
  return new Response(null, { status: 304, headers: { ETag: etag, ...headers } })
}

export { cacheControlFor } from './cache-policy.ts'

/** What a public read shows (its cache tags) and when it goes stale by itself. */
export interface PublicRead {
  tags: readonly string[]
  /** Milliseconds since the epoch; never when absent. */
  expiresAt?: number
}

const marked = new WeakMap<Context, PublicRead>()

/**
 * Marks this request's answer as a public read that may be kept in memory (see above), with
 * the tags of what it shows; returns the body to answer with, e.g.
 * `c.json(publicRead(c, { body, tags }), 200)`.
 */
export function publicRead<T>(c: Context, read: PublicRead & { body: T }): T {
  marked.set(c, { tags: read.tags, expiresAt: read.expiresAt })
  return read.body
}

/** The cache key of a request: its path and query, as the HTTP server sees them. */
function keyOf(c: Context): string {
  const url = new URL(c.req.url)
  return `${url.pathname}${url.search}`
}

function fromCache(c: Context, page: CachedPage): Response {
  const headers = cachedHeaders(page)
  if (etagMatches(c.req.header('if-none-match'), page.etag)) return c.body(null, 304, headers)
  return c.body(page.body, 200, headers)
}

/** The ETag middleware; with a page cache, public reads are also answered from and kept in it. */
export function apiEtag(cache?: PageCache): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method
    if (method !== 'GET' && method !== 'HEAD') return next()
    const anonymous = c.req.header('authorization') === undefined
    if (cache && anonymous) {
      const hit = cache.get(keyOf(c))
      if (hit) return fromCache(c, hit)
    }
    await next()
    const res = c.res
    if (res.status !== 200) return
    let etag = res.headers.get('etag')
    const read = marked.get(c)
    if (!etag || (read && cache && anonymous)) {
      if (!res.body) return
      const body = new Uint8Array(await res.arrayBuffer())
      etag ??= bodyEtag(body)
      const rebuilt = new Response(body, res)
      rebuilt.headers.set('ETag', etag)
      c.res = undefined
      c.res = rebuilt
      if (read && cache && anonymous)
        cache.set(
          keyOf(c),
          {
            body,
            etag,
            expiresAt: read.expiresAt ?? Number.POSITIVE_INFINITY,
            contentType: res.headers.get('content-type') ?? CACHED_HTML_TYPE,
            disposition: res.headers.get('content-disposition') ?? undefined,
          },
          read.tags,
        )
    }
    if (etagMatches(c.req.header('if-none-match'), etag)) {
      const headers = new Headers()
      for (const name of KEPT_ON_304) {
        const value = c.res.headers.get(name)
        if (value !== null) headers.set(name, value)
      }
      await c.res.body?.cancel()
      c.res = undefined
      c.res = new Response(null, { status: 304, headers })
    }
  }
}
