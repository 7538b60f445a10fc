/**
 * The catalogue of every rule the registry reports: the core rules
 * (report/messages.ts) and the standards lint rules, each with the words,
 * category and options check its own file gives (lint/rules/). The stages
 * below lint report problems by rule id; what words them (finalize), checks
 * a configuration's rule settings and links or groups diagnostics (the
 * markdown and SARIF formatters) is handed this catalogue, so that report/
 * and load/ need not know the lint rules.
 */
import type { Lang } from '../report/diagnostic.ts'
import { CORE_RULES, isConfigurable as isConfigurableIn, isLintRule as isLintRuleIn, ruleText as ruleTextIn, type RuleCatalogue, type RuleEntry } from '../report/messages.ts'
import { categoryLabel, CATEGORIES, HYGIENE } from './catalogue.ts'
import type { LintRule } from './define-rule.ts'
import { checkRuleOptions } from './options.ts'
import { LINT_RULES } from './rules/index.ts'

type Data = Record<string, unknown>

/** A standards lint rule as a catalogue entry: its message id travels in the problem's data. */
function lintEntry(rule: LintRule<any>): RuleEntry {
  const words = (lang: Lang) => ({
    message: (d: Data) => (rule.messages[String(d.messageId)] ?? Object.values(rule.messages)[0]!)[lang].message(d),
    hint: (d: Data) => (rule.messages[String(d.messageId)] ?? Object.values(rule.messages)[0]!)[lang].hint(d),
  })
  return {
    severity: rule.severity,
    configurable: true,
    description: rule.description,
    fr: words('fr'),
    en: words('en'),
    category: rule.category,
    checkOptions: (options) => checkRuleOptions(rule.id, options),
  }
}

export const RULE_CATALOGUE: RuleCatalogue = {
  rules: { ...CORE_RULES, ...Object.fromEntries(LINT_RULES.map((r) => [r.id, lintEntry(r)])) },
  categories: [...CATEGORIES, HYGIENE],
  categoryLabel,
}

/** Every rule by id: the core rules and the standards lint rules. */
export const RULES = RULE_CATALOGUE.rules

/** Whether a rule id is a standards lint rule (documented in docs/rules/<id>.md). */
export const isLintRule = (ruleId: string): boolean => isLintRuleIn(RULE_CATALOGUE, ruleId)

/** A problem's message and hint in `lang`. */
export const ruleText = (ruleId: string, lang: Lang, data: Data): { message: string; hint: string } => ruleTextIn(RULE_CATALOGUE, ruleId, lang, data)

/** Whether the configuration may change a rule's severity. */
export const isConfigurable = (ruleId: string): boolean => isConfigurableIn(RULE_CATALOGUE, ruleId)
