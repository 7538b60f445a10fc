/**
 * Vocabulary migrations: the values the configuration declares renamed
 * (`renamedValues`, load/config.ts) are reported where a fiche still writes
 * the old one (`vocabulary/renamed`, a warning), with today's value as a
 * certain fix when there is only one. The old value is then this warning
 * only: the schema's "not an allowed value" for the same place is dropped
 * (one mistake, one diagnostic). A rename applies from its date on, as of the
 * date the checks are run for (undefined: every declared rename applies).
 *
 * A rename may depend on the item before in the same list (the phase before:
 * `alumni` after an investigation became `abandon-investigation`, after a
 * construction `abandon`): `previous` lists today's names it applies after,
 * and the first declaration that matches wins. Chains are followed
 * (`success` → `perennisation` → `consolidation`), at most MAX_CHAIN steps.
 */
import type { RenamedValue } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import type { Problem } from '../report/diagnostic.ts'
import { escapePointer } from '../report/locate.ts'
import { fieldLabel } from './field-label.ts'

const MAX_CHAIN = 10

/** Today's value of `value` at a field (its renames as of `asOf`), the first rename's date, or undefined when it was not renamed. */
export interface Renaming {
  to: string | string[]
  date: string
}

/** The declared renames that apply as of `asOf`, grouped by field. */
export function renamesByField(renames: readonly RenamedValue[], asOf: string | undefined): Map<string, RenamedValue[]> {
  const byField = new Map<string, RenamedValue[]>()
  for (const r of renames) {
    if (asOf !== undefined && r.date > asOf) continue
    const list = byField.get(r.field) ?? []
    list.push(r)
    byField.set(r.field, list)
  }
  return byField
}

/** What `value` became, given today's name of the item before (null: none); undefined when it was not renamed. */
export function renaming(renames: readonly RenamedValue[], value: string, previous: string | null | undefined): Renaming | undefined {
  let current: string = value
  let date: string | undefined
  for (let step = 0; step < MAX_CHAIN; step++) {
    const rule = renames.find((r) => r.from === current && (r.previous === undefined || (previous !== undefined && r.previous.includes(previous))))
    if (!rule) break
    date ??= rule.date
    if (typeof rule.to !== 'string') return { to: rule.to, date }
    current = rule.to
    if (current === value) break
  }
  return date === undefined || current === value ? undefined : { to: current, date }
}

/** Every string at `field` (a pointer with `*` for list items) in `data`, in document order, with its pointer and the item before's value. */
function valuesAt(data: unknown, field: string): { pointer: string; value: string; previous: string | null | undefined }[] {
  const parts = field.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
  const out: { pointer: string; value: string; previous: string | null | undefined }[] = []
  // `previous` is tracked for the last `*` of the field: the list whose items the values belong to.
  const lastStar = parts.lastIndexOf('*')
  const walk = (node: unknown, i: number, pointer: string, previous: string | null | undefined): void => {
    if (i === parts.length) {
      if (typeof node === 'string') out.push({ pointer, value: node, previous })
      return
    }
    const part = parts[i]!
    if (part === '*') {
      if (!Array.isArray(node)) return
      for (let k = 0; k < node.length; k++) {
        const before = i === lastStar ? (k === 0 ? null : valueUnder(node[k - 1], parts.slice(i + 1))) : previous
        walk(node[k], i + 1, `${pointer}/${k}`, before)
      }
    } else if (node !== null && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, part)) {
      walk((node as Record<string, unknown>)[part], i + 1, `${pointer}/${escapePointer(part)}`, previous)
    }
  }
  walk(data, 0, '', undefined)
  return out
}

/** The string at `rest` (no `*`) under `node`, or undefined. */
function valueUnder(node: unknown, rest: string[]): string | undefined {
  let n = node
  for (const part of rest) {
    if (part === '*' || n === null || typeof n !== 'object' || Array.isArray(n) || !Object.hasOwn(n, part)) return undefined
    n = (n as Record<string, unknown>)[part]
  }
  return typeof n === 'string' ? n : undefined
}

