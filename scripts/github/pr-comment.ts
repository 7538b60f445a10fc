/**
 * One comment per pull request: found again by a hidden marker, updated in
 * place on every run instead of piling up a new comment per push. Only a
 * comment that the workflow's bot wrote counts: anyone can write the marker
 * in a comment of their own, and the bot must never edit (nor fail on) a
 * stranger's comment.
 */
import type { Lang } from '../report/diagnostic.ts'
import { REPORT_MARKER } from '../report/report-marker.ts'
import { explainGitHubError, type GitHub } from './client.ts'

export { REPORT_MARKER }

export interface CommentTarget {
  owner: string
  repo: string
  pr: number
}

export interface CommentResult {
  action: 'created' | 'updated' | 'unchanged'
  id: number
  url: string
}

/** At most this many pages of 100 comments are read to find the marker (a busy pull request has a few dozen). */
const MAX_PAGES = 30

/** The account of GitHub Actions' token: the author of the workflow's comments. */
export const ACTIONS_BOT = 'github-actions[bot]'

/** The login a GitHub App's bot has (`name[bot]`), for REGISTRY_BOT_LOGIN; undefined when `value` is not one. */
export function botLogin(value: string | undefined): string | undefined {
  return value !== undefined && /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\[bot\]$/.test(value) ? value : undefined
}

export interface CommentAuthor {
  /** The bot's login: github-actions[bot] (the default), or a GitHub App's `name[bot]`. */
  login: string
}

/** Whether a comment is ours: the marker first, written by the bot account (type Bot). */
function isOurs(c: { body?: string | null; user?: { login?: string; type?: string } | null }, marker: string, author: CommentAuthor): boolean {
  return typeof c.body === 'string' && c.body.startsWith(marker) && c.user?.login === author.login && c.user?.type === 'Bot'
}

export async function upsertComment(github: GitHub, target: CommentTarget, body: string, lang: Lang, marker = REPORT_MARKER, author: CommentAuthor = { login: ACTIONS_BOT }): Promise<CommentResult> {
  const text = body.startsWith(marker) ? body : `${marker}\n${body}`
  const where = lang === 'fr' ? `lecture des commentaires de la pull request n°${target.pr}` : `reading the comments of pull request #${target.pr}`
  let existing: { id: number; body?: string; html_url: string } | undefined
  try {
    for (let page = 1; page <= MAX_PAGES && !existing; page++) {
      const { data } = await github.rest.issues.listComments({ owner: target.owner, repo: target.repo, issue_number: target.pr, per_page: 100, page })
      // Our comment starts with the marker (a person quoting it does not: `> <!-- …`) and is the bot's.
      existing = data.find((c) => isOurs(c, marker, author))
      if (data.length < 100) break
    }
  } catch (err) {
    throw explainGitHubError(err, where, lang)
  }
  try {
    if (existing) {
      if (existing.body === text) return { action: 'unchanged', id: existing.id, url: existing.html_url }
      const { data } = await github.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body: text })
      return { action: 'updated', id: data.id, url: data.html_url }
    }
    const { data } = await github.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.pr, body: text })
    return { action: 'created', id: data.id, url: data.html_url }
  } catch (err) {
    throw explainGitHubError(err, lang === 'fr' ? `écriture du commentaire sur la pull request n°${target.pr}` : `writing the comment on pull request #${target.pr}`, lang)
  }
}
