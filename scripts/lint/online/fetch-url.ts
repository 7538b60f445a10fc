/**
 * Fetching a URL written by a stranger: scheme and credentials refused, the
 * host resolved and every address checked against the address policy before
 * connecting (at each redirect hop too), one retry on transient failures,
 * redirects followed by hand up to a limit, HEAD first and GET when HEAD is
 * refused. The verdict is a value (`UrlVerdict`), never an exception.
 */
import { lookup as dnsLookup } from 'node:dns/promises'
import { firstRefused, ipLiteral, type RefusedRange } from './address-policy.ts'
import { httpRequest, errorCode, type HttpAnswer, type PinnedAddress } from './http-request.ts'
import type { OnlineOutcome } from './types.ts'

/** How host names resolve: every address, as dns.lookup({ all: true }) gives them. */
export type Resolver = (hostname: string) => Promise<Array<{ address: string; family: number }>>

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true })

export interface FetchContext {
  /** Time limit of one request (DNS, connection, headers, body read). */
  timeoutMs: number
  /** Time limit of all the requests for one target (retries, redirects, HEAD then GET). */
  targetTimeoutMs?: number
  /** Set by `withDeadline`: the `performance.now()` after which no request starts. */
  deadline?: number
  retries: number
  maxRedirects: number
  userAgent: string
  /** Which addresses may not be connected to: `refusePrivate`, or nothing in tests. */
  policy: AddressPolicy
  resolver: Resolver
}

/** The refused range among a host's addresses, or null when the connection may go ahead. */
export type AddressPolicy = (addresses: readonly string[]) => RefusedRange | null

/** The policy for strangers' URLs: loopback, private, link-local… are refused. */
export const refusePrivate: AddressPolicy = (addresses) => firstRefused(addresses)?.range ?? null

/** Tests only: every address allowed. */
export const allowAll: AddressPolicy = () => null

/** The answer to one hop, or why no request was sent. */
export type HopAnswer =
  | HttpAnswer
  | { kind: 'refused-address'; range: string }
  | { kind: 'refused-scheme'; reason: 'invalid' | 'scheme' | 'credentials' }

export interface UrlVerdict {
  outcome: OnlineOutcome
  status?: number
  finalUrl?: string
  detail?: string
}

const MAX_URL_LENGTH = 4096
const REDIRECTS = new Set([301, 302, 303, 307, 308])
/** Network failures worth a second try (a missing host name is not). */
const TRANSIENT = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH',
  'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN',
])

/** Parses a URL and says whether it may be fetched at all (pure). */
export function acceptUrl(text: string): URL | { reason: 'invalid' | 'scheme' | 'credentials' } {
  if (text.length > MAX_URL_LENGTH) return { reason: 'invalid' }
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return { reason: 'invalid' }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { reason: 'scheme' }
  if (url.username !== '' || url.password !== '') return { reason: 'credentials' }
  if (url.hostname === '') return { reason: 'invalid' }
  return url
}

/** The context for one target: its requests share `targetTimeoutMs`. */
export function withDeadline(ctx: FetchContext): FetchContext {
  if (ctx.targetTimeoutMs === undefined) return ctx
  return { ...ctx, deadline: performance.now() + ctx.targetTimeoutMs }
}

/** The time left for the next request, within both limits. */
function timeLeft(ctx: FetchContext): number {
  if (ctx.deadline === undefined) return ctx.timeoutMs
  return Math.min(ctx.timeoutMs, Math.floor(ctx.deadline - performance.now()))
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined
  const expiry = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms)
  })
  return Promise.race([promise, expiry]).finally(() => clearTimeout(timer))
}

/** Where to connect for a host, once every address it resolves to has passed the policy. */
async function addressFor(
  hostname: string,
  ctx: FetchContext,
  timeoutMs: number,
): Promise<{ pins: PinnedAddress[] | null } | HopAnswer> {
  const literal = ipLiteral(hostname)
  let addresses: Array<{ address: string; family: number }>
  if (literal) addresses = [{ address: literal, family: literal.includes(':') ? 6 : 4 }]
  else {
    try {
      const found = await withTimeout(ctx.resolver(hostname.replace(/\.$/, '')), timeoutMs)
      if (found === 'timeout') return { kind: 'timeout' }
      addresses = found
    } catch (error) {
      return { kind: 'network', code: errorCode(error) }
    }
    if (addresses.length === 0) return { kind: 'network', code: 'ENOTFOUND' }
  }
  const refused = ctx.policy(addresses.map((a) => a.address))
  if (refused) return { kind: 'refused-address', range: refused }
  if (literal) return { pins: null }
  return { pins: addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })) }
}

export interface HopOptions {
  method: 'HEAD' | 'GET'
  headers?: Record<string, string>
  maxBodyBytes?: number
}

