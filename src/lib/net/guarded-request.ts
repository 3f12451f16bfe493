import { lookup as dnsLookup } from 'node:dns/promises'
import { type ClientRequest, request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction, Socket } from 'node:net'
import { isPublicAddress } from './public-address.ts'
import { hostAddress, type WebUrlProblem, webUrlProblem } from './public-url.ts'

/**
 * One HTTP request to a URL someone else typed, made so that it cannot reach the portal's own
 * machine or network (server-side request forgery). Before connecting: the URL's text is
 * checked (`webUrlProblem`), its name is resolved once, and every address it resolves to must
 * be allowed, or nothing is sent. The connection then goes to exactly those checked addresses
 * (the socket's `lookup` is pinned to them, so a second, different DNS answer cannot slip in:
 * DNS rebinding), and the connected peer is checked again. Only the status line and headers
 * are read, at most `maxHeaderBytes` of them; the body is never read and the socket is closed
 * as soon as the head has arrived. Redirects are not followed here: the caller follows them by
 * hand, through this function, so every hop gets the same checks.
 */

export interface ResolvedAddress {
  address: string
  family: 4 | 6
}

/** Looks a name up; the default asks the system resolver for every address (`all: true`). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>

export const systemResolver: Resolver = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, order: 'verbatim' })
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }))
}

/**
 * Who may be reached. The default, `PUBLIC_WEB`, allows only public addresses on the default
 * ports; tests substitute a resolver and allow one loopback test server explicitly, so the
 * default itself is never weakened.
 */
export interface ReachPolicy {
  resolve: Resolver
  /** Why the URL's text is refused (scheme, credentials, port, local name, private literal). */
  urlProblem(url: URL): WebUrlProblem | null
  /** Whether the URL's host may be reached at this address. */
  addressAllowed(address: string, url: URL): boolean
}

export const PUBLIC_WEB: ReachPolicy = {
  resolve: systemResolver,
  urlProblem: (url) => webUrlProblem(url),
  addressAllowed: (address) => isPublicAddress(address),
}

export type RefusalReason = WebUrlProblem | 'resolves_non_public' | 'no_address'

/** The request was not made: the URL, or an address it resolves to, is not allowed. */
export class RefusedTarget extends Error {
  readonly reason: RefusalReason
  /** For logs and central staff: what was refused (never shown to agencies). */
  readonly detail: string
  constructor(reason: RefusalReason, detail: string) {
    super(`refused (${reason}): ${detail}`)
    this.name = 'RefusedTarget'
    this.reason = reason
    this.detail = detail
  }
}

export interface HopAnswer {
  status: number
  location: string | null
  /** The address actually connected to. */
  address: string
  /** Bytes read from the socket when the head had arrived (the body is not read further). */
  bytesRead: number
}

export interface HopOptions {
  method: 'HEAD' | 'GET'
  userAgent: string
  /** Ends the request (and the lookup's wait) when aborted: the caller's whole-check deadline. */
  signal: AbortSignal
  /** The most bytes of status line and headers accepted (Node's `maxHeaderSize`). */
  maxHeaderBytes: number
  policy: ReachPolicy
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort)
        resolve(v)
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(e)
      },
    )
  })
}

/** The addresses checked before connecting, and nothing else, whatever the socket asks for. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) {
      callback(
        null,
        addresses.map((a) => ({ address: a.address, family: a.family })),
      )
      return
    }
    const pick =
      addresses.find((a) => !options.family || a.family === options.family) ?? addresses[0]
    if (!pick) callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0)
    else callback(null, pick.address, pick.family)
  }
}

/** Resolves the URL's host (or reads its IP literal) and checks every address. */
async function allowedAddresses(
  url: URL,
  policy: ReachPolicy,
  signal: AbortSignal,
): Promise<{ literal: boolean; addresses: ResolvedAddress[] }> {
  const problem = policy.urlProblem(url)
  if (problem) throw new RefusedTarget(problem, url.href)
  const ip = hostAddress(url.hostname)
  const addresses = ip
    ? [{ address: ip.address, family: ip.family }]
    : await abortable(policy.resolve(url.hostname.replace(/\.$/, '')), signal)
  if (addresses.length === 0) throw new RefusedTarget('no_address', url.hostname)
  const bad = addresses.find((a) => !policy.addressAllowed(a.address, url))
  if (bad)
    throw new RefusedTarget(
      ip ? 'non_public_address' : 'resolves_non_public',
      `${url.hostname} → ${bad.address}`,
    )
  return { literal: ip !== null, addresses }
}

/** Makes one request (no redirect following) under the policy; see the module comment. */
export async function requestOnce(url: URL, o: HopOptions): Promise<HopAnswer> {
  const { literal, addresses } = await allowedAddresses(url, o.policy, o.signal)
  const first = addresses[0]
  if (!first) throw new RefusedTarget('no_address', url.hostname)
  const secure = url.protocol === 'https:'
  return new Promise<HopAnswer>((resolve, reject) => {
    let req: ClientRequest
    const options = {
      method: o.method,
      // An IP literal is connected to as checked; a name goes through the pinned lookup, and
      // stays the TLS server name and the Host header.
      hostname: literal ? first.address : url.hostname.replace(/\.$/, ''),
      port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
      path: `${url.pathname}${url.search}`,
      headers: { 'user-agent': o.userAgent, accept: '*/*' },
      agent: false,
      lookup: pinnedLookup(addresses),
      signal: o.signal,
      maxHeaderSize: o.maxHeaderBytes,
    }
    const onResponse = (res: IncomingMessage) => {
      const socket = res.socket
      const answer: HopAnswer = {
        status: res.statusCode ?? 0,
        location: typeof res.headers.location === 'string' ? res.headers.location : null,
        address: socket?.remoteAddress ?? '',
        bytesRead: socket?.bytesRead ?? 0,
      }
      // Only the head matters: close now rather than read (or even buffer) the body.
      res.destroy()
      req.destroy()
      resolve(answer)
    }
    try {
      req = secure
        ? httpsRequest(
            { ...options, servername: literal ? undefined : options.hostname },
            onResponse,
          )
        : httpRequest(options, onResponse)
    } catch (error) {
      reject(error)
      return
    }
    req.on('error', reject)
    // Belt and braces: whatever the socket connected to must itself be allowed.
    req.on('socket', (socket: Socket) => {
      const check = () => {
        const peer = socket.remoteAddress ?? ''
        if (!o.policy.addressAllowed(peer, url))
          req.destroy(new RefusedTarget('resolves_non_public', `${url.hostname} → ${peer}`))
      }
      if (socket.connecting) socket.once('connect', check)
      else if (socket.remoteAddress) check()
    })
    req.end()
  })
}
