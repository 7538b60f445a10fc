import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { buildFeed } from '../../scripts/compile/build-feed.ts'
import { runRules } from '../../scripts/lint/run-rules.ts'
import { feedStandards } from '../../scripts/compile/feed-standards.ts'
import { FEED_FILES, feedSchema } from '../../scripts/compile/feed-schema.ts'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { createAjv } from '../../scripts/validate/ajv.ts'
import { validateRegistry } from '../../scripts/validate/validate-registry.ts'
import { BASE, sources } from '../helpers.ts'

const CO_INCUBATED = `---
title: '  Espaces gardés  '
mission: Une mission avec des "guillemets", une \\ barre et un emoji 🚀
incubator: ademe
incubators:
  - ademe
  - dinum
sponsors:
  - /organisations/ademe
  - /organisations/dinum
contact: equipe@exemple.fr
phases:
  - name: investigation
    start: 2021-01-04
  - name: abandon
    start: 2021-09-01
    comment: Pas de problème utilisateur confirmé
events:
  - name: committee
    date: 2021-08-30
---
Corps
sur deux lignes.`

function build(files: Record<string, string>, siteUrl = '') {
  const srcs = sources(files)
  const { records, problems } = validateRegistry(srcs, srcs, DEFAULT_CONFIG)
  expect(problems.filter((p) => p.ruleId !== 'value/untrimmed')).toEqual([])
  const standards = feedStandards(runRules(records, { config: DEFAULT_CONFIG, asOf: '2024-06-01' }).records, '2024-06-01', DEFAULT_CONFIG)
  return buildFeed(records, { ...DEFAULT_CONFIG, siteUrl }, { commit: 'a'.repeat(40), standards })
}

const json = (files: Map<string, string>, path: string) => JSON.parse(files.get(path)!)

