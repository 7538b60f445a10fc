/**
 * FORMATS_WITH_FIXES: the formats that print a diagnostic's fix, held to what
 * each formatter prints (the others' callers skip resolving fixes); and a
 * validation without fixes gives the same diagnostics, less their fixes.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { RULE_CATALOGUE } from '../../../scripts/lint/rule-catalogue.ts'
import { readConfig, validate } from '../../../scripts/registry.ts'
import { summarize, type Diagnostic } from '../../../scripts/report/diagnostic.ts'
import { FORMATTERS } from '../../../scripts/report/formatters/index.ts'
import { FORMAT_NAMES, FORMATS_WITH_FIXES } from '../../../scripts/report/formatters/names.ts'
import { cleanTemps, copyRegistry, FIXTURES } from '../../cli/run.ts'
import path from 'node:path'

afterAll(cleanTemps)

const text = 'title: Exemple\nphase: perennisation\n'
const withFix: Diagnostic = { file: 'startups/a.md', line: 2, column: 8, endLine: 2, endColumn: 21, ruleId: 'value/renamed', severity: 'warning', message: 'M', hint: 'H', fix: { range: [22, 35], text: 'consolidation' } }
const { fix: _, ...withoutFix } = withFix

describe('FORMATS_WITH_FIXES', () => {
  it.each(FORMAT_NAMES.map((name) => [name, FORMATS_WITH_FIXES.has(name)] as const))('%s prints fixes: %s', (name, prints) => {
    const out = (d: Diagnostic) => FORMATTERS[name]([d], { summary: summarize([d], 1), lang: 'fr', texts: new Map([['startups/a.md', text]]), color: false, rules: RULE_CATALOGUE })
    expect(out(withFix) !== out(withoutFix)).toBe(prints)
  })
})

describe('validate({ fixes: false })', () => {
  it('gives the same diagnostics, without their fixes', async () => {
    const root = copyRegistry(path.join(FIXTURES, 'fixable'))
    const config = await readConfig(root)
    const full = await validate({ root, config, lang: 'fr', asOf: '2026-06-01' })
    const bare = await validate({ root, config, lang: 'fr', asOf: '2026-06-01', fixes: false })
    expect(full.diagnostics.filter((d) => d.fix).length).toBeGreaterThan(3)
    expect(bare.diagnostics.some((d) => 'fix' in d)).toBe(false)
    expect(bare.diagnostics).toEqual(full.diagnostics.map(({ fix: _, ...d }) => d))
    expect(bare.summary).toEqual(full.summary)
  })
})
