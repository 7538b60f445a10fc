/**
 * The composition of the checking stages, pure (no `node:` module, no disk):
 * what `registry validate` does once the files are read, and the check of a
 * single fiche that the editor runs in the browser (scripts/site/editor/).
 * Both call the same stages, in the same order: parse (load/parse-record.ts),
 * schema and record rules, ids and references, renamed values (validate/),
 * the standards rules that validate reports (lint/run-rules.ts), then
 * finalize (report/), with the certain fixes made by the editor's text model
 * (site/editor/fiche-fix.ts):
 * one implementation of each rule, one place where messages are made.
 */
import { COLLECTIONS, type Collection, type RegistryConfig } from './load/config.ts'
import { fileTooLarge, missingExtension } from './load/file-checks.ts'
import type { ParsedRecord } from './load/parse-record.ts'
import type { SourceFile } from './load/read-records.ts'
import { lintRecords } from './lint/lint-registry.ts'
import { RULE_CATALOGUE } from './lint/rule-catalogue.ts'
import { registrySummary, type SummaryRecord } from './lint/registry-summary.ts'

export { registrySummary, SUMMARY_FIELDS, type SummaryRecord } from './lint/registry-summary.ts'
import { runRules, type RuleOutcome } from './lint/run-rules.ts'
import { append, type Diagnostic, type Lang, type Problem } from './report/diagnostic.ts'
import { finalize, type LocatableFile } from './report/finalize.ts'
import type { Entry } from './validate/references.ts'
import { checkRecords, parseSources } from './validate/validate-registry.ts'
import { checkRenamedValues } from './validate/renamed-values.ts'
import { fixResolver } from './site/editor/fiche-fix.ts'

/** What the read stage (load/read-records.ts) hands over: sources, the ids that exist, its own problems. */
export interface ReadSources {
  sources: readonly SourceFile[]
  entries: readonly Entry[]
  problems: readonly Problem[]
  undecodable: readonly { file: string; text: string }[]
}

/** Times the stages when given (the CLI's Timings); nothing is measured otherwise. */
export interface StageTimer {
  measure<T>(stage: string, fn: () => T): T
}

const UNTIMED: StageTimer = { measure: (_stage, fn) => fn() }

export interface ValidateOptions {
  /** The standards rules that validate reports (contact-missing…), as of this date; undefined: not run. */
  standards?: { asOf: string | undefined }
  timings?: StageTimer
  /** The id problems of every listed file, when they were checked already (validate --changed checks them while git answers). */
  idProblems?: Problem[]
  /**
   * false: no diagnostic carries a fix (`Diagnostic.fix`). Resolving a correction re-reads its fiche through the
   * editor's text model: on the real corpus, about 12 % of `registry validate`'s time (631 -> 554 ms). A caller that shows no fix (the
   * stylish, github and markdown formats, lint) spares it. Default true.
   */
  fixes?: boolean
}

export interface ValidateOutput {
  records: ParsedRecord[]
  diagnostics: Diagnostic[]
  /** The problems behind the diagnostics (rule, pointer, data), before they were put into words. */
  problems: Problem[]
  /** Every file's text, for code frames. */
  texts: Map<string, string>
}

/** `registry validate` after reading: parse, validate, cross-file checks, validate's standards rules, finalize. */
export function validateSources(read: ReadSources, config: RegistryConfig, lang: Lang, options: ValidateOptions = {}): ValidateOutput {
  const timings = options.timings ?? UNTIMED
  const { records, problems: parseProblems } = timings.measure('parse', () => parseSources(read.sources, config))
  const standards = options.standards
  const problems = timings.measure('validate', () => checkRenamedValues(records, config.renamedValues, standards?.asOf, [...parseProblems, ...checkRecords(records, read.entries, config, options.idProblems)]))
  if (standards) append(problems, timings.measure('lint', () => runRules(records, { config, asOf: standards.asOf, validateOnly: true }).problems))
  const texts = new Map([...read.sources, ...read.undecodable].map((s): [string, string] => [s.file, s.text]))
  const locatable = new Map<string, LocatableFile>([...texts].map(([file, text]) => [file, { text }]))
  for (const r of records) locatable.set(r.file, r)
  const all = [...read.problems, ...problems]
  const fixes = options.fixes === false ? 'none' : fixResolver(config.limits, (file) => locateFiche(file, config)?.collection)
  const diagnostics = timings.measure('validate', () => finalize(all, locatable, config, lang, RULE_CATALOGUE, fixes))
  return { records, diagnostics, problems: all, texts }
}

/**
 * What a single fiche is checked against: the configuration, every file of the
 * registry (ids, for references and id collisions) and the registry's other
 * records as far as the checks read them (registrySummary: the fields that the
 * registry-wide rules read, such as the usual spelling of a thématique, and
 * the names the editor shows). The editor builds it once, from the summary
 * shipped with the site.
 */
export interface FicheContext {
  config: RegistryConfig
  entries: readonly Entry[]
  records: readonly ParsedRecord[]
}

/** A registry's file as a text (tests and `registry fiche` build a context from the texts, ficheContext). */
export interface ShippedFile {
  file: string
  collection: Collection
  id: string
  text: string
}

