import { createHash } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'

/**
 * ETags for the read API (GET and HEAD under /api/v1). Successful responses get a strong ETag
 * (SHA-1 of the body, unless the route set its own, as the streamed exports do) and
 * `Cache-Control: no-cache`, so clients and caches may keep a copy but revalidate it every
 * time; a matching `If-None-Match` gets 304 with no body. Errors are left alone (no ETag, no
 * caching), and responses to requests with an Authorization header are marked `private`.
 */
export const API_CACHE_CONTROL = 'no-cache'
export const API_PRIVATE_CACHE_CONTROL = 'private, no-cache'

/** Headers a 304 repeats from the 200 it stands for (RFC 9110 §15.4.5). */
const KEPT_ON_304 = ['etag', 'cache-control', 'last-modified', 'vary', 'content-location']

export function bodyEtag(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`
}

/** Weak comparison (RFC 9110 §8.8.3.2), as If-None-Match uses: `W/` is ignored. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  const opaque = (t: string) => t.trim().replace(/^W\//, '')
  if (ifNoneMatch.trim() === '*') return true
  return ifNoneMatch.split(',').some((t) => opaque(t) === opaque(etag))
}

/** Answers 304 when the client already has this ETag; returns undefined otherwise. */
export function notModified(c: Context, etag: string, headers: Record<string, string> = {}) {
  if (!etagMatches(c.req.header('if-none-match'), etag)) return undefined
  return new Response(null, { status: 304, headers: { ETag: etag, ...headers } })
}

export function cacheControlFor(c: Context): string {
  return c.req.header('authorization') ? API_PRIVATE_CACHE_CONTROL : API_CACHE_CONTROL
}

export function apiEtag(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const method = c.req.method
    if (method !== 'GET' && method !== 'HEAD') return
    const res = c.res
    if (res.status !== 200) return
    if (!res.headers.has('cache-control')) res.headers.set('Cache-Control', cacheControlFor(c))
    let etag = res.headers.get('etag')
    if (!etag) {
      if (!res.body) return
      const body = new Uint8Array(await res.arrayBuffer())
      etag = bodyEtag(body)
      const rebuilt = new Response(body, res)
      rebuilt.headers.set('ETag', etag)
      c.res = undefined
      c.res = rebuilt
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
