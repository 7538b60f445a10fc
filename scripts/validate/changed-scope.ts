/**
 * What `validate --changed` must read for a set of changed files. Changed
 * startups are read with every incubator (an incubator may highlight a
 * startup that the change deletes); every other id only needs to exist, which
 * the folder listing says. A change to an organisation or an incubator can
 * break any startup, so it falls back to a full validation.
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

export function changedScope(changed: readonly string[], config: RegistryConfig): ChangedScope {
  const fiches = changed.filter((f) => collectionOf(f, config) !== undefined)
  if (fiches.some((f) => collectionOf(f, config) !== 'startups')) return { fiches }
  const set = new Set(fiches)
  return { fiches, filter: (file, collection) => collection === 'incubators' || set.has(file) }
}