/** A context from the registry's summary (what the editor downloads), the records holding only what the checks read. */
export function summaryContext(config: RegistryConfig, summary: readonly SummaryRecord[]): FicheContext {
  return {
    config,
    entries: summary.map(({ file, collection, id }) => ({ file, collection, id })),
    records: summary.map(({ file, collection, id, data }): ParsedRecord => ({ file, collection, id, data, body: '', text: '', yamlStart: 0, yamlEnd: 0 })),
  }
}

/**
 * Parses a registry's texts (the same parse as the CLI's) into a context, through the same
 * summary as the editor's: a check against it reads of the other fiches only what the editor has.
 */
export function ficheContext(config: RegistryConfig, files: readonly ShippedFile[]): FicheContext {
  const { records } = parseSources(files, config)
  const context = summaryContext(config, registrySummary(records))
  // Every file is an entry, even one that did not parse (it exists: references to it hold).
  return { ...context, entries: files.map(({ file, collection, id }) => ({ file, collection, id })) }
}

/** Which collection a repository-relative path belongs to, and its id; undefined for a path outside the collections. */
export function locateFiche(file: string, config: Pick<RegistryConfig, 'collections'>): { collection: Collection; id: string } | undefined {
  const slash = file.lastIndexOf('/')
  const folder = slash === -1 ? '' : file.slice(0, slash)
  const name = file.slice(slash + 1)
  const collection = COLLECTIONS.find((c) => config.collections[c] === folder)
  if (!collection || name === '') return undefined
  return { collection, id: name.endsWith('.md') ? name.slice(0, -3) : name }
}

/** The collection whose folder `file` is under, however deep, and the rest of the path as the id (without .md). */
function underCollection(file: string, config: Pick<RegistryConfig, 'collections'>): { collection: Collection; id: string } | undefined {
  const collection = COLLECTIONS.find((c) => file.startsWith(`${config.collections[c]}/`))
  if (!collection) return undefined
  const rest = file.slice(config.collections[collection].length + 1)
  return rest === '' ? undefined : { collection, id: rest.endsWith('.md') ? rest.slice(0, -3) : rest }
}

export interface FicheCheck {
  /** What `registry validate` reports for this file (errors, and its standards warnings). */
  validate: Diagnostic[]
  /** What `registry lint` reports for this file (the standards, as of `asOf`). */
  lint: Diagnostic[]
  /** The parsed record, when the text could be parsed. */
  record?: ParsedRecord
  /** Each standards rule that applies to the fiche (as of `asOf`) and whether it passes: what is still missing, per category. */
  outcomes: RuleOutcome[]
  /** The fiche's current phase as of `asOf`. */
  phase?: string
  /** The problems behind `validate` and `lint` (rule, pointer, data such as a suggestion): what the editor's corrections read. */
  problems: Problem[]
}

const UTF8 = new TextEncoder()

/**
 * Checks one fiche's text as if it were the file `file` of the registry
 * described by `context` (replacing the registry's file of that name, if
 * any): the diagnostics `registry validate --as-of <asOf>` and `registry lint
 * --as-of <asOf>` give for that file.
 */
export function checkFiche(text: string, file: string, context: FicheContext, lang: Lang, asOf: string | undefined): FicheCheck {
  // An id typed with a slash (startups/a/b.md) is still checked, as that id: checkIds says it is invalid.
  const where = locateFiche(file, context.config) ?? underCollection(file, context.config)
  if (!where) throw new Error(`${file} is not in a collection folder`)
  const { collection, id } = where
  const entry: Entry = { file, collection, id }
  const tooLarge = fileTooLarge(file, UTF8.encode(text).length, context.config.limits.maxFileBytes)
  const extension = missingExtension(file)
  const read: ReadSources = {
    sources: tooLarge ? [] : [{ file, collection, id, text }],
    entries: withEntry(context.entries, entry),
    problems: [extension, tooLarge].filter((p): p is Problem => p !== undefined),
    undecodable: tooLarge ? [{ file, text }] : [],
  }
  const validated = validateSources(read, context.config, lang, { standards: { asOf } })
  const validate = validated.diagnostics.filter((d) => d.file === file)
  const problems = validated.problems.filter((p) => p.file === file)
  const record = validated.records[0]
  if (!record) return { validate, lint: [], outcomes: [], problems }
  const others = context.records.filter((r) => r.file !== file)
  const linted = lintRecords([...others, record], context.config, lang, asOf, undefined, new Set([file]))
  const own = linted.records[0]
  return { validate, lint: linted.diagnostics, record, outcomes: own?.outcomes ?? [], ...(own?.phase ? { phase: own.phase } : {}), problems: [...problems, ...linted.problems.filter((p) => p.file === file)] }
}

/** The registry's entries with `entry` in place of the file of that name, in the read stage's order (collection, then name). */
function withEntry(entries: readonly Entry[], entry: Entry): Entry[] {
  const out = entries.filter((e) => e.file !== entry.file)
  const rank = (e: Entry) => COLLECTIONS.indexOf(e.collection)
  const name = (e: Entry) => e.file.slice(e.file.lastIndexOf('/') + 1)
  let at = out.findIndex((e) => rank(e) > rank(entry) || (rank(e) === rank(entry) && name(e) > name(entry)))
  if (at === -1) at = out.length
  out.splice(at, 0, entry)
  return out
}
