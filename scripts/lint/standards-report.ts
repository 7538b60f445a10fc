/**
 * Maturity in the feed: each startup's `standards` block (per category, the
 * applicable checks and their results) and `api/v1/standards.json` (counts per
 * rule, category, incubator and phase). No global score: the programme reads
 * per category. Deterministic: catalogue order for categories, rule order for
 * checks, sorted keys for incubators and phases.
 */
import { CATALOGUE_RELEASED, CATALOGUE_VERSION, CATEGORIES, STANDARDS, standardById, type Category } from './catalogue.ts'
import type { RecordOutcome, RuleOutcome } from './run-rules.ts'
import { add, standardOutcomes, zero, type Counts } from './standards-block.ts'

export type { Check, Counts } from './standards-block.ts'
export { explanation, standardsBlock } from './standards-block.ts'

export function standardsAggregate(records: readonly RecordOutcome[], asOf: string | undefined, online: boolean, rulesVersion: string) {
  const rules = new Map<string, Counts & { category: string; standards: readonly string[]; evidence: string }>()
  const categories = new Map<string, Counts>(CATEGORIES.map((c) => [c, zero()]))
  const incubators = new Map<string, Map<string, Counts>>()
  const phases = new Map<string, Map<string, Counts>>()
  const bump = (map: Map<string, Map<string, Counts>>, key: string, o: RuleOutcome) => {
    const inner = map.get(key) ?? new Map<string, Counts>()
    const c = inner.get(o.rule.category) ?? zero()
    add(c, o)
    inner.set(o.rule.category, c)
    map.set(key, inner)
  }
  for (const r of records) {
    if (r.record.collection !== 'startups') continue
    const incubator = typeof r.record.data.incubator === 'string' ? r.record.data.incubator : ''
    for (const o of standardOutcomes(r)) {
      const rc = rules.get(o.rule.id) ?? { category: o.rule.category, standards: o.rule.standards, evidence: o.rule.evidence, ...zero() }
      add(rc, o)
      rules.set(o.rule.id, rc)
      add(categories.get(o.rule.category)!, o)
      bump(incubators, incubator, o)
      bump(phases, r.phase ?? 'none', o)
    }
  }
  const ordered = (m: Map<string, Counts>) => Object.fromEntries(CATEGORIES.filter((c) => m.has(c)).map((c) => [c, m.get(c)!]))
  const sortedKeys = <T>(m: Map<string, T>) => [...m.keys()].sort()
  // The feed adds its api_version first (compile/feed-standards.ts): lint does not know the feed's version.
  return {
    catalogue: { version: CATALOGUE_VERSION, released: CATALOGUE_RELEASED },
    rules_version: rulesVersion,
    as_of: asOf ?? null,
    online_evidence: online,
    startups: records.filter((r) => r.record.collection === 'startups').length,
    rules: Object.fromEntries(sortedKeys(rules).map((k) => [k, rules.get(k)!])),
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, categories.get(c)!])),
    incubators: Object.fromEntries(sortedKeys(incubators).map((k) => [k, ordered(incubators.get(k)!)])),
    phases: Object.fromEntries(sortedKeys(phases).map((k) => [k, ordered(phases.get(k)!)])),
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100

/**
 * One startup in the shape of the programme's standards site
 * (betagouv/standards-front, `GET /api/evaluations`): per category of the
 * catalogue, `completion` and `conformity` in percent. There, each standard is
 * a question whose criteria a team answers (yes, no, not applicable); a
 * standard's completion is the share of its criteria answered, its
 * conformity the share answered yes or not applicable, and a category's the
 * mean of its standards. Here the answers are derived, never declared: a
 * standard's criteria are the registry's applicable checks that give evidence
 * for it, all answered, conform when passed or exempt; a standard without
 * an applicable check has no answer (0 and 0).
 */
export function startupEvaluation(r: RecordOutcome): { completion: Record<Category, number>; conformity: Record<Category, number> } {
  const byStandard = new Map<string, { applicable: number; conform: number }>()
  for (const o of standardOutcomes(r)) {
    for (const id of o.rule.standards) {
      if (!standardById(id)) continue
      const c = byStandard.get(id) ?? { applicable: 0, conform: 0 }
      c.applicable++
      if (o.result !== 'failing') c.conform++
      byStandard.set(id, c)
    }
  }
  const completion = {} as Record<Category, number>
  const conformity = {} as Record<Category, number>
  for (const category of CATEGORIES) {
    const standards = STANDARDS.filter((s) => s.category === category)
    let complete = 0
    let conform = 0
    for (const s of standards) {
      const c = byStandard.get(s.id)
      if (!c) continue
      complete += 100
      conform += (100 * c.conform) / c.applicable
    }
    completion[category] = round2(complete / standards.length)
    conformity[category] = round2(conform / standards.length)
  }
  return { completion, conformity }
}

/** api/v1/evaluations.json without the feed's $schema and api_version (compile/feed-standards.ts adds them): every startup's evaluation (by id, sorted), with the rule set that derived them. */
export function startupEvaluations(records: readonly RecordOutcome[], asOf: string | undefined, rulesVersion: string) {
  const startups = records.filter((r) => r.record.collection === 'startups').sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0))
  return {
    catalogue: { version: CATALOGUE_VERSION, released: CATALOGUE_RELEASED },
    rules_version: rulesVersion,
    as_of: asOf ?? null,
    evidence: 'derived',
    evaluations: Object.fromEntries(startups.map((r) => [r.record.id, startupEvaluation(r)])),
  }
}
