/**
 * What git says changed since a revision: the first thing `validate --changed` needs, asked
 * before anything else loads (a module of its own, light, so that git starts at once).
 */
import { changes, type ChangedFile } from '../git/changed-files.ts'

export type { ChangedFile }

/** The files changed since `base` (committed since the merge base, and in the work tree), each saying whether it was only modified in place. */
export function changedSince(root: string, base: string): Promise<ChangedFile[]> {
  return changes(root, base)
}
