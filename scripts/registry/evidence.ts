/**
 * `evidence`: the scheduled online checks and what keeps their results.
 *
 * - {@link evidence} runs one check: the pages and repositories the enabled
 *   online rules read (through the checker's cache, conditionally for
 *   GitHub), merged into the previous evidence file, written atomically, with
 *   what changed since the previous run.
 * - {@link readEvidence} reads an evidence file as data, strictly (its schema
 *   and coherence): what `build`'s `evidence` option, {@link publishEvidence}
 *   and {@link notifyEvidence} start from.
 * - {@link publishEvidence} keeps the file on a branch of its own through
 *   GitHub's API (what is published is the file as parsed and written again,
 *   never the bytes received); {@link fetchEvidence} reads it back, checked.
 * - {@link notifyEvidence} opens, updates and closes one issue per product
 *   whose evidence newly failed.
 *
 * An evidence file that is not evidence, or a clock that goes backwards, is a
 * {@link ConfigError}; a bad branch name a {@link UsageError}; no network at all (no
 * server answered) a {@link NetworkError}, with nothing written; GitHub's refusals a
 * GitHubError, each said in `lang`.
 */
import { NetworkError, UsageError } from '../errors.ts'
import { collectEvidence } from '../evidence/collect-evidence.ts'
import { evidenceChanges, type EvidenceChanges } from '../evidence/evidence-changes.ts'
import { problemsError, readPreviousEvidence, serializeEvidence, writeEvidence } from '../evidence/evidence-files.ts'
import { formatEvidenceChanges, type EvidenceFormat } from '../evidence/format-evidence-changes.ts'
import { parseEvidence } from '../evidence/parse-evidence.ts'
import type { EvidenceFile, EvidenceRetention } from '../evidence/types.ts'
import { headDate } from '../git/head-date.ts'
import type { GitHub } from '../github/client.ts'
import { EVIDENCE_BRANCH, publishEvidence as publish, readEvidenceBranch, type PublishResult } from '../github/evidence-branch.ts'
import { issuePlan, syncEvidenceIssues, type SyncResult } from '../github/evidence-issues.ts'
import type { OnlineOptions, OnlineRunStats } from '../lint/online/check.ts'
import { onlineUserAgent } from '../lint/online/check.ts'
import { describeOnlineWarning } from '../lint/online/describe-online-warning.ts'
import type { RegistryConfig } from '../load/config.ts'
import type { Lang } from '../report/diagnostic.ts'
import { runValidation } from './check.ts'
import { readEvidence, said } from './evidence-file.ts'

export type { EvidenceChanges, EvidenceFile, EvidenceFormat, PublishResult, SyncResult }
export { EVIDENCE_BRANCH, readEvidence }
/** A check's date as people read it: « 7 décembre 2026 », "7 December 2026". */
export { evidenceDay } from '../evidence/evidence-words.ts'

export interface EvidenceOptions {
  root: string
  config: RegistryConfig
  lang: Lang
  /** The evidence file to write (replaced atomically: a failed run leaves it whole). */
  out: string
  /** The evidence file of the previous runs; missing (or undefined): this run is the first. */
  previous?: string
  /** The date (YYYY-MM-DD) of the phase-aware rules (which startups the online rules apply to); default: HEAD's commit date. */
  asOf?: string
  /** The clock: the run's date, and the date of every check it makes (default: now). */
  now?: () => Date
  /**
   * The network: tokens are read from `env` (GITHUB_TOKEN), GitHub's API is
   * `githubBaseUrl` (GitHub Enterprise, a test's fake GitHub).
   * `allowPrivateAddresses`: tests against servers on 127.0.0.1 only, never
   * where fiches come from strangers. `githubReserve`: GitHub requests left
   * in the hour below which the run stops asking GitHub (a workflow's token
   * is shared with the repository's other workflows).
   */
  online?: Pick<OnlineOptions, 'env' | 'githubBaseUrl' | 'githubToken' | 'allowPrivateAddresses' | 'githubReserve' | 'timeoutMs'> & {
    /** Told, in `lang`, what the caller should show: cache trouble, GitHub's rate limit. */
    onWarning?: (message: string) => void
  }
  /** How much history the file keeps; default: the previous file's, or the last 100 runs within 366 days. */
  retention?: EvidenceRetention
}

export interface EvidenceResult {
  /** The evidence written to `out`: every target with its result, dates and history, and the runs. */
  evidence: EvidenceFile
  /** What changed at this run: broken, repaired, flapping, failing from its first check. */
  changes: EvidenceChanges
  /** How many targets came from the cache, and what was asked of GitHub (304s included). */
  stats: OnlineRunStats
  /** `previous` was given but does not exist: this is the first run. */
  first: boolean
}

