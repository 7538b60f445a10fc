/**
 * GitLab instances (gitlab.com, framagit.org, gitlab.*) through their public
 * API, GET /api/v4/projects/:path?license=true, fetched like any stranger's
 * URL (address policy, timeout, bounded body, one retry). Without a token a
 * private project answers 404, as a missing one does. When the API does not
 * answer usable JSON, the caller falls back to the project's page.
 */
import { fetchWithRetry, verdictOf, type FetchContext } from './fetch-url.ts'
import type { RepositoryVerdict } from './github.ts'
import type { RepositoryFacts } from './repository-outcome.ts'

const MAX_JSON_BYTES = 256 * 1024

/** The facts in a GitLab project answer, or null when it does not look like one (pure). */
export function gitLabFacts(host: string, json: unknown): RepositoryFacts | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null
  const p = json as Record<string, unknown>
  if (typeof p.path_with_namespace !== 'string' || typeof p.visibility !== 'string') return null
  const licence = p.license
  const facts: RepositoryFacts = {
    host,
    fullName: p.path_with_namespace,
    public: p.visibility === 'public',
    archived: p.archived === true,
  }
  if (licence === null) facts.licence = null
  else if (typeof licence === 'object' && licence !== null) {
    const l = licence as Record<string, unknown>
    facts.licence = typeof l.key === 'string' ? l.key : typeof l.name === 'string' ? l.name : 'unknown'
  }
  if (typeof p.last_activity_at === 'string' && Number.isFinite(Date.parse(p.last_activity_at))) {
    facts.pushedAt = p.last_activity_at
  }
  return facts
}

/** Whether a 404 body is GitLab's (`{"message":"404 Project Not Found"}`) (pure). */
export function isGitLabNotFound(body: Buffer | undefined): boolean {
  if (!body) return false
  try {
    const json = JSON.parse(body.toString('utf8')) as { message?: unknown }
    return typeof json?.message === 'string' && json.message.startsWith('404')
  } catch {
    return false
  }
}

/** Asks a GitLab instance; null when its API gave nothing usable (then check the page). */
export async function checkGitLabProject(
  origin: string,
  host: string,
  path: string,
  ctx: FetchContext,
): Promise<RepositoryVerdict | null> {
  const api = `${origin}/api/v4/projects/${encodeURIComponent(path)}?license=true`
  const answer = await fetchWithRetry(api, ctx, {
    method: 'GET',
    headers: { accept: 'application/json' },
    maxBodyBytes: MAX_JSON_BYTES,
  })
  if (answer.kind !== 'response') {
    // the instance itself does not answer: its page would not either
    const { outcome, detail } = verdictOf({ kind: 'end', answer, finalUrl: api }, api)
    return { outcome, ...(detail ? { detail } : {}) }
  }
  if (answer.status === 404) {
    // only GitLab's own 404 says the project is missing; another server's says nothing
    return isGitLabNotFound(answer.body) ? { outcome: 'repo-not-found', status: 404 } : null
  }
  if (answer.status === 429) return { outcome: 'rate-limited', status: 429 }
  if (answer.status !== 200 || !answer.body || !answer.bodyComplete) return null
  let json: unknown
  try {
    json = JSON.parse(answer.body.toString('utf8'))
  } catch {
    return null
  }
  const facts = gitLabFacts(host, json)
  return facts ? { facts } : null
}
