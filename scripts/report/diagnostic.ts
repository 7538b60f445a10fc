/**
 * The one diagnostic type of the registry, and the draft ("problem") that the
 * pure stages produce before a diagnostic is located in its file and put into
 * words. Stages report a JSON Pointer or an offset, never a line: `finalize`
 * turns problems into diagnostics in one place (locate + localize).
 */
export type Severity = 'error' | 'warning'
export type Lang = 'fr' | 'en'

export interface Diagnostic {
  /** Repository-relative POSIX path of the file, e.g. `startups/foo.md`. */
  file: string
  /** 1-based line and column (in characters) in the whole file. */
  line: number
  column: number
  endLine: number
  endColumn: number
  /** e.g. `schema/required`, `ref/unknown-incubator`. */
  ruleId: string
  severity: Severity
  /** One sentence that names the field and says what is wrong. */
  message: string
  /** How to fix it. */
  hint: string
  /** JSON Pointer into the front matter, when the problem is about a value. */
  path?: string
  /** The correction, when it is certain (`registry fix` applies it): see {@link Fix}. */
  fix?: Fix
}

/**
 * An automatic correction, as ESLint gives one: replace the characters
 * `range[0]` to `range[1]` (end excluded) of the file's text with `text`.
 * Offsets count UTF-16 code units of the file decoded from UTF-8, its BOM
 * included (JavaScript string indices, as ESLint's). Applied to the file, it
 * changes only the bytes of that range. Given only when the correction is
 * certain: applied, the text reads back as exactly the intended data.
 */
export interface Fix {
  range: [number, number]
  text: string
}

/**
 * What a stage knows of a certain correction, before the text is looked at:
 * the value at the problem's `path` becomes `value`; or a text edit (offsets
 * in the file, as {@link Fix}). The API turns it into a {@link Fix} with the
 * editor's text model (site/editor/fiche-fix.ts), or gives none when the
 * edit cannot be made without touching anything else.
 */
export type FixIntent = { value: unknown } | Fix

/** What a stage reports: where (a pointer or an offset) and what (a rule and its data). */
export interface Problem {
  file: string
  ruleId: string
  /** Overrides the rule's default severity. */
  severity?: Severity
  /** JSON Pointer into the front matter (`/phases/1/start`). */
  path?: string
  /** With `path`: point at the key (`start:`) rather than at the value. */
  target?: 'key' | 'value'
  /** Absolute character offsets in the file, for problems that are not about a value. */
  offset?: number
  endOffset?: number
  /** Values for the message templates. */
  data?: Record<string, unknown>
  /** The correction, when it is certain. */
  fix?: FixIntent
}

export interface Summary {
  files: number
  errors: number
  warnings: number
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1
  if (a.line !== b.line) return a.line - b.line
  if (a.column !== b.column) return a.column - b.column
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0
}

export function summarize(diagnostics: readonly Diagnostic[], files: number): Summary {
  let errors = 0
  let warnings = 0
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++
    else warnings++
  }
  return { files, errors, warnings }
}

/**
 * Appends `items` to `target` one by one. `target.push(...items)` passes every
 * item as an argument, and a user-sized list (122,000 problems in one fiche)
 * overflows the call stack.
 */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item)
  return target
}
