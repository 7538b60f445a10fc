/**
 * The standards in the feed: the rule-set version on every result, and
 * evaluations.json in the shape of the programme's standards site
 * ({ghid: {completion: {category: %}, conformity: {category: %}}}).
 */
import { describe, expect, it } from 'vitest'
import { CATEGORIES, STANDARDS } from '../../scripts/lint/catalogue.ts'
import { runRules } from '../../scripts/lint/run-rules.ts'
import { feedStandards } from '../../scripts/compile/feed-standards.ts'
import { startupEvaluation } from '../../scripts/lint/standards-report.ts'
import { standardsRulesVersion } from '../../scripts/history/past-standards.ts'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { AS_OF, GOOD, record } from './rule-tester.ts'

const good = record('startups/exemple.md', GOOD)
const bare = record('startups/bare.md', GOOD.replace(/^(repository|budget_url|dashlord_url|accessibility_status): .*\n/gm, ''))
const lint = (config = DEFAULT_CONFIG) => runRules([good, bare], { config, asOf: AS_OF }).records

describe('the rule-set version', () => {
  it('is on every standards block, on standards.json and on evaluations.json: the version of trends.json', () => {
    const version = standardsRulesVersion(DEFAULT_CONFIG)
    expect(version).toMatch(/^catalogue-2\.0\+rules-[0-9a-f]{12}$/)
    const standards = feedStandards(lint(), AS_OF, DEFAULT_CONFIG)
    expect((standards.blocks.get('exemple') as { rules_version: string }).rules_version).toBe(version)
    expect((standards.aggregate as { rules_version: string }).rules_version).toBe(version)
    expect((standards.evaluations('') as { rules_version: string }).rules_version).toBe(version)
  })

  it('changes with the configuration of the rules', () => {
    const config = { ...DEFAULT_CONFIG, rules: { 'budget-missing': 'off' as const } }
    expect(feedStandards(lint(config), AS_OF, config).aggregate).not.toMatchObject({ rules_version: standardsRulesVersion(DEFAULT_CONFIG) })
  })
})

describe('evaluations.json', () => {
  const file = feedStandards(lint(), AS_OF, DEFAULT_CONFIG).evaluations('https://registre.example.org') as Record<string, any>

  it('has the standards site’s shape per startup, every category of the catalogue, in percent', () => {
    expect(Object.keys(file)).toEqual(['$schema', 'api_version', 'catalogue', 'rules_version', 'as_of', 'evidence', 'evaluations'])
    expect(file).toMatchObject({ $schema: 'https://registre.example.org/api/v1/schemas/evaluations.schema.json', as_of: AS_OF, evidence: 'derived' })
    expect(Object.keys(file.evaluations)).toEqual(['bare', 'exemple'])
    for (const e of Object.values(file.evaluations) as any[]) {
      expect(Object.keys(e)).toEqual(['completion', 'conformity'])
      expect(Object.keys(e.completion)).toEqual([...CATEGORIES])
      for (const c of CATEGORIES) expect(e.conformity[c]).toBeLessThanOrEqual(e.completion[c])
    }
  })

  it('counts a standard as answered when a check applies to it, conform when it passes', () => {
    const transparence = STANDARDS.filter((s) => s.category === 'transparence').length
    // The complete fiche: every transparence standard (fiche, budget, DashLord) has an applicable check, all passed.
    expect(file.evaluations.exemple.completion.transparence).toBe(100)
    expect(file.evaluations.exemple.conformity.transparence).toBe(100)
    // Without budget_url and dashlord_url, those two standards are answered "no".
    expect(file.evaluations.bare.completion.transparence).toBe(100)
    const ficheShare = file.evaluations.bare.conformity.transparence
    expect(ficheShare).toBeLessThan(100 / transparence + 0.01)
    // Standards that no registry rule checks are never answered (design: user research, exclusion).
    expect(file.evaluations.exemple.completion.design).toBe(0)
    // One of the 8 software quality standards is checked (open source): 12.5 %.
    expect(file.evaluations.exemple.completion['qualité-logicielle']).toBe(12.5)
    expect(file.evaluations.bare.conformity['qualité-logicielle']).toBe(0)
  })

  it('counts an exempted check as conform, like a "not applicable" answer', () => {
    const exempt = record('startups/exempt.md', GOOD.replace(/^repository: .*\n/m, 'standards_exemptions:\n  - rule: repository-missing\n    reason: not-applicable\n    justification: Un service de conseil, sans code source.\n'))
    const [outcome] = runRules([exempt], { config: DEFAULT_CONFIG, asOf: AS_OF }).records
    expect(startupEvaluation(outcome!).conformity['qualité-logicielle']).toBe(12.5)
  })
})
