import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import type { AppEnv } from './env.ts'
import type { PageCache } from './page-cache.ts'

const HTML = 'text/html; charset=UTF-8'

function respond(c: Context<AppEnv>, body: Uint8Array<ArrayBuffer>, etag: string): Response {
  const headers = { 'Content-Type': HTML, ETag: etag, 'Cache-Control': 'no-cache' }
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers)
  return c.body(body, 200, headers)
}

/**
 * Serves a public page from the page cache for anonymous visitors, rendering
 * and storing it on a miss. Signed-in staff always get a fresh render (their
 * header differs, and they expect to see their own changes at once).
 */
export async function cachedPage(
  c: Context<AppEnv>,
  cache: PageCache,
  key: string,
  tags: readonly string[],
  render: () => Promise<Response>,
): Promise<Response> {
  if (c.get('actor')) return render()
  const hit = cache.get(key)
  if (hit) return respond(c, hit.body, hit.etag)
  const res = await render()
  if (res.status !== 200) return res
  const body = new Uint8Array(await res.arrayBuffer())
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`
  cache.set(key, { body, etag, status: 200 }, tags)
  return respond(c, body, etag)
}
