/**
 * The contract between the online evidence checker (`scripts/lint/online/`)
 * and the lint rules whose evidence kind is `online`. The checker fetches;
 * rules only read these results, so the lint core stays pure.
 */

/** What to check: a web page that should answer, or a source repository. */
export type OnlineTargetKind = 'url' | 'repository'

export interface OnlineTarget {
  kind: OnlineTargetKind
  /** The URL exactly as written in the fiche. */
  url: string
}

/**
 * Why a check did not pass (or `ok`). Stable identifiers: the lint rules map
 * them to French and English messages, and they appear in the feed.
 */
export type OnlineOutcome =
  | 'ok'
  | 'dead' // the server answered 404/410 or another 4xx/5xx after the retry
  | 'timeout' // no answer within the time limit, after the retry
  | 'unreachable' // DNS failure, connection refused or reset
  | 'refused-address' // the host resolves to loopback, private or link-local addresses
  | 'refused-scheme' // not http(s), or credentials in the URL
  | 'too-many-redirects'
  | 'rate-limited' // the forge's API refused for rate limit (403/429)
  | 'repo-not-found' // 404 from the forge: missing or private
  | 'repo-private'
  | 'repo-no-licence'
  | 'repo-inactive' // no push within the configured activity window
  | 'repo-archived'

export interface OnlineResult {
  kind: OnlineTargetKind
  url: string
  outcome: OnlineOutcome
  /** ISO 8601 date-time at which the check ran (from the cache when cached). */
  checkedAt: string
  /** Final HTTP status, when there was one. */
  status?: number
  /** Where redirects led, when they led elsewhere. */
  finalUrl?: string
  /**
   * A short machine-readable detail, when there is one: the network error code
   * for `unreachable` (ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED…), the address
   * range for `refused-address` (loopback, private, link-local…), the reason
   * for `refused-scheme` (scheme, credentials, invalid), `loop` or `limit` for
   * `too-many-redirects`, the ISO date-time at which the limit resets for
   * `rate-limited` (when the forge said). Never free text, never a secret.
   */
  detail?: string
  /** For repositories, what the forge said. */
  repository?: {
    host: string
    fullName?: string
    public?: boolean
    licence?: string | null
    pushedAt?: string | null
    archived?: boolean
  }
}

/** Results keyed by `${kind} ${url}`: see `onlineKey`. */
export type OnlineResults = ReadonlyMap<string, OnlineResult>

export function onlineKey(target: OnlineTarget): string {
  return `${target.kind} ${target.url}`
}
