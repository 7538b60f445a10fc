/**
 * The pull-request report's header and body agree, for every combination of errors and
 * warnings in the changed fiches and elsewhere, and of new standards warnings: the header's
 * counts are those of the sections, « Aucun problème » only when nothing is listed, and the
 * words agree with the numbers (no « (s) », no « 1 erreurs », no « Sur les 1 fiche »).
 */
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../scripts/report/diagnostic.ts'
import { summarize } from '../../scripts/report/diagnostic.ts'
import { prReport } from '../../scripts/report/pr-report.ts'
import { reportGroup, type LintData } from '../../scripts/report/report-data.ts'
import { RULE_CATALOGUE } from '../../scripts/lint/rule-catalogue.ts'

const diag = (file: string, severity: 'error' | 'warning', i: number): Diagnostic => ({
  file,
  line: 3 + i,
  column: 1,
  endLine: 3 + i,
  endColumn: 5,
  ruleId: severity === 'error' ? 'schema/format' : 'value/untrimmed',
  severity,
  message: `Un problème n°${i} dans ${file}.`,
  hint: 'Corrigez-le.',
})
const lintWarning = (file: string, i: number): Diagnostic => ({ ...diag(file, 'warning', i), ruleId: 'contact-missing', message: `Pas de contact n°${i}.` })
const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i))

const N = [0, 1, 2]
const COMBINATIONS = N.flatMap((changedErrors) =>
  N.flatMap((changedWarnings) =>
    [0, 1].flatMap((otherErrors) =>
      [0, 1].flatMap((otherWarnings) =>
        [null, 0, 1, 2].flatMap((fresh) => [1, 2].map((fiches) => ({ changedErrors, changedWarnings, otherErrors, otherWarnings, fresh, fiches }))),
      ),
    ),
  ),
)

/** The number in « Titre (n) » of a section of the body, 0 when the section is absent. */
const sectionCount = (md: string, title: string): number => Number(new RegExp(`### ${title.replace(/[()]/g, '\\$&')} \\((\\d+)\\)`).exec(md)?.[1] ?? 0)

describe('the report header and body agree', () => {
  it.each(COMBINATIONS.map((c) => [JSON.stringify(c), c] as const))('%s', (_, c) => {
    const changed = many(c.fiches, (i) => `startups/modifiee-${i}.md`)
    const diagnostics = [
      ...many(c.changedErrors, (i) => diag(changed[0]!, 'error', i)),
      ...many(c.changedWarnings, (i) => diag(changed[c.fiches - 1]!, 'warning', i)),
      ...many(c.otherErrors, (i) => diag('startups/autre.md', 'error', i)),
      ...many(c.otherWarnings, (i) => diag('startups/autre.md', 'warning', 10 + i)),
    ]
    const lint: LintData | undefined = c.fresh === null ? undefined : { fiches: c.fiches, added: 0, introduced: reportGroup(many(c.fresh, (i) => lintWarning(changed[0]!, i))), fixed: reportGroup([]), categories: [] }
    for (const lang of ['fr', 'en'] as const) {
      const md = prReport({ rules: RULE_CATALOGUE, lang, base: 'origin/main', changed, diagnostics, summary: summarize(diagnostics, c.fiches + 1), ...(lint ? { lint } : {}) })
      const head = md.slice(0, md.indexOf('\n###') === -1 ? md.length : md.indexOf('\n###'))
      const errors = c.changedErrors + c.otherErrors
      const warnings = c.changedWarnings + c.otherWarnings
      const fresh = c.fresh ?? 0
      if (lang === 'fr') {
        const count = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`
        expect(head).toContain(`**${count(c.fiches, 'fiche modifiée', 'fiches modifiées')}** depuis \`origin/main\` · **${count(errors, 'erreur', 'erreurs')}** · **${count(warnings, 'avertissement', 'avertissements')}**`)
        expect(head).toContain(`(dont ${count(c.changedErrors, 'erreur', 'erreurs')} et ${count(c.changedWarnings, 'avertissement', 'avertissements')} dans les fiches modifiées)`)
        if (c.fresh !== null) expect(head).toContain(`**${count(fresh, 'avertissement de standards nouveau', 'avertissements de standards nouveaux')}**`)
        // The body lists what the header counts.
        expect(sectionCount(md, 'Erreurs dans les fiches modifiées')).toBe(c.changedErrors)
        expect(sectionCount(md, 'Avertissements dans les fiches modifiées')).toBe(c.changedWarnings)
        expect(sectionCount(md, "Erreurs dans d’autres fiches")).toBe(c.otherErrors)
        expect(sectionCount(md, "Avertissements déjà présents dans d’autres fiches")).toBe(c.otherWarnings)
        expect(sectionCount(md, 'Standards : avertissements nouveaux')).toBe(fresh)
        expect(head.includes('Aucun problème'), 'no « Aucun problème » with anything listed').toBe(errors + warnings + fresh === 0)
        expect(md.startsWith('<!-- registry-report -->\n## ✅')).toBe(errors === 0)
        // Words that agree with their numbers.
        expect(md).not.toMatch(/\(s\)|\(x\)|\b[01] (erreurs|avertissements|fiches|nouveaux|corrigés)\b|\b([2-9]|\d\d+) (erreur|avertissement|fiche|nouveau|corrigé)\b|Sur les 1 /)
      } else {
        expect(head.includes('No problem'), 'no « No problem » with anything listed').toBe(errors + warnings + fresh === 0)
        expect(md).not.toMatch(/\(s\)|\b1 (errors|warnings|fiches)\b|\b(0|[2-9]|\d\d+) (error|warning|fiche)\b(?!s)/)
      }
    }
  })
})
