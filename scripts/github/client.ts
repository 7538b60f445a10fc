/**
 * The GitHub client: `@octokit/rest` with retries (server errors, network
 * failures, rate limits with a short wait) and French explanations of the
 * errors a contributor can meet. The token comes from the caller (the CLI
 * reads GITHUB_TOKEN) and is never printed: error messages carry only the
 * status, the route and GitHub's own short reason.
 */
import { Octokit } from '@octokit/rest'
import { NO_NETWORK_CODES } from '../errors.ts'
import type { Lang } from '../report/diagnostic.ts'

export interface ClientOptions {
  token?: string
  /** https://api.github.com by default; tests point it at a fake on 127.0.0.1. */
  baseUrl?: string
  /** Attempts per request, the first included (default 3). */
  attempts?: number
  /** Longest wait accepted for a rate limit or a retry, in milliseconds (default 60 s). */
  maxWaitMs?: number
  /** Waits between attempts; tests pass a recorder that does not wait. */
  sleep?: (ms: number) => Promise<void>
}

export type GitHub = Octokit

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export function createGitHub(options: ClientOptions = {}): GitHub {
  const octokit = new Octokit({
    auth: options.token || undefined,
    baseUrl: options.baseUrl,
    userAgent: 'registre-startups-beta',
    request: { retries: 0 },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  })
  const attempts = options.attempts ?? 3
  const maxWait = options.maxWaitMs ?? 60_000
  const sleep = options.sleep ?? defaultSleep
  octokit.hook.wrap('request', async (request, params) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(params)
      } catch (err) {
        const wait = retryDelay(err, attempt, maxWait)
        if (attempt >= attempts || wait === undefined) throw err
        await sleep(wait)
      }
    }
  })
  return octokit
}

interface HttpLikeError {
  status?: number
  response?: { headers?: Record<string, string | number | undefined> }
}

/** How long to wait before trying again, or undefined when a retry cannot help. */
export function retryDelay(err: unknown, attempt: number, maxWait: number): number | undefined {
  const e = err as HttpLikeError
  const status = e?.status
  const headers = e?.response?.headers ?? {}
  if (status === 403 || status === 429) {
    const retryAfter = Number(headers['retry-after'])
    if (Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter * 1000 <= maxWait ? retryAfter * 1000 : undefined
    if (String(headers['x-ratelimit-remaining']) === '0') {
      const reset = Number(headers['x-ratelimit-reset']) * 1000 - Date.now()
      return Number.isFinite(reset) && reset <= maxWait ? Math.max(0, reset) + 1000 : undefined
    }
    return status === 429 ? Math.min(maxWait, 1000 * 2 ** attempt) : undefined
  }
  // A network failure (no status, or Octokit's 500 wrapper of a fetch error) or a server error.
  if (status === undefined || status >= 500) return Math.min(maxWait, 500 * 2 ** (attempt - 1))
  return undefined
}

/** A GitHub failure put into words for the contributor; the CLI prints `message` and exits 2. */
export class GitHubError extends Error {
  override name = 'GitHubError'
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message)
  }
}

/** The network error code in an error's chain of causes (Octokit wraps fetch's TypeError, which wraps the socket's error). */
export function networkCode(err: unknown): string | undefined {
  let e = err as { code?: unknown; cause?: unknown; errors?: unknown } | undefined
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && NO_NETWORK_CODES.has(e.code)) return e.code
    // Happy eyeballs: an AggregateError of one error per address tried.
    const first = Array.isArray(e.errors) ? (e.errors[0] as { code?: unknown } | undefined) : undefined
    if (typeof first?.code === 'string' && NO_NETWORK_CODES.has(first.code)) return first.code
    e = e.cause as typeof e
  }
  return undefined
}

