import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { V2_7_SCHEMAS } from '../../scripts/compile/api-v2-7-schemas.ts'
import { closeVocabularies, openVocabularies, VOCABULARIES, vocabularyOf } from '../../scripts/compile/vocabularies.ts'
import { CURRENT_PHASES, RETIRED_PHASES } from '../../scripts/history/vocabulary.ts'
import { FICHE_SCHEMAS } from '../../scripts/validate/schemas.ts'

describe('the open vocabularies', () => {
  it('take their values from the fiche schemas and explain each of them', () => {
    expect(VOCABULARIES.phases.values).toEqual(FICHE_SCHEMAS.startups.$defs.phase.properties.name.enum)
    expect(VOCABULARIES.events.values).toEqual(FICHE_SCHEMAS.startups.$defs.event.properties.name.enum)
    for (const v of Object.values(VOCABULARIES)) expect(Object.keys(v.meanings).sort()).toEqual([...v.values].sort())
  })

  it('list the renamed phases, each to today’s names', () => {
    expect(VOCABULARIES.phases.renames.map((r) => r.from)).toEqual(RETIRED_PHASES.map((r) => r.name))
    for (const r of VOCABULARIES.phases.renames) for (const to of r.to) expect(CURRENT_PHASES).toContain(to)
    expect(VOCABULARIES.phases.renames.find((r) => r.from === 'alumni')!.to).toEqual(['abandon-investigation', 'abandon'])
  })

  it('open the published v2.7 schemas: an unknown phase name passes, a wrong type does not', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true })
    const open = ajv.compile(openVocabularies(V2_7_SCHEMAS['startups.csv']))
    const closed = ajv.compile(closeVocabularies(openVocabularies(V2_7_SCHEMAS['startups.csv'])))
    const row = { id: 'a', name: 'A', mission: 'M', start: '2024-01-01', status: 'construction', incubator: 'dinum', stats: 'null', link: 'null', repository: 'null', accessibility: '', contact: 'a@b.fr', incubators: 'dinum' }
    expect([open(row), closed(row)]).toEqual([true, true])
    expect([open({ ...row, status: 'hibernation' }), closed({ ...row, status: 'hibernation' })]).toEqual([true, false])
    // Other lists stay closed.
    expect(open({ ...row, accessibility: 'presque conforme' })).toBe(false)
  })

  it('are recognised back from the schema node, and only they', () => {
    const node = openVocabularies({ type: 'string', enum: [...VOCABULARIES.events.values], description: 'Le type.' })
    expect(vocabularyOf(node)).toBe(VOCABULARIES.events)
    expect(node.description).toMatch(/^Le type\. Vocabulaire ouvert/)
    expect(vocabularyOf(openVocabularies({ type: 'string', enum: ['a', 'b'] }))).toBeUndefined()
    expect(openVocabularies(node)).toEqual(node)
    expect(openVocabularies({ enum: ['non conforme', 'partiellement conforme', 'totalement conforme'] })).toEqual({ enum: ['non conforme', 'partiellement conforme', 'totalement conforme'] })
  })
})
