/**
 * Proposes one fiche as a pull request through the GitHub API alone (no local
 * git): a branch from the base, one commit of the file (contents API), a pull
 * request. Every step first looks at what exists, so running it again after a
 * failure finishes the work instead of failing on what the first run did: an
 * existing branch is reused, an identical file is not committed again, an
 * open pull request for the branch is found and returned.
 */
import type { Lang } from '../report/diagnostic.ts'
import { explainGitHubError, GitHubError, githubReason, type GitHub } from './client.ts'

export interface Proposal {
  owner: string
  repo: string
  /** The branch to merge into; the repository's default branch when undefined. */
  base?: string
  /** The new branch, e.g. `fiche/startups/mon-produit`. */
  branch: string
  /** Repository path of the file (POSIX). */
  path: string
  content: string
  commitMessage: string
  title: string
  body: string
}

export interface ProposalResult {
  url: string
  number: number
  base: string
  /** What this run did (false: found done by an earlier run). */
  createdBranch: boolean
  committed: boolean
  createdPullRequest: boolean
}

const status = (err: unknown): number | undefined => (err as { status?: number })?.status

export async function proposeFiche(github: GitHub, p: Proposal, lang: Lang): Promise<ProposalResult> {
  const fr = lang === 'fr'
  const { owner, repo } = p
  const step = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn()
    } catch (err) {
      throw explainGitHubError(err, what, lang)
    }
  }

  const base = p.base ?? (await step(fr ? `lecture du dépôt ${owner}/${repo}` : `reading the repository ${owner}/${repo}`, async () => (await github.rest.repos.get({ owner, repo })).data.default_branch))
  const baseSha = await step(fr ? `lecture de la branche de base « ${base} »` : `reading the base branch "${base}"`, async () => (await github.rest.git.getRef({ owner, repo, ref: `heads/${base}` })).data.object.sha)

  const branchWhat = fr ? `création de la branche « ${p.branch} »` : `creating the branch "${p.branch}"`
  let createdBranch = false
  const existingBranch = await step(branchWhat, () => findRef(github, owner, repo, p.branch))
  if (!existingBranch) {
    try {
      await github.rest.git.createRef({ owner, repo, ref: `refs/heads/${p.branch}`, sha: baseSha })
      createdBranch = true
    } catch (err) {
      // Created meanwhile (422 "Reference already exists"): reuse it if it can be read now.
      if (status(err) !== 422 || !(await step(branchWhat, () => findRef(github, owner, repo, p.branch)))) {
        throw explainGitHubError(err, branchWhat, lang)
      }
    }
  }

  const fileWhat = fr ? `enregistrement de ${p.path} sur la branche « ${p.branch} »` : `committing ${p.path} on the branch "${p.branch}"`
  const current = await step(fileWhat, () => readFile(github, owner, repo, p.path, p.branch))
  let committed = false
  if (current?.content !== p.content) {
    await step(fileWhat, () =>
      github.rest.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: p.path,
        branch: p.branch,
        message: p.commitMessage,
        content: Buffer.from(p.content, 'utf8').toString('base64'),
        ...(current ? { sha: current.sha } : {}),
      }),
    )
    committed = true
  }

  const prWhat = fr ? `ouverture de la pull request de « ${p.branch} » vers « ${base} »` : `opening the pull request from "${p.branch}" to "${base}"`
  const open = await step(prWhat, async () => (await github.rest.pulls.list({ owner, repo, head: `${owner}:${p.branch}`, base, state: 'open', per_page: 10 })).data[0])
  if (open) {
    if (open.body !== p.body) await step(prWhat, () => github.rest.pulls.update({ owner, repo, pull_number: open.number, body: p.body }))
    return { url: open.html_url, number: open.number, base, createdBranch, committed, createdPullRequest: false }
  }
  try {
    const { data } = await github.rest.pulls.create({ owner, repo, head: p.branch, base, title: p.title, body: p.body })
    return { url: data.html_url, number: data.number, base, createdBranch, committed, createdPullRequest: true }
  } catch (err) {
    if (status(err) === 422 && /no commits between/i.test(githubReason(err))) {
      throw new GitHubError(
        fr
          ? `La fiche ${p.path} est déjà identique sur « ${base} » : il n’y a rien à proposer.`
          : `The fiche ${p.path} is already identical on "${base}": there is nothing to propose.`,
        422,
      )
    }
    throw explainGitHubError(err, prWhat, lang)
  }
}

async function findRef(github: GitHub, owner: string, repo: string, branch: string): Promise<string | undefined> {
  try {
    return (await github.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })).data.object.sha
  } catch (err) {
    if (status(err) === 404) return undefined
    throw err
  }
}

async function readFile(github: GitHub, owner: string, repo: string, path: string, ref: string): Promise<{ sha: string; content: string } | undefined> {
  try {
    const { data } = await github.rest.repos.getContent({ owner, repo, path, ref })
    if (Array.isArray(data) || data.type !== 'file') return undefined
    const content = 'content' in data && typeof data.content === 'string' ? Buffer.from(data.content, 'base64').toString('utf8') : undefined
    return content === undefined ? undefined : { sha: data.sha, content }
  } catch (err) {
    if (status(err) === 404) return undefined
    throw err
  }
}