describe('buildFeed', () => {
  const files = build({ ...BASE, 'startups/co.md': CO_INCUBATED })

  it('writes the v1 files, one per startup, and a schema per file (next to the v2.7 files)', () => {
    expect([...files.keys()].filter((f) => f.startsWith('api/v1/')).sort()).toEqual([
      'api/v1/evaluations.json',
      'api/v1/incubators.json',
      'api/v1/index.json',
      'api/v1/organisations.json',
      'api/v1/schemas/changes.schema.json',
      'api/v1/schemas/evaluations.schema.json',
      'api/v1/schemas/evidence.schema.json',
      'api/v1/schemas/incubators.schema.json',
      'api/v1/schemas/index.schema.json',
      'api/v1/schemas/organisations.schema.json',
      'api/v1/schemas/standards.schema.json',
      'api/v1/schemas/startup.schema.json',
      'api/v1/schemas/startups.schema.json',
      'api/v1/schemas/trends.schema.json',
      'api/v1/standards.json',
      'api/v1/startups.json',
      'api/v1/startups/co.json',
      'api/v1/startups/exemple.json',
      'api/v1/types.d.ts',
    ])
  })

  it.each(FEED_FILES)('validates %s against its published schema, with the registry Ajv and a plain one', (name) => {
    const validators = [createAjv().compile(feedSchema(name, '')), new Ajv2020({ strict: true, validateFormats: false }).compile(feedSchema(name, ''))]
    const targets = name === 'startup' ? ['api/v1/startups/co.json', 'api/v1/startups/exemple.json'] : [`api/v1/${name}.json`]
    for (const target of targets) {
      for (const validator of validators) {
        expect(validator(json(files, target)), JSON.stringify(validator.errors)).toBe(true)
      }
    }
  })

  it('derives the current phase, the status, incubator and sponsor ids', () => {
    const co = json(files, 'api/v1/startups/co.json')
    expect(co).toMatchObject({ id: 'co', file: 'startups/co.md', current_phase: 'abandon', status: 'ended', incubator_ids: ['ademe', 'dinum'], sponsor_ids: ['ademe', 'dinum'] })
    const exemple = json(files, 'api/v1/startups/exemple.json')
    expect(exemple).toMatchObject({ current_phase: 'construction', status: 'active', incubator_ids: ['dinum'], sponsor_ids: ['dinum'] })
  })

  it('keeps every value exactly as written, including spaces, quotes, emoji and the raw body', () => {
    const co = json(files, 'api/v1/startups/co.json')
    expect(co.title).toBe('  Espaces gardés  ')
    expect(co.mission).toBe('Une mission avec des "guillemets", une \\ barre et un emoji 🚀')
    expect(co.body).toBe('Corps\nsur deux lignes.')
    expect(co.phases[1]).toEqual({ name: 'abandon', start: '2021-09-01', comment: 'Pas de problème utilisateur confirmé' })
  })

  it('orders keys by the schema, not by the file', () => {
    expect(Object.keys(json(files, 'api/v1/startups/co.json'))).toEqual([
      'id', 'file', 'title', 'mission', 'incubator', 'incubators', 'sponsors', 'contact', 'phases', 'events',
      'incubator_ids', 'sponsor_ids', 'current_phase', 'status', 'body',
    ])
  })

  it('links organisations and incubators back to their startups', () => {
    const orgs = json(files, 'api/v1/organisations.json').organisations
    expect(orgs.map((o: any) => [o.id, o.startup_ids])).toEqual([['ademe', ['co']], ['dinum', ['co', 'exemple']]])
    const incs = json(files, 'api/v1/incubators.json').incubators
    expect(incs.map((i: any) => [i.id, i.owner_id, i.startup_ids])).toEqual([['ademe', 'ademe', ['co']], ['dinum', 'dinum', ['co', 'exemple']]])
  })

  it('summarises the registry in index.json, with the source commit and URLs from siteUrl', () => {
    const index = json(build(BASE, 'https://registre.example.fr'), 'api/v1/index.json')
    expect(index.source).toEqual({ commit: 'a'.repeat(40) })
    expect(index.counts).toEqual({ startups: 1, startups_active: 1, startups_ended: 0, organisations: 2, incubators: 2 })
    expect(index.files.startups).toBe('https://registre.example.fr/api/v1/startups.json')
    expect(index.schemas.startup).toBe('https://registre.example.fr/api/v1/schemas/startup.schema.json')
  })

  it('is deterministic: same input in another order gives the same bytes', () => {
    const reversed = Object.fromEntries(Object.entries({ ...BASE, 'startups/co.md': CO_INCUBATED }).reverse())
    expect([...build(reversed)]).toEqual([...files])
  })

  it('ends every file with a newline', () => {
    for (const [file, content] of files) expect(content, file).toMatch(file.endsWith('.json') ? /[}\]]\n$/ : /[^\n]\n$/)
  })
})

describe('the current phase as of the build date', () => {
  const FUTURE = BASE['startups/exemple.md']!.replace('  - name: construction\n    start: 2023-07-01\n', '  - name: construction\n    start: 2023-07-01\n  - name: acceleration\n    start: 2030-01-01\n')
  const item = (asOf: string | undefined) => {
    const all = sources({ ...BASE, 'startups/exemple.md': FUTURE })
    const { records } = validateRegistry(all, all, DEFAULT_CONFIG)
    const feed = JSON.parse(buildFeed(records, DEFAULT_CONFIG, { commit: null, asOf }).get('api/v1/startups.json')!)
    return feed.startups.find((s: { id: string }) => s.id === 'exemple')
  }
  it.each([
    ['2024-06-01', 'construction'],
    ['2030-01-01', 'acceleration'],
    ['2023-03-01', 'investigation'],
    ['2022-12-31', undefined],
    [undefined, 'acceleration'],
  ])('as of %s, a phase announced for later does not count yet: %s', (asOf, phase) => {
    expect(item(asOf).current_phase).toBe(phase)
  })
})
