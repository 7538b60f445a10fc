/**
 * The registry's git history: each fiche's dates (fields), what changed in a
 * period (changes), and the monthly trends of phases and standards (trends).
 * When the registry has no usable history (not a repository, no commit, a
 * shallow clone that cannot be completed, a damaged repository), a function
 * returns no data and a notice that says why, worded like a diagnostic.
 */
import type { ChangesReport } from '../history/format-changes.ts'
import { GitError } from '../history/git.ts'
import { gitProblem, historyFields as readHistoryFields, usableHistory } from '../history/history-fields.ts'
import { mainLine, trendsMetrics } from '../history/history-files.ts'
import type { FileHistory } from '../history/file-history.ts'
import { changeSets } from '../history/changes.ts'
import { commitsBetween, RangeError } from '../history/range.ts'
import { computeTrends, trendsCachePath, type TrendsResult } from '../history/trends.ts'
import { RULE_CATALOGUE } from '../lint/rule-catalogue.ts'
import type { RegistryConfig } from '../load/config.ts'
import type { Diagnostic, Lang, Problem } from '../report/diagnostic.ts'
import { finalize } from '../report/finalize.ts'
import { UsageError } from '../errors.ts'

/** A change report for people (stylish, markdown) or tools (json). */
export { formatChanges, type ChangesFormat, type ChangesReport } from '../history/format-changes.ts'

export interface HistoryOptions {
  /** The registry's root, in a git work tree. */
  root: string
  config: RegistryConfig
  /** The language of the notices. */
  lang: Lang
}

/** Why there is no history, worded (empty when there is one). */
export interface HistoryNotices {
  notices: Diagnostic[]
}

const notices = (problems: readonly Problem[], options: HistoryOptions): Diagnostic[] => finalize(problems, new Map(), options.config, options.lang, RULE_CATALOGUE)

/** Each fiche's `created_at`, `updated_at` and `last_commit` (by file, relative to the root), as the feed has them; null without a usable history. */
export async function historyFields(options: HistoryOptions): Promise<HistoryNotices & { files: Map<string, FileHistory> | null }> {
  const { files, problems } = await readHistoryFields(options.root, options.config)
  return { files, notices: notices(problems, options) }
}

export interface ChangesOptions extends HistoryOptions {
  /** A commit (excluded) or a date YYYY-MM-DD (included). */
  since: string
  /** A commit or a date, included; default HEAD. */
  until?: string
}

/**
 * What happened to the fiches between `since` and `until`, commit by commit on the main line:
 * what `registry changes` prints. `report` is undefined when there is no usable history.
 * @throws UsageError when `since` or `until` is neither a commit nor a date.
 */
export async function changes(options: ChangesOptions): Promise<HistoryNotices & { report?: ChangesReport }> {
  const { root, config, since } = options
  const { problem } = await usableHistory(root)
  if (problem) return { notices: notices([problem], options) }
  try {
    const sets = await changeSets(root, config, await commitsBetween(root, config, since, options.until))
    return { report: { since, until: options.until ?? null, change_sets: sets }, notices: [] }
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message)
    if (!(err instanceof GitError)) throw err
    return { notices: notices([gitProblem(err)], options) }
  }
}

export interface TrendsOptions extends HistoryOptions {
  /** Keeps what was computed in the work tree's git folder, for the next time (default true). */
  cache?: boolean
}

/**
 * Month by month on the main line, the number of products per phase and, per category of
 * standards, the share of checks passed (today's rules on the fiches of the time): the
 * snapshots of `api/v1/trends.json`. `trends` is undefined when there is no usable history.
 */
export async function trends(options: TrendsOptions): Promise<HistoryNotices & { trends?: TrendsResult }> {
  const { root, config } = options
  const { problem } = await usableHistory(root)
  if (problem) return { notices: notices([problem], options) }
  try {
    const commits = await mainLine(root, config)
    const cache = options.cache === false ? undefined : await trendsCachePath(root)
    return { trends: await computeTrends(root, config.collections.startups, commits, trendsMetrics(config), cache), notices: [] }
  } catch (err) {
    if (!(err instanceof GitError)) throw err
    return { notices: notices([gitProblem(err)], options) }
  }
}
