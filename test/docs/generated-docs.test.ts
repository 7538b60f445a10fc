import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fieldReference } from '../../scripts/docs/field-reference.ts'
import { rulesReference } from '../../scripts/docs/rules-reference.ts'
import { standardsRulePages } from '../../scripts/docs/standards-rules.ts'
import { FICHE_SCHEMAS } from '../../scripts/validate/ajv.ts'
import { RULES } from '../../scripts/lint/rule-catalogue.ts'

const read = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8')

describe('generated references', () => {
  it.each([...standardsRulePages()])('docs/%s is up to date with its rule (run `npm run docs`)', (name, text) => {
    expect(read(name)).toBe(text)
  })
  it('docs/champs.md is up to date with the schemas (run `npm run docs`)', () => {
    expect(read('champs.md')).toBe(fieldReference())
  })
  it('docs/regles.md is up to date with the rules (run `npm run docs`)', () => {
    expect(read('regles.md')).toBe(rulesReference())
  })
  it.each(Object.entries(FICHE_SCHEMAS))('lists every top-level field of %s', (_, schema) => {
    const doc = read('champs.md')
    for (const key of Object.keys(schema.properties)) expect(doc).toContain(`| \`${key}\` |`)
  })
  it('lists every rule', () => {
    const doc = read('regles.md')
    for (const id of Object.keys(RULES)) expect(doc).toMatch(new RegExp(`\\| (\\[)?\`${id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\`(\\]\\(rules/${id}\\.md\\))? \\|`))
  })
})
