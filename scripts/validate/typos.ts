/**
 * One mistake, one diagnostic: a key that is not in the schema but is a
 * likely typo of one that is (`contcat:` for `contact:`) is reported once,
 * by `schema/unknown-key`, which says what to rename. The required field it
 * stands for is then not reported missing (validate-record.ts, mergeTypos),
 * and neither is the standards rules' missing field (lint/run-rules.ts asks
 * {@link misspeltKeys}).
 */
import type { ParsedRecord } from '../load/parse-record.ts'
import { invisibleInKey, withoutInvisible } from './invisible.ts'
import { FICHE_SCHEMAS } from './schemas.ts'
import { Suggester } from './suggest.ts'

/**
 * "Did you mean" work allowed per schema object and per record (character
 * comparisons): a few milliseconds. A fiche full of unknown keys or values
 * costs no more; an ordinary typo costs a few thousand.
 */
export const RECORD_SUGGEST_BUDGET = 1_000_000

/** The known key that `key` (not in the schema) is likely a typo of, by `known`'s candidates; an invisible character is ignored. */
export function keySuggestion(known: Suggester, key: string): string | undefined {
  return known.suggest(invisibleInKey(key) ? withoutInvisible(key) : key)
}

const NONE: ReadonlyMap<string, string> = new Map()

/**
 * The record's top-level keys that are not in its collection's schema and
 * misspell one that is: known key → the key as written. Empty for a fiche
 * whose keys are all known (most), at the cost of a lookup per key.
 */
export function misspeltKeys(record: Pick<ParsedRecord, 'collection' | 'data'>): ReadonlyMap<string, string> {
  const properties = (FICHE_SCHEMAS[record.collection]?.properties ?? {}) as Record<string, unknown>
  let out: Map<string, string> | undefined
  let known: Suggester | undefined
  for (const key of Object.keys(record.data)) {
    if (Object.hasOwn(properties, key)) continue
    known ??= new Suggester(Object.keys(properties), RECORD_SUGGEST_BUDGET)
    const suggestion = keySuggestion(known, key)
    if (suggestion === undefined || Object.hasOwn(record.data, suggestion)) continue
    out ??= new Map()
    if (!out.has(suggestion)) out.set(suggestion, key)
  }
  return out ?? NONE
}