/** One request to one URL: scheme, address policy, then the exchange. */
export async function fetchHop(text: string, ctx: FetchContext, hop: HopOptions): Promise<HopAnswer> {
  const url = acceptUrl(text)
  if (!(url instanceof URL)) return { kind: 'refused-scheme', reason: url.reason }
  let left = timeLeft(ctx)
  if (left <= 0) return { kind: 'timeout' }
  const target = await addressFor(url.hostname, ctx, left)
  if ('kind' in target) return target
  left = timeLeft(ctx)
  if (left <= 0) return { kind: 'timeout' }
  return httpRequest({
    url,
    method: hop.method,
    addresses: target.pins,
    timeoutMs: left,
    headers: { 'user-agent': ctx.userAgent, accept: '*/*', ...hop.headers },
    maxBodyBytes: hop.maxBodyBytes ?? 0,
  })
}

/** Whether an answer deserves another try: timeouts, resets, and 5xx other than 501. */
export function isTransient(answer: HopAnswer): boolean {
  if (answer.kind === 'timeout') return true
  if (answer.kind === 'network') return TRANSIENT.has(answer.code)
  if (answer.kind === 'response') return answer.status >= 500 && answer.status !== 501
  return false
}

/** One hop with up to `ctx.retries` more tries on transient failures. */
export async function fetchWithRetry(text: string, ctx: FetchContext, hop: HopOptions): Promise<HopAnswer> {
  let answer = await fetchHop(text, ctx, hop)
  for (let i = 0; i < ctx.retries && isTransient(answer); i++) answer = await fetchHop(text, ctx, hop)
  return answer
}

export type ChainEnd =
  | { kind: 'end'; answer: HopAnswer; finalUrl: string }
  | { kind: 'too-many-redirects'; finalUrl: string; loop: boolean }

/** Follows redirects by hand: each hop goes through the scheme and address checks again. */
export async function followRedirects(start: string, ctx: FetchContext, hop: HopOptions): Promise<ChainEnd> {
  const seen = new Set<string>()
  let current = start
  for (let hops = 0; ; hops++) {
    seen.add(current)
    const answer = await fetchWithRetry(current, ctx, hop)
    if (answer.kind !== 'response' || !REDIRECTS.has(answer.status) || answer.location === undefined) {
      return { kind: 'end', answer, finalUrl: current }
    }
    let next: string
    try {
      next = new URL(answer.location, current).href
    } catch {
      return { kind: 'end', answer: { kind: 'refused-scheme', reason: 'invalid' }, finalUrl: current }
    }
    if (seen.has(next)) return { kind: 'too-many-redirects', finalUrl: next, loop: true }
    if (hops + 1 > ctx.maxRedirects) return { kind: 'too-many-redirects', finalUrl: next, loop: false }
    current = next
  }
}

/**
 * Statuses that show the page exists even though it is not served to us:
 * authentication (401), bot protection (403) or our own rate (429).
 */
const ANSWERS = new Set([401, 403, 429])

/** The verdict on a chain's end (pure). */
export function verdictOf(end: ChainEnd, start: string): UrlVerdict {
  const moved = (url: string): { finalUrl?: string } => (url !== start ? { finalUrl: url } : {})
  if (end.kind === 'too-many-redirects') {
    return { outcome: 'too-many-redirects', ...moved(end.finalUrl), detail: end.loop ? 'loop' : 'limit' }
  }
  const a = end.answer
  switch (a.kind) {
    case 'response': {
      const ok = (a.status >= 200 && a.status < 300) || ANSWERS.has(a.status)
      return { outcome: ok ? 'ok' : 'dead', status: a.status, ...moved(end.finalUrl) }
    }
    case 'timeout':
      return { outcome: 'timeout', ...moved(end.finalUrl) }
    case 'network':
      return { outcome: 'unreachable', detail: a.code, ...moved(end.finalUrl) }
    case 'refused-address':
      return { outcome: 'refused-address', detail: a.range, ...moved(end.finalUrl) }
    case 'refused-scheme':
      return { outcome: 'refused-scheme', detail: a.reason, ...moved(end.finalUrl) }
  }
}

/** Whether a page answers: HEAD, then GET from the start when HEAD got an error status. */
export async function checkUrl(url: string, context: FetchContext): Promise<UrlVerdict> {
  const ctx = context.deadline === undefined ? withDeadline(context) : context
  let end = await followRedirects(url, ctx, { method: 'HEAD' })
  if (end.kind === 'end' && end.answer.kind === 'response' && end.answer.status >= 400) {
    end = await followRedirects(url, ctx, { method: 'GET', headers: { accept: 'text/html,*/*' } })
  }
  return verdictOf(end, url)
}
