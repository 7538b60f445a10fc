/**
 * The online evidence checker: given the URLs and repositories the fiches
 * name, says for each whether it answers (pages) or is a public, licensed,
 * active repository, within bounded time and concurrency, through a disk
 * cache, and never connecting to a loopback or private address. The lint
 * rules read the results (`types.ts`); this module is the only network code
 * of the lint stage.
 */
import { join } from 'node:path'
import { NO_NETWORK_CODES } from '../../errors.ts'
import { readCache, writeCache, isFresh, type CachedResult, type CacheProblem } from './cache.ts'
import { checkRepository, type RepositoryContext } from './check-repository.ts'
import { allowAll, checkUrl, refusePrivate, systemResolver, type FetchContext, type Resolver } from './fetch-url.ts'
import { createGitHubSession, type GitHubUsage, type KnownRepository } from './github.ts'
import { parseForgeUrl } from './forge-url.ts'
import { mapBounded } from './pool.ts'
import { repositoryOutcome } from './repository-outcome.ts'
import { onlineKey, type OnlineResult, type OnlineTarget } from './types.ts'

export interface OnlineOptions {
  /** Checks in flight at once (default 8). */
  concurrency?: number
  /** Checks in flight at once on the same host, the GitHub API counting as one (default 2). */
  perHostConcurrency?: number
  /** Time limit of one request, connection and DNS included, in milliseconds (default 10 000). */
  timeoutMs?: number
  /** Time limit of all the requests for one target: retries, redirects, HEAD then GET (default 4 × timeoutMs). */
  targetTimeoutMs?: number
  /** More tries after a timeout, a reset connection or a 5xx (default 1). */
  retries?: number
  /** Redirects followed before giving up (default 10). */
  maxRedirects?: number
  /** The registry's root: the cache goes to `<root>/.cache/online-checks.json` unless `cacheFile` says otherwise. */
  root?: string
  /** The cache file (JSON); `null`: no cache. Default: under `root` when given, otherwise none. */
  cacheFile?: string | null
  /** How long a cached result is used, in milliseconds (default 24 hours). */
  cacheMaxAgeMs?: number
  /** The clock, for `checkedAt` and cache expiry (default: the system clock). */
  now?: () => Date
  /** Tests only: allow loopback and private addresses (default false). */
  allowPrivateAddresses?: boolean
  /** The GitHub REST API (default https://api.github.com). */
  githubBaseUrl?: string
  /**
   * The GitHub token; `undefined` reads GITHUB_TOKEN from `env`, `null` means
   * none. Sent to the GitHub API only, never printed or stored.
   */
  githubToken?: string | null
  /** Where GITHUB_TOKEN is read from (default: process.env). */
  env?: Readonly<Record<string, string | undefined>>
  /**
   * GitHub requests left in the hour below which the run stops asking GitHub
   * (default 0: only GitHub's own refusal stops it). A scheduled run keeps
   * some for the repository's other workflows, which share its token's quota.
   */
  githubReserve?: number
  /** A repository without a push for longer than this is `repo-inactive` (default 365 days). */
  activityWindowDays?: number
  /** The User-Agent header sent everywhere. */
  userAgent?: string
  /** How host names resolve (default: dns.lookup with all addresses). For tests. */
  resolver?: Resolver
  /** Told about what the caller should show: cache trouble, GitHub rate limit. */
  onWarning?: (warning: OnlineWarning) => void
  /** Told after each target, cached or checked. */
  onProgress?: (progress: { done: number; total: number; result: OnlineResult; cached: boolean }) => void
}

export type OnlineWarning =
  | { id: 'cache-ignored'; file: string; problem: CacheProblem }
  | { id: 'cache-entries-dropped'; file: string; count: number }
  | { id: 'cache-unwritable'; file: string; code: string }
  | { id: 'github-rate-limited'; resetAt?: string; authenticated: boolean; reserve?: number }
  /** No server answered: every target checked failed on the network itself, on at least two hosts. Their results are left out. */
  | { id: 'no-network'; hosts: number; code: string }

export const DEFAULT_ONLINE_OPTIONS = {
  concurrency: 8,
  perHostConcurrency: 2,
  timeoutMs: 10_000,
  retries: 1,
  maxRedirects: 10,
  cacheMaxAgeMs: 24 * 3600 * 1000,
  githubBaseUrl: 'https://api.github.com',
  activityWindowDays: 365,
  userAgent: 'registre-startups-beta (online evidence check; +https://beta.gouv.fr)',
} as const

/** What a run did besides its results: how many targets came from the cache, and what was asked of GitHub. */
export interface OnlineRunStats {
  targets: number
  /** Results taken from the cache without any request. */
  cached: number
  github: GitHubUsage
}

