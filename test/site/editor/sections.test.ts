/** The editor's sections hold every field of the schema once; each standards check leads to a field that exists. */
import { describe, expect, it } from 'vitest'
import { LINT_RULES } from '../../../scripts/lint/rules/index.ts'
import { formFields, type Field } from '../../../scripts/site/editor/form-model.ts'
import { otherKeys, RULE_FIELDS, SECTIONS, sectionOf } from '../../../scripts/site/editor/sections.ts'
import { FICHE_SCHEMAS } from '../../../scripts/validate/schemas.ts'

const keys = Object.keys(FICHE_SCHEMAS.startups.properties)

describe('the editor’s sections', () => {
  it('hold every field of the schema exactly once, in the order a team thinks of its fiche', () => {
    const drawn = SECTIONS.flatMap((s) => (s.id === 'autres' ? otherKeys() : [...s.keys]))
    expect([...drawn].sort()).toEqual([...keys].sort())
    expect(new Set(drawn).size).toBe(drawn.length)
    expect(SECTIONS.map((s) => s.title)).toEqual(['Le produit', 'Portage', 'Parcours', 'Preuves et liens', 'Autres champs'])
    expect(sectionOf('contact')).toBe('portage')
    expect(sectionOf('une-cle-inconnue')).toBe('autres')
  })

  it('lead each standards check to a field of the schema (or the presentation text)', () => {
    const ids = new Set(LINT_RULES.map((r) => r.id))
    for (const [rule, field] of Object.entries(RULE_FIELDS)) {
      expect(ids.has(rule), rule).toBe(true)
      expect(field === '#body' || keys.includes(field), `${rule} → ${field}`).toBe(true)
    }
    // Every rule that checks a standard and asks for a field is there.
    for (const rule of LINT_RULES.filter((r) => r.standards.length > 0 && r.id !== 'page-unreachable')) expect(Object.keys(RULE_FIELDS), rule.id).toContain(rule.id)
  })

  it('name every field in French, nested ones included', () => {
    const walk = (fields: Field[], at: string): string[] => fields.flatMap((f) => {
      const here = [`${at}/${f.key}: ${f.name}`]
      if (f.name === f.key) return [`${at}/${f.key} has no French name`]
      if (f.kind === 'group') return [...here, ...walk(f.fields, `${at}/${f.key}`)]
      if (f.kind === 'groups') return [...here, ...walk(f.item.fields, `${at}/${f.key}/*`)]
      return here
    })
    for (const collection of ['startups', 'organisations', 'incubators'] as const) {
      expect(walk(formFields(collection), collection).filter((line) => line.endsWith('has no French name'))).toEqual([])
    }
  })
})
