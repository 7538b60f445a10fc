/** Every lint rule's check has a label in French and English, and every category a label (never a slug). */
import { describe, expect, it } from 'vitest'
import { CATEGORIES, CATEGORY_LABELS, HYGIENE } from '../../scripts/lint/catalogue.ts'
import { categoryLabel } from '../../scripts/lint/category-summary.ts'
import { CHECK_LABELS_EN, CHECK_LABELS_FR, checkLabel } from '../../scripts/lint/check-labels.ts'
import { LINT_RULES } from '../../scripts/lint/rules/index.ts'

describe('check labels', () => {
  it('names every rule’s check, in French and English, and nothing else', () => {
    expect(Object.keys(CHECK_LABELS_FR).sort()).toEqual(LINT_RULES.map((r) => r.id).sort())
    expect(Object.keys(CHECK_LABELS_EN).sort()).toEqual(LINT_RULES.map((r) => r.id).sort())
    for (const rule of LINT_RULES) {
      const fr = checkLabel(rule.id, 'fr')
      const en = checkLabel(rule.id, 'en')
      expect(fr, rule.id).not.toBe(rule.id)
      expect(en, rule.id).not.toBe(rule.id)
      expect(en, rule.id).not.toBe(fr)
      expect(fr.length, rule.id).toBeLessThan(100)
    }
  })
})

describe('category labels', () => {
  it.each([...CATEGORIES, HYGIENE])('%s has a French and an English label, neither a slug', (c) => {
    expect(Object.hasOwn(CATEGORY_LABELS, c)).toBe(true)
    for (const lang of ['fr', 'en'] as const) {
      const label = categoryLabel(c, lang)
      expect(label).toMatch(/^\p{Lu}/u)
      expect(label).not.toMatch(/-/)
    }
  })
  it('keeps an unknown category as written', () => {
    expect(categoryLabel('autre-chose', 'fr')).toBe('autre-chose')
  })
})
