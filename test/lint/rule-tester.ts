/**
 * Table tests for the standards rules: each case is a fiche (or a change to
 * a base fiche) and the expected [messageId, line, column] of the rule's
 * diagnostics, after the runner (phases as of a date, exemptions) and
 * finalize (positions, messages in both languages).
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG, type Collection, type RegistryConfig } from '../../scripts/load/config.ts'
import { parseRecord, type ParsedRecord } from '../../scripts/load/parse-record.ts'
import type { LintRule } from '../../scripts/lint/define-rule.ts'
import type { OnlineResults } from '../../scripts/lint/online/types.ts'
import { runRules } from '../../scripts/lint/run-rules.ts'
import { explanation } from '../../scripts/lint/standards-report.ts'
import { HYGIENE } from '../../scripts/lint/catalogue.ts'
import { finalize } from '../../scripts/report/finalize.ts'
import { RULE_CATALOGUE } from '../../scripts/lint/rule-catalogue.ts'

/** A startup fiche in construction with every standards field set: no rule fires on it (as of 2024-06-01). */
export const GOOD = `---
title: Exemple
mission: Simplifier une démarche pour les usagers
incubator: dinum
contact: contact@exemple.beta.gouv.fr
link: https://exemple.beta.gouv.fr
repository: https://github.com/betagouv/exemple
phases:
  - name: investigation
    start: 2023-01-02
    end: 2023-06-30
  - name: construction
    start: 2023-07-01
events:
  - name: committee
    date: 2024-03-15
stats_url: https://exemple.beta.gouv.fr/stats
budget_url: https://exemple.beta.gouv.fr/budget
impact_url: https://exemple.beta.gouv.fr/impact
dashlord_url: https://dashlord.incubateur.net/url/exemple/
accessibility_status: partiellement conforme
usertypes:
  - particulier
---
## Contexte

Un problème.

## Solution

Un service.

## Stratégie

Déployer.

## Objectifs

Mille usagers.
`
export const AS_OF = '2024-06-01'

export interface Case {
  name: string
  /** The fiche, or a [from, to] change to GOOD (from must occur once). */
  fiche: string | [string, string]
  file?: string
  asOf?: string | null
  online?: OnlineResults
  /** Other records of the registry (for registry-wide rules). */
  others?: Record<string, string>
  config?: Partial<RegistryConfig>
}
export interface InvalidCase extends Case {
  errors: [messageId: string, line: number, column: number][]
}

export function fiche(c: Case): string {
  if (typeof c.fiche === 'string') return c.fiche
  const [from, to] = c.fiche
  const i = GOOD.indexOf(from)
  if (i === -1 || GOOD.indexOf(from, i + 1) !== -1) throw new Error(`"${from}" must occur once in GOOD`)
  return GOOD.slice(0, i) + to + GOOD.slice(i + from.length)
}

export function record(file: string, text: string): ParsedRecord {
  const collection = file.split('/')[0] as Collection
  const { record, problems } = parseRecord({ file, collection, id: file.split('/')[1]!.replace(/\.md$/, ''), text }, DEFAULT_CONFIG.limits)
  if (!record) throw new Error(`unparsable fiche: ${JSON.stringify(problems)}`)
  return record
}

export function lintCase(rule: LintRule<any>, c: Case) {
  const file = c.file ?? 'startups/exemple.md'
  const main = record(file, fiche(c))
  const records = [main, ...Object.entries(c.others ?? {}).map(([f, t]) => record(f, t))]
  const config = { ...DEFAULT_CONFIG, ...c.config }
  const asOf = c.asOf === null ? undefined : (c.asOf ?? AS_OF)
  const result = runRules(records, { config, asOf, ...(c.online ? { online: c.online } : {}), rules: [rule], explain: true })
  const files = new Map(records.map((r) => [r.file, r]))
  const fr = finalize(result.problems, files, config, 'fr', RULE_CATALOGUE).filter((d) => d.file === file)
  const en = finalize(result.problems, files, config, 'en', RULE_CATALOGUE).filter((d) => d.file === file)
  const ids = result.problems.filter((p) => p.file === file).map((p) => String(p.data?.messageId))
  return { fr, en, ids, outcomes: result.records[0]!.outcomes }
}

export function testRule(rule: LintRule<any>, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    it('has valid and invalid cases', () => {
      expect(cases.valid.length).toBeGreaterThan(0)
      expect(cases.invalid.length).toBeGreaterThan(0)
    })
    it.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
      const { fr, outcomes } = lintCase(rule, c)
      expect(fr).toEqual([])
      // A passed standards check says, in both languages, what it saw ([preuve-3]).
      for (const o of outcomes) {
        if (o.rule.category === HYGIENE || o.result !== 'passed') continue
        expect(o.seen, 'rule.seen').toBeDefined()
        expect(o.rule.seenWords?.[o.seen!.messageId], `seenWords.${o.seen!.messageId}`).toBeDefined()
        for (const lang of ['fr', 'en'] as const) expect(explanation(o, lang)).toMatch(/^\S.{10,}[.»"]$/s)
        expect(explanation(o, 'fr')).not.toMatch(/undefined|\[object|NaN/)
        expect(explanation(o, 'en')).not.toMatch(/undefined|\[object|NaN/)
      }
    })
    it.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
      const { fr, en, ids } = lintCase(rule, c)
      // Problems come in rule order; diagnostics sorted by position: compare as sorted triples.
      const byPos = fr.map((d, i) => [d.line, d.column, i] as const)
      expect(fr.map((d) => [d.ruleId, d.line, d.column])).toEqual(c.errors.map(([, l, col]) => [rule.id, l, col]).sort((a, b) => (a[1] as number) - (b[1] as number) || (a[2] as number) - (b[2] as number)))
      expect([...ids].sort()).toEqual(c.errors.map((e) => e[0]).sort())
      expect(byPos.length).toBe(c.errors.length)
      for (const d of [...fr, ...en]) {
        expect(d.severity).toBe('warning')
        expect(d.message.length).toBeGreaterThan(10)
        expect(d.hint.length).toBeGreaterThan(10)
        expect(d.message).not.toMatch(/undefined|\[object/)
      }
      expect(fr.map((d) => d.message)).not.toEqual(en.map((d) => d.message))
      // A failing standards check is explained by its messages.
      for (const o of lintCase(rule, c).outcomes) if (o.rule.category !== HYGIENE && o.result === 'failing') expect(explanation(o, 'fr')).toBe(fr.map((d) => d.message).join(' '))
    })
  })
}
