/**
 * What `validate --changed` must read for a set of changed files. Changed
 * startups are read alone; every id they refer to only needs to exist, which
 * the folder listing says. When a change deletes a startup, every incubator
 * is read too (one may highlight it). A change to an organisation or an
 * incubator can break any startup, so it falls back to a full validation.
 * When every changed startup was only modified in place (no file added, deleted,
 * renamed or turned into another kind), the startups' folder holds the same names as
 * before the change: it is not listed again, only the changed files are looked at
 * (on 50k startups, listing and checking every name was most of the time left).
 */
import { COLLECTIONS, type Collection, type RegistryConfig } from '../load/config.ts'
import type { Listed, ReadFilter } from '../load/read-records.ts'

export interface ChangedScope {
  /** undefined: validate everything. */
  filter?: ReadFilter
  /** The changed files that are fiches. */
  fiches: string[]
  /**
   * The startups to list instead of their whole folder (see listCollections), when every
   * changed startup was modified in place. Undefined: every folder is listed.
   */
  listed?: { startups: readonly string[] }
}

/** For listCollections: the startups' folder waits for the scope (the only one it may list apart), the others need not. */
export function listedOf(scope: Promise<ChangedScope>): Listed {
  const startups = scope.then((s) => s.listed?.startups)
  // Its failure (git's) is reported by whoever awaits the scope itself, even if the listing stops before waiting for it.
  startups.catch(() => {})
  return { startups }
}

export function collectionOf(file: string, config: RegistryConfig): Collection | undefined {
  for (const c of COLLECTIONS) {
    const folder = `${config.collections[c]}/`
    if (file.startsWith(folder) && !file.slice(folder.length).includes('/')) return c
  }
  return undefined
}

/**
 * `deleted`: the changed files that no longer exist; `modified`: those git saw modified in
 * place (see git/changed-files.ts), which lets the startups' folder go unlisted.
 */
export function changedScope(changed: readonly string[], config: RegistryConfig, deleted: ReadonlySet<string> = new Set(), modified: ReadonlySet<string> = new Set()): ChangedScope {
  const fiches = changed.filter((f) => collectionOf(f, config) !== undefined)
  if (fiches.some((f) => collectionOf(f, config) !== 'startups')) return { fiches }
  const set = new Set(fiches)
  const incubators = fiches.some((f) => deleted.has(f))
  const filter: ReadFilter = (file, collection) => (incubators && collection === 'incubators') || set.has(file)
  const inPlace = fiches.every((f) => modified.has(f) && !deleted.has(f))
  return inPlace ? { fiches, filter, listed: { startups: fiches } } : { fiches, filter }
}