export interface OnlineRun {
  /** Keyed by `onlineKey`, in the targets' order. */
  results: Map<string, OnlineResult>
  stats: OnlineRunStats
}

/**
 * The User-Agent of a registry's checks: it names the registry and where to
 * read about it (its repository, else its site), so that a site's operator
 * who sees the requests knows who asks and where to write. Printable ASCII
 * only: anything else in the configuration falls back to the default.
 */
export function onlineUserAgent(config: { repositoryUrl?: string; siteUrl?: string }): string {
  const home = [config.repositoryUrl, config.siteUrl].find((u) => typeof u === 'string' && /^https?:\/\/[\x21-\x7e]{1,300}$/.test(u))
  return home ? `registre-startups-beta (online evidence check; +${home})` : DEFAULT_ONLINE_OPTIONS.userAgent
}

/** Where the cache goes in a registry when no file is given. */
export function defaultCacheFile(root: string): string {
  return join(root, '.cache', 'online-checks.json')
}

/**
 * Results not cached: they say nothing lasting about the target (a rate limit,
 * a network or DNS failure on our side, a time-out), or cost no request.
 */
const NOT_CACHED = new Set(['rate-limited', 'timeout', 'unreachable', 'refused-scheme'])

/**
 * Whether the run had no network: every target checked (not read from the cache) failed on the
 * network itself, on two hosts or more (one dead host is a finding; every host dead is our side),
 * or on GitHub's API alone (a registry that cites only repositories): that host does not die with
 * a fiche, and without it no repository can be checked.
 */
function noNetwork(checked: readonly { target: OnlineTarget; result: OnlineResult }[]): { hosts: number; code: string } | undefined {
  if (checked.length === 0 || !checked.every(({ result }) => result.outcome === 'unreachable' && NO_NETWORK_CODES.has(result.detail ?? ''))) return undefined
  const hosts = new Set(checked.map(({ target }) => hostOf(target)))
  return hosts.size >= 2 || hosts.has(GITHUB_API_HOST) ? { hosts: hosts.size, code: checked[0]!.result.detail! } : undefined
}

const GITHUB_API_HOST = 'api github'

/** The host a target's first request goes to, for the per-host limit. */
function hostOf(target: OnlineTarget): string {
  if (target.kind === 'repository' && parseForgeUrl(target.url)?.forge === 'github') return GITHUB_API_HOST
  try {
    return `host ${new URL(target.url.trim()).hostname.toLowerCase()}`
  } catch {
    return `invalid ${target.url}`
  }
}

function bounded(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback
  return Math.min(max, Math.max(min, Math.floor(value)))
}

/** A cached repository result judged again with today's date and window (facts do not expire with policy). */
function rejudge(result: OnlineResult, nowMs: number, activityWindowDays: number): OnlineResult {
  const facts = result.repository
  if (result.kind !== 'repository' || !facts || facts.public === undefined) return result
  return { ...result, outcome: repositoryOutcome(facts, nowMs, activityWindowDays) }
}

/** A cached result as handed to callers: without the ETag, which stays in the cache. */
function withoutEtag(entry: CachedResult): OnlineResult {
  if (entry.etag === undefined) return entry
  const { etag: _etag, ...result } = entry
  return result
}

/** An expired GitHub entry that can be asked again conditionally: it has an ETag and the facts it stands for. */
function knownRepository(entry: CachedResult): KnownRepository | undefined {
  if (entry.kind !== 'repository' || entry.etag === undefined || entry.repository?.public === undefined) return undefined
  return { etag: entry.etag, facts: entry.repository }
}

export async function checkOnline(targets: OnlineTarget[], options: OnlineOptions = {}): Promise<Map<string, OnlineResult>> {
  return (await runOnlineChecks(targets, options)).results
}

