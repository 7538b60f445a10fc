import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../../scripts/report/diagnostic.ts'
import { markdown } from '../../../scripts/report/formatters/markdown.ts'
import { hostileString, sameElements } from '../markdown-check.ts'
import { RULE_CATALOGUE } from '../../../scripts/lint/rule-catalogue.ts'

const d = (over: Partial<Diagnostic>): Diagnostic => ({ file: 'startups/a.md', line: 1, column: 1, endLine: 1, endColumn: 4, ruleId: 'contact-missing', severity: 'warning', message: 'Pas de contact.', hint: 'Ajoutez-en un.', ...over })
const REPOSITORY = { url: 'https://github.com/exemple/registre', ref: 'main' }
const ctx = (lang: 'fr' | 'en') => ({ summary: { files: 2, errors: 1, warnings: 2 }, lang, texts: new Map(), color: false, rules: RULE_CATALOGUE, repository: REPOSITORY })

describe('markdown formatter', () => {
  const out = markdown([d({}), d({ ruleId: 'value-blank', line: 3, message: 'a | b <script>' }), d({ file: 'startups/b.md', ruleId: 'schema/type', severity: 'error' })], ctx('fr'))

  it('counts per category, then one table per fiche, with links to the rules’ docs', () => {
    expect(out).toContain('**1** erreur, **2** avertissements dans 2 fichiers.')
    expect(out).toContain('| Transparence | 1 |\n| Hygiène des valeurs | 1 |')
    expect(out).toContain('### `startups/a.md`')
    // Absolute links: a pull request comment or a job summary has no folder to resolve a relative one.
    expect(out).toContain('[`contact-missing`](https://github.com/exemple/registre/blob/main/docs/rules/contact-missing.md)')
    expect(out).toContain('[`schema/type`](https://github.com/exemple/registre/blob/main/docs/regles.md)')
    expect(out).not.toMatch(/\]\(docs\//)
    expect(out.indexOf('startups/a.md')).toBeLessThan(out.indexOf('startups/b.md'))
  })

  it('without a known repository, names the rule without a link (never a relative one)', () => {
    const plain = markdown([d({}), d({ ruleId: 'schema/type', severity: 'error' })], { ...ctx('fr'), repository: undefined })
    expect(plain).toContain('| `contact-missing` |')
    expect(plain).toContain('| `schema/type` |')
    expect(plain).not.toContain('](')
  })

  it('escapes table cells and HTML', () => {
    expect(out).toContain('a \\| b \\<script\\>')
    expect(out).not.toContain('<script>')
  })

  it('fiche-derived messages, hints and file names add no element and no GitHub reference', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileString, hostileString, hostileString), { minLength: 1, maxLength: 4 }), (values) => {
        const hostile = values.map(([file, message, hint], i) => d({ file: `startups/${i}${file}.md`, message, hint }))
        const benign = values.map((_, i) => d({ file: `startups/${i}.md`, message: 'x', hint: 'y' }))
        expect(sameElements(markdown(hostile, ctx('fr')), markdown(benign, ctx('fr')))).toEqual({ extra: [], references: [] })
      }),
      { numRuns: 150 },
    )
  })

  it('speaks English with --lang en', () => {
    expect(markdown([d({})], ctx('en'))).toContain('| Line | Severity | Message | Fix | Rule |')
    // Categories by their English label, never the catalogue's French slug.
    expect(markdown([d({}), d({ ruleId: 'repository-missing' })], ctx('en'))).toContain('| Software quality | 1 |\n| Transparency | 1 |')
  })
})
