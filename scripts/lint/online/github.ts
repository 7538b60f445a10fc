/**
 * github.com repositories through the GitHub REST API (`@octokit/rest`,
 * GET /repos/{owner}/{repo}): existence, visibility, licence, last push,
 * archival. A rate limit (403 with `x-ratelimit-remaining: 0`, a secondary
 * limit, or 429) closes the gate: the run asks GitHub nothing more and the
 * remaining repositories are reported `rate-limited` too. The token goes to
 * Octokit only; no message, result or cache entry ever carries it.
 */
import { Octokit } from '@octokit/rest'
import type { RepositoryFacts } from './repository-outcome.ts'
import type { OnlineOutcome } from './types.ts'

/** Shared by every GitHub check of one run. */
export interface GitHubSession {
  octokit: Octokit
  timeoutMs: number
  retries: number
  /** Closed at the first rate-limit answer; `resetAt` when GitHub said when it reopens. */
  gate: { limited: boolean; resetAt?: string }
}

export interface RepositoryVerdict {
  /** Set when the forge gave no facts (not found, rate limit, failure); otherwise judge the facts. */
  outcome?: OnlineOutcome
  status?: number
  detail?: string
  facts?: RepositoryFacts
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} }

export function createGitHubSession(options: {
  baseUrl: string
  token: string | null
  userAgent: string
  timeoutMs: number
  retries: number
}): GitHubSession {
  const octokit = new Octokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: options.userAgent,
    log: quiet,
  })
  return { octokit, timeoutMs: options.timeoutMs, retries: options.retries, gate: { limited: false } }
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

type Attempt = { done: RepositoryVerdict } | { transient: RepositoryVerdict }

async function attempt(session: GitHubSession, owner: string, repo: string, nowMs: number): Promise<Attempt> {
  const signal = AbortSignal.timeout(session.timeoutMs)
  try {
    const { data } = await session.octokit.rest.repos.get({ owner, repo, request: { signal } })
    return { done: { facts: factsOf(data) } }
  } catch (raw) {
    const error = raw as OctokitFailure
    if (signal.aborted) return { transient: { outcome: 'timeout' } }
    if (error.response === undefined) return { transient: { outcome: 'unreachable', detail: causeCode(raw) } }
    const status = error.status ?? 0
    if (isRateLimit(error)) {
      session.gate.limited = true
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

/** What GitHub says about owner/repo, with one retry on timeouts, network errors and 5xx. */
export async function checkGitHubRepository(
  session: GitHubSession,
  owner: string,
  repo: string,
  nowMs: number,
): Promise<RepositoryVerdict> {
  let last: RepositoryVerdict = {}
  for (let i = 0; i <= session.retries; i++) {
    if (session.gate.limited) return rateLimited(session)
    const result = await attempt(session, owner, repo, nowMs)
    if ('done' in result) return result.done
    last = result.transient
  }
  return last
}
