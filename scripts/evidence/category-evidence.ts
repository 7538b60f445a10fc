/**
 * Which startups have online evidence, per category of standards, and whether
 * it holds (pure): the online rules run over the fiches with the evidence's
 * latest results, as the build's standards blocks do, so that a rule turned
 * off, a phase where the rule does not apply or an exemption counts the same
 * everywhere.
 */
import type { RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import type { LintRule } from '../lint/define-rule.ts'
import type { OnlineResults } from '../lint/online/types.ts'
import { runRules } from '../lint/run-rules.ts'
import { LINT_RULES } from '../lint/rules/index.ts'
import type { CategoryEvidence } from './types.ts'

/** The online rules the configuration leaves on. */
export function onlineRules(config: Pick<RegistryConfig, 'rules'>): LintRule<any>[] {
  return LINT_RULES.filter((r) => r.evidence === 'online' && config.rules[r.id] !== 'off')
}

/** Per category: the startups with at least one online check in it, and those whose checks all pass (or are exempt). */
export function categoryEvidence(records: readonly ParsedRecord[], config: Pick<RegistryConfig, 'rules' | 'ruleOptions'>, asOf: string | undefined, results: OnlineResults): Record<string, CategoryEvidence> {
  const { records: outcomes } = runRules(records, { config, asOf, online: results, rules: onlineRules(config) })
  const counts = new Map<string, CategoryEvidence>()
  for (const r of outcomes) {
    if (r.record.collection !== 'startups') continue
    const holds = new Map<string, boolean>()
    for (const o of r.outcomes) holds.set(o.rule.category, (holds.get(o.rule.category) ?? true) && o.result !== 'failing')
    for (const [category, ok] of holds) {
      const c = counts.get(category) ?? { startups: 0, holding: 0 }
      c.startups++
      if (ok) c.holding++
      counts.set(category, c)
    }
  }
  return Object.fromEntries([...counts.keys()].sort().map((k) => [k, counts.get(k)!]))
}
