/**
 * `lint`: the programme's standards as warnings. Reads and checks like
 * validate, then runs the standards rules (phase-aware, as of HEAD's commit
 * date or `asOf`), optionally online, on the whole registry or the changed
 * fiches, and applies the ratchet (the suppressions file). Validation errors
 * are validate's business: lint reports only its own diagnostics.
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { ConfigError, NetworkError } from '../errors.ts'
import { changedFiles } from '../git/changed-files.ts'
import { headDate } from '../git/head-date.ts'
import { comparisonCommit } from '../git/show-files.ts'
import { BASELINE_FILE, BaselineError, baselineOf, newDiagnostics, parseBaseline, pruneBaseline, serializeBaseline, type Baseline } from '../lint/baseline.ts'
import { lintChanged, type ChangedLint } from '../lint/changed-lint.ts'
import { lintRecords } from '../lint/lint-registry.ts'
import type { OnlineOptions } from '../lint/online/check.ts'
import type { OnlineResults } from '../lint/online/types.ts'
import type { RecordOutcome } from '../lint/run-rules.ts'
import type { RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import { summarize, type Diagnostic, type Lang, type Summary } from '../report/diagnostic.ts'
import { Timings } from './timings.ts'
import { runValidation } from './check.ts'

export type { ChangedLint }
/** The per-category summary `registry lint` prints after its stylish output. */
export { categorySummary } from '../lint/category-summary.ts'

export interface LintOptions {
  root: string
  config: RegistryConfig
  lang: Lang
  /** The date (YYYY-MM-DD) the phase-aware and time-based rules are judged at; default: HEAD's commit date (never the clock). */
  asOf?: string
  /** Reports on the fiches changed since this git revision only. */
  changed?: string
  /** With `changed`: only the warnings the change introduces, each fiche compared with its version at the base (the suppressions file is not used). */
  newOnly?: boolean
  /** Also checks links, pages and repositories online (network; cache in `<root>/.cache/`). Tokens are read from `env`. */
  online?: Pick<OnlineOptions, 'env' | 'githubBaseUrl' | 'allowPrivateAddresses'> & {
    /** Told, in `lang`, what the caller should show: cache trouble, GitHub's rate limit. */
    onWarning?: (message: string) => void
  }
  /** The suppressions file (the ratchet); default `<root>/registry-suppressions.json`. */
  suppressions?: string
  /** `record`: writes the current warnings to the suppressions file; `prune`: removes from it what was fixed (when it exists). */
  updateSuppressions?: 'record' | 'prune'
  timings?: Timings
}

export interface LintResult {
  /** What is reported: every diagnostic beyond the suppressions file, or (`newOnly`) those the change introduces. */
  diagnostics: Diagnostic[]
  /** Every diagnostic of the lint, suppressed ones included. */
  all: Diagnostic[]
  /** Of `diagnostics`, over the fiches linted. */
  summary: Summary
  /** Every file's text, for code frames. */
  texts: Map<string, string>
  /** Each linted record's outcome per rule (what passes, what is exempt…). */
  records: RecordOutcome[]
  /** The registry's parsed records. */
  parsed: ParsedRecord[]
  /** The registry's validation errors (reported by validate, not by lint). */
  validationErrors: number
  /** The suppressions file; `suppressed`: how many diagnostics it held back (undefined when it is not used: absent, or `newOnly`). */
  suppressions: { file: string; suppressed?: number }
  /** With `changed` and `newOnly`: the changed fiches and what the change introduces and fixes. */
  changed?: ChangedLint & { revision: string }
}

/** Lints the registry at `root`: what `registry lint` prints. Writes only the suppressions file, and only when asked. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const { root, config, lang } = options
  const timings = options.timings ?? new Timings()
  // HEAD's date is read by git while the registry is read and checked; lint shows no validation diagnostic, so no fix.
  const head = options.asOf === undefined ? headDate(root) : undefined
  const { records, summary: validation, texts } = await runValidation(root, config, lang, undefined, timings, undefined, undefined, { fixes: false })
  const asOf = options.asOf ?? (await head) ?? undefined
  const online = options.online && (await checkOnline(root, records, config, lang, options.online))
  let changed: (ChangedLint & { revision: string }) | undefined
  let only: Set<string> | undefined
  const base = options.changed
  if (base !== undefined) {
    const files = await changedFiles(root, base)
    if (options.newOnly) changed = { ...(await timings.measureAsync('lint', async () => lintChanged(root, config, lang, asOf, records, files, await comparisonCommit(root, base), online))), revision: base }
    else only = new Set(files)
  }
  const linted = changed?.head ?? timings.measure('lint', () => lintRecords(records, config, lang, asOf, online, only))
  const all = linted.diagnostics

  const file = options.suppressions ?? path.join(root, BASELINE_FILE)
  if (options.updateSuppressions === 'record') await fsp.writeFile(file, serializeBaseline(baselineOf(all.filter((d) => d.severity === 'warning'))))
  // newOnly compares with the base, not with the suppressions file.
  const baseline = changed ? undefined : await readBaseline(file)
  const pruned = baseline && options.updateSuppressions === 'prune' ? pruneBaseline(baseline, all) : undefined
  if (pruned) await fsp.writeFile(file, serializeBaseline(pruned))
  // With a baseline, only what exceeds it is reported (errors are never suppressed).
  const diagnostics = changed ? changed.introduced : baseline ? newDiagnostics(all, pruned ?? baseline) : all
  const files = changed ? changed.fiches.length : only ? records.filter((r) => only.has(r.file)).length : new Set(records.map((r) => r.file)).size
  return {
    diagnostics,
    all,
    summary: summarize(diagnostics, files),
    texts,
    records: linted.records,
    parsed: records,
    validationErrors: validation.errors,
    suppressions: { file, ...(baseline ? { suppressed: all.length - diagnostics.length } : {}) },
    ...(changed ? { changed } : {}),
  }
}

async function checkOnline(root: string, records: readonly ParsedRecord[], config: RegistryConfig, lang: Lang, options: NonNullable<LintOptions['online']>): Promise<OnlineResults> {
  // Loaded only when asked: the default run never touches the network.
  const [{ checkOnline, onlineUserAgent }, { describeOnlineWarning }, { onlineTargets }, { LINT_RULES }] = await Promise.all([
    import('../lint/online/check.ts'),
    import('../lint/online/describe-online-warning.ts'),
    import('../lint/online-targets.ts'),
    import('../lint/rules/index.ts'),
  ])
  const { onWarning, ...rest } = options
  const targets = onlineTargets(records, LINT_RULES.filter((r) => r.evidence === 'online' && config.rules[r.id] !== 'off'))
  let offline: string | undefined
  const results = await checkOnline(targets, {
    ...rest,
    root,
    // A User-Agent that names the registry (its repository or site when configured).
    userAgent: onlineUserAgent(config),
    onWarning: (w) => {
      if (w.id === 'no-network') offline = describeOnlineWarning(w, lang)
      else onWarning?.(describeOnlineWarning(w, lang))
    },
  })
  // Without the network the online checks say nothing: the command fails once, with exit 2.
  if (offline !== undefined) throw new NetworkError(offline)
  return results
}

async function readBaseline(file: string): Promise<Baseline | undefined> {
  let text: string
  try {
    text = await fsp.readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new ConfigError(`${file} ne peut pas être lu (${(err as NodeJS.ErrnoException).code}).`)
  }
  try {
    return parseBaseline(text, file)
  } catch (err) {
    if (err instanceof BaselineError) throw new ConfigError(err.message)
    throw err
  }
}
