/**
 * One HTTP exchange with node:http / node:https, connected to an address the
 * caller has already checked (the `lookup` option pins the connection to it,
 * so a second DNS answer cannot send it elsewhere: no DNS rebinding). Bounded
 * in time (one timer for connection, headers and body) and in size (the body
 * is read only up to `maxBodyBytes`, then the socket is destroyed). Never
 * rejects: failures are values.
 *
 * node:http rather than fetch: fetch (undici) hides the socket's address
 * choice behind a dispatcher and reads redirects itself; here every hop is a
 * separate, checked exchange, with no dependency.
 */
import http from 'node:http'
import https from 'node:https'
import type { LookupAddress } from 'node:dns'

export interface PinnedAddress {
  address: string
  family: 4 | 6
}

export interface HttpExchange {
  url: URL
  method: 'HEAD' | 'GET'
  /** The checked addresses to connect to (not empty); null when the URL's host is an IP literal. */
  addresses: PinnedAddress[] | null
  timeoutMs: number
  headers: Record<string, string>
  /** How much of the body to read (0: none, the socket is closed once the headers arrive). */
  maxBodyBytes: number
}

export type HttpAnswer =
  | {
      kind: 'response'
      status: number
      location?: string
      contentType?: string
      /** The body read, when asked; `bodyComplete` false when it was cut at `maxBodyBytes`. */
      body?: Buffer
      bodyComplete?: boolean
    }
  | { kind: 'timeout' }
  | { kind: 'network'; code: string }

/** A short, safe error code: `ECONNREFUSED`, `CERT_HAS_EXPIRED`, `HPE_INVALID_CONSTANT`… */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,59}$/.test(code) ? code : 'ERROR'
}

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void

/**
 * A `lookup` that answers only with the checked addresses. Node asks for all of
 * them when it tries families in turn (autoSelectFamily); when it asks for one,
 * IPv4 comes first, as many networks (CI runners among them) have no IPv6 route.
 */
function pinnedLookup(pins: PinnedAddress[]) {
  const first = pins.find((p) => p.family === 4) ?? pins[0]!
  return (_host: string, options: { all?: boolean }, callback: LookupCallback): void => {
    if (options?.all) callback(null, pins.map((p) => ({ address: p.address, family: p.family })))
    else callback(null, first.address, first.family)
  }
}

export function httpRequest(x: HttpExchange): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    let settled = false
    const finish = (answer: HttpAnswer): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(answer)
    }
    const transport = x.url.protocol === 'https:' ? https : http
    const options: http.RequestOptions = {
      method: x.method,
      agent: false,
      headers: { ...x.headers, connection: 'close', 'accept-encoding': 'identity' },
    }
    if (x.addresses) options.lookup = pinnedLookup(x.addresses) as unknown as http.RequestOptions['lookup']
    let req: http.ClientRequest
    try {
      req = transport.request(x.url, options, (res) => {
        const status = res.statusCode ?? 0
        const location = typeof res.headers.location === 'string' ? res.headers.location : undefined
        const contentType = res.headers['content-type']
        const head = { kind: 'response' as const, status, location, contentType }
        if (x.maxBodyBytes <= 0 || x.method === 'HEAD') {
          finish(head)
          res.destroy()
          return
        }
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          const room = x.maxBodyBytes - size
          if (chunk.length > room) {
            if (room > 0) chunks.push(chunk.subarray(0, room))
            finish({ ...head, body: Buffer.concat(chunks), bodyComplete: false })
            res.destroy()
            return
          }
          chunks.push(chunk)
          size += chunk.length
        })
        res.on('end', () => finish({ ...head, body: Buffer.concat(chunks), bodyComplete: true }))
        res.on('error', (error) => finish({ kind: 'network', code: errorCode(error) }))
        res.on('close', () => finish({ kind: 'network', code: 'ECONNRESET' }))
      })
    } catch (error) {
      // invalid header characters or options: nothing was sent
      resolve({ kind: 'network', code: errorCode(error) })
      return
    }
    const timer = setTimeout(() => {
      finish({ kind: 'timeout' })
      req.destroy()
    }, x.timeoutMs)
    req.on('error', (error) => finish({ kind: 'network', code: errorCode(error) }))
    req.end()
  })
}
