/**
 * What the privileged comment workflow does with a pull request's report
 * data (`registry report --pr N --data FILE`), through the API alone, never
 * running the pull request's code:
 *
 * - it reads the pull request and its list of files: a pull request from a
 *   fork that changes anything outside the collection folders (the tooling,
 *   the workflows, package.json…) had its CI run by its own code, so its CI
 *   result and its report prove nothing. Such a pull request gets a visible
 *   line in the comment and a failing commit status (STATUS_CONTEXT), which
 *   branch protection can require;
 * - it renders the comment with this version's templates from data that was
 *   checked (report-data.ts), or, when the data was refused, a comment that
 *   says only that the report could not be read, with a link to the run;
 * - it updates the bot's own comment, never anyone else's (pr-comment.ts).
 */
import { RULE_CATALOGUE } from '../lint/rule-catalogue.ts'
import type { RegistryConfig } from '../load/config.ts'
import type { Lang } from '../report/diagnostic.ts'
import { inertCode } from '../report/inert-markdown.ts'
import { refusedReport, renderReport } from '../report/pr-report.ts'
import { isCollectionPath, type CheckedReport } from '../report/report-data.ts'
import { explainGitHubError, type GitHub } from './client.ts'
import { upsertComment, type CommentAuthor, type CommentResult, type CommentTarget } from './pr-comment.ts'

/** The commit status the workflow sets on the pull request's head. */
export const STATUS_CONTEXT = 'registry/fork-tooling'
/** GitHub lists at most 3,000 files of a pull request, 100 per page. */
const MAX_FILE_PAGES = 30
/** File names quoted in the comment; the rest are counted. */
const QUOTED_FILES = 10

export interface PullRequestOrigin {
  headSha: string
  /** The head branch lives in another repository than the base (or that repository was deleted). */
  fork: boolean
  /** How many files GitHub says the pull request changes. */
  files: number
  /** Changed files (or former names of renamed files) outside the collection folders. */
  outside: string[]
  /** Whether every file could be listed. */
  complete: boolean
  /** A fork that changes the tooling, or whose files could not all be listed: its CI result proves nothing. */
  flagged: boolean
}

type FullName = { full_name?: string } | null | undefined
const sameRepository = (a: FullName, b: FullName) => !!a?.full_name && !!b?.full_name && a.full_name.toLowerCase() === b.full_name.toLowerCase()

export async function pullRequestOrigin(github: GitHub, target: CommentTarget, collections: RegistryConfig['collections'], lang: Lang): Promise<PullRequestOrigin> {
  const fr = lang === 'fr'
  const { owner, repo, pr } = target
  try {
    const { data: pull } = await github.rest.pulls.get({ owner, repo, pull_number: pr })
    const fork = !sameRepository(pull.head.repo, pull.base.repo)
    const outside: string[] = []
    let listed = 0
    for (let page = 1; page <= MAX_FILE_PAGES; page++) {
      const { data } = await github.rest.pulls.listFiles({ owner, repo, pull_number: pr, per_page: 100, page })
      for (const f of data) {
        listed++
        for (const name of [f.filename, f.previous_filename]) if (name !== undefined && !isCollectionPath(name, collections) && !outside.includes(name)) outside.push(name)
      }
      if (data.length < 100) break
    }
    const complete = listed >= pull.changed_files
    return { headSha: pull.head.sha, fork, files: pull.changed_files, outside, complete, flagged: fork && (outside.length > 0 || !complete) }
  } catch (err) {
    throw explainGitHubError(err, fr ? `lecture de la pull request n°${pr} et de ses fichiers` : `reading pull request #${pr} and its files`, lang)
  }
}

