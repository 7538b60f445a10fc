/**
 * What the checks of one fiche read of the registry's other fiches (registry-core.ts's
 * checkFiche, the editor): their file, collection and id, the fields that the registry-wide lint
 * rules read (each rule's registryFields) and their names. The editor ships this summary
 * (editer/registre.json) instead of every fiche's text.
 */
import type { Collection } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import { LINT_RULES } from './rules/index.ts'

/** One fiche of the registry as the checks of another fiche read it (registrySummary). */
export interface SummaryRecord {
  file: string
  collection: Collection
  id: string
  /** Only the fields of SUMMARY_FIELDS that the fiche has. */
  data: Record<string, unknown>
}

/**
 * The fields of the other fiches that a fiche's checks read (each rule's registryFields), and their
 * names (title, name: the editor's lists and the preview's incubator and sponsors).
 */
export const SUMMARY_FIELDS: readonly string[] = [...new Set(['title', 'name', ...LINT_RULES.flatMap((r) => r.registryFields ?? [])])]

/** The registry's records as the checks of one fiche read them: what the editor ships of them (editer/registre.json). */
export function registrySummary(records: readonly Pick<ParsedRecord, 'file' | 'collection' | 'id' | 'data'>[]): SummaryRecord[] {
  return records.map(({ file, collection, id, data }) => {
    const kept: Record<string, unknown> = {}
    for (const field of SUMMARY_FIELDS) if (data[field] !== undefined) kept[field] = data[field]
    return { file, collection, id, data: kept }
  })
}
