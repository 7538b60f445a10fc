import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { onlineTargets } from '../../scripts/lint/online-targets.ts'
import { addMonths, appliesTo, currentPhase } from '../../scripts/lint/phase.ts'
import { LINT_RULES } from '../../scripts/lint/rules/index.ts'
import { runRules } from '../../scripts/lint/run-rules.ts'
import { readdirSync, readFileSync } from 'node:fs'
import { finalize } from '../../scripts/report/finalize.ts'
import type { Problem } from '../../scripts/report/diagnostic.ts'
import type { ParsedRecord } from '../../scripts/load/parse-record.ts'
import { feedStandards } from '../../scripts/compile/feed-standards.ts'
import { fiche } from './phases.ts'
import { AS_OF, GOOD, record } from './rule-tester.ts'

const phases = (...p: [string, string][]) => ({ phases: p.map(([name, start]) => ({ name, start })) })

describe('the current phase as of a date', () => {
  it('is the latest phase started on or before the date; future phases wait', () => {
    const data = phases(['investigation', '2024-01-01'], ['construction', '2024-07-01'])
    expect(currentPhase(data, '2024-06-30')?.name).toBe('investigation')
    expect(currentPhase(data, '2024-07-01')?.name).toBe('construction')
    expect(currentPhase(data, '2023-12-31')).toBeUndefined()
    expect(currentPhase(data, undefined)?.name).toBe('construction')
  })
  it('takes the later entry of two phases starting the same day', () => {
    expect(currentPhase(phases(['construction', '2024-01-01'], ['acceleration', '2024-01-01']), AS_OF)?.name).toBe('acceleration')
  })
  it('ignores malformed phases', () => {
    expect(currentPhase({ phases: [{ name: 'x' }, 'y', null, { name: 'construction', start: '2024-02-30x' }] }, AS_OF)).toBeUndefined()
  })
  it('adds months with the day clamped to the month end', () => {
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28')
    expect(addMonths('2024-06-01', -6)).toBe('2023-12-01')
  })
  it('asks ended products only for the rules of every phase', () => {
    for (const phase of ['transfere', 'abandon', 'abandon-investigation']) {
      expect(appliesTo('always', phase, {}, AS_OF)).toBe(true)
      for (const a of ['active', 'construction', 'live', 'acceleration'] as const) expect(appliesTo(a, phase, {}, AS_OF)).toBe(false)
    }
  })
})

describe('runRules', () => {
  const good = record('startups/exemple.md', GOOD)

  it('finds nothing on the complete fiche as of 2024-06-01', () => {
    expect(runRules([good], { config: DEFAULT_CONFIG, asOf: AS_OF }).problems).toEqual([])
  })

  it('runs only the validate rules for validate', () => {
    const bare = record('startups/bare.md', fiche(''))
    const ids = runRules([bare], { config: DEFAULT_CONFIG, asOf: AS_OF, validateOnly: true }).problems.map((p) => p.ruleId)
    expect([...new Set(ids)].sort()).toEqual(['contact-missing', 'phases-missing'])
    expect(LINT_RULES.filter((r) => r.validate).map((r) => r.id)).toEqual(['contact-missing', 'phases-missing', 'repository-missing'])
  })

  it('skips a rule set to off, and then does not count it as applicable', () => {
    const bare = record('startups/bare.md', fiche('phases:\n  - name: construction\n    start: 2024-01-01\n'))
    const result = runRules([bare], { config: { ...DEFAULT_CONFIG, rules: { 'repository-missing': 'off' } }, asOf: AS_OF })
    expect(result.problems.map((p) => p.ruleId)).not.toContain('repository-missing')
    expect(result.records[0]!.outcomes.map((o) => o.rule.id)).not.toContain('repository-missing')
  })

  it('reports an exemption that exempts nothing, at the exemption', () => {
    const text = GOOD.replace('usertypes:', 'standards_exemptions:\n  - rule: budget-missing\n    reason: remediated\n    justification: Publié ailleurs.\nusertypes:')
    const result = runRules([record('startups/exemple.md', text)], { config: DEFAULT_CONFIG, asOf: AS_OF })
    expect(result.problems).toEqual([{ file: 'startups/exemple.md', ruleId: 'exemption-invalid', path: '/standards_exemptions/0', data: { messageId: 'unused', rule: 'budget-missing' } }])
  })

  it('gives the feed deterministic blocks and aggregates, per category in catalogue order', () => {
    const records = [good, record('startups/bare.md', fiche('phases:\n  - name: acceleration\n    start: 2024-01-01\n'))]
    const a = feedStandards(runRules(records, { config: DEFAULT_CONFIG, asOf: AS_OF }).records, AS_OF, DEFAULT_CONFIG)
    const b = feedStandards(runRules([...records].reverse(), { config: DEFAULT_CONFIG, asOf: AS_OF }).records, AS_OF, DEFAULT_CONFIG)
    expect(JSON.stringify(a.aggregate)).toBe(JSON.stringify(b.aggregate))
    const bare = a.blocks.get('bare') as { categories: Record<string, { failing_rules: string[] }> }
    expect(Object.keys(bare.categories)).toEqual(['accessibilité', 'impact', 'qualité-logicielle', 'sécurité', 'transparence', 'équipe'])
    expect(bare.categories['sécurité']!.failing_rules).toEqual(['analyse-risques', 'mon-service-securise'])
    const aggregate = a.aggregate as { categories: Record<string, { applicable: number; passed: number; failing: number }>; phases: Record<string, unknown> }
    expect(Object.keys(aggregate.phases)).toEqual(['acceleration', 'construction'])
    for (const c of Object.values(aggregate.categories)) expect(c.passed + c.failing).toBeLessThanOrEqual(c.applicable)
  })
})

describe('onlineTargets', () => {
  it('lists each URL and repository once, sorted, and leaves private links out', () => {
    const records = [
      record('startups/a.md', fiche('link: https://a.fr\nrepository: https://github.com/x/a\nstats_url: https://a.fr/stats\n')),
      record('startups/b.md', fiche("link: https://a.fr\nbudget_url: ' '\n")),
      record('startups/c.md', fiche('link: https://intranet.fr\nis_private_url: true\n')),
    ]
    expect(onlineTargets(records, LINT_RULES.filter((r) => r.evidence === 'online'))).toEqual([
      { kind: 'repository', url: 'https://github.com/x/a' },
      { kind: 'url', url: 'https://a.fr' },
      { kind: 'url', url: 'https://a.fr/stats' },
    ])
  })
})
