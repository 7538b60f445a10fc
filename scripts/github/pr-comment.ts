/**
 * One comment per pull request: found again by a hidden marker, updated in
 * place on every run instead of piling up a new comment per push.
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

export async function upsertComment(github: GitHub, target: CommentTarget, body: string, lang: Lang, marker = REPORT_MARKER): Promise<CommentResult> {
  const text = body.startsWith(marker) ? body : `${marker}\n${body}`
  const where = lang === 'fr' ? `lecture des commentaires de la pull request n°${target.pr}` : `reading the comments of pull request #${target.pr}`
  let existing: { id: number; body?: string; html_url: string } | undefined
  try {
    for (let page = 1; page <= MAX_PAGES && !existing; page++) {
      const { data } = await github.rest.issues.listComments({ owner: target.owner, repo: target.repo, issue_number: target.pr, per_page: 100, page })
      // Our comment starts with the marker; a person quoting it does not (`> <!-- …`).
      existing = data.find((c) => typeof c.body === 'string' && c.body.startsWith(marker))
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
