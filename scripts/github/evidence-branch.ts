/**
 * Keeping the evidence between runs: `evidence.json` alone on a branch of
 * its own (`evidence` by default), one commit per run, written through
 * GitHub's git data API (a blob, a tree holding only that file, a commit on
 * the previous one, the branch moved forward). No git, no checkout, the
 * token never written to disk; the branch's history is the evidence's.
 *
 * The new file must continue the one on the branch: its runs include the
 * branch's last run (or that run has left the retention window). A run that
 * could not read the previous evidence would otherwise start the history
 * again and wipe every "since"; it is refused instead. Moving the branch is
 * a fast-forward only: two publications racing cannot lose one.
 */
import type { EvidenceFile } from '../evidence/types.ts'
import { parseEvidence } from '../evidence/parse-evidence.ts'
import type { Lang } from '../report/diagnostic.ts'
import { explainGitHubError, GitHubError, type GitHub } from './client.ts'

export const EVIDENCE_BRANCH = 'evidence'
export const EVIDENCE_FILE = 'evidence.json'

export interface PublishTarget {
  owner: string
  repo: string
  branch: string
}

export interface PublishResult {
  action: 'created' | 'updated' | 'unchanged'
  commit: string
}

const DAY_MS = 86_400_000

/** Whether `next` continues `current` (pure): same history, one run more, or `current`'s last run aged out. */
export function continues(next: EvidenceFile, current: EvidenceFile): boolean {
  const last = current.runs[current.runs.length - 1]!.at
  if (next.runs.some((r) => r.at === last)) return true
  const horizon = Date.parse(next.generated_at) - next.retention.days * DAY_MS
  return Date.parse(last) < horizon || next.retention.runs === 1
}

function status(err: unknown): number | undefined {
  return (err as { status?: number })?.status
}

/** The branch's head commit and its evidence file's text, or null when the branch does not exist. */
async function current(github: GitHub, t: PublishTarget): Promise<{ commit: string; blob?: string; text?: string } | null> {
  let commit: string
  try {
    commit = (await github.rest.git.getRef({ owner: t.owner, repo: t.repo, ref: `heads/${t.branch}` })).data.object.sha
  } catch (err) {
    if (status(err) === 404) return null
    throw err
  }
  const { data: c } = await github.rest.git.getCommit({ owner: t.owner, repo: t.repo, commit_sha: commit })
  const { data: tree } = await github.rest.git.getTree({ owner: t.owner, repo: t.repo, tree_sha: c.tree.sha })
  const entry = tree.tree.find((e) => e.path === EVIDENCE_FILE && e.type === 'blob')
  if (!entry?.sha) return { commit }
  const { data: blob } = await github.rest.git.getBlob({ owner: t.owner, repo: t.repo, file_sha: entry.sha })
  return { commit, blob: entry.sha, text: Buffer.from(blob.content, 'base64').toString('utf8') }
}

/** `current`, its failures explained. */
async function branchHead(github: GitHub, t: PublishTarget, lang: Lang): ReturnType<typeof current> {
  try {
    return await current(github, t)
  } catch (err) {
    throw explainGitHubError(err, lang === 'fr' ? `lecture de la branche ${t.branch}` : `reading the branch ${t.branch}`, lang)
  }
}

/** The evidence kept on the branch, as text; null when the branch does not exist yet (a first run). */
export async function readEvidenceBranch(github: GitHub, t: PublishTarget, lang: Lang): Promise<string | null> {
  const fr = lang === 'fr'
  const head = await branchHead(github, t, lang)
  if (!head) return null
  if (head.text === undefined) throw new GitHubError(fr ? `La branche ${t.branch} existe mais ne contient pas ${EVIDENCE_FILE}.` : `The branch ${t.branch} exists but holds no ${EVIDENCE_FILE}.`, undefined)
  return head.text
}

export async function publishEvidence(github: GitHub, t: PublishTarget, text: string, evidence: EvidenceFile, lang: Lang): Promise<PublishResult> {
  const fr = lang === 'fr'
  const head = await branchHead(github, t, lang)
  if (head?.text !== undefined) {
    const before = parseEvidence(head.text)
    if (before.evidence && !continues(evidence, before.evidence)) {
      const last = before.evidence.runs[before.evidence.runs.length - 1]!.at
      throw new GitHubError(
        fr
          ? `Les preuves à publier ne prolongent pas celles de la branche ${t.branch} (dernière vérification : ${last}) : elles recommenceraient l’historique. Relancez la vérification avec --previous sur le fichier de la branche.`
          : `The evidence to publish does not continue the branch ${t.branch}'s (last check: ${last}): it would start the history again. Run the check again with --previous on the branch's file.`,
        undefined,
      )
    }
  }
  try {
    const { owner, repo } = t
    const { data: blob } = await github.rest.git.createBlob({ owner, repo, content: Buffer.from(text, 'utf8').toString('base64'), encoding: 'base64' })
    if (head && blob.sha === head.blob) return { action: 'unchanged', commit: head.commit }
    const { data: tree } = await github.rest.git.createTree({ owner, repo, tree: [{ path: EVIDENCE_FILE, mode: '100644', type: 'blob', sha: blob.sha }] })
    const n = evidence.targets.length
    const message = `Preuves en ligne du ${evidence.generated_at.slice(0, 10)} (${n} ${n > 1 ? 'adresses' : 'adresse'}, ${evidence.runs[evidence.runs.length - 1]!.failing} en échec)`
    const { data: commit } = await github.rest.git.createCommit({ owner, repo, message, tree: tree.sha, parents: head ? [head.commit] : [] })
    if (head) await github.rest.git.updateRef({ owner, repo, ref: `heads/${t.branch}`, sha: commit.sha, force: false })
    else await github.rest.git.createRef({ owner, repo, ref: `refs/heads/${t.branch}`, sha: commit.sha })
    return { action: head ? 'updated' : 'created', commit: commit.sha }
  } catch (err) {
    throw explainGitHubError(err, fr ? `publication des preuves sur la branche ${t.branch}` : `publishing the evidence on the branch ${t.branch}`, lang)
  }
}
