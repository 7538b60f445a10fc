/**
 * Printing: diagnostics through one of the formatters (stylish, json, github,
 * markdown, sarif) with the catalogue of rules they read, the lint's summary
 * per category, and the history's change reports. Pure: text in, text out.
 */
import type { Diagnostic } from '../report/diagnostic.ts'
import { FORMATTERS, type FormatContext, type FormatName } from '../report/formatters/index.ts'
import { RULE_CATALOGUE } from '../lint/rule-catalogue.ts'

export { categorySummary } from '../lint/category-summary.ts'
export { formatChanges, type ChangesFormat, type ChangesReport } from '../history/format-changes.ts'

/** `diagnostics` as the format `name` prints them. */
export function format(name: FormatName, diagnostics: readonly Diagnostic[], context: Omit<FormatContext, 'rules'>): string {
  return FORMATTERS[name](diagnostics, { ...context, rules: RULE_CATALOGUE })
}
