import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { onlineTargets } from '../../scripts/lint/online-targets.ts'
import { addMonths, appliesTo, currentPhase, liveEvidence } from '../../scripts/lint/phase.ts'
import { LINT_RULES } from '../../scripts/lint/rules/index.ts'
import { runRules } from '../../scripts/lint/run-rules.ts'
import { readdirSync, readFileSync } from 'node:fs'
import { finalize } from '../../scripts/report/finalize.ts'
import type { Problem } from '../../scripts/report/diagnostic.ts'
import type { ParsedRecord } from '../../scripts/load/parse-record.ts'
import { explanation } from '../../scripts/lint/standards-report.ts'
import { feedStandards } from '../../scripts/compile/feed-standards.ts'
import { HYGIENE } from '../../scripts/lint/catalogue.ts'
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
      for (const a of ['active', 'incubation', 'construction', 'live', 'acceleration'] as const) expect(appliesTo(a, phase, {}, AS_OF)).toBe(false)
    }
  })
  it('counts incubation from investigation to consolidation, not opere ([comite-3])', () => {
    expect(['investigation', 'construction', 'acceleration', 'consolidation', 'opere'].map((p) => appliesTo('incubation', p, {}, AS_OF))).toEqual([true, true, true, true, false])
  })
})

describe('what makes the fiche show the product live ([en-ligne-1], [en-ligne-2], [en-ligne-3])', () => {
  const construction = (extra: Record<string, unknown>) => ({ ...phases(['investigation', '2023-01-01'], ['construction', '2023-09-01']), ...extra })
  const launch = (date: string) => ({ events: [{ name: 'product_launch', date }] })
  it.each([
    ['acceleration: its phase', 'acceleration', {}, { by: 'phase', phase: 'acceleration' }],
    ['opere: its phase', 'opere', {}, { by: 'phase', phase: 'opere' }],
    ['construction with a link', 'construction', construction({ link: 'https://exemple.beta.gouv.fr' }), { by: 'link' }],
    ['construction, launched after construction started', 'construction', construction(launch('2023-11-15')), { by: 'launch', date: '2023-11-15' }],
    ['construction, launched the day construction started: a project start', 'construction', construction(launch('2023-09-01')), undefined],
    ['construction, launched before construction', 'construction', construction(launch('2023-02-01')), undefined],
    ['construction, a launch announced after the as-of date', 'construction', construction(launch('2024-09-01')), undefined],
    ["construction, link: ''", 'construction', construction({ link: '' }), undefined],
    ['investigation with a link', 'investigation', { link: 'https://exemple.beta.gouv.fr' }, undefined],
    ['an ended product', 'abandon', {}, undefined],
  ] as const)('%s', (_name, phase, data, expected) => {
    expect(liveEvidence(phase, data as Record<string, unknown>, AS_OF)).toEqual(expected)
    expect(appliesTo('live', phase, data as Record<string, unknown>, AS_OF)).toBe(expected !== undefined)
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
    expect(LINT_RULES.filter((r) => r.validate).map((r) => r.id)).toEqual(['contact-missing', 'frontmatter-in-body', 'phases-missing', 'repository-missing'])
  })

  it('skips a rule set to off, and then does not count it as applicable', () => {
    const bare = record('startups/bare.md', fiche('phases:\n  - name: construction\n    start: 2024-01-01\n'))
    const result = runRules([bare], { config: { ...DEFAULT_CONFIG, rules: { 'repository-missing': 'off' } }, asOf: AS_OF })
    expect(result.problems.map((p) => p.ruleId)).not.toContain('repository-missing')
    expect(result.records[0]!.outcomes.map((o) => o.rule.id)).not.toContain('repository-missing')
  })

  it('records no standards check for an ended product, only value hygiene ([termine-1], [termine-2])', () => {
    const ended = record('startups/fini.md', `---\ntitle: Fini\nmission: ${'x'.repeat(300)}\nincubator: dinum\nrepository: https://github.com/betagouv\nphases:\n  - name: construction\n    start: 2020-01-01\n  - name: abandon\n    start: 2022-01-01\n---\n`)
    const result = runRules([ended], { config: DEFAULT_CONFIG, asOf: AS_OF })
    expect(result.records[0]!.outcomes.filter((o) => o.rule.category !== HYGIENE)).toEqual([])
    expect(result.problems.map((p) => p.ruleId)).toEqual(['mission-too-long'])
    const block = feedStandards(result.records, AS_OF, DEFAULT_CONFIG).blocks.get('fini') as { categories: Record<string, unknown> }
    expect(block.categories).toEqual({})
  })

  it('keeps what each check saw or reported only when asked to explain (the build), sharing outcomes otherwise', () => {
    const plain = runRules([good], { config: DEFAULT_CONFIG, asOf: AS_OF }).records[0]!.outcomes
    expect(plain.every((o) => o.seen === undefined && o.reports === undefined)).toBe(true)
    const explained = runRules([good, record('startups/bare.md', fiche('phases:\n  - name: acceleration\n    start: 2024-01-01\n'))], { config: DEFAULT_CONFIG, asOf: AS_OF, explain: true }).records
    const committee = explained[0]!.outcomes.find((o) => o.rule.id === 'committee-recent')!
    expect(committee.seen).toEqual({ messageId: 'committee', data: { date: '2024-03-15' } })
    expect(explanation(committee, 'fr')).toBe('Un comité d’investissement le 2024-03-15.')
    expect(explanation(committee, 'en')).toBe('An investment committee on 2024-03-15.')
    const link = explained[1]!.outcomes.find((o) => o.rule.id === 'link-missing')!
    expect(link.result).toBe('failing')
    expect(explanation(link, 'fr')).toBe("Le produit est en accélération, mais la fiche ne donne pas l’adresse du service (link).")
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
