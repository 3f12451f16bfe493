import { toAsciiDigits } from '../fa/digits.ts'
import { formatIp, parseIp } from './ip-address.ts'
import { type AddressRange, addressRange } from './public-address.ts'

/**
 * Whether a URL may name a public web page, judged from its text alone (no DNS: saving a
 * channel must not make the server look anything up). Only http and https on their default
 * ports, without credentials, on a public IP address or on a name that can exist in the public
 * DNS. A name that resolves to a private address is caught later, by the link checker, which
 * resolves before it connects (`guarded-request.ts`).
 *
 * Default ports only: an explicit port is how a link checker becomes a port scanner, and
 * public e-services are served on 443 (or 80); `https://x.ir:443/` is fine, the URL parser
 * drops the default port.
 */

export type WebUrlProblem =
  | 'invalid'
  | 'scheme'
  | 'credentials'
  | 'port'
  | 'local_name'
  | 'non_public_address'

/**
 * Names that never reach a public site: `localhost` (RFC 6761), mDNS `.local`, the reserved
 * `.internal` (ICANN 2024) and `.home.arpa`, the other special-use names (`.test`, `.invalid`,
 * `.example`, `.onion`, `.arpa`), and suffixes widely used for private networks.
 */
const LOCAL_SUFFIXES = [
  'localhost',
  'local',
  'internal',
  'localdomain',
  'home.arpa',
  'arpa',
  'test',
  'invalid',
  'example',
  'onion',
  'lan',
  'home',
  'corp',
  'intranet',
  'private',
]

/** Whether a host name (not an IP) can only be local: special-use, private or single-label. */
export function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.+$/, '')
  if (!name.includes('.')) return true
  return LOCAL_SUFFIXES.some((s) => name === s || name.endsWith(`.${s}`))
}

export interface HostAddress {
  /** The IP literal's canonical text (no brackets). */
  address: string
  family: 4 | 6
  range: AddressRange
}

/** The IP address a URL's host is written as (any encoding), or null when it is a name. */
export function hostAddress(hostname: string): HostAddress | null {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1')
  const ip = parseIp(hostname.startsWith('[') ? bare : bare.replace(/\.$/, ''))
  return ip ? { address: formatIp(ip), family: ip.family, range: addressRange(ip) } : null
}

/**
 * Why a URL cannot be a public web page, or null when its text is acceptable. Text is read with
 * Persian and Arabic-Indic digits as ASCII, as the portal's input fields store it.
 */
export function webUrlProblem(input: string | URL): WebUrlProblem | null {
  let url: URL
  try {
    url = typeof input === 'string' ? new URL(toAsciiDigits(input.trim())) : input
  } catch {
    return 'invalid'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme'
  if (url.username !== '' || url.password !== '') return 'credentials'
  if (url.port !== '') return 'port'
  if (url.hostname === '') return 'invalid'
  const ip = hostAddress(url.hostname)
  if (ip) return ip.range === 'public' ? null : 'non_public_address'
  return isLocalName(url.hostname) ? 'local_name' : null
}
