/**
 * github.com repositories through the GitHub REST API (`@octokit/rest`,
 * GET /repos/{owner}/{repo}): existence, visibility, licence, last push,
 * archival. A rate limit (403 with `x-ratelimit-remaining: 0`, a secondary
 * limit, or 429) closes the gate: the run asks GitHub nothing more and the
 * remaining repositories are reported `rate-limited` too. The token goes to
 * Octokit only; no message, result or cache entry ever carries it.
 *
 * A good citizen at scale: a repository checked before is asked again with
 * its ETag (`If-None-Match`); GitHub answers 304 when nothing changed, and a
 * 304 to an authenticated request does not count against the rate limit. The
 * session counts what was sent and what came back 304, and keeps the lowest
 * `x-ratelimit-remaining` seen; below `reserve`, it closes the gate itself,
 * leaving the rest of the hour to the repository's other workflows.
 */
import { Octokit } from '@octokit/rest'
import { isEtag } from './cache.ts'
import type { RepositoryFacts } from './repository-outcome.ts'
import type { OnlineOutcome } from './types.ts'

/** What one run asked GitHub: requests sent (retries included), answered 304, the lowest remaining quota seen. */
export interface GitHubUsage {
  requests: number
  notModified: number
  /** The lowest `x-ratelimit-remaining` GitHub announced during the run, when it announced one. */
  remaining?: number
  /** The `x-ratelimit-limit` GitHub announced (60 without a token, 1,000 for a workflow's token, 5,000 for a person's). */
  limit?: number
}

/** Shared by every GitHub check of one run. */
export interface GitHubSession {
  octokit: Octokit
  timeoutMs: number
  retries: number
  /** Requests left in the hour below which the run asks GitHub nothing more (0: only GitHub's own refusal stops it). */
  reserve: number
  /**
   * Closed at the first rate-limit answer, or when the quota left falls to
   * `reserve`; `resetAt` when GitHub said when it reopens.
   */
  gate: { limited: boolean; resetAt?: string; reserve?: boolean }
  usage: GitHubUsage
}

/** A repository checked before: asked again with its ETag, its facts kept when GitHub answers 304. */
export interface KnownRepository {
  etag: string
  facts: RepositoryFacts
}

export interface RepositoryVerdict {
  /** Set when the forge gave no facts (not found, rate limit, failure); otherwise judge the facts. */
  outcome?: OnlineOutcome
  status?: number
  detail?: string
  facts?: RepositoryFacts
  /** GitHub's ETag for these facts, to ask again conditionally next time (kept in the cache, never in results). */
  etag?: string
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} }

export function createGitHubSession(options: {
  baseUrl: string
  token: string | null
  userAgent: string
  timeoutMs: number
  retries: number
  reserve?: number
}): GitHubSession {
  const octokit = new Octokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: options.userAgent,
    log: quiet,
  })
  return {
    octokit,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    reserve: Math.max(0, Math.floor(options.reserve ?? 0)),
    gate: { limited: false },
    usage: { requests: 0, notModified: 0 },
  }
}

interface OctokitFailure {
  status?: number
  response?: { headers?: Record<string, string | number | undefined> }
  message?: string
  cause?: unknown
}

function header(error: OctokitFailure, name: string): string | undefined {
  const value = error.response?.headers?.[name]
  return value === undefined ? undefined : String(value)
}

/** When the limit resets, as an ISO date-time, from `x-ratelimit-reset` or `retry-after`. */
function resetOf(error: OctokitFailure, nowMs: number): string | undefined {
  const reset = Number(header(error, 'x-ratelimit-reset'))
  if (Number.isFinite(reset) && reset > 0 && reset < 1e11) return new Date(reset * 1000).toISOString()
  const after = Number(header(error, 'retry-after'))
  if (Number.isFinite(after) && after >= 0 && after < 1e7) return new Date(nowMs + after * 1000).toISOString()
  return undefined
}

function isRateLimit(error: OctokitFailure): boolean {
  if (error.status === 429) return true
  if (error.status !== 403) return false
  return (
    header(error, 'x-ratelimit-remaining') === '0' ||
    header(error, 'retry-after') !== undefined ||
    /rate limit/i.test(error.message ?? '')
  )
}

