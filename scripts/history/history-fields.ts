/**
 * The history fields of the feed (`created_at`, `updated_at`, `last_commit`)
 * for every fiche of the registry, or none with one problem saying why: not
 * a repository, no commit yet, or a shallow clone whose whole history cannot
 * be fetched (a date from a truncated history would be wrong, so there is
 * none). Dates are those of commits: the same commit gives the same fields,
 * whatever the work tree holds (an uncommitted new fiche has none).
 */
import type { RegistryConfig } from '../load/config.ts'
import type { Problem } from '../report/diagnostic.ts'
import { fileHistories, type FileHistory } from './file-history.ts'
import { fetchFullHistory, GitError, repoState, type RepoState } from './git.ts'
import { readLog } from './log.ts'

export interface HistoryResult {
  /** By file (relative to the registry's root); null when there is no usable history. */
  files: Map<string, FileHistory> | null
  /** At most one: why there is no history. */
  problems: Problem[]
  state: RepoState
}

/** A git failure (a damaged repository, an object missing): said once, never a stack trace. */
export function gitProblem(err: GitError): Problem {
  return { file: '.', ruleId: 'history/git-error', data: { message: err.message } }
}

export function collectionFolders(config: RegistryConfig): string[] {
  return Object.values(config.collections)
}

/** A repository whose whole history is readable, or the problem that says why not (fetching a shallow clone's history when it has a remote). */
export async function usableHistory(root: string): Promise<{ state: RepoState; problem?: Problem }> {
  const state = await repoState(root)
  if (state.kind === 'none') return { state, problem: { file: '.', ruleId: 'history/no-repository' } }
  if (state.kind === 'empty') return { state, problem: { file: '.', ruleId: 'history/no-commits' } }
  if (state.shallow) {
    if (!state.remote) return { state, problem: { file: '.', ruleId: 'history/shallow', data: { reason: 'no-remote' } } }
    if (!(await fetchFullHistory(root))) return { state, problem: { file: '.', ruleId: 'history/shallow', data: { reason: 'fetch-failed' } } }
    return { state: { ...state, shallow: false } }
  }
  return { state }
}

export async function historyFields(root: string, config: RegistryConfig): Promise<HistoryResult> {
  const { state, problem } = await usableHistory(root)
  if (problem || state.kind !== 'ok') return { files: null, problems: problem ? [problem] : [], state }
  try {
    const commits = await readLog(root, collectionFolders(config))
    return { files: fileHistories(commits), problems: [], state }
  } catch (err) {
    if (!(err instanceof GitError)) throw err
    return { files: null, problems: [gitProblem(err)], state }
  }
}
