import type { Context } from 'hono'
import type { Config } from '../config.ts'

export type ProxySettings = Pick<Config, 'trustProxy' | 'trustProxyHops'>

/**
 * The client's address as our trusted proxies saw it, from an X-Forwarded-For value: each
 * proxy appends the address it received the request from, so the last `hops` entries were
 * written by proxies we trust, and the entry `hops` from the right is the client. Everything
 * to its left came from the client itself and may be invented, so it is never read. With
 * fewer entries than hops (a proxy that overwrites rather than appends), the leftmost entry
 * is the one a trusted proxy wrote.
 */
export function forwardedClient(header: string | undefined, hops: number): string | undefined {
  const entries = (header ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  if (entries.length === 0) return undefined
  return entries[Math.max(0, entries.length - hops)]
}

function socketAddress(c: Context): string | undefined {
  const env: unknown = c.env
  if (typeof env === 'object' && env !== null && 'incoming' in env) {
    const incoming = (env as { incoming: { socket?: { remoteAddress?: string } } }).incoming
    return incoming.socket?.remoteAddress
  }
  return undefined
}

/**
 * The client's address, for throttling: behind trusted proxies (`TRUST_PROXY`), the
 * X-Forwarded-For entry `TRUST_PROXY_HOPS` from the right (see {@link forwardedClient}); else
 * the socket's peer. Never stored beyond a rate-limit key.
 */
export function clientAddress(c: Context, proxy: ProxySettings): string {
  if (proxy.trustProxy) {
    const forwarded = forwardedClient(c.req.header('x-forwarded-for'), proxy.trustProxyHops)
    if (forwarded) return forwarded.slice(0, 100)
  }
  return socketAddress(c) ?? 'unknown'
}
