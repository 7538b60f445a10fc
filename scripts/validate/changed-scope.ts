/**
 * What `validate --changed` must read for a set of changed files. Changed
 * startups are read alone; every id they refer to only needs to exist, which
 * the folder listing says. When a change deletes a startup, every incubator
 * is read too (one may highlight it). A change to an organisation or an
 * incubator can break any startup, so it falls back to a full validation.
 */
import { COLLECTIONS, type Collection, type RegistryConfig } from '../load/config.ts'
import type { ReadFilter } from '../load/read-records.ts'

export interface ChangedScope {
  /** undefined: validate everything. */
  filter?: ReadFilter
  /** The changed files that are fiches. */
  fiches: string[]
}

export function collectionOf(file: string, config: RegistryConfig): Collection | undefined {
  for (const c of COLLECTIONS) {
    const folder = `${config.collections[c]}/`
    if (file.startsWith(folder) && !file.slice(folder.length).includes('/')) return c
  }
  return undefined
}

/** `deleted`: the changed files that no longer exist. */
export function changedScope(changed: readonly string[], config: RegistryConfig, deleted: ReadonlySet<string> = new Set()): ChangedScope {
  const fiches = changed.filter((f) => collectionOf(f, config) !== undefined)
  if (fiches.some((f) => collectionOf(f, config) !== 'startups')) return { fiches }
  const set = new Set(fiches)
  const incubators = fiches.some((f) => deleted.has(f))
  return { fiches, filter: (file, collection) => (incubators && collection === 'incubators') || set.has(file) }
}
