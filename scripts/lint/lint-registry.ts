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

export interface LintOutput {
  diagnostics: Diagnostic[]
  records: RecordOutcome[]
  /** The problems behind the diagnostics (rule, pointer, data: what a correction needs). */
  problems: Problem[]
}

export function lintRecords(records: readonly ParsedRecord[], config: RegistryConfig, lang: Lang, asOf: string | undefined, online?: OnlineResults, only?: ReadonlySet<string>): LintOutput {
  const result = runRules(records, { config, asOf, ...(online ? { online } : {}), ...(only ? { only } : {}) })
  const files = new Map<string, ParsedRecord>()
  for (const r of records) files.set(r.file, r)
  return { diagnostics: finalize(result.problems, files, config, lang, RULE_CATALOGUE), records: result.records, problems: result.problems }
}
