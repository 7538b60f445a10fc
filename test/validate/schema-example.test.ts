// Hints say what to write, with the schema's example as a line to type.
import { describe, expect, it } from 'vitest'
import { RULES } from '../../scripts/lint/rule-catalogue.ts'
import { exampleLine, yamlScalar } from '../../scripts/validate/schema-example.ts'
import { check, editStartup } from '../helpers.ts'

describe('exampleLine', () => {
  it.each([
    ['startups', '/stats', 'stats: true'],
    ['startups', '/contact', 'contact: contact@exemple.beta.gouv.fr'],
    ['startups', '/sponsors/0', '- /organisations/dinum'],
    ['startups', '/phases/0/start', 'start: 2024-03-18'],
    ['startups', '/fast/montant', 'montant: 120000'],
    ['incubators', '/hidden', 'hidden: false'],
    ['startups', '/phases', undefined],
    ['startups', '/nope', undefined],
  ] as const)('%s %s → %s', (collection, pointer, expected) => {
    const line = exampleLine(collection, pointer)
    if (expected === '- /organisations/dinum' || expected === 'start: 2024-03-18') expect(line).toMatch(/^(- \/organisations\/|start: \d{4}-\d{2}-\d{2})/)
    else expect(line).toBe(expected)
  })

  it('quotes what YAML would not read back as the same text', () => {
    expect(yamlScalar('oui')).toBe('oui')
    expect(yamlScalar('true')).toBe("'true'")
    expect(yamlScalar('12')).toBe("'12'")
    expect(yamlScalar("L'exemple : bis")).toBe("'L''exemple : bis'")
    expect(yamlScalar(true)).toBe('true')
  })
})

describe('hints say what to write', () => {
  it('stats: oui → write true or false, for example stats: true', () => {
    const [d] = check(editStartup('link:', 'stats: oui\nlink:'))
    expect(d!.hint).toBe('Écrivez true ou false. Par exemple : « stats: true ».')
  })

  it('a negative amount → the limit and an example', () => {
    const files = editStartup('link:', 'fast:\n  promotion: 3\n  montant: -1\nlink:')
    const [d] = check(files)
    expect(d!.ruleId).toBe('schema/minimum')
    expect(d!.hint).toBe('Écrivez un nombre supérieur ou égal à 0. Par exemple : « montant: 120000 ».')
  })

  it('no rule ends with a bare "correct it"', () => {
    for (const [id, entry] of Object.entries(RULES)) {
      for (const data of [{ expected: 'boolean', actual: 'string', limit: 0, id: 'x', format: 'unknown-format', allowed: [] }, { expected: 'integer', actual: 'null', allowed: [] }]) {
        expect(entry.fr.hint(data), id).not.toMatch(/^Corrigez (la valeur|le nombre)\.$/)
        expect(entry.en.hint(data), id).not.toMatch(/^Correct (the value|the number)\.$/)
      }
    }
  })

  it('file/extension: mon-produit.txt is renamed mon-produit.md', () => {
    expect(RULES['file/extension']!.fr.hint({ id: 'mon-produit.txt' })).toBe('Renommez-le en mon-produit.md.')
    expect(RULES['file/extension']!.fr.hint({ id: 'idfm' })).toBe('Renommez-le en idfm.md.')
  })
})
