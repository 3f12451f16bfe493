import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import type { AppEnv } from './env.ts'
import type { PageCache } from './page-cache.ts'

export const CACHED_HTML_TYPE = 'text/html; charset=UTF-8'
/** Browsers revalidate with the ETag each time, so a change shows at once. */
export const CACHED_CACHE_CONTROL = 'no-cache'

function respond(c: Context<AppEnv>, body: Uint8Array<ArrayBuffer>, etag: string): Response {
  const headers = {
    'Content-Type': CACHED_HTML_TYPE,
    ETag: etag,
    'Cache-Control': CACHED_CACHE_CONTROL,
  }
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers)
  return c.body(body, 200, headers)
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
  if (hit) return respond(c, hit.body, hit.etag)
  const { response, tags, expiresAt } = await render()
  if (response.status !== 200) return response
  const body = new Uint8Array(await response.arrayBuffer())
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`
  cache.set(key, { body, etag, expiresAt: expiresAt ?? Number.POSITIVE_INFINITY }, [
    ...tags,
    LAYOUT_CACHE_TAG,
  ])
  return respond(c, body, etag)
}
