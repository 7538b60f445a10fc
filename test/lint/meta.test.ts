/**
 * Every standards rule is registered, named after its file, tested, documented,
 * and gives evidence only for standards of the v2.0 catalogue.
 */
import { existsSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CATEGORIES, HYGIENE, STANDARDS, standardById } from '../../scripts/lint/catalogue.ts'
import { checkRuleOptions } from '../../scripts/lint/options.ts'
import { LINT_RULES } from '../../scripts/lint/rules/index.ts'

const here = (p: string) => new URL(p, import.meta.url)
const ruleFiles = readdirSync(here('../../scripts/lint/rules/')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''))

describe('the standards catalogue (v2.0)', () => {
  it('has 30 standards in 9 categories, with the README’s counts', () => {
    expect(STANDARDS).toHaveLength(30)
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, STANDARDS.filter((s) => s.category === c).length]))
    expect(counts).toEqual({ accessibilité: 3, design: 2, impact: 3, 'qualité-du-support': 2, 'qualité-logicielle': 8, sécurité: 3, transparence: 3, 'vie-privée': 3, équipe: 3 })
    expect(new Set(STANDARDS.map((s) => s.id)).size).toBe(30)
  })
})

describe('the standards rules', () => {
  it('registers every rule file, alphabetically, once', () => {
    expect(LINT_RULES.map((r) => r.id)).toEqual([...ruleFiles].sort())
  })

  it('fires at least 15 distinct rules', () => {
    expect(LINT_RULES.length).toBeGreaterThanOrEqual(15)
  })

  describe.each(LINT_RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    it('has a kebab-case id equal to its file name', () => {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(ruleFiles).toContain(id)
    })
    it('has a table test file', () => {
      expect(existsSync(here(`rules/${id}.test.ts`))).toBe(true)
    })
    it('has documentation: a description, a why/how-to-fix text and a generated page', () => {
      expect(rule.description.length).toBeGreaterThan(20)
      expect(rule.docs).toMatch(/\*\*Corriger\*\*/)
      expect(existsSync(here(`../../docs/rules/${id}.md`))).toBe(true)
    })
    it('names only standards of the catalogue, in its own category', () => {
      for (const s of rule.standards) expect(standardById(s), s).toBeDefined()
      if (rule.standards.length === 0) expect(rule.category).toBe(HYGIENE)
      else expect(rule.standards.map((s) => standardById(s)!.category)).toContain(rule.category)
    })
    it('defaults to a warning, with French and English words for every message', () => {
      expect(rule.severity).toBe('warning')
      expect(Object.keys(rule.messages).length).toBeGreaterThan(0)
      for (const m of Object.values(rule.messages)) for (const lang of ['fr', 'en'] as const) expect(typeof m[lang].message).toBe('function')
    })
    it('has options defaults that its options schema accepts', () => {
      if (rule.options) expect(checkRuleOptions(id, rule.options.defaults)).toBeUndefined()
    })
    it('says in words what it saw when it passes, if it gives evidence for a standard ([preuve-3])', () => {
      if (rule.category === HYGIENE) return
      expect(typeof rule.seen).toBe('function')
      expect(Object.keys(rule.seenWords ?? {}).length).toBeGreaterThan(0)
    })
    it('is value hygiene if it applies to every phase, ended products included ([termine-1])', () => {
      // phases-missing is the exception that cannot meet an ended product: a fiche without phases has no phase.
      if (rule.applies === 'always' && rule.id !== 'phases-missing') expect(rule.category).toBe(HYGIENE)
    })
    it('lists online targets exactly when its evidence is online', () => {
      expect(rule.evidence === 'online').toBe(typeof rule.targets === 'function')
    })
  })
})

describe('docs/standards.md', () => {
  it('lists and links every rule', async () => {
    const { readFileSync } = await import('node:fs')
    const doc = readFileSync(here('../../docs/standards.md'), 'utf8')
    for (const r of LINT_RULES) expect(doc).toContain(`[\`${r.id}\`](rules/${r.id}.md)`)
  })
})