/** The network error code buried in fetch's `cause` chain, if any. */
function causeCode(error: unknown): string {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,59}$/.test(code)) return code
    current = (current as { cause?: unknown }).cause
  }
  return 'ERROR'
}

function factsOf(data: {
  full_name: string
  private: boolean
  archived?: boolean
  pushed_at?: string | null
  license?: { spdx_id?: string | null; key?: string } | null
}): RepositoryFacts {
  const licence = data.license ? (data.license.spdx_id ?? data.license.key ?? 'unknown') : null
  return {
    host: 'github.com',
    fullName: data.full_name,
    public: !data.private,
    licence,
    pushedAt: data.pushed_at ?? null,
    archived: data.archived === true,
  }
}

/** The quota GitHub announces in every answer: the lowest remaining is kept, and the gate closes at the reserve. */
function noteQuota(session: GitHubSession, headers: Record<string, string | number | undefined> | undefined): void {
  const remaining = Number(headers?.['x-ratelimit-remaining'])
  const limit = Number(headers?.['x-ratelimit-limit'])
  if (Number.isInteger(limit) && limit >= 0) session.usage.limit = limit
  if (!Number.isInteger(remaining) || remaining < 0) return
  session.usage.remaining = Math.min(session.usage.remaining ?? Infinity, remaining)
  if (session.reserve > 0 && remaining <= session.reserve && !session.gate.limited) {
    session.gate.limited = true
    session.gate.reserve = true
    const reset = Number(headers?.['x-ratelimit-reset'])
    if (Number.isFinite(reset) && reset > 0 && reset < 1e11) session.gate.resetAt = new Date(reset * 1000).toISOString()
  }
}

type Attempt = { done: RepositoryVerdict } | { transient: RepositoryVerdict }

async function attempt(session: GitHubSession, owner: string, repo: string, nowMs: number, known: KnownRepository | undefined): Promise<Attempt> {
  const signal = AbortSignal.timeout(session.timeoutMs)
  session.usage.requests++
  try {
    const { data, headers } = await session.octokit.rest.repos.get({
      owner,
      repo,
      ...(known ? { headers: { 'if-none-match': known.etag } } : {}),
      request: { signal },
    })
    noteQuota(session, headers)
    const etag = headers.etag
    return { done: { facts: factsOf(data), ...(isEtag(etag) ? { etag } : {}) } }
  } catch (raw) {
    const error = raw as OctokitFailure
    if (signal.aborted) return { transient: { outcome: 'timeout' } }
    if (error.response === undefined) return { transient: { outcome: 'unreachable', detail: causeCode(raw) } }
    const status = error.status ?? 0
    if (!isRateLimit(error)) noteQuota(session, error.response.headers)
    if (status === 304 && known) {
      // Nothing changed since the ETag: the facts we have are today's (and this answer was free).
      session.usage.notModified++
      return { done: { facts: known.facts, etag: known.etag } }
    }
    if (isRateLimit(error)) {
      session.gate.limited = true
      session.gate.reserve = false
      session.gate.resetAt = resetOf(error, nowMs)
      return { done: rateLimited(session) }
    }
    if (status === 404 || status === 410) return { done: { outcome: 'repo-not-found', status } }
    if (status >= 500 && status !== 501) return { transient: { outcome: 'dead', status } }
    return { done: { outcome: 'dead', status } }
  }
}

function rateLimited(session: GitHubSession): RepositoryVerdict {
  return { outcome: 'rate-limited', ...(session.gate.resetAt ? { detail: session.gate.resetAt } : {}) }
}

/**
 * What GitHub says about owner/repo, with one retry on timeouts, network
 * errors and 5xx; conditionally (If-None-Match) when the repository is `known`.
 */
export async function checkGitHubRepository(
  session: GitHubSession,
  owner: string,
  repo: string,
  nowMs: number,
  known?: KnownRepository,
): Promise<RepositoryVerdict> {
  let last: RepositoryVerdict = {}
  for (let i = 0; i <= session.retries; i++) {
    if (session.gate.limited) return rateLimited(session)
    const result = await attempt(session, owner, repo, nowMs, known)
    if ('done' in result) return result.done
    last = result.transient
  }
  return last
}
