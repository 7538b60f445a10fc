/**
 * `created_at`, `updated_at` and the last commit of every fiche, from one
 * pass over the history (readLog, newest first), following renames.
 *
 * Walking from the newest commit back, each path seen for the first time is a
 * file of today's tree (or one deleted since: ignored); a rename hands the
 * older path over to today's file; an addition ends the file's history (an
 * older file of the same name, deleted before, is another fiche: a re-added
 * fiche is dated from its re-addition). A fiche rewritten so much that git
 * sees a deletion and an addition rather than a rename (under 50% similar) is
 * dated from that addition.
 */
import type { LogCommit } from './log.ts'

export interface FileHistory {
  /** Date (YYYY-MM-DD, committer date) of the commit that added the file. */
  created_at: string
  /** Date of the last commit that changed it. */
  updated_at: string
  /** That commit's id. */
  last_commit: string
}

/** `commits` newest first, as `git log` gives them. Keys: today's paths. */
export function fileHistories(commits: readonly LogCommit[]): Map<string, FileHistory> {
  // For each path of the past, today's path it leads to, or null (a deleted file, or an older life of a name).
  const leads = new Map<string, string | null>()
  const out = new Map<string, FileHistory>()
  const today = (path: string): string | null => {
    const known = leads.get(path)
    if (known !== undefined) return known
    leads.set(path, path)
    return path
  }
  for (const commit of commits) {
    for (const change of commit.changes) {
      if (change.status === 'D') {
        // Before its deletion, the path was a fiche that is not in today's tree.
        leads.set(change.path, null)
        continue
      }
      const target = today(change.path)
      // Before a rename, the older path was this file (a fiche of today, or one deleted since).
      if (change.status === 'R' && change.from !== undefined) leads.set(change.from, target)
      if (target === null) continue
      let h = out.get(target)
      if (!h) {
        h = { created_at: commit.date, updated_at: commit.date, last_commit: commit.id }
        out.set(target, h)
      }
      h.created_at = commit.date
      // Before an addition or a rename, this path was another file, or none.
      if (change.status === 'A' || change.status === 'R') leads.set(change.path, null)
    }
  }
  return out
}
