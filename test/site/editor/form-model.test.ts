import { describe, expect, it } from 'vitest'
import { controlId, formFields, type Field } from '../../../scripts/site/editor/form-model.ts'
import { FICHE_SCHEMAS } from '../../../scripts/validate/schemas.ts'

const byKey = (fields: Field[]) => new Map(fields.map((f) => [f.key, f]))

describe('the editor form, read from the schema', () => {
  const fields = formFields('startups')
  const f = byKey(fields)

  it('has one control per field of the schema, in its order, with its French description', () => {
    expect(fields.map((x) => x.key)).toEqual(Object.keys(FICHE_SCHEMAS.startups.properties))
    expect(f.get('title')).toMatchObject({ kind: 'text', required: true, description: FICHE_SCHEMAS.startups.properties.title.description })
    expect(f.get('contact')).toMatchObject({ kind: 'text', format: 'email', example: 'contact@exemple.beta.gouv.fr' })
    expect(f.get('link')?.example).toBe('https://exemple.beta.gouv.fr')
  })

  it('names each field in French, then by its key in the file', () => {
    expect(f.get('title')?.label).toBe('Nom (title)')
    expect(f.get('sponsors')?.label).toBe('Administrations porteuses (sponsors)')
    const phases = f.get('phases') as Field & { kind: 'groups' }
    expect(byKey(phases.item.fields).get('start')?.label).toBe('Début (start)')
    const rgpd = f.get('rgpd') as Field & { kind: 'group' }
    expect(byKey(rgpd.fields).get('responsable')?.label).toBe('Responsable de traitement (responsable)')
    expect(byKey(formFields('incubators')).get('owner')?.label).toBe('Organisation porteuse (owner)')
    for (const collection of ['startups', 'organisations', 'incubators'] as const) {
      for (const field of formFields(collection)) expect(field.label, `${collection}: ${field.key}`).not.toBe(field.key)
    }
  })

  it('offers the closed vocabularies as choices', () => {
    expect(f.get('incubator')).toMatchObject({ kind: 'choice', choices: 'incubators', reference: 'id' })
    expect(f.get('incubators')).toMatchObject({ kind: 'list', item: { kind: 'choice', choices: 'incubators' } })
    expect(f.get('sponsors')).toMatchObject({ kind: 'list', item: { kind: 'choice', choices: 'organisations', reference: 'organisation-ref' } })
    expect(f.get('accessibility_status')).toMatchObject({ kind: 'enum', options: ['non conforme', 'partiellement conforme', 'totalement conforme'] })
    expect(f.get('stats')?.kind).toBe('boolean')
    expect(f.get('robots')).toMatchObject({ kind: 'enum', options: ['noindex'] })
  })

  it('draws phases, events and exemptions as repeatable groups, and nested objects as groups', () => {
    const phases = f.get('phases') as Field & { kind: 'groups' }
    expect(phases.kind).toBe('groups')
    expect(byKey(phases.item.fields).get('name')).toMatchObject({ kind: 'enum', required: true })
    expect(byKey(phases.item.fields).get('start')).toMatchObject({ kind: 'text', format: 'date', required: true })
    const events = f.get('events') as Field & { kind: 'groups' }
    expect(byKey(events.item.fields).get('name')?.kind).toBe('enum')
    const exemptions = f.get('standards_exemptions') as Field & { kind: 'groups' }
    expect(byKey(exemptions.item.fields).get('rule')).toMatchObject({ kind: 'choice', choices: 'rules' })
    const fast = f.get('fast') as Field & { kind: 'group' }
    expect(byKey(fast.fields).get('montant')).toMatchObject({ kind: 'integer', required: true })
    const rgpd = f.get('rgpd') as Field & { kind: 'group' }
    expect(byKey(rgpd.fields).get('controles')?.kind).toBe('groups')
  })

  it('names controls after the value’s pointer', () => {
    expect(controlId('/phases/0/start')).toBe('champ-phases-0-start')
    expect(controlId('/title')).toBe('champ-title')
    expect(controlId('/a b')).toBe('champ-a_b')
  })
})
