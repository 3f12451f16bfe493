import { type IpAddress, parseIp } from './ip-address.ts'

/**
 * Whether an IP address is on the public internet, after the IANA special-purpose address
 * registries (RFC 6890 and successors). The server may only ever connect to a public address
 * on behalf of what an agency typed (the link checker): anything else reaches the portal's own
 * machine, its private network or a reserved range. IPv6 forms that carry an IPv4 address
 * (IPv4-mapped, IPv4-translated, the NAT64 prefix) are judged by that IPv4 address; the
 * deprecated tunnelling forms (IPv4-compatible, 6to4, Teredo) are never public. Global IPv6 is
 * only 2000::/3; everything outside it that is not listed is reserved.
 */

export type AddressRange =
  | 'public'
  | 'unspecified'
  | 'this_network'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link_local'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmarking'
  | 'protocol_assignments'
  | 'reserved'
  | 'unique_local'
  | 'site_local'
  | 'discard'
  | 'translation_local'
  | 'deprecated_tunnel'

type Block = readonly [prefix: readonly number[], bits: number, range: AddressRange]

/** IPv4 blocks, most specific first; the first match wins. */
const IPV4: readonly Block[] = [
  [[0, 0, 0, 0], 32, 'unspecified'],
  [[0], 8, 'this_network'],
  [[10], 8, 'private'],
  [[100, 64], 10, 'shared'],
  [[127], 8, 'loopback'],
  [[169, 254], 16, 'link_local'],
  [[172, 16], 12, 'private'],
  [[192, 0, 0], 24, 'protocol_assignments'],
  [[192, 0, 2], 24, 'documentation'],
  [[192, 88, 99], 24, 'reserved'], // the deprecated 6to4 relay anycast (RFC 7526)
  [[192, 168], 16, 'private'],
  [[198, 18], 15, 'benchmarking'],
  [[198, 51, 100], 24, 'documentation'],
  [[203, 0, 113], 24, 'documentation'],
  [[224], 4, 'multicast'],
  [[255, 255, 255, 255], 32, 'broadcast'],
  [[240], 4, 'reserved'],
]

/** IPv6 blocks with no IPv4 inside, most specific first (as 16-bit groups). */
const IPV6: readonly Block[] = [
  [[0, 0, 0, 0, 0, 0, 0, 0], 128, 'unspecified'],
  [[0, 0, 0, 0, 0, 0, 0, 1], 128, 'loopback'],
  [[0x64, 0xff9b, 1], 48, 'translation_local'],
  [[0x100, 0, 0, 0], 64, 'discard'],
  [[0x2001, 0], 32, 'deprecated_tunnel'], // Teredo
  [[0x2001, 0xdb8], 32, 'documentation'],
  [[0x2001, 0], 23, 'protocol_assignments'],
  [[0x3fff, 0], 20, 'documentation'],
  [[0x5f00], 16, 'reserved'], // SRv6 SIDs
  [[0xfc00], 7, 'unique_local'],
  [[0xfe80], 10, 'link_local'],
  [[0xfec0], 10, 'site_local'],
  [[0xff00], 8, 'multicast'],
]

function matches(
  units: readonly number[],
  unitBits: number,
  prefix: readonly number[],
  bits: number,
) {
  for (let i = 0, left = bits; left > 0; i++, left -= unitBits) {
    const take = Math.min(unitBits, left)
    const mask = ((1 << take) - 1) << (unitBits - take)
    if (((units[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false
  }
  return true
}

function rangeOf(units: readonly number[], unitBits: number, blocks: readonly Block[]) {
  for (const [prefix, bits, range] of blocks)
    if (matches(units, unitBits, prefix, bits)) return range
  return null
}

function ipv4Range(b: Uint8Array): AddressRange {
  return rangeOf([...b], 8, IPV4) ?? 'public'
}

/** An IPv4 address carried in the last 32 bits of an IPv6 address, or in bits 16–47 (6to4). */
function embedded(g: readonly number[], at: number): Uint8Array {
  const hi = g[at] ?? 0
  const lo = g[at + 1] ?? 0
  return new Uint8Array([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff])
}

function ipv6Range(bytes: Uint8Array): AddressRange {
  const g = Array.from(
    { length: 8 },
    (_, i) => ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0),
  )
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0)
  const listed = rangeOf(g, 16, IPV6)
  if (listed === 'unspecified' || listed === 'loopback') return listed
  // IPv4-mapped ::ffff:a.b.c.d and IPv4-translated ::ffff:0:a.b.c.d: that IPv4 address.
  if (zeros(0, 5) && g[5] === 0xffff) return ipv4Range(embedded(g, 6))
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return ipv4Range(embedded(g, 6))
  // The well-known NAT64 prefix 64:ff9b::/96 translates to the IPv4 address it ends with.
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return ipv4Range(embedded(g, 6))
  // Deprecated tunnels are never public; say what they point at when that is worse.
  if (zeros(0, 6)) {
    const inner = ipv4Range(embedded(g, 6))
    return inner === 'public' ? 'deprecated_tunnel' : inner
  }
  if (g[0] === 0x2002) {
    const inner = ipv4Range(embedded(g, 1))
    return inner === 'public' ? 'deprecated_tunnel' : inner
  }
  if (listed) return listed
  // Global unicast is 2000::/3; the rest of the space is unassigned or reserved.
  if (((g[0] ?? 0) & 0xe000) !== 0x2000) return 'reserved'
  return 'public'
}

/** The range an address belongs to. */
export function addressRange(ip: IpAddress): AddressRange {
  return ip.family === 4 ? ipv4Range(ip.bytes) : ipv6Range(ip.bytes)
}

/**
 * The range of an IP literal in any spelling (see `parseIp`), or null when the text is not an
 * IP address (a name, or nothing valid).
 */
export function classifyAddress(text: string): AddressRange | null {
  const ip = parseIp(text)
  return ip ? addressRange(ip) : null
}

/** Whether the text is an IP address on the public internet; a name or garbage is not. */
export function isPublicAddress(text: string): boolean {
  return classifyAddress(text) === 'public'
}
