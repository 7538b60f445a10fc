import type { Diagnostic, Lang, Summary } from '../diagnostic.ts'
import { github } from './github.ts'
import { json } from './json.ts'
import { stylish } from './stylish.ts'

export interface FormatContext {
  summary: Summary
  lang: Lang
  /** File texts, for code frames. */
  texts: ReadonlyMap<string, string>
  color: boolean
}

export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string

export const FORMATTERS = { stylish, json, github } satisfies Record<string, Formatter>
export type FormatName = keyof typeof FORMATTERS

/** Control characters from a file name or a line of a fiche must not drive the terminal. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '�')
}
