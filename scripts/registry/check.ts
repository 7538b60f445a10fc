/**
 * Reading and checking the registry, shared by every job that needs its
 * records checked first (validate, lint, build, report, new, propose): the
 * disk read (load/read-records.ts), then the pure composition of the checks
 * (registry-core.ts).
 */
import type { RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import { readRecords, type Listing, type ReadFilter } from '../load/read-records.ts'
import { validateSources } from '../registry-core.ts'
import { summarize, type Diagnostic, type Lang, type Problem, type Summary } from '../report/diagnostic.ts'
import { checkIds } from '../validate/references.ts'
import { Timings } from './timings.ts'

export interface RunResult {
  records: ParsedRecord[]
  diagnostics: Diagnostic[]
  summary: Summary
  texts: Map<string, string>
}

/**
 * Reads and checks the registry: shared by validate, lint, build, report, new and propose.
 * `only`: the files to read (the others only count as existing ids), or its promise (validate
 * --changed: the folders are listed and the ids checked while git answers).
 * `standards`: the as-of date (or its promise: HEAD's date, read by git meanwhile) for the standards rules that `validate` also
 * reports (contact-missing, phases-missing, repository-missing: what the schema
 * used to require, as warnings). Undefined: those rules are not run (lint runs
 * the whole set itself).
 * `listing`: the folders' listing, when the caller started it early (listCollections).
 * `options.fixes`: false when the caller shows no diagnostic's fix (see registry-core's ValidateOptions).
 */
export async function runValidation(
  root: string,
  config: RegistryConfig,
  lang: Lang,
  only?: ReadFilter | Promise<ReadFilter | undefined>,
  timings = new Timings(),
  standards?: { asOf: string | undefined | Promise<string | undefined> },
  listing?: Promise<Listing>,
  options: { fixes?: boolean } = {},
): Promise<RunResult> {
  // While git says which files changed (validate --changed), the ids of every listed file are checked.
  let idProblems: Problem[] | undefined
  const read = await timings.measureAsync('read', () => readRecords(root, config, only, timings, only instanceof Promise ? (entries) => (idProblems = checkIds(entries)) : undefined, listing))
  // HEAD's date (validate), read by git meanwhile: ready long before the fiches are.
  const asOf = standards ? await standards.asOf : undefined
  const { records, diagnostics, texts } = validateSources(read, config, lang, { standards: standards && { asOf }, timings, idProblems, fixes: options.fixes })
  const filter = read.only
  const listed = filter ? read.entries.filter((e) => filter(e.file, e.collection)) : read.entries
  const files = new Set([...listed.map((e) => e.file), ...diagnostics.map((d) => d.file)]).size
  return { records, diagnostics, summary: summarize(diagnostics, files), texts }
}
