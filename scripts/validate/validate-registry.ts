/**
 * The validation pipeline, pure: sources in, records and problems out.
 * parse → schema and record rules → cross-record checks. A bad file only
 * removes itself: every other file is still parsed and checked.
 */
import type { RegistryConfig } from '../load/config.ts'
import { parseRecord, type ParsedRecord } from '../load/parse-record.ts'
import type { SourceFile } from '../load/read-records.ts'
import { append, type Problem } from '../report/diagnostic.ts'
import { checkIds, checkReferences, type Entry } from './references.ts'
import { validateRecord } from './validate-record.ts'

export interface ValidationResult {
  records: ParsedRecord[]
  problems: Problem[]
}

export function validateRegistry(sources: readonly SourceFile[], entries: readonly Entry[], config: RegistryConfig): ValidationResult {
  const parsed = parseSources(sources, config)
  return { ...parsed, problems: append(parsed.problems, checkRecords(parsed.records, entries, config)) }
}

/** Parse stage: every source that can be read becomes a record. */
export function parseSources(sources: readonly SourceFile[], config: RegistryConfig): ValidationResult {
  const records: ParsedRecord[] = []
  const problems: Problem[] = []
  for (const source of sources) {
    const parsed = parseRecord(source, config.limits)
    append(problems, parsed.problems)
    if (parsed.record) records.push(parsed.record)
  }
  return { records, problems }
}

/**
 * Validate stage: each record against its schema and rules, then ids and references across records.
 * `idProblems`: checkIds(entries), when already computed (validate --changed does it while git answers).
 */
export function checkRecords(records: readonly ParsedRecord[], entries: readonly Entry[], config: RegistryConfig, idProblems?: readonly Problem[]): Problem[] {
  const problems: Problem[] = []
  for (const record of records) append(problems, validateRecord(record))
  append(problems, idProblems ?? checkIds(entries))
  append(problems, checkReferences(records, entries, config))
  return problems
}
