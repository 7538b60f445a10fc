/**
 * The `fix` job: applies the certain fixes that the checks give (a
 * diagnostic's `fix`, made by the editor's text model), then checks again.
 *
 * The registry is read once; the fixes are applied in memory, pass after
 * pass (a fix may make another one possible), at most MAX_PASSES, as ESLint
 * does: in each pass, a file takes the fixes that do not overlap, from its
 * start. Each fix changes only the characters of its range, so the bytes of
 * the file outside the edits stay as they were. A file whose errors would
 * grow is left as it was. Then, unless `dryRun`, the changed files are
 * written, each once; nothing else is written.
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.ts'
import { headDate } from '../git/head-date.ts'
import { lintRecords } from '../lint/lint-registry.ts'
import type { RegistryConfig } from '../load/config.ts'
import { readRecords } from '../load/read-records.ts'
import { validateSources, type ReadSources } from '../registry-core.ts'
import { compareDiagnostics, summarize, type Diagnostic, type Fix, type Lang, type Summary } from '../report/diagnostic.ts'
import { fixLines, type FixLines } from '../report/fix-lines.ts'
import { Timings } from './timings.ts'

/** Passes at most: each pass applies the fixes that the one before made possible. */
export const MAX_PASSES = 10

export interface FixOptions {
  root: string
  config: RegistryConfig
  lang: Lang
  /** The fiches to fix (repository-relative POSIX paths); default: every fiche. */
  files?: readonly string[]
  /** The date the checks are run for (renamed values apply from their date on); default: HEAD's commit date. */
  asOf?: string
  /** Computes the fixes and what would remain, writes nothing. */
  dryRun?: boolean
  timings?: Timings
}

export interface AppliedFix {
  /** The diagnostic whose fix was applied, as reported before it (its positions are in the text of its pass). */
  diagnostic: Diagnostic
  /** The lines it changed, before and after. */
  lines: FixLines
}

export interface FixedFile {
  file: string
  applied: AppliedFix[]
  before: string
  after: string
}

export interface FixResult {
  /** The files the fixes change, in order; written unless `dryRun`. */
  fixed: FixedFile[]
  /** What validate and lint still report for the fiches fixed (or asked for), after the fixes. */
  diagnostics: Diagnostic[]
  summary: Summary
  /** Every file's text after the fixes, for code frames. */
  texts: Map<string, string>
}

/** Applies the certain fixes of the registry at `root` (or of `files`), then checks again. */
export async function fix(options: FixOptions): Promise<FixResult> {
  const { root, config, lang } = options
  const timings = options.timings ?? new Timings()
  const asOf = options.asOf ?? (await headDate(root)) ?? undefined
  let read: ReadSources = await timings.measureAsync('read', () => readRecords(root, config, undefined, timings))
  const original = new Map(read.sources.map((s) => [s.file, s.text]))
  const wanted = options.files ? new Set(options.files) : undefined
  for (const file of wanted ?? []) {
    if (!original.has(file)) throw new UsageError(lang === 'fr' ? `${file} n’est pas une fiche du registre (un fichier .md d’un dossier de fiches).` : `${file} is not a fiche of the registry (a .md file of a collection folder).`)
  }
  const applied = new Map<string, AppliedFix[]>()
  const frozen = new Set<string>()
  let checked = validateSources(read, config, lang, { standards: { asOf }, timings })
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = new Map<string, Diagnostic[]>()
    for (const d of checked.diagnostics) {
      if (d.fix && (!wanted || wanted.has(d.file)) && !frozen.has(d.file) && original.has(d.file)) edits.set(d.file, [...(edits.get(d.file) ?? []), d])
    }
    if (edits.size === 0) break
    const texts = new Map(read.sources.map((s) => [s.file, s.text]))
    for (const [file, diagnostics] of edits) {
      const text = texts.get(file)!
      texts.set(file, applyFixes(text, diagnostics, (d) => applied.set(file, [...(applied.get(file) ?? []), { diagnostic: d, lines: fixLines(text, d.fix!) }])))
    }
    const next: ReadSources = { ...read, sources: read.sources.map((s) => (texts.get(s.file) === s.text ? s : { ...s, text: texts.get(s.file)! })) }
    const rechecked = validateSources(next, config, lang, { standards: { asOf }, timings })
    // A file whose errors would grow keeps the text it had before this pass, and takes no more fixes.
    const worse = new Set([...edits.keys()].filter((file) => errors(rechecked.diagnostics, file) > errors(checked.diagnostics, file)))
    if (worse.size === 0) {
      read = next
      checked = rechecked
      continue
    }
    for (const file of worse) {
      frozen.add(file)
      applied.set(file, (applied.get(file) ?? []).filter((a) => !edits.get(file)!.includes(a.diagnostic)))
    }
    const kept = new Map(read.sources.map((s) => [s.file, s]))
    read = { ...next, sources: next.sources.map((s) => (worse.has(s.file) ? kept.get(s.file)! : s)) }
    checked = validateSources(read, config, lang, { standards: { asOf }, timings })
  }
  const after = new Map(read.sources.map((s) => [s.file, s.text]))
  const fixed = [...after].filter(([file, text]) => original.get(file) !== text).map(([file, text]) => ({ file, applied: applied.get(file) ?? [], before: original.get(file)!, after: text }))
  if (!options.dryRun) for (const f of fixed) await fsp.writeFile(path.join(root, ...f.file.split('/')), f.after)
  const reported = wanted ?? new Set(fixed.map((f) => f.file))
  const linted = timings.measure('lint', () => lintRecords(checked.records, config, lang, asOf, undefined, reported as ReadonlySet<string>))
  const diagnostics = [...checked.diagnostics.filter((d) => reported.has(d.file)), ...linted.diagnostics].sort(compareDiagnostics)
  return { fixed, diagnostics: dedupe(diagnostics), summary: summarize(dedupe(diagnostics), reported.size), texts: checked.texts }
}

/** Applies the fixes of `diagnostics` that do not overlap (from the start of the text); `onApplied` hears of each. */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[], onApplied: (d: Diagnostic) => void = () => {}): string {
  const sorted = diagnostics.filter((d): d is Diagnostic & { fix: Fix } => d.fix !== undefined).sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1])
  let out = ''
  let cursor = 0
  for (const d of sorted) {
    const [start, end] = d.fix.range
    if (start < cursor) continue
    out += text.slice(cursor, start) + d.fix.text
    cursor = end
    onApplied(d)
  }
  return out + text.slice(cursor)
}

const errors = (diagnostics: readonly Diagnostic[], file: string) => diagnostics.filter((d) => d.file === file && d.severity === 'error').length

/** The standards rules that validate also runs give the same diagnostic in lint: once. */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.file, d.ruleId, d.line, d.column, d.message])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