/** One scheduled run: checks online, accumulates into `previous`, writes `out`. What `registry evidence --out` does. */
export async function evidence(options: EvidenceOptions): Promise<EvidenceResult> {
  const { root, config, lang } = options
  const now = (options.now ?? (() => new Date()))()
  return said(lang, async () => {
    const previous = options.previous === undefined ? undefined : await readPreviousEvidence(options.previous, now.getTime())
    const { records } = await runValidation(root, config, lang)
    const asOf = options.asOf ?? (await headDate(root)) ?? undefined
    const { onWarning, ...online } = options.online ?? {}
    let offline: string | undefined
    const collected = await collectEvidence(records, config, {
      ...online,
      previous,
      asOf,
      now: () => now,
      root,
      userAgent: onlineUserAgent(config),
      ...(options.retention ? { retention: options.retention } : {}),
      onWarning: (w) => {
        if (w.id === 'no-network') offline = describeOnlineWarning(w, lang, 'evidence')
        else onWarning?.(describeOnlineWarning(w, lang, 'evidence'))
      },
    })
    // Without the network nothing was checked: writing would drop every target's history.
    if (offline !== undefined) throw new NetworkError(offline)
    await writeEvidence(options.out, collected.evidence)
    return { ...collected, first: options.previous !== undefined && previous === undefined }
  })
}

/** Where the evidence is kept: a repository and its branch (default {@link EVIDENCE_BRANCH}). */
export interface EvidenceBranch {
  owner: string
  repo: string
  branch?: string
}

/**
 * Publishes the evidence file on its branch: one commit per run holding only
 * evidence.json; refused when the file does not continue the branch's (it
 * would start the history again). The token needs `contents: write`.
 */
export async function publishEvidence(github: GitHub, options: EvidenceBranch & { file: string; lang: Lang }): Promise<PublishResult & { branch: string }> {
  const branch = branchOf(options, options.lang)
  const found = await readEvidence(options.file, options.lang)
  return { ...(await publish(github, { owner: options.owner, repo: options.repo, branch }, serializeEvidence(found), found, options.lang)), branch }
}

/** The branch's evidence, checked, written to `file`; `evidence` null (nothing written) when the branch does not exist yet. */
export async function fetchEvidence(github: GitHub, options: EvidenceBranch & { file: string; lang: Lang }): Promise<{ evidence: EvidenceFile | null; branch: string }> {
  const { lang } = options
  const branch = branchOf(options, lang)
  const text = await readEvidenceBranch(github, { owner: options.owner, repo: options.repo, branch }, lang)
  if (text === null) return { evidence: null, branch }
  return said(lang, async () => {
    const parsed = parseEvidence(text, Date.now())
    if (parsed.problems) throw problemsError(`${options.owner}/${options.repo}@${branch}:evidence.json`, parsed.problems)
    await writeEvidence(options.file, parsed.evidence)
    return { evidence: parsed.evidence, branch }
  })
}

export interface NotifyOptions {
  root: string
  config: RegistryConfig
  lang: Lang
  owner: string
  repo: string
  /** The evidence file of the last run. */
  file: string
  /** The account whose issues are adopted (default github-actions[bot]). */
  bot?: string
}

/**
 * One issue per product whose evidence just failed (named by its fiche's
 * title), updated rather than duplicated, reopened when it fails again,
 * closed when it holds again. The token needs `issues: write`.
 */
export async function notifyEvidence(github: GitHub, options: NotifyOptions): Promise<SyncResult> {
  const { lang } = options
  const found = await readEvidence(options.file, lang)
  const { records } = await runValidation(options.root, options.config, lang)
  const fiches = new Map(records.filter((r) => r.collection === 'startups').map((r) => [r.id, { title: typeof r.data.title === 'string' ? r.data.title.trim() : r.id, file: r.file }]))
  const plan = issuePlan(found, evidenceChanges(found), fiches, lang)
  return syncEvidenceIssues(github, { owner: options.owner, repo: options.repo, ...(options.bot ? { bot: options.bot } : {}) }, plan, lang)
}

const BRANCH = /^(?!\/|.*(?:\.\.|\/\/|@\{|\.lock$|\/$))[A-Za-z0-9._/-]{1,100}$/

function branchOf(target: EvidenceBranch, lang: Lang): string {
  const branch = target.branch ?? EVIDENCE_BRANCH
  if (!BRANCH.test(branch)) throw new UsageError(lang === 'fr' ? `--branch : « ${branch} » n’est pas un nom de branche.` : `--branch: "${branch}" is not a branch name.`)
  return branch
}

/** The change list of a run, for people (`stylish`), a job summary (`markdown`, inert) or tools (`json`). */
export function formatEvidence(result: Pick<EvidenceResult, 'evidence' | 'changes'>, lang: Lang, format: EvidenceFormat): string {
  return formatEvidenceChanges(result.changes, result.evidence.runs[result.evidence.runs.length - 1], lang, format)
}
