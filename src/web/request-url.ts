import type { Context } from 'hono'

/** Whether the browser reached us over TLS, directly or through a trusted proxy. */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true
  return trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
}

/** Requests under /api get problem+json; everything else gets HTML. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/')
}
