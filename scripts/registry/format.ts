/**
 * Printing: diagnostics through one of the formatters (stylish, json, github,
 * markdown, sarif), with the catalogue of rules they read. Pure: text in, text
 * out. (The lint's summary per category and the history's change reports are
 * printed by registry/lint.ts's categorySummary and registry/history.ts's
 * formatChanges.)
 */
import type { Diagnostic } from '../report/diagnostic.ts'
import { FORMATTERS, type FormatContext, type FormatName } from '../report/formatters/index.ts'
import { RULE_CATALOGUE } from '../lint/rule-catalogue.ts'


/** `diagnostics` as the format `name` prints them. */
export function format(name: FormatName, diagnostics: readonly Diagnostic[], context: Omit<FormatContext, 'rules'>): string {
  return FORMATTERS[name](diagnostics, { ...context, rules: RULE_CATALOGUE })
}