/** The line the comment shows for a flagged pull request, right under its title. */
export function toolingNote(origin: PullRequestOrigin, lang: Lang): string {
  const fr = lang === 'fr'
  const quoted = origin.outside.slice(0, QUOTED_FILES).map(inertCode).join(', ')
  const more = origin.outside.length - QUOTED_FILES
  const list = `${quoted}${more > 0 ? (fr ? ` et ${more} autre${more > 1 ? 's' : ''}` : ` and ${more} more`) : ''}`
  const what = origin.outside.length > 0
    ? fr
      ? `modifie ${origin.outside.length > 1 ? `${origin.outside.length} fichiers` : 'un fichier'} hors des dossiers des fiches (${list})`
      : `changes ${origin.outside.length === 1 ? 'a file' : `${origin.outside.length} files`} outside the fiche folders (${list})`
    : fr
      ? `modifie ${origin.files} fichiers, dont la liste n’a pas pu être lue en entier`
      : `changes ${origin.files} files, whose list could not be read in full`
  return fr
    ? `> [!CAUTION]\n> **Cette pull request vient d’un fork et ${what}.** L’intégration continue a tourné avec le code de cette pull request : son résultat et ce rapport ne prouvent rien. Une personne de l’équipe doit relire ces fichiers avant toute fusion ; le statut \`${STATUS_CONTEXT}\` reste en échec.`
    : `> [!CAUTION]\n> **This pull request comes from a fork and ${what}.** CI ran this pull request's own code: its result and this report prove nothing. Someone from the team must review these files before any merge; the \`${STATUS_CONTEXT}\` status stays failing.`
}

/**
 * The link to the workflow run, from GitHub's own variables, only when each
 * is what it should be (an https server, OWNER/NAME, a number).
 */
export function runUrl(env: Record<string, string | undefined>): string | undefined {
  const server = env.GITHUB_SERVER_URL
  const repository = env.GITHUB_REPOSITORY
  const run = env.GITHUB_RUN_ID
  if (!server || !repository || !run) return undefined
  if (!/^https:\/\/[a-z0-9.-]+(?::\d{1,5})?$/i.test(server)) return undefined
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/.test(repository) || !/^\d{1,20}$/.test(run)) return undefined
  return `${server}/${repository}/actions/runs/${run}`
}

export interface PostReport {
  target: CommentTarget
  lang: Lang
  collections: RegistryConfig['collections']
  /** The data read from the artifact, checked (or refused). */
  report: CheckedReport
  /** The workflow run, linked from a refusal and from the status. */
  runUrl?: string
  author?: CommentAuthor
}

export interface PostedReport {
  comment: CommentResult
  origin: PullRequestOrigin
}

export async function postReport(github: GitHub, p: PostReport): Promise<PostedReport> {
  const fr = p.lang === 'fr'
  const origin = await pullRequestOrigin(github, p.target, p.collections, p.lang)
  const notes = origin.flagged ? [toolingNote(origin, p.lang)] : []
  const body = p.report.ok ? renderReport(p.report.data, p.lang, { notes, rules: RULE_CATALOGUE }) : refusedReport(p.lang, p.runUrl, notes)
  const comment = await upsertComment(github, p.target, body, p.lang, undefined, p.author)
  const count = origin.outside.length
  const description = origin.flagged
    ? fr
      ? `Fork modifiant l’outillage (${count > 1 ? `${count} fichiers` : count === 1 ? 'un fichier' : 'liste incomplète'} hors des fiches) : à relire avant de fusionner.`
      : `Fork changing the tooling (${count === 1 ? 'a file' : count > 1 ? `${count} files` : 'incomplete list'} outside the fiches): review before merging.`
    : fr
      ? 'Aucun fichier d’outillage modifié depuis un fork.'
      : 'No tooling file changed from a fork.'
  try {
    await github.rest.repos.createCommitStatus({
      owner: p.target.owner,
      repo: p.target.repo,
      sha: origin.headSha,
      state: origin.flagged ? 'failure' : 'success',
      context: STATUS_CONTEXT,
      description: description.slice(0, 140),
      ...(p.runUrl ? { target_url: p.runUrl } : {}),
    })
  } catch (err) {
    throw explainGitHubError(err, fr ? `statut ${STATUS_CONTEXT} du commit ${origin.headSha.slice(0, 12)}` : `status ${STATUS_CONTEXT} of commit ${origin.headSha.slice(0, 12)}`, p.lang)
  }
  return { comment, origin }
}
