import type { Diagnostic, Lang, Summary } from '../diagnostic.ts'
import type { FormatName } from './names.ts'
import { github } from './github.ts'
import { json } from './json.ts'
import { markdown } from './markdown.ts'
import { sarif } from './sarif.ts'
import { stylish } from './stylish.ts'

export interface FormatContext {
  summary: Summary
  lang: Lang
  /** File texts, for code frames. */
  texts: ReadonlyMap<string, string>
  color: boolean
  /** Files the change touches: the github formatter annotates them first (GitHub shows only 10 errors and 10 warnings per step). */
  changed?: ReadonlySet<string>
}

export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string

export const FORMATTERS: Record<FormatName, Formatter> = { stylish, json, github, markdown, sarif }
export { FORMAT_NAMES, type FormatName } from './names.ts'

export { printable } from './printable.ts'
