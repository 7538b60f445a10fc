/**
 * Whether a repository URL designates a public, licensed, active repository:
 * github.com through its API, GitLab instances through theirs, any other
 * forge (Codeberg, Gitea, git.*) by its page answering.
 */
import { acceptUrl, checkUrl, withDeadline, type FetchContext } from './fetch-url.ts'
import { parseForgeUrl } from './forge-url.ts'
import { checkGitHubRepository, type GitHubSession, type KnownRepository, type RepositoryVerdict } from './github.ts'
import { checkGitLabProject } from './gitlab.ts'
import { repositoryOutcome, type RepositoryFacts } from './repository-outcome.ts'
import type { OnlineResult } from './types.ts'

export interface RepositoryContext {
  fetch: FetchContext
  github: GitHubSession
  nowMs: number
  activityWindowDays: number
}

export type RepositoryCheck = Omit<OnlineResult, 'kind' | 'url' | 'checkedAt'> & {
  /** The forge's ETag for the facts (GitHub), kept in the cache to ask again conditionally; never in results. */
  etag?: string
}

/** The result of a forge's verdict: facts are judged, their absence keeps the verdict's outcome. */
export function fromVerdict(
  verdict: RepositoryVerdict,
  host: string,
  nowMs: number,
  activityWindowDays: number,
): RepositoryCheck {
  const facts: RepositoryFacts = verdict.facts ?? { host }
  return {
    outcome: verdict.facts ? repositoryOutcome(verdict.facts, nowMs, activityWindowDays) : (verdict.outcome ?? 'dead'),
    ...(verdict.status !== undefined ? { status: verdict.status } : {}),
    ...(verdict.detail !== undefined ? { detail: verdict.detail } : {}),
    repository: facts,
    ...(verdict.etag !== undefined ? { etag: verdict.etag } : {}),
  }
}

/** A repository page that answers exists; one that is gone (404, 410) is `repo-not-found`. */
async function checkPage(url: string, host: string, ctx: RepositoryContext): Promise<RepositoryCheck> {
  const verdict = await checkUrl(url, ctx.fetch)
  const gone = verdict.outcome === 'dead' && (verdict.status === 404 || verdict.status === 410)
  return { ...verdict, outcome: gone ? 'repo-not-found' : verdict.outcome, repository: { host } }
}

/** `known`: what GitHub said last time, with its ETag, to ask again conditionally (GitHub only). */
export async function checkRepository(url: string, context: RepositoryContext, known?: KnownRepository): Promise<RepositoryCheck> {
  const ctx = { ...context, fetch: withDeadline(context.fetch) }
  const accepted = acceptUrl(url)
  if (!(accepted instanceof URL)) return { outcome: 'refused-scheme', detail: accepted.reason }
  const forge = parseForgeUrl(url)
  const host = forge?.host ?? accepted.hostname.toLowerCase()
  if (!forge) return checkPage(url, host, ctx)
  if (forge.forge === 'github') {
    const verdict = await checkGitHubRepository(ctx.github, forge.owner!, forge.name!, ctx.nowMs, known)
    return fromVerdict(verdict, forge.host, ctx.nowMs, ctx.activityWindowDays)
  }
  if (forge.forge === 'gitlab') {
    const origin = new URL(forge.pageUrl).origin
    const verdict = await checkGitLabProject(origin, forge.host, forge.path, ctx.fetch)
    if (verdict) return fromVerdict(verdict, forge.host, ctx.nowMs, ctx.activityWindowDays)
  }
  return checkPage(forge.pageUrl, forge.host, ctx)
}
