import type { Context } from 'hono'
import { CACHED_HTML_TYPE, cachedHeaders } from './cache-policy.ts'
import type { AppEnv } from './env.ts'
import { bodyEtag, etagMatches } from './etag.ts'
import type { CachedPage, PageCache } from './page-cache.ts'

function respond(c: Context<AppEnv>, page: CachedPage): Response {
  const headers = cachedHeaders(page)
  if (etagMatches(c.req.header('if-none-match'), page.etag)) return c.body(null, 304, headers)
  return c.body(page.body, 200, headers)
}

/**
 * Every cached page carries this tag besides its own: what the layout shows on every page
 * (the central body's name in the footer) changes by marking it.
 */
export const LAYOUT_CACHE_TAG = 'layout'

/** The cache key of a request: its path and query, as the HTTP server sees them. */
export function cacheKeyOf(c: Context): string {
  const url = new URL(c.req.url)
  return `${url.pathname}${url.search}`
}

/** A rendered page with what decides how long it may be cached. */
export interface RenderedPage {
  response: Response
  /** What the page shows: a change to any of these drops it (see page-cache.ts). */
  tags: readonly string[]
  /** When it goes stale by itself (ms since the epoch), e.g. at the end of the Tehran day. */
  expiresAt?: number
}

/**
 * Serves a public page from the page cache for anonymous visitors, rendering
 * and storing it on a miss. Signed-in staff always get a fresh render (their
 * header differs, and they expect to see their own changes at once). Hits are
 * usually answered before the app is reached (see fast-path.ts); this is the
 * path that fills the cache.
 */
export async function cachedPage(
  c: Context<AppEnv>,
  cache: PageCache,
  render: () => Promise<RenderedPage>,
): Promise<Response> {
  if (c.get('actor')) return (await render()).response
  const key = cacheKeyOf(c)
  const hit = cache.get(key)
  if (hit) return respond(c, hit)
  const { response, tags, expiresAt } = await render()
  if (response.status !== 200) return response
  const body = new Uint8Array(await response.arrayBuffer())
  const page: CachedPage = {
    body,
    etag: bodyEtag(body),
    expiresAt: expiresAt ?? Number.POSITIVE_INFINITY,
    contentType: response.headers.get('content-type') ?? CACHED_HTML_TYPE,
  }
  cache.set(key, page, [...tags, LAYOUT_CACHE_TAG])
  return respond(c, page)
}
