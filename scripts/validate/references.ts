/**
 * Checks across records, once everything is loaded: ids (duplicates and case
 * collisions), and every reference between fiches (incubator, co-incubation,
 * sponsors, an incubator's owner, highlighted startups). An id counts as
 * existing when its file exists, even if that file has errors of its own, so
 * that one broken fiche does not cascade into reference errors elsewhere.
 */
import { COLLECTIONS, type Collection, type RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import type { Problem } from '../report/diagnostic.ts'
import { Suggester } from './suggest.ts'
import { UNSAFE_ID, unwritableId } from './id-names.ts'

export { MAX_ID_BYTES, unwritableId, usableId } from './id-names.ts'

export interface Entry {
  file: string
  collection: Collection
  id: string
}

const SAFE_ID = /^[a-z0-9]+(?:[-._][a-z0-9]+)*$/
/**
 * An id as case-insensitive file systems compare names: NFC (APFS ignores the
 * normalisation form), then each character through its upper-case and then
 * its lower-case simple mapping, so that every pair NTFS's upper-case table
 * or APFS's case folding confuses gets one key: ſ and s, ς and σ, ı and i,
 * µ and μ, the Kelvin sign K and k, the Ohm sign Ω and ω. A mapping to more
 * than one character (ß to SS) is not one these file systems use.
 */
export function foldId(id: string): string {
  let out = ''
  for (const c of id.normalize('NFC')) {
    const upper = c.toUpperCase()
    const u = [...upper].length === 1 ? upper : c
    const lower = u.toLowerCase()
    out += [...lower].length === 1 ? lower : u
  }
  return out.normalize('NFC')
}

export function checkIds(entries: readonly Entry[]): Problem[] {
  const problems: Problem[] = []
  for (const collection of COLLECTIONS) {
    const own = entries.filter((e) => e.collection === collection)
    // Most registries: every id safe (lower-case ASCII words, its own folded form) and written once.
    // Then nothing below can be reported; one set answers, instead of two maps and a fold per id.
    if (plainIds(own)) continue
    const exact = new Map<string, Entry>()
    const folded = new Map<string, Entry>()
    for (const entry of own) {
      const unwritable = unwritableId(entry.id)
      // A safe id (lower-case ASCII words) is never unsafe, and is its own folded form below.
      const safe = !unwritable && SAFE_ID.test(entry.id)
      if (!safe) {
        // The id and its extension, as the file's name (an id typed with a slash in the editor keeps it).
        const name = entry.file.endsWith(`/${entry.id}.md`) ? `${entry.id}.md` : entry.file.slice(entry.file.lastIndexOf('/') + 1)
        if (unwritable) {
          const { ruleId, ...data } = unwritable
          problems.push({ file: entry.file, ruleId, offset: 0, data: { ...data, name } })
        } else if (UNSAFE_ID.test(entry.id) || entry.id === '') {
          problems.push({ file: entry.file, ruleId: 'id/invalid', offset: 0, data: { name } })
        } else {
          problems.push({ file: entry.file, ruleId: 'id/format', offset: 0, data: { id: entry.id } })
        }
      }
      const same = exact.get(entry.id)
      if (same) {
        problems.push({ file: entry.file, ruleId: 'id/duplicate', offset: 0, data: { id: entry.id, otherFile: same.file } })
        continue
      }
      exact.set(entry.id, entry)
      const key = safe ? entry.id : foldId(entry.id)
      const other = folded.get(key)
      if (other) {
        problems.push({ file: entry.file, ruleId: 'id/case-collision', offset: 0, data: { id: entry.id, other: other.id, otherFile: other.file } })
      } else {
        folded.set(key, entry)
      }
    }
  }
  return problems
}

/** Whether every id is safe, writable and distinct: no id problem is possible among them. */
function plainIds(entries: readonly Entry[]): boolean {
  const seen = new Set<string>()
  for (const { id } of entries) {
    if (!SAFE_ID.test(id) || unwritableId(id) || seen.has(id)) return false
    seen.add(id)
  }
  return true
}

export function checkReferences(records: readonly ParsedRecord[], entries: readonly Entry[], config: RegistryConfig): Problem[] {
  // Each collection's ids, gathered on first use: validate --changed on a startup never needs the tens of thousands of startups'.
  const sets = new Map<Collection, Set<string>>()
  const idsOf = (collection: Collection): Set<string> => {
    let set = sets.get(collection)
    if (!set) {
      set = new Set()
      for (const e of entries) if (e.collection === collection) set.add(e.id)
      sets.set(collection, set)
    }
    return set
  }
  const suggesters = new Map<Collection, Suggester>()
  const suggest = (id: string, collection: Collection) => {
    let s = suggesters.get(collection)
    if (!s) suggesters.set(collection, (s = new Suggester(idsOf(collection))))
    return s.suggest(id)
  }
  const problems: Problem[] = []
  const folder = config.collections

  for (const record of records) {
    const { data, file } = record
    if (record.collection === 'startups') {
      const incubator = data.incubator
      if (typeof incubator === 'string' && incubator.trim() !== '' && !idsOf('incubators').has(incubator)) {
        problems.push({ file, ruleId: 'ref/unknown-incubator', path: '/incubator', data: { id: incubator, folder: folder.incubators, suggestion: suggest(incubator, 'incubators') } })
      }
      if (Array.isArray(data.incubators)) {
        data.incubators.forEach((id: unknown, i) => {
          if (typeof id === 'string' && id.trim() !== '' && !idsOf('incubators').has(id)) {
            problems.push({ file, ruleId: 'ref/unknown-incubator', path: `/incubators/${i}`, data: { id, folder: folder.incubators, suggestion: suggest(id, 'incubators') } })
          }
        })
        if (typeof incubator === 'string' && incubator.trim() !== '' && !data.incubators.includes(incubator)) {
          problems.push({ file, ruleId: 'ref/co-incubation-main', path: '/incubators', target: 'key', data: { incubator } })
        }
      }
      if (Array.isArray(data.sponsors)) {
        data.sponsors.forEach((ref: unknown, i) => {
          const id = organisationId(ref)
          if (id !== undefined && !idsOf('organisations').has(id)) {
            problems.push({ file, ruleId: 'ref/unknown-sponsor', path: `/sponsors/${i}`, data: { id, folder: folder.organisations, suggestion: suggest(id, 'organisations') } })
          }
        })
      }
    }
    if (record.collection === 'incubators') {
      const id = organisationId(data.owner)
      if (id !== undefined && !idsOf('organisations').has(id)) {
        problems.push({ file, ruleId: 'ref/unknown-owner', path: '/owner', data: { id, folder: folder.organisations, suggestion: suggest(id, 'organisations') } })
      }
      if (Array.isArray(data.highlighted_startups)) {
        data.highlighted_startups.forEach((id: unknown, i) => {
          if (typeof id === 'string' && id.trim() !== '' && !idsOf('startups').has(id)) {
            problems.push({ file, ruleId: 'ref/unknown-startup', path: `/highlighted_startups/${i}`, data: { id, folder: folder.startups, suggestion: suggest(id, 'startups') } })
          }
        })
      }
    }
  }
  return problems
}

/** `/organisations/dinum` → `dinum`; undefined when the value is not such a reference (the schema reports it). */
export function organisationId(ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined
  const m = /^\/organisations\/([^/\s]+)$/.exec(ref)
  return m ? m[1] : undefined
}
