/**
 * `validate`: read the registry from disk, check every fiche (or the changed
 * ones), turn problems into diagnostics. The checks themselves are the pure
 * composition of registry-core.ts; this is its edge (disk, git). Its
 * modules are light: git and the listing of the folders start while the
 * checks' modules load.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { changedFiles } from '../git/changed-files.ts'
import { headDate } from '../git/head-date.ts'
import type { RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import { listCollections } from '../load/read-records.ts'
import type { Diagnostic, Lang, Summary } from '../report/diagnostic.ts'
import { changedScope, listedOf, type ChangedScope } from '../validate/changed-scope.ts'
import { changedSince, type ChangedFile } from './changed.ts'
import type { Timings } from './timings.ts'

export interface ValidateOptions {
  /** The registry's root folder. */
  root: string
  config: RegistryConfig
  lang: Lang
  /** The date (YYYY-MM-DD) of the standards rules validate also reports; default: HEAD's commit date (none outside git). */
  asOf?: string
  /** Reads only the fiches changed since this git revision (and checks their references); a changed organisation or incubator makes it a full validation. */
  changed?: string
  /** What git says changed since `changed`, when the caller asked already (the command line asks as soon as it has read its arguments). */
  changes?: Promise<ChangedFile[]>
  /** Checks everything, and lists in `annotated` the files changed since this git revision (annotated first on GitHub). */
  annotateSince?: string
  /** Receives the time of each stage (the benchmark's). */
  timings?: Timings
  /** false: the diagnostics carry no fix (`Diagnostic.fix`), which spares resolving them; default true. */
  fixes?: boolean
}

export interface ValidateResult {
  /** Sorted by file, line and column. */
  diagnostics: Diagnostic[]
  summary: Summary
  /** Every file's text, for code frames. */
  texts: Map<string, string>
  /** The records that could be parsed. */
  records: ParsedRecord[]
  /** With `changed`: the fiches changed since the revision, and whether the validation had to be full. */
  changed?: { base: string; fiches: string[]; full: boolean }
  /** With `annotateSince`: the files changed since that revision. */
  annotated?: Set<string>
}

/** Checks the registry at `root` (every fiche, or the changed ones): what `registry validate` prints. */
export async function validate(options: ValidateOptions): Promise<ValidateResult> {
  const { root, config, lang } = options
  // git runs while the program loads, and the fiches are listed (then read and checked): HEAD's
  // date is needed by the standards rules only; the changed files, to choose which fiches to read.
  const asOf = options.asOf !== undefined ? options.asOf : headDate(root).then((d) => d ?? undefined)
  const base = options.changed
  const scoped = base === undefined ? undefined : changedScopeOf(root, config, options.changes ?? changedSince(root, base))
  const filter = scoped?.then((s) => s.filter)
  filter?.catch(() => {})
  // The folders are listed (libuv's threads) while the checks' modules compile; an error waits for runValidation.
  // With `changed`, once git has answered: a change that only modifies startups lists only them (changed-scope.ts).
  const listing = listCollections(root, config, undefined, scoped && listedOf(scoped))
  listing.catch(() => {})
  // The checks' modules load while the folders are listed (and git answers).
  const { runValidation } = await import('./check.ts')
  let result
  try {
    result = await runValidation(root, config, lang, filter, options.timings, { asOf }, listing, { fixes: options.fixes })
  } catch (err) {
    // git's refusal (no repository, unknown revision) explains more than a folder error found meanwhile.
    await filter
    throw err
  }
  const out: ValidateResult = result
  if (scoped && base !== undefined) {
    const scope = await scoped
    out.changed = { base, fiches: scope.fiches, full: scope.filter === undefined }
  }
  if (options.annotateSince !== undefined) out.annotated = new Set(await changedFiles(root, options.annotateSince))
  return out
}

/** The fiches changed since `base` (git): what to read (no filter: a full validation) and what to list. */
async function changedScopeOf(root: string, config: RegistryConfig, changes: Promise<ChangedFile[]>): Promise<ChangedScope> {
  const changed = await changes
  const files = changed.map((c) => c.file)
  const deleted = new Set(files.filter((f) => !existsSync(path.join(root, f))))
  return changedScope(files, config, deleted, new Set(changed.filter((c) => c.modified).map((c) => c.file)))
}
