import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../../scripts/report/diagnostic.ts'
import { sarif } from '../../../scripts/report/formatters/sarif.ts'
import { RULE_CATALOGUE } from '../../../scripts/lint/rule-catalogue.ts'

const d = (over: Partial<Diagnostic>): Diagnostic => ({ file: 'startups/a.md', line: 2, column: 5, endLine: 2, endColumn: 9, ruleId: 'contact-personal', severity: 'warning', message: 'Adresse personnelle.', hint: 'Une adresse d’équipe.', ...over })

describe('sarif formatter', () => {
  const diagnostics = [d({}), d({ ruleId: 'schema/type', severity: 'error', line: 7, column: 1, endLine: 7, endColumn: 1 }), d({ line: 9 })]
  const context = { summary: { files: 1, errors: 1, warnings: 2 }, lang: 'fr' as const, texts: new Map(), color: false, rules: RULE_CATALOGUE }
  const log = JSON.parse(sarif(diagnostics, { ...context, repository: { url: 'https://github.com/exemple/registre', ref: '0123abc' } }))

  it('is SARIF 2.1.0 with one rule per rule id, sorted, and their docs', () => {
    expect(log.version).toBe('2.1.0')
    const rules = log.runs[0].tool.driver.rules
    expect(rules.map((r: { id: string }) => r.id)).toEqual(['contact-personal', 'schema/type'])
    expect(log.runs[0].tool.driver.informationUri).toBe('https://github.com/exemple/registre')
    expect(rules[0].helpUri).toBe('https://github.com/exemple/registre/blob/0123abc/docs/rules/contact-personal.md')
    expect(rules[1].helpUri).toBe('https://github.com/exemple/registre/blob/0123abc/docs/regles.md')
    expect(rules[1].defaultConfiguration.level).toBe('error')
  })

  it('names no repository when none is known (no invented address)', () => {
    const driver = JSON.parse(sarif(diagnostics, context)).runs[0].tool.driver
    expect(driver.informationUri).toBeUndefined()
    expect(driver.rules.map((r: { helpUri?: string }) => r.helpUri)).toEqual([undefined, undefined])
  })

  it('gives each result its level, rule index and region (a non-empty one)', () => {
    const results = log.runs[0].results
    expect(results.map((r: { ruleId: string; ruleIndex: number; level: string }) => [r.ruleId, r.ruleIndex, r.level])).toEqual([['contact-personal', 0, 'warning'], ['schema/type', 1, 'error'], ['contact-personal', 0, 'warning']])
    expect(results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'startups/a.md' }, region: { startLine: 2, startColumn: 5, endLine: 2, endColumn: 9 } })
    expect(results[1].locations[0].physicalLocation.region).toEqual({ startLine: 7, startColumn: 1, endLine: 7, endColumn: 2 })
    expect(results[0].message.text).toBe('Adresse personnelle. → Une adresse d’équipe.')
  })

  it('gives a certain fix as a SARIF fix: one replacement by character offsets, its hint as description', () => {
    const fixed = d({ ruleId: 'vocabulary/renamed', hint: 'Écrivez [abandon].', fix: { range: [40, 46], text: 'abandon' } })
    const out = JSON.parse(sarif([fixed, d({})], { summary: { files: 1, errors: 0, warnings: 2 }, lang: 'fr', texts: new Map(), color: false, rules: RULE_CATALOGUE }))
    const [withFix, without] = out.runs[0].results
    expect(withFix.fixes).toEqual([
      {
        description: { text: 'Écrivez \\[abandon\\].' },
        artifactChanges: [{ artifactLocation: { uri: 'startups/a.md' }, replacements: [{ deletedRegion: { charOffset: 40, charLength: 6 }, insertedContent: { text: 'abandon' } }] }],
      },
    ])
    expect(without.fixes).toBeUndefined()
  })
})
