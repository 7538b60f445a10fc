/**
 * Problems → diagnostics: locate each one in its file, apply the configured
 * severity, put it into words in the chosen language, sort. The only place
 * where positions and messages are made.
 */
import { compareDiagnostics, type Diagnostic, type Fix, type Lang, type Problem, type Severity } from './diagnostic.ts'
import { lineSpan, type LineRecord } from './line-spans.ts'
import { findSpan, LineIndex, pointerMap, type NodeSpan } from './locate.ts'
import { ruleText, type RuleCatalogue } from './messages.ts'

/**
 * The most diagnostics reported for one file; the rest are summed up in a
 * last `report/too-many-problems` diagnostic. A fiche full of errors (a
 * megabyte of unknown keys gave 122,000) would otherwise drown the others and
 * take minutes to print.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 100

/** What finalize needs to know of a file: its text and where its YAML sits. */
export interface LocatableFile {
  text: string
  yamlStart?: number
  yamlEnd?: number
}

/**
 * Turns a problem's correction of a value (`fix: { value }`) into a text edit
 * of its file, or undefined when no certain edit exists; handed by the API
 * (the editor's text model, site/editor/fiche-fix.ts). Without it, only the
 * text edits that stages give as such become fixes; with `'none'`, no diagnostic
 * carries a fix (a caller that prints none spares their cost).
 */
export type FixResolver = (problem: Problem, file: LocatableFile | LineRecord) => Fix | undefined

/**
 * `files`: each file's text, and for a parsed record its data (a record locates pointers from
 * its lines first); `config.rules`: the severities the configuration sets; `catalogue`: every
 * rule's default severity and words (lint/rule-catalogue.ts); `resolveFix`: see {@link FixResolver}.
 */
export function finalize(
  problems: readonly Problem[],
  files: ReadonlyMap<string, LocatableFile | LineRecord>,
  config: { rules: Readonly<Record<string, Severity | 'off'>> },
  lang: Lang,
  catalogue: RuleCatalogue,
  resolveFix?: FixResolver | 'none',
): Diagnostic[] {
  const cache = new Map<string, { lines: LineIndex; pointers?: Map<string, NodeSpan> }>()
  const out: Diagnostic[] = []
  for (const problem of problems) {
    const entry = catalogue.rules[problem.ruleId]
    if (!entry) throw new Error(`unknown rule id: ${problem.ruleId}`)
    const configured = config.rules[problem.ruleId]
    if (configured === 'off') continue
    const severity = configured ?? problem.severity ?? entry.severity
    const file = files.get(problem.file)
    let start = { line: 1, column: 1 }
    let end = start
    if (file) {
      let c = cache.get(problem.file)
      if (!c) {
        c = { lines: new LineIndex(file.text) }
        cache.set(problem.file, c)
      }
      const [from, to] = offsets(problem, file, c)
      start = c.lines.position(from)
      end = to > from ? c.lines.position(to) : start
    }
    const { message, hint } = ruleText(catalogue, problem.ruleId, lang, problem.data ?? {})
    const diagnostic: Diagnostic = {
      file: problem.file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      ruleId: problem.ruleId,
      severity,
      message,
      hint,
    }
    if (problem.path !== undefined) diagnostic.path = problem.path
    const fix = problem.fix && file && resolveFix !== 'none' && ('range' in problem.fix ? textFix(problem.fix, file.text) : resolveFix?.(problem, file))
    if (fix) diagnostic.fix = fix
    out.push(diagnostic)
  }
  return capPerFile(out.sort(compareDiagnostics), lang, catalogue)
}

/** A stage's text edit, when it lies inside the text. */
function textFix(fix: Fix, text: string): Fix | undefined {
  const [start, end] = fix.range
  return Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start <= end && end <= text.length ? { range: [start, end], text: fix.text } : undefined
}

/** Keeps the first MAX_DIAGNOSTICS_PER_FILE diagnostics of each file (sorted), and says how many more there were. */
function capPerFile(sorted: Diagnostic[], lang: Lang, catalogue: RuleCatalogue): Diagnostic[] {
  const out: Diagnostic[] = []
  let i = 0
  while (i < sorted.length) {
    const file = sorted[i]!.file
    let end = i
    while (end < sorted.length && sorted[end]!.file === file) end++
    for (let j = i; j < Math.min(end, i + MAX_DIAGNOSTICS_PER_FILE); j++) out.push(sorted[j]!)
    if (end - i > MAX_DIAGNOSTICS_PER_FILE) {
      const first = sorted[i + MAX_DIAGNOSTICS_PER_FILE]!
      let errors = 0
      for (let j = i + MAX_DIAGNOSTICS_PER_FILE; j < end; j++) if (sorted[j]!.severity === 'error') errors++
      const count = end - i - MAX_DIAGNOSTICS_PER_FILE
      const data = { count, errors, warnings: count - errors, limit: MAX_DIAGNOSTICS_PER_FILE }
      out.push({
        file,
        line: first.line,
        column: first.column,
        endLine: first.line,
        endColumn: first.column,
        ruleId: 'report/too-many-problems',
        severity: errors > 0 ? 'error' : 'warning',
        ...ruleText(catalogue, 'report/too-many-problems', lang, data),
      })
    }
    i = end
  }
  return out
}

function offsets(problem: Problem, file: LocatableFile | LineRecord, c: { pointers?: Map<string, NodeSpan> }): [number, number] {
  // An offset, when given, wins over the pointer (a stage that already knows where, e.g. a missing
  // top-level field at the opening ---, spares the re-parse that locating a pointer needs).
  if (problem.offset !== undefined || problem.path === undefined || file.yamlStart === undefined) {
    const from = problem.offset ?? 0
    return [from, problem.endOffset ?? from]
  }
  // Most pointers are found from the lines of the fiche (line-spans.ts), exactly where the pointer map puts them.
  if ('data' in file) {
    const span = lineSpan(file, problem.path, problem.target)
    if (span) return span
  }
  c.pointers ??= pointerMap(file.text.slice(file.yamlStart, file.yamlEnd))
  return pointerOffsets(problem.path, problem.target, file.text, file.yamlStart, c.pointers)
}

/** Where the pointer map of a file's YAML (starting at `base`) puts a pointer, as offsets in the file. */
export function pointerOffsets(pointer: string, target: Problem['target'], text: string, base: number, pointers: Map<string, NodeSpan>): [number, number] {
  const { span, exact } = findSpan(pointers, pointer)
  if (!span) return [base, base]
  if (exact && target !== 'key') return [base + span.start, base + Math.max(span.end, span.start)]
  if (span.keyStart !== undefined) return [base + span.keyStart, base + (span.keyEnd ?? span.keyStart)]
  if (!exact && pointer.split('/').length === 2) {
    // A missing top-level field: point at the opening `---` line (the root
    // mapping may start lower, after a comment or a blank line).
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0
    return [bom, bom + 3]
  }
  return [base + span.start, base + span.end]
}
