/**
 * A startup's `standards` block (api/v1/startups.json): per category of the catalogue, the
 * applicable checks and their results. A module of its own, with nothing of the feed or the
 * history: the editor's preview (scripts/site/editor/preview.ts) makes the block in the browser
 * as the build makes it.
 */
import { CATALOGUE_VERSION, CATEGORIES, HYGIENE } from './catalogue.ts'
import type { Lang } from '../report/diagnostic.ts'
import type { RecordOutcome, RuleOutcome } from './run-rules.ts'

/** One rule's outcome in a startup's `standards` block (api/v1/startups.json). */
export interface Check {
  rule: string
  standards: readonly string[]
  evidence: 'field' | 'online'
  result: 'passed' | 'failing' | 'exempt'
  exemption?: { reason: string; justification: string; expires?: string }
  checked_at?: string
  /** What the check saw, or what it lacked, in words (French, or English with --lang en). */
  explanation: string
}

export interface Counts {
  applicable: number
  passed: number
  failing: number
  exempt: number
}

export const zero = (): Counts => ({ applicable: 0, passed: 0, failing: 0, exempt: 0 })
export const add = (c: Counts, o: RuleOutcome) => {
  c.applicable++
  c[o.result]++
}

/**
 * What a check saw or lacked, in words ([preuve-3]): for a passed check, the rule's words for what it
 * saw (runRules with `explain`); for a failing or exempt one, its reports' messages.
 */
export function explanation(o: RuleOutcome, lang: Lang): string {
  if (o.result === 'passed') {
    const words = o.seen && o.rule.seenWords?.[o.seen.messageId]
    if (words) return words[lang](o.seen!.data ?? {})
    return lang === 'fr' ? 'La fiche donne la preuve attendue.' : 'The fiche gives the expected evidence.'
  }
  const said = (o.reports ?? []).map((r) => {
    const m = o.rule.messages[r.messageId] ?? Object.values(o.rule.messages)[0]!
    return m[lang].message({ ...(r.data ?? {}), messageId: r.messageId })
  })
  if (said.length > 0) return said.join(' ')
  return lang === 'fr' ? 'La preuve attendue manque.' : 'The expected evidence is missing.'
}

function check(o: RuleOutcome, lang: Lang): Check {
  const c: Check = { rule: o.rule.id, standards: o.rule.standards, evidence: o.rule.evidence, result: o.result, explanation: explanation(o, lang) }
  if (o.exemption) c.exemption = { reason: o.exemption.reason, justification: o.exemption.justification, ...(o.exemption.expires ? { expires: o.exemption.expires } : {}) }
  if (o.checkedAt) c.checked_at = o.checkedAt
  return c
}

/** Only the rules that give evidence for a standard count (value hygiene is not a standard). */
export const standardOutcomes = (r: RecordOutcome) => r.outcomes.filter((o) => o.rule.category !== HYGIENE)

export function standardsBlock(r: RecordOutcome, asOf: string | undefined, rulesVersion: string, lang: Lang = 'fr') {
  const categories: Record<string, Counts & { failing_rules: string[]; checks: Check[] }> = {}
  for (const category of CATEGORIES) {
    const outcomes = standardOutcomes(r).filter((o) => o.rule.category === category)
    if (outcomes.length === 0) continue
    const c = { ...zero(), failing_rules: [] as string[], checks: [] as Check[] }
    for (const o of outcomes) {
      add(c, o)
      if (o.result === 'failing') c.failing_rules.push(o.rule.id)
      c.checks.push(check(o, lang))
    }
    categories[category] = c
  }
  return { catalogue_version: CATALOGUE_VERSION, rules_version: rulesVersion, as_of: asOf ?? null, phase: r.phase ?? null, categories }
}