/**
 * The `vocabulary/renamed` problems of the records, and the problems of
 * `others` they replace (the schema's enum error at the same place) removed.
 */
export function checkRenamedValues(records: readonly ParsedRecord[], renames: readonly RenamedValue[], asOf: string | undefined, others: readonly Problem[]): Problem[] {
  const found = findRenamedValues(records, renames, asOf)
  const replaced = renamedPlaces(found)
  // As of a date before a rename, its old value was the right one (`perennisation` on 2026-05-20): not an error.
  for (const place of notYetRenamed(records, renames, asOf)) replaced.add(place)
  if (replaced.size === 0) return [...others]
  return [...others.filter((p) => !(p.ruleId === 'schema/enum' && replaced.has(`${p.file}\0${p.path}`))), ...found]
}

/** The places whose value a rename dated after `asOf` renames: still today's value as of that date. */
function notYetRenamed(records: readonly ParsedRecord[], renames: readonly RenamedValue[], asOf: string | undefined): Set<string> {
  const places = new Set<string>()
  if (asOf === undefined) return places
  const later = renames.filter((r) => r.date > asOf)
  for (const field of new Set(later.map((r) => r.field))) {
    const olds = new Set(later.filter((r) => r.field === field).map((r) => r.from))
    for (const record of records) for (const { pointer, value } of valuesAt(record.data, field)) if (olds.has(value)) places.add(`${record.file}\0${pointer}`)
  }
  return places
}

/** Where the problems are (`file NUL pointer`): the lint drops what its rules say of the same values (usertypes-unknown). */
export function renamedPlaces(found: readonly Problem[]): Set<string> {
  return new Set(found.map((p) => `${p.file}\0${p.path}`))
}

/** The `vocabulary/renamed` problems of the records, as of `asOf`. */
export function findRenamedValues(records: readonly ParsedRecord[], renames: readonly RenamedValue[], asOf: string | undefined): Problem[] {
  const byField = renamesByField(renames, asOf)
  const found: Problem[] = []
  if (byField.size === 0) return found
  for (const record of records) {
    for (const [field, rules] of byField) {
      for (const { pointer, value, previous } of valuesAt(record.data, field)) {
        // The item before, in today's words (its own rename applied).
        const before = typeof previous === 'string' ? todayName(rules, previous) : previous
        const renamed = renaming(rules, value, before)
        if (!renamed) continue
        found.push({
          file: record.file,
          ruleId: 'vocabulary/renamed',
          path: pointer,
          data: { field: fieldLabel(pointer), value, to: renamed.to, date: renamed.date },
          ...(typeof renamed.to === 'string' && { fix: { value: renamed.to } }),
        })
      }
    }
  }
  return found
}

/**
 * The records' data in today's words: each value renamed with a certain new
 * value takes it (in place; the text is not touched), so that what is built
 * from the records speaks today's vocabulary while the fiches still write the
 * old one (`registry fix` rewrites them). Returns how many values changed.
 */
export function applyRenamedValues(records: readonly ParsedRecord[], renames: readonly RenamedValue[], asOf: string | undefined): number {
  let changed = 0
  const byFile = new Map(records.map((r) => [r.file, r]))
  for (const p of findRenamedValues(records, renames, asOf)) {
    const record = byFile.get(p.file)
    if (!record || !p.fix || !('value' in p.fix) || p.path === undefined) continue
    const keys = p.path.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    let node: unknown = record.data
    for (const key of keys.slice(0, -1)) node = (node as Record<string, unknown>)[key]
    ;(node as Record<string, unknown>)[keys[keys.length - 1]!] = p.fix.value
    changed++
  }
  return changed
}

/** Today's name of an item's value, when it does not depend on an item before it; else as written. */
function todayName(rules: readonly RenamedValue[], value: string): string {
  const r = renaming(rules, value, undefined)
  return r && typeof r.to === 'string' ? r.to : value
}
