/** What every formatter is: diagnostics and their context in, text out. */
import type { Diagnostic, Lang, Summary } from '../diagnostic.ts'
import type { RuleCatalogue } from '../messages.ts'

export interface FormatContext {
  summary: Summary
  lang: Lang
  /** File texts, for code frames. */
  texts: ReadonlyMap<string, string>
  color: boolean
  /** Files the change touches: the github formatter annotates them first (GitHub shows only 10 errors and 10 warnings per step). */
  changed?: ReadonlySet<string>
  /** Every rule that may be reported (lint/rule-catalogue.ts): the markdown and SARIF formats link to each rule's documentation and group the standards by category. */
  rules: RuleCatalogue
}

export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string
