/**
 * API v3: beta.gouv.fr's per-startup files. Upstream's generator
 * (betagouv/beta.gouv.fr, _plugins/startup_json_generator.rb, writing
 * `Beta::Startup#to_api_hash.to_json` for every startup into api/v3/startups/)
 * is transcribed below as a table: its keys in the order Ruby's merge and
 * slice give them, and the JSON type of each (a YAML date is a Ruby Date,
 * which to_json writes as a "YYYY-MM-DD" string).
 */
import { describe, expect, it } from 'vitest'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { buildFeed } from '../../scripts/compile/build-feed.ts'
import { V3_FIELDS, V3_MEMBER_FIELDS, V3_SLICED_FIELDS, v3Schema, v3Startup } from '../../scripts/compile/build-api-v3.ts'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { validateRegistry } from '../../scripts/validate/validate-registry.ts'
import { BASE, sources } from '../helpers.ts'
import { UPSTREAM_V3 } from './upstream-v3.ts'

const CO_INCUBATED = `---
title: Co
mission: Une mission
incubator: ademe
incubators:
  - dinum
  - ademe
contact: equipe@co.fr
phases:
  - name: investigation
    start: 2024-01-02
    comment: Un début
link: ''
mon_service_securise: false
usertypes:
  - particulier
redirect_from:
  - /startups/ancien.html
sponsors:
  - /organisations/dinum
thematiques:
  - Santé
---


## Contexte

Texte.`

function records(files: Record<string, string>) {
  const srcs = sources(files)
  return validateRegistry(srcs, srcs, DEFAULT_CONFIG).records
}

/** The JSON type of a value, as a table says it. */
const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v)

/** The type a schema node gives, its $ref followed. */
function schemaType(schema: Record<string, any>, node: Record<string, any>): string {
  if (node.$ref) return schemaType(schema, schema.$defs[node.$ref.replace('#/$defs/', '')])
  return node.type
}

describe('API v3', () => {
  const all = records({ ...BASE, 'startups/co.md': CO_INCUBATED })
  const co = v3Startup(all.find((r) => r.id === 'co')!)
  const exemple = v3Startup(all.find((r) => r.id === 'exemple')!)

  it('has upstream’s fields in upstream’s order, the members aside', () => {
    expect(V3_FIELDS).toEqual(UPSTREAM_V3.map(([k]) => k).filter((k) => !(V3_MEMBER_FIELDS as readonly string[]).includes(k)))
    expect(V3_MEMBER_FIELDS).toEqual(['active_members', 'previous_members'])
    expect(Object.keys(co)).toEqual(['name', 'id', 'contact', 'phases', 'mission', 'link', 'incubator', 'redirect_from', 'usertypes', 'mon_service_securise', 'incubators', 'content'])
  })

  it('gives each field upstream’s JSON type, in the data and in the schema', () => {
    const schema = v3Schema('startup', '')
    const props = schema.$defs.v3Startup.properties
    for (const [key, type] of UPSTREAM_V3) {
      if ((V3_MEMBER_FIELDS as readonly string[]).includes(key)) {
        expect(props[key], key).toBeUndefined()
        continue
      }
      expect(schemaType(schema, props[key]), key).toBe(type)
      for (const startup of [co, exemple]) if (key in startup) expect(typeOf(startup[key]), key).toBe(type)
    }
    expect(schema.$defs.v3Startup.additionalProperties).toBe(false)
    expect(schema.$defs.v3Startup.description).toMatch(/active_members et previous_members .* ne sont pas publiés/)
  })

  it('copies the sliced fields as written, only when the fiche has them', () => {
    expect(co).toMatchObject({ name: 'Co', id: 'co', link: '', mon_service_securise: false, phases: [{ name: 'investigation', start: '2024-01-02', comment: 'Un début' }] })
    expect(co).not.toHaveProperty('repository')
    expect(co).not.toHaveProperty('thematiques')
    expect(co).not.toHaveProperty('sponsors')
    for (const key of V3_SLICED_FIELDS) expect(key in exemple).toBe(key in all.find((r) => r.id === 'exemple')!.data)
  })

  it('always gives incubators as a list: the fiche’s list as written, else the single incubator', () => {
    expect(co.incubators).toEqual(['dinum', 'ademe'])
    expect(exemple.incubators).toEqual(['dinum'])
  })

  it('gives the body as Jekyll reads it: the blank lines after the front matter dropped', () => {
    expect(co.content).toBe('## Contexte\n\nTexte.')
    const v27 = JSON.parse(buildFeed(all, DEFAULT_CONFIG, { commit: null }).get('api/v2.7/startups.json')!)
    for (const item of v27.data) expect(v3Startup(all.find((r) => r.id === item.id)!).content).toBe(decodeURIComponent(item.attributes.content_url_encoded_markdown))
  })

  it('writes one file per startup and the list, each valid against its published schema', () => {
    const files = buildFeed(all, DEFAULT_CONFIG, { commit: null })
    expect([...files.keys()].filter((f) => f.startsWith('api/v3/')).sort()).toEqual([
      'api/v3/schemas/startup.schema.json',
      'api/v3/schemas/startups.schema.json',
      'api/v3/startups.json',
      'api/v3/startups/co.json',
      'api/v3/startups/exemple.json',
      'api/v3/types.d.ts',
    ])
    const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false })
    const one = ajv.compile(JSON.parse(files.get('api/v3/schemas/startup.schema.json')!))
    expect(one(JSON.parse(files.get('api/v3/startups/co.json')!)), JSON.stringify(one.errors)).toBe(true)
    const list = JSON.parse(files.get('api/v3/startups.json')!)
    expect(list.map((s: { id: string }) => s.id)).toEqual(['co', 'exemple'])
    expect(list[0]).toEqual(co)
    expect(ajv.compile(JSON.parse(files.get('api/v3/schemas/startups.schema.json')!))(list)).toBe(true)
  })

  it('never throws on a record that failed validation', () => {
    const broken = { ...all[0]!, collection: 'startups' as const, data: { title: 3, incubators: 'solo', phases: 'x' } }
    expect(v3Startup(broken)).toMatchObject({ name: 3, incubators: ['solo'], phases: 'x' })
  })
})
