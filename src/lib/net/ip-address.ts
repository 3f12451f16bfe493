/**
 * IP address literals in every spelling a URL, a resolver or a person may use, read into their
 * bytes so that classifying them never depends on how they were written. IPv4 follows the
 * WHATWG URL host parser (and `inet_aton`): one to four parts, each decimal, octal (leading 0)
 * or hexadecimal (0x), the last part filling the remaining bytes, so `127.1`, `0x7f.1`,
 * `0177.0.0.1` and `2130706433` are all 127.0.0.1. IPv6 takes `::` compression, an IPv4 tail
 * (`::ffff:127.0.0.1`), surrounding brackets and a zone (`fe80::1%eth0`, which is dropped).
 */

export interface IpAddress {
  family: 4 | 6
  /** 4 or 16 bytes, network order. */
  bytes: Uint8Array
}

function ipv4Part(part: string): number | null {
  if (/^0[xX][0-9a-fA-F]*$/.test(part)) return part.length === 2 ? 0 : Number.parseInt(part, 16)
  if (/^0[0-7]+$/.test(part)) return Number.parseInt(part, 8)
  if (/^(0|[1-9]\d*)$/.test(part)) return Number(part)
  return null
}

/** An IPv4 literal in any WHATWG/inet_aton form (one trailing dot allowed), or null. */
export function parseIpv4(input: string): IpAddress | null {
  const parts = input.split('.')
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop()
  if (parts.length < 1 || parts.length > 4) return null
  const values: number[] = []
  for (const p of parts) {
    const v = ipv4Part(p)
    if (v === null || !Number.isSafeInteger(v)) return null
    values.push(v)
  }
  const last = values.pop() ?? 0
  if (values.some((v) => v > 255)) return null
  if (last >= 256 ** (4 - values.length)) return null
  const bytes = new Uint8Array(4)
  values.forEach((v, i) => {
    bytes[i] = v
  })
  for (let i = 3, rest = last; i >= values.length; i--, rest = Math.floor(rest / 256))
    bytes[i] = rest % 256
  return { family: 4, bytes }
}

/** Strict dotted-quad (four decimal parts), as allowed at the end of an IPv6 literal. */
function dottedQuad(input: string): number[] | null {
  const parts = input.split('.')
  if (parts.length !== 4) return null
  const out: number[] = []
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return null
    out.push(Number(p))
  }
  return out
}

function groups(side: string): number[] | null {
  if (side === '') return []
  const out: number[] = []
  const items = side.split(':')
  for (const [i, item] of items.entries()) {
    if (i === items.length - 1 && item.includes('.')) {
      const quad = dottedQuad(item)
      if (!quad) return null
      out.push(((quad[0] ?? 0) << 8) | (quad[1] ?? 0), ((quad[2] ?? 0) << 8) | (quad[3] ?? 0))
      continue
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(item)) return null
    out.push(Number.parseInt(item, 16))
  }
  return out
}

/** An IPv6 literal, with or without brackets and zone, or null. */
export function parseIpv6(input: string): IpAddress | null {
  let s = input
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1)
  const zone = s.indexOf('%')
  if (zone >= 0) s = s.slice(0, zone)
  if (!s.includes(':')) return null
  const halves = s.split('::')
  if (halves.length > 2) return null
  const head = groups(halves[0] ?? '')
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : []
  if (!head || !tail) return null
  let all: number[]
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length
    if (missing < 1) return null
    all = [...head, ...new Array<number>(missing).fill(0), ...tail]
  } else all = head
  if (all.length !== 8) return null
  const bytes = new Uint8Array(16)
  all.forEach((g, i) => {
    bytes[2 * i] = g >> 8
    bytes[2 * i + 1] = g & 0xff
  })
  return { family: 6, bytes }
}

/** Any IP literal (IPv4 in any form, IPv6 with or without brackets), or null for a name. */
export function parseIp(input: string): IpAddress | null {
  return parseIpv6(input) ?? parseIpv4(input)
}

/** The canonical text of an address: dotted quad, or RFC 5952 IPv6 (no brackets). */
export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return [...ip.bytes].join('.')
  const g = Array.from(
    { length: 8 },
    (_, i) => ((ip.bytes[2 * i] ?? 0) << 8) | (ip.bytes[2 * i + 1] ?? 0),
  )
  // The longest run of two or more zero groups becomes `::` (the first such run on a tie).
  let best = -1
  let bestLen = 1
  for (let i = 0; i < 8; ) {
    let j = i
    while (j < 8 && g[j] === 0) j++
    if (j - i > bestLen) {
      best = i
      bestLen = j - i
    }
    i = j === i ? i + 1 : j
  }
  const hex = (xs: number[]) => xs.map((x) => x.toString(16)).join(':')
  if (best < 0) return hex(g)
  return `${hex(g.slice(0, best))}::${hex(g.slice(best + bestLen))}`
}
