/**
 * The pull-request report as data (schemas/report.schema.json): what the
 * comment shows, computed by `registry report --output-json` in the CI job
 * that runs the pull request's own code without any write token, then read
 * back by `registry report --pr N --data` in the privileged comment workflow,
 * which runs the default branch's code. That side trusts nothing in the file:
 * it checks it against the schema (types, lengths, no unknown key), then
 * checks what a schema cannot say (counts that add up, rule ids of this
 * version, files inside the collection folders, positions in order), and
 * renders the comment with its own templates (pr-report.ts). The checks are
 * validate/report-data.ts's (they need Ajv and the catalogue of rules). Messages and
 * hints stay text from the file, written as inert markdown: the worst a
 * forged file can do is put wrong words in a table cell, never a link, an
 * image, a mention or markup (see docs/security.md).
 */
import type { Diagnostic, Summary } from './diagnostic.ts'
import { groupOf } from './diagnostic-table.ts'
import { fixLines } from './fix-lines.ts'
import schema from '../../schemas/report.schema.json' with { type: 'json' }

export { schema as REPORT_SCHEMA }

/** The rows of each detailed table (a bot pull request of hundreds of fiches: the synthesis by rule counts them all). */
export const ROWS_PER_TABLE = 40
/** The longest message or hint kept; our messages are far shorter (values are cut at 80 characters). */
export const MAX_TEXT = 2000
/** The most changed fiches listed (GitHub lists at most 3,000 files of a pull request). */
export const MAX_CHANGED = 3000
/** The largest data file read: the bounds above make a valid file far smaller. */
export const MAX_DATA_BYTES = 4 * 1024 * 1024

/** The most lines a correction shows, before or after; longer ones are not shown (the fix still applies). */
export const MAX_CORRECTION_LINES = 5
/** The longest line of a correction kept; longer lines are cut (…). */
export const MAX_CORRECTION_LINE = 300

/** A certain fix as the comment shows it: the lines it changes (from `line`), before and after. */
export interface Correction {
  line: number
  before: string[]
  after: string[]
}

/** A diagnostic as the data holds it: the Diagnostic without its JSON pointer; its fix as the lines before and after, in a changed fiche. */
export type ReportDiagnostic = Omit<Diagnostic, 'path' | 'fix'> & { correction?: Correction }

export interface ReportGroup {
  total: number
  items: ReportDiagnostic[]
}

export interface Share {
  met: number
  applicable: number
}

export interface CategoryRow {
  category: string
  before: Share | null
  after: Share | null
  warningsBefore: number
  warningsAfter: number
}

/** The standards lint of the changed fiches compared with their version at the base. */
export interface LintData {
  /** Changed fiches present at HEAD. */
  fiches: number
  /** Of which added by the change. */
  added: number
  introduced: ReportGroup
  fixed: ReportGroup
  categories: CategoryRow[]
}

export interface RuleCount {
  ruleId: string
  severity: Diagnostic['severity']
  changed: number
  other: number
}

export interface ReportData {
  version: 1
  base: string | null
  changed: string[]
  summary: Summary
  byRule: RuleCount[]
  groups: { changedErrors: ReportGroup; changedWarnings: ReportGroup; otherErrors: ReportGroup; otherWarnings: ReportGroup }
  lint: LintData | null
}

export interface ReportInput {
  /** The revision the change is compared with, e.g. origin/main. */
  base?: string
  /** Repository-relative paths of the changed fiches. */
  changed: readonly string[]
  diagnostics: readonly Diagnostic[]
  summary: Summary
  lint?: LintData
  /** Rows of each detailed table (default ROWS_PER_TABLE, at most that). */
  rowsPerTable?: number
  /** Every file's text: the certain fixes of the changed fiches are shown as the lines before and after. */
  texts?: ReadonlyMap<string, string>
}