/** What went wrong, in the user's language, and what to do about it. */
export function explainGitHubError(err: unknown, what: string, lang: Lang): GitHubError {
  if (err instanceof GitHubError) return err
  const e = err as HttpLikeError & { message?: string }
  const status = e?.status
  const offline = e?.response === undefined ? networkCode(err) : undefined
  if (offline !== undefined) {
    const why = offline === 'ECONNREFUSED' ? (lang === 'fr' ? 'connexion refusée' : 'connection refused') : lang === 'fr' ? 'adresse introuvable' : 'address not found'
    return new GitHubError(
      lang === 'fr'
        ? `Pas de réseau : GitHub ne répond pas (${why}, ${offline}) pendant : ${what}. Vérifiez la connexion (ou GITHUB_API_URL), puis relancez la commande : elle termine ce qui a été commencé.`
        : `No network: GitHub does not answer (${why}, ${offline}) while: ${what}. Check the connection (or GITHUB_API_URL), then run the command again: it finishes what was started.`,
      undefined,
    )
  }
  const headers = e?.response?.headers ?? {}
  const reason = githubReason(err)
  const fr = lang === 'fr'
  let text: string
  if (status === 401) {
    text = fr
      ? `GitHub refuse le jeton (401) pendant : ${what}. Vérifiez la variable GITHUB_TOKEN : le jeton est peut-être expiré, révoqué ou mal copié.`
      : `GitHub refuses the token (401) while: ${what}. Check GITHUB_TOKEN: the token may be expired, revoked or mistyped.`
  } else if ((status === 403 || status === 429) && (String(headers['x-ratelimit-remaining']) === '0' || headers['retry-after'] !== undefined || /rate limit/i.test(reason))) {
    const reset = Number(headers['x-ratelimit-reset'])
    const when = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toISOString().slice(11, 16) : undefined
    text = fr
      ? `Limite d’appels à GitHub atteinte (${status}) pendant : ${what}.${when ? ` Elle se réinitialise à ${when} UTC.` : ''} Réessayez plus tard ; relancer la même commande termine ce qui a été commencé.`
      : `GitHub rate limit reached (${status}) while: ${what}.${when ? ` It resets at ${when} UTC.` : ''} Try again later; running the same command again finishes what was started.`
  } else if (status === 403) {
    text = fr
      ? `GitHub refuse l’accès (403) pendant : ${what}. Le jeton n’a pas les droits nécessaires (contents: write et pull-requests: write sur le dépôt).`
      : `GitHub denies access (403) while: ${what}. The token lacks the needed permissions (contents: write and pull-requests: write on the repository).`
  } else if (status === 404) {
    text = fr
      ? `Introuvable sur GitHub (404) pendant : ${what}. Vérifiez --repo (PROPRIETAIRE/NOM), la branche de base et le numéro de pull request ; un dépôt privé répond aussi 404 quand le jeton n’y a pas accès.`
      : `Not found on GitHub (404) while: ${what}. Check --repo (OWNER/NAME), the base branch and the pull request number; a private repository also answers 404 when the token has no access.`
  } else if (status === 422) {
    text = fr
      ? `GitHub refuse la demande (422) pendant : ${what}${reason ? ` : ${frenchReason(reason)}` : ''}.`
      : `GitHub rejects the request (422) while: ${what}${reason ? `: ${reason}` : ''}.`
  } else if (status === undefined || status >= 500) {
    // Octokit says 500 for a request that got no answer at all: the status is GitHub's only when it answered.
    const shown = status !== undefined && e?.response !== undefined ? ` (${status})` : ''
    text = fr
      ? `GitHub ne répond pas correctement${shown} pendant : ${what}, même après plusieurs essais. Réessayez dans quelques minutes.`
      : `GitHub does not answer properly${shown} while: ${what}, even after several attempts. Try again in a few minutes.`
  } else {
    text = fr ? `GitHub répond ${status} pendant : ${what}${reason ? ` (${reason})` : ''}.` : `GitHub answers ${status} while: ${what}${reason ? ` (${reason})` : ''}.`
  }
  return new GitHubError(text, status)
}

/** GitHub's short reason (`Reference already exists`), never a header or the token. */
export function githubReason(err: unknown): string {
  const data = (err as { response?: { data?: unknown } })?.response?.data as { message?: unknown; errors?: { message?: unknown }[] } | undefined
  const parts: string[] = []
  if (data && typeof data.message === 'string') parts.push(data.message)
  for (const e of Array.isArray(data?.errors) ? data.errors : []) if (typeof e?.message === 'string') parts.push(e.message)
  return parts.join(' — ').slice(0, 300)
}

function frenchReason(reason: string): string {
  if (/reference already exists/i.test(reason)) return 'la branche existe déjà'
  if (/pull request already exists/i.test(reason)) return 'une pull request est déjà ouverte pour cette branche'
  if (/no commits between/i.test(reason)) return 'la branche ne contient aucun changement par rapport à la base'
  if (/body is too long/i.test(reason)) return 'le texte est trop long'
  return `réponse de GitHub : « ${reason} »`
}

/** `owner/name` → its two parts, or undefined when the text is not of that form. */
export function parseRepo(value: string): { owner: string; repo: string } | undefined {
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(value)
  if (!m || m[2] === '.' || m[2] === '..') return undefined
  return { owner: m[1]!, repo: m[2]! }
}
