/**
 * The name of the standards rule set: the catalogue's version, then a digest
 * of what decides an outcome (each rule's id, category, standards, phases it
 * applies to, effective options and severity, and RULES_REVISION, raised
 * whenever a rule's check changes), so that numbers computed with different
 * rule sets (the feed's standards, the trends, the change reports) are never
 * compared without saying so.
 */
import { createHash } from 'node:crypto'
import { CATALOGUE_VERSION, HYGIENE } from './catalogue.ts'
import { LINT_RULES } from './rules/index.ts'
import { ruleOptions, type LintSettings } from './run-rules.ts'

type LintConfig = LintSettings['config']

/** Raise when the check of a standards rule changes (what it reports, not how it says it). */
export const RULES_REVISION = 4

export const STANDARDS_RULES = LINT_RULES.filter((r) => r.category !== HYGIENE && r.evidence === 'field')

export function standardsRulesVersion(config: LintConfig): string {
  const rules = STANDARDS_RULES.filter((r) => config.rules[r.id] !== 'off').map((r) => [r.id, r.category, r.standards, r.applies, ruleOptions(r, config), config.rules[r.id] ?? r.severity])
  const digest = createHash('sha256').update(JSON.stringify([RULES_REVISION, rules])).digest('hex').slice(0, 12)
  return `catalogue-${CATALOGUE_VERSION}+rules-${digest}`
}
