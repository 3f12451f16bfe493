import type { Context } from 'hono'

/**
 * The client's address, for throttling: the first X-Forwarded-For hop when a
 * trusted proxy sets it, else the socket's peer. Never stored beyond a rate-limit key.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  const env: unknown = c.env
  if (typeof env === 'object' && env !== null && 'incoming' in env) {
    const incoming = (env as { incoming: { socket?: { remoteAddress?: string } } }).incoming
    if (incoming.socket?.remoteAddress) return incoming.socket.remoteAddress
  }
  return 'unknown'
}
