/**
 * Which IP addresses the online checker may connect to. URLs in fiches come
 * from strangers: a URL that resolves to loopback, a private network, a
 * link-local or another non-public range must never be fetched (SSRF). Pure:
 * strings in, a range name out; no `node:` import.
 */

/** The range an address belongs to when it is refused. */
export type RefusedRange =
  | 'unspecified' // 0.0.0.0/8, ::
  | 'loopback' // 127/8, ::1
  | 'private' // 10/8, 172.16/12, 192.168/16
  | 'shared' // 100.64/10 (carrier-grade NAT)
  | 'link-local' // 169.254/16, fe80::/10
  | 'unique-local' // fc00::/7, and the deprecated site-local fec0::/10
  | 'multicast' // 224/4, ff00::/8
  | 'reserved' // 240/4, broadcast, IETF and benchmarking ranges, discard, Teredo
  | 'documentation' // 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32
  | 'ipv4-mapped' // ::ffff:0:0/96 and the deprecated IPv4-compatible ::/96
  | 'invalid' // not an IP address at all

/** Parses dotted-quad IPv4 (four decimal bytes, no leading zeros games). */
export function parseIPv4(text: string): number[] | null {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  const bytes: number[] = []
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null
    const n = Number(part)
    if (n > 255) return null
    bytes.push(n)
  }
  return bytes
}

/** Parses IPv6 text (with `::`, an optional trailing dotted quad and zone id) into 8 groups. */
export function parseIPv6(text: string): number[] | null {
  let s = text
  const zone = s.indexOf('%')
  if (zone >= 0) s = s.slice(0, zone)
  if (s.length === 0 || s.length > 45) return null
  if (s.includes('.')) {
    // A trailing dotted quad (::ffff:127.0.0.1) stands for the last two groups.
    const lastColon = s.lastIndexOf(':')
    const v4 = parseIPv4(s.slice(lastColon + 1))
    if (!v4) return null
    const hex = (hi: number, lo: number): string => ((hi << 8) | lo).toString(16)
    s = `${s.slice(0, lastColon + 1)}${hex(v4[0]!, v4[1]!)}:${hex(v4[2]!, v4[3]!)}`
  }
  const halves = s.split('::')
  if (halves.length > 2) return null
  const groups = (h: string): number[] | null => {
    if (h === '') return []
    const out: number[] = []
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null
      out.push(parseInt(g, 16))
    }
    return out
  }
  const head = groups(halves[0]!)
  if (!head) return null
  if (halves.length === 1) {
    return head.length === 8 ? head : null
  }
  const rest = groups(halves[1]!)
  if (!rest) return null
  const missing = 8 - head.length - rest.length
  if (missing < 1) return null
  return [...head, ...new Array<number>(missing).fill(0), ...rest]
}

/** The refused range of an IPv4 address given as four bytes, or null when public. */
function rangeOfIPv4(b: number[]): RefusedRange | null {
  const [a, c, d] = [b[0]!, b[1]!, b[2]!]
  if (a === 0) return 'unspecified'
  if (a === 127) return 'loopback'
  if (a === 10) return 'private'
  if (a === 172 && c >= 16 && c <= 31) return 'private'
  if (a === 192 && c === 168) return 'private'
  if (a === 100 && c >= 64 && c <= 127) return 'shared'
  if (a === 169 && c === 254) return 'link-local'
  if (a === 192 && c === 0 && d === 0) return 'reserved'
  if (a === 192 && c === 0 && d === 2) return 'documentation'
  if (a === 198 && c === 51 && d === 100) return 'documentation'
  if (a === 203 && c === 0 && d === 113) return 'documentation'
  if (a === 198 && (c === 18 || c === 19)) return 'reserved'
  if (a >= 224 && a <= 239) return 'multicast'
  if (a >= 240) return 'reserved'
  return null
}

/** The refused range of an IPv6 address given as eight groups, or null when public. */
function rangeOfIPv6(g: number[]): RefusedRange | null {
  const first = g[0]!
  const zerosBefore = (n: number): boolean => g.slice(0, n).every((x) => x === 0)
  const embedded = (hi: number, lo: number): number[] => [hi >> 8, hi & 255, lo >> 8, lo & 255]
  if (zerosBefore(8)) return 'unspecified'
  if (zerosBefore(7) && g[7] === 1) return 'loopback'
  if (zerosBefore(5) && g[5] === 0xffff) return 'ipv4-mapped'
  if (zerosBefore(6)) return 'ipv4-mapped' // IPv4-compatible, deprecated
  if (first === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    return rangeOfIPv4(embedded(g[6]!, g[7]!)) // NAT64: judge the IPv4 inside
  }
  if (first === 0x2002) return rangeOfIPv4(embedded(g[1]!, g[2]!)) // 6to4
  if (first === 0x2001 && g[1] === 0) return 'reserved' // Teredo
  if (first === 0x2001 && g[1] === 0xdb8) return 'documentation'
  if (first === 0x100 && g.slice(1, 4).every((x) => x === 0)) return 'reserved' // discard
  if ((first & 0xfe00) === 0xfc00) return 'unique-local'
  if ((first & 0xffc0) === 0xfe80) return 'link-local'
  if ((first & 0xffc0) === 0xfec0) return 'unique-local'
  if ((first & 0xff00) === 0xff00) return 'multicast'
  return null
}

/** The refused range of an address (IPv4 or IPv6 text), or null when it is public. */
export function refusedRange(address: string): RefusedRange | null {
  const v4 = parseIPv4(address)
  if (v4) return rangeOfIPv4(v4)
  const v6 = parseIPv6(address)
  if (v6) return rangeOfIPv6(v6)
  return 'invalid'
}

/** The first refused range among the addresses a host resolves to, or null when all are public. */
export function firstRefused(addresses: readonly string[]): { address: string; range: RefusedRange } | null {
  for (const address of addresses) {
    const range = refusedRange(address)
    if (range) return { address, range }
  }
  return null
}

/** Whether a URL host (as `URL.hostname` gives it) is an IP literal; returns the bare address. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname
  if (parseIPv4(bare) || (bare.includes(':') && parseIPv6(bare))) return bare
  return null
}
