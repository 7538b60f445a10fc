/**
 * Shared by `validate` and `build`: read the registry from disk, validate it,
 * and turn problems into diagnostics.
 */
import type { RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import { readRecords, type ReadFilter } from '../load/read-records.ts'
import type { Diagnostic, Lang, Summary } from '../report/diagnostic.ts'
import { summarize } from '../report/diagnostic.ts'
import { validateSources } from '../registry-core.ts'
import { Timings } from './timings.ts'

export interface RunResult {
  records: ParsedRecord[]
  diagnostics: Diagnostic[]
  summary: Summary
  texts: Map<string, string>
}

/** `onRecord` sees each record as soon as it is parsed (a build streams them to its worker thread). */
/**
 * `standards`: the as-of date for the standards rules that `validate` also
 * reports (contact-missing, phases-missing, repository-missing: what the schema
 * used to require, as warnings). Undefined: those rules are not run (lint runs
 * the whole set itself).
 * `ready`: awaited after reading, before parsing (a build's git history, read
 * meanwhile, which `onRecord` adds to each record); the wait counts as the
 * `history` stage.
 */
export async function runValidation(root: string, config: RegistryConfig, lang: Lang, only?: ReadFilter, timings = new Timings(), onRecord?: (record: ParsedRecord) => void, standards?: { asOf: string | undefined }, ready?: Promise<unknown>): Promise<RunResult> {
  const read = await timings.measureAsync('read', () => readRecords(root, config, only, timings))
  if (ready) await timings.measureAsync('history', () => ready)
  const { records, diagnostics, texts } = validateSources(read, config, lang, { standards, onRecord, timings })
  const listed = only ? read.entries.filter((e) => only(e.file, e.collection)) : read.entries
  const files = new Set([...listed.map((e) => e.file), ...diagnostics.map((d) => d.file)]).size
  return { records, diagnostics, summary: summarize(diagnostics, files), texts }
}
