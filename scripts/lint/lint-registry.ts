/**
 * The lint stage as a programmatic API: parsed records in, standards
 * diagnostics and per-record outcomes out. Used by `registry lint`, `build`
 * (for the feed's standards blocks) and the benchmark.
 */
import type { RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import type { Diagnostic, Lang, Problem } from '../report/diagnostic.ts'
import { finalize } from '../report/finalize.ts'
import { RULE_CATALOGUE } from './rule-catalogue.ts'
import type { OnlineResults } from './online/types.ts'
import { runRules, type RecordOutcome } from './run-rules.ts'
import { findRenamedValues, renamedPlaces } from '../validate/renamed-values.ts'

export interface LintOutput {
  diagnostics: Diagnostic[]
  records: RecordOutcome[]
  /** The problems behind the diagnostics (rule, pointer, data: what a correction needs). */
  problems: Problem[]
}

export function lintRecords(records: readonly ParsedRecord[], config: RegistryConfig, lang: Lang, asOf: string | undefined, online?: OnlineResults, only?: ReadonlySet<string>): LintOutput {
  const result = runRules(records, { config, asOf, ...(online ? { online } : {}), ...(only ? { only } : {}) })
  // A value the configuration declares renamed is validate's vocabulary/renamed, once: no rule reports it again.
  // Only the checked files' values matter (the rules report nothing of the others): `lint --changed`, the editor.
  const checked = only ? records.filter((r) => only.has(r.file)) : records
  const renamed = renamedPlaces(findRenamedValues(checked, config.renamedValues, asOf))
  const problems = renamed.size === 0 ? result.problems : result.problems.filter((p) => p.path === undefined || !renamed.has(`${p.file}\0${p.path}`))
  const files = new Map<string, ParsedRecord>()
  for (const r of records) files.set(r.file, r)
  return { diagnostics: finalize(problems, files, config, lang, RULE_CATALOGUE), records: result.records, problems }
}
