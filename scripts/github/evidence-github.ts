/**
 * `registry evidence --publish FILE`, `--notify FILE` and `--fetch FILE`: the
 * evidence file a check run wrote (an artifact of an unprivileged job) is
 * data, read strictly (its schema and coherence, never executed) before the
 * token that can write is used: then published on its branch, or turned into
 * issues. What is published is the file as parsed and written again, never
 * the bytes received. `--fetch` does the reverse: the branch's file, checked
 * the same way, written to FILE for the next run or the site's build (a
 * branch that does not exist yet is a first run: nothing is written).
 */
import { EvidenceFileError, problemsError, serializeEvidence, writeEvidence } from '../evidence/evidence-files.ts'
import { evidenceDay } from '../evidence/evidence-words.ts'
import { evidenceChanges } from '../evidence/evidence-changes.ts'
import { parseEvidence, readEvidenceFile } from '../evidence/parse-evidence.ts'
import type { Lang } from '../report/diagnostic.ts'
import { createGitHub, parseRepo } from './client.ts'
import { EVIDENCE_BRANCH, publishEvidence, readEvidenceBranch } from './evidence-branch.ts'
import { issuePlan, syncEvidenceIssues } from './evidence-issues.ts'

export interface EvidenceOnGitHub {
  publish?: string
  notify?: string
  fetch?: string
  branch?: string
  repo?: string
  /** --notify: each startup's title and file, for the issues. */
  fiches?: ReadonlyMap<string, { title: string; file: string }>
  lang: Lang
  env: Record<string, string | undefined>
  stderr: (s: string) => void
}

/** Thrown for what the user must fix (arguments, token): the CLI says it and exits 2. */
export class EvidenceUsageError extends Error {}

const BRANCH = /^(?!\/|.*(?:\.\.|\/\/|@\{|\.lock$|\/$))[A-Za-z0-9._/-]{1,100}$/

export async function evidenceOnGitHub(input: EvidenceOnGitHub): Promise<number> {
  const fr = input.lang === 'fr'
  const target = input.repo === undefined ? undefined : parseRepo(input.repo)
  if (!target) throw new EvidenceUsageError(fr ? `--publish, --notify et --fetch demandent --repo PROPRIETAIRE/NOM${input.repo ? `, pas « ${input.repo} »` : ''}.` : `--publish, --notify and --fetch need --repo OWNER/NAME${input.repo ? `, not "${input.repo}"` : ''}.`)
  const branch = input.branch ?? EVIDENCE_BRANCH
  if (!BRANCH.test(branch)) throw new EvidenceUsageError(fr ? `--branch : « ${branch} » n’est pas un nom de branche.` : `--branch: "${branch}" is not a branch name.`)
  const token = input.env.GITHUB_TOKEN
  if (input.fetch !== undefined) return fetchEvidence(input.fetch, { ...target, branch }, token, input)
  if (!token) throw new EvidenceUsageError(fr ? 'Publier demande un jeton dans la variable GITHUB_TOKEN.' : 'Publishing needs a token in GITHUB_TOKEN.')
  const file = (input.publish ?? input.notify)!
  const read = await readEvidenceFile(file, Date.now())
  if ('missing' in read) throw new EvidenceFileError(`Le fichier de preuves ${file} n’existe pas.`, `The evidence file ${file} does not exist.`)
  if (read.problems) throw problemsError(file, read.problems)
  const evidence = read.evidence
  const github = createGitHub({ token, baseUrl: input.env.GITHUB_API_URL || undefined })
  if (input.publish !== undefined) {
    const result = await publishEvidence(github, { ...target, branch }, serializeEvidence(evidence), evidence, input.lang)
    const said = { created: fr ? 'Branche créée' : 'Branch created', updated: fr ? 'Preuves publiées' : 'Evidence published', unchanged: fr ? 'Preuves déjà à jour' : 'Evidence already up to date' }
    input.stderr(`${said[result.action]} : ${target.owner}/${target.repo}@${branch} (${result.commit.slice(0, 12)})\n`)
    return 0
  }
  const plan = issuePlan(evidence, evidenceChanges(evidence), input.fiches ?? new Map(), input.lang)
  const r = await syncEvidenceIssues(github, { ...target, bot: input.env.REGISTRY_BOT_LOGIN || undefined }, plan, input.lang)
  const n = (count: number, one: string, many: string) => `${count} ${(fr ? count > 1 : count !== 1) ? many : one}`
  input.stderr(
    fr
      ? `Tickets : ${n(r.opened.length, 'ouvert', 'ouverts')}, ${n(r.reopened.length, 'rouvert', 'rouverts')}, ${n(r.updated.length, 'mis à jour', 'mis à jour')}, ${n(r.closed.length, 'fermé', 'fermés')}${r.skipped.length ? ` ; ${n(r.skipped.length, 'nouvelle panne', 'nouvelles pannes')} sans ticket (limite par exécution atteinte)` : ''}.\n`
      : `Issues: ${r.opened.length} opened, ${r.reopened.length} reopened, ${r.updated.length} updated, ${r.closed.length} closed${r.skipped.length ? `; ${n(r.skipped.length, 'new failure', 'new failures')} without an issue (limit per run reached)` : ''}.\n`,
  )
  return 0
}

/** The branch's evidence, checked, written to `file`; nothing written when the branch does not exist yet. */
async function fetchEvidence(file: string, target: { owner: string; repo: string; branch: string }, token: string | undefined, input: EvidenceOnGitHub): Promise<number> {
  const fr = input.lang === 'fr'
  const github = createGitHub({ token: token || undefined, baseUrl: input.env.GITHUB_API_URL || undefined })
  const text = await readEvidenceBranch(github, target, input.lang)
  if (text === null) {
    input.stderr(fr ? `La branche ${target.branch} n’existe pas encore : pas de preuves précédentes (la première vérification la créera).\n` : `The branch ${target.branch} does not exist yet: no previous evidence (the first check will create it).\n`)
    return 0
  }
  const parsed = parseEvidence(text, Date.now())
  if (parsed.problems) throw problemsError(`${target.owner}/${target.repo}@${target.branch}:evidence.json`, parsed.problems)
  await writeEvidence(file, parsed.evidence)
  const at = evidenceDay(parsed.evidence.generated_at, input.lang)
  const n = parsed.evidence.targets.length
  input.stderr(fr ? `Preuves du ${at} lues sur la branche ${target.branch} (${n} ${n > 1 ? 'adresses' : 'adresse'}).\n` : `Evidence of ${at} read from the branch ${target.branch} (${n} ${n === 1 ? 'address' : 'addresses'}).\n`)
  return 0
}
