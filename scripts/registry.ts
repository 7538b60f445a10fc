/**
 * The registry's programmatic API: what the `registry` command line, the
 * benchmark, the compatibility check and any program call to validate, lint,
 * build, read the history of or report on a registry of fiches, and to
 * gather, keep and publish the evidence of its online checks.
 *
 * Each job takes its inputs as data (the registry's root, its configuration,
 * the language of the messages, its options) and returns data: diagnostics
 * (file, line, column, rule id, message and hint, sorted), their summary,
 * what was written. Its I/O happens at its edge (reading the registry and
 * git, writing the output folder or the suppressions file); it never prints,
 * never reads `process.argv` or the environment, never exits: the command
 * line does that (scripts/cli/). Errors a person can fix are thrown as
 * {@link ConfigError}, {@link UsageError} or {@link OutputError}, with a
 * French message; anything else is a bug.
 *
 * The browser-safe half (no `node:` module, no disk) lives in
 * registry-core.ts and is re-exported here: {@link checkFiche}, which the
 * site's editor runs on every keystroke, and {@link validateSources}, the
 * composition of the checks that {@link validate} runs after reading.
 *
 * Each job's module (scripts/registry/) loads only what the job needs; the
 * command line imports them one by one so that `registry validate` does not
 * load the compiler. Example (see docs/api-programme.md):
 *
 * ```ts
 * import { build, format, lint, readConfig, validate } from './scripts/registry.ts'
 *
 * const root = '/path/to/registry'
 * const config = await readConfig(root)
 * const checked = await validate({ root, config, lang: 'fr' })
 * if (checked.summary.errors === 0) await build({ root, config, lang: 'fr', out: `${root}/dist` })
 * const { diagnostics, summary } = await lint({ root, config, lang: 'en', asOf: '2026-11-01' })
 * process.stdout.write(format('stylish', diagnostics, { summary, lang: 'en', texts: new Map(), color: false }))
 * ```
 */

import { changes, historyFields, trends } from './registry/history.ts'

// Reading the configuration.
export { parseConfig, readConfig, withRepositoryFromEnvironment } from './registry/config.ts'
export { COLLECTIONS, DEFAULT_CONFIG, type Collection, type Limits, type RegistryConfig, type RenamedValue } from './load/config.ts'

// The jobs.
export { validate, type ValidateOptions, type ValidateResult } from './registry/validate.ts'
export { runValidation, type RunResult } from './registry/check.ts'
export { changedSince, type ChangedFile } from './registry/changed.ts'
export { categorySummary, lint, type LintOptions, type LintResult } from './registry/lint.ts'
/**
 * `registry fix`: applies the certain fixes that the checks give (each
 * diagnostic's {@link Fix}: a BOM, spaces around a value, invisible junk, a
 * value the configuration declares renamed), changing only the characters of
 * each edit, pass after pass, then checks the fiches again. Writes the
 * changed fiches unless `dryRun`; a file whose errors would grow is left as
 * it was; an uncertain correction has no fix and is never applied.
 * `applyFixes` applies the non-overlapping fixes of some diagnostics to a text.
 */
export { applyFixes, fix, MAX_PASSES, type AppliedFix, type FixedFile, type FixOptions, type FixResult } from './registry/fix.ts'
export { build, compileAndWrite, THREAD_MIN_STARTUPS, useThread, type BuildOptions, type BuildResult } from './registry/build.ts'
export { changes, formatChanges, historyFields, trends, type ChangesFormat, type ChangesOptions, type ChangesReport, type HistoryNotices, type HistoryOptions, type TrendsOptions } from './registry/history.ts'
/** The history jobs together: each fiche's dates (`fields`), the changes of a period (`changes`), the monthly trends (`trends`). */
export const history = { fields: historyFields, changes, trends } as const
export {
  evidence,
  evidenceDay,
  EVIDENCE_BRANCH,
  fetchEvidence,
  formatEvidence,
  notifyEvidence,
  publishEvidence,
  readEvidence,
  type EvidenceBranch,
  type EvidenceChanges,
  type EvidenceFile,
  type EvidenceFormat,
  type EvidenceOptions,
  type EvidenceResult,
  type NotifyOptions,
  type PublishResult,
  type SyncResult,
} from './registry/evidence.ts'
export { postReport, readReport, report, type CheckedReport, type ReportData, type ReportOptions, type ReportResult } from './registry/report.ts'
export { checkProposal, collectionOf, freeFicheFile, newFiche, propose, proposalBody, type FicheOptions, type FicheResult, type NewFicheOptions, type NewFicheResult } from './registry/fiche.ts'
export { docsFiles, writeDocs } from './registry/docs.ts'
export { Timings } from './registry/timings.ts'

// The browser-safe half: one fiche checked in memory, and the checks after reading.
export { checkFiche, ficheContext, locateFiche, validateSources, type FicheCheck, type FicheContext, type ReadSources, type ShippedFile, type StageTimer } from './registry-core.ts'

// Printing: diagnostics through a formatter, the lint's summary per category, the history's change reports.
export { format } from './registry/format.ts'
export { FORMAT_NAMES, FORMATTERS, type FormatContext, type FormatName, type Formatter } from './report/formatters/index.ts'
export { CHANGES_FORMATS } from './history/changes-formats.ts'
// Every rule that may be reported: what finalize, the configuration and the formatters read.
export { RULE_CATALOGUE } from './lint/rule-catalogue.ts'
export type { RuleCatalogue, RuleEntry } from './report/messages.ts'

// GitHub: the client a caller creates from its token, for report and propose.
export { ACTIONS_BOT, botLogin, createGitHub, parseRepo, runUrl, type GitHub } from './registry/github.ts'

// The types the jobs take and return.
export type { Diagnostic, Fix, Lang, Severity, Summary } from './report/diagnostic.ts'
export type { FixLines } from './report/fix-lines.ts'
export type { ParsedRecord } from './load/parse-record.ts'
export type { ChangedLint } from './lint/changed-lint.ts'
export type { RecordOutcome, RuleOutcome } from './lint/run-rules.ts'
export type { ChangeSet } from './history/changes.ts'
export type { FileHistory } from './history/file-history.ts'
export type { TrendsResult } from './history/trends.ts'
export type { CommentResult } from './github/pr-comment.ts'
export type { PostedReport, PostReport } from './github/post-report.ts'
export type { ProposalResult } from './github/propose.ts'
export { ConfigError, NetworkError, OutputError, UsageError } from './errors.ts'