/** `checkOnline`, with what the run cost (cache hits, GitHub requests and 304s). */
export async function runOnlineChecks(targets: OnlineTarget[], options: OnlineOptions = {}): Promise<OnlineRun> {
  const d = DEFAULT_ONLINE_OPTIONS
  const now = options.now ?? (() => new Date())
  const runDate = now()
  const nowMs = runDate.getTime()
  const checkedAt = runDate.toISOString()
  const warn = options.onWarning ?? (() => {})
  const activityWindowDays = bounded(options.activityWindowDays, d.activityWindowDays, 1, 36_500)
  const maxAgeMs = bounded(options.cacheMaxAgeMs, d.cacheMaxAgeMs, 0, 3650 * 86_400_000)
  const timeoutMs = bounded(options.timeoutMs, d.timeoutMs, 1, 600_000)
  const retries = bounded(options.retries, d.retries, 0, 5)
  const userAgent = options.userAgent ?? d.userAgent
  const env = options.env ?? process.env
  const token = (options.githubToken === undefined ? env.GITHUB_TOKEN : options.githubToken) || null
  const cacheFile = options.cacheFile === undefined ? (options.root ? defaultCacheFile(options.root) : null) : options.cacheFile

  const unique = new Map<string, OnlineTarget>()
  for (const target of targets) {
    const key = onlineKey(target)
    if (!unique.has(key)) unique.set(key, { kind: target.kind, url: target.url })
  }

  const cached = new Map<string, CachedResult>()
  // Expired GitHub entries of this run's targets: asked again with their ETag (a 304 costs no quota).
  const known = new Map<string, KnownRepository>()
  if (cacheFile) {
    const read = await readCache(cacheFile)
    if (read.problem) warn({ id: 'cache-ignored', file: cacheFile, problem: read.problem })
    if (read.dropped > 0) warn({ id: 'cache-entries-dropped', file: cacheFile, count: read.dropped })
    for (const [key, result] of read.entries) {
      if (isFresh(result, nowMs, maxAgeMs)) cached.set(key, result)
      else if (unique.has(key) && Date.parse(result.checkedAt) <= nowMs) {
        const repository = knownRepository(result)
        if (repository) known.set(key, repository)
      }
    }
  }

  const fetch: FetchContext = {
    timeoutMs,
    targetTimeoutMs: bounded(options.targetTimeoutMs, 4 * timeoutMs, 1, 3_600_000),
    retries,
    maxRedirects: bounded(options.maxRedirects, d.maxRedirects, 0, 50),
    userAgent,
    policy: options.allowPrivateAddresses === true ? allowAll : refusePrivate,
    resolver: options.resolver ?? systemResolver,
  }
  const github = createGitHubSession({
    baseUrl: options.githubBaseUrl ?? d.githubBaseUrl,
    token,
    userAgent,
    timeoutMs,
    retries,
    reserve: bounded(options.githubReserve, 0, 0, 100_000),
  })
  const repositories: RepositoryContext = { fetch, github, nowMs, activityWindowDays }

  const total = unique.size
  let done = 0
  let rateLimitWarned = false
  const etags = new Map<string, string>()
  const list = [...unique.values()]
  const checked: { target: OnlineTarget; result: OnlineResult }[] = []
  const results = await mapBounded(list, bounded(options.concurrency, d.concurrency, 1, 64), async (target) => {
    const key = onlineKey(target)
    const hit = cached.get(key)
    let result: OnlineResult
    if (hit) result = rejudge(withoutEtag(hit), nowMs, activityWindowDays)
    else {
      const found = target.kind === 'url' ? await checkUrl(target.url, fetch) : await checkRepository(target.url, repositories, known.get(key))
      const { outcome, etag, ...rest } = found as typeof found & { etag?: string }
      if (etag !== undefined) etags.set(key, etag)
      result = { kind: target.kind, url: target.url, outcome, checkedAt, ...rest }
      checked.push({ target, result })
      if (result.outcome === 'rate-limited' && github.gate.limited && !rateLimitWarned) {
        rateLimitWarned = true
        warn({
          id: 'github-rate-limited',
          ...(github.gate.resetAt ? { resetAt: github.gate.resetAt } : {}),
          authenticated: token !== null,
          ...(github.gate.reserve ? { reserve: github.reserve } : {}),
        })
      }
    }
    done++
    options.onProgress?.({ done, total, result, cached: hit !== undefined })
    return result
  }, { groupOf: hostOf, perGroup: bounded(options.perHostConcurrency, d.perHostConcurrency, 1, 64) })

  const byKey = new Map<string, OnlineResult>()
  for (const result of results) byKey.set(onlineKey(result), result)
  // No network: said once, and no target is reported unreachable for it.
  const offline = noNetwork(checked)
  if (offline) {
    for (const { target } of checked) byKey.delete(onlineKey(target))
    warn({ id: 'no-network', ...offline })
  }

  if (cacheFile) {
    const store = new Map(cached)
    for (const [key, result] of byKey) {
      if (NOT_CACHED.has(result.outcome) || cached.has(key)) continue
      const etag = etags.get(key)
      store.set(key, etag === undefined ? result : { ...result, etag })
    }
    const code = await writeCache(cacheFile, store)
    if (code) warn({ id: 'cache-unwritable', file: cacheFile, code })
  }
  return { results: byKey, stats: { targets: total, cached: results.filter((_, i) => cached.has(onlineKey(list[i]!))).length, github: { ...github.usage } } }
}