const cutAt = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '')}…` : s)

/** A diagnostic as the data holds it: no JSON pointer, texts cut at MAX_TEXT; with `text` (its file's), its fix as a correction. */
export function reportDiagnostic(d: Diagnostic, text?: string): ReportDiagnostic {
  const out: ReportDiagnostic = { file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, ruleId: d.ruleId, severity: d.severity, message: cutAt(d.message, MAX_TEXT), hint: cutAt(d.hint, MAX_TEXT) }
  if (d.fix && text !== undefined) {
    const { line, before, after } = fixLines(text, d.fix)
    if (before.length <= MAX_CORRECTION_LINES && after.length <= MAX_CORRECTION_LINES) {
      out.correction = { line, before: before.map((l) => cutAt(l, MAX_CORRECTION_LINE)), after: after.map((l) => cutAt(l, MAX_CORRECTION_LINE)) }
    }
  }
  return out
}

/** The first `rows` diagnostics of a list as data, with the list's length; with `texts`, their corrections. */
export function reportGroup(list: readonly Diagnostic[], rows = ROWS_PER_TABLE, texts?: ReadonlyMap<string, string>): ReportGroup {
  const { total, items } = groupOf(list, Math.min(rows, ROWS_PER_TABLE))
  return { total, items: items.map((d) => reportDiagnostic(d as Diagnostic, texts?.get(d.file))) }
}

export function reportData(input: ReportInput): ReportData {
  const changed = new Set(input.changed)
  const inChanged = input.diagnostics.filter((d) => changed.has(d.file))
  const elsewhere = input.diagnostics.filter((d) => !changed.has(d.file))
  const rows = input.rowsPerTable ?? ROWS_PER_TABLE
  const of = (list: readonly Diagnostic[], severity: Diagnostic['severity'], texts?: ReadonlyMap<string, string>) => reportGroup(list.filter((d) => d.severity === severity), rows, texts)
  return {
    version: 1,
    base: input.base ?? null,
    changed: input.changed.slice(0, MAX_CHANGED),
    summary: { files: input.summary.files, errors: input.summary.errors, warnings: input.summary.warnings },
    byRule: ruleCounts(inChanged, elsewhere),
    // Corrections are shown for the changed fiches only: those the author is editing.
    groups: { changedErrors: of(inChanged, 'error', input.texts), changedWarnings: of(inChanged, 'warning', input.texts), otherErrors: of(elsewhere, 'error'), otherWarnings: of(elsewhere, 'warning') },
    lint: input.lint ?? null,
  }
}

/** One row per rule, errors first, then by count: how many in the changed fiches and elsewhere. */
function ruleCounts(inChanged: readonly Diagnostic[], elsewhere: readonly Diagnostic[]): RuleCount[] {
  const rules = new Map<string, RuleCount>()
  for (const [list, key] of [[inChanged, 'changed'], [elsewhere, 'other']] as const) {
    for (const d of list) {
      let r = rules.get(d.ruleId)
      if (!r) rules.set(d.ruleId, (r = { ruleId: d.ruleId, severity: d.severity, changed: 0, other: 0 }))
      r[key]++
      if (d.severity === 'error') r.severity = 'error'
    }
  }
  return [...rules.values()].sort((x, y) => (x.severity !== y.severity ? (x.severity === 'error' ? -1 : 1) : y.changed + y.other - (x.changed + x.other) || (x.ruleId < y.ruleId ? -1 : 1)))
}

// ---------------------------------------------------------------------------
// Reading data written by a pull request's run

export type CheckedReport = { ok: true; data: ReportData } | { ok: false; problems: string[] }

/** Characters that have no business in a path: controls, bidirectional controls, a backslash. */
const BAD_PATH_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\\]/

/** Whether `file` is a well-formed path inside one of the collection folders. */
export function isCollectionPath(file: string, collections: Readonly<Record<string, string>>): boolean {
  if (BAD_PATH_CHARACTER.test(file) || file !== file.trim()) return false
  const parts = file.split('/')
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return false
  return Object.values(collections).some((folder) => file.startsWith(`${folder}/`))
}
