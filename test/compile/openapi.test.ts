/**
 * api/openapi.json, the contract of every published file: the document is a
 * valid OpenAPI 3.1 document (a maintained validator says so), every file of
 * a build of the test corpus validates against the schema of the path that
 * serves it (serial and worker-thread builds), every path serves a file, and
 * a field the contract does not describe fails.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENDPOINTS, openApiComponents, openApiDocument } from '../../scripts/compile/openapi.ts'
import { closeVocabularies, VOCABULARIES, vocabularyOf } from '../../scripts/compile/vocabularies.ts'
import { cleanTemps } from '../cli/run.ts'
import { cleanRepos } from '../history/git-repo.ts'
import { Contract, documentErrors, endpointOf } from './contract.ts'
import { listFiles, sharedPublishedBuild, SITE, type PublishedBuild } from './published-build.ts'

let serial: PublishedBuild
let threaded: PublishedBuild
let doc: Record<string, any>

beforeAll(async () => {
  serial = await sharedPublishedBuild('0')
  threaded = await sharedPublishedBuild('1')
  doc = JSON.parse(fs.readFileSync(path.join(serial.out, 'api/openapi.json'), 'utf8'))
}, 120_000)

afterAll(() => {
  cleanTemps()
  cleanRepos()
})

const apiFiles = (out: string) => listFiles(out).filter((f) => f.startsWith('api/'))
const read = (out: string, file: string) => fs.readFileSync(path.join(out, file), 'utf8')

describe('the OpenAPI document', () => {
  it('is the document the build publishes, generated for the site URL', () => {
    expect(doc).toEqual(openApiDocument(SITE))
    expect(doc.servers).toEqual([{ url: SITE, description: 'Le site publié' }])
  })

  it('is a valid OpenAPI 3.1 document whose references all resolve', async () => {
    expect(await documentErrors(doc)).toEqual([])
    expect(await documentErrors(openApiDocument(''))).toEqual([])
  })

  it('is refused by the validator when it is broken (the check can fail)', async () => {
    expect((await documentErrors({ ...doc, info: { title: 'x' } })).length).toBeGreaterThan(0)
    const dangling = structuredClone(doc)
    dangling.paths['/api/v1/index.json'].get.responses['200'].content['application/json'].schema.$ref = '#/components/schemas/Nothing'
    expect((await documentErrors(dangling)).join()).toMatch(/Can't resolve #\/components\/schemas\/Nothing/)
  })

  it('lists the real vocabularies as open: known phase and event names, any other string accepted', () => {
    const phase = doc.components.schemas.V1_phase.properties.name
    expect(vocabularyOf(phase)).toBe(VOCABULARIES.phases)
    expect(phase.anyOf).toEqual([{ enum: [...VOCABULARIES.phases.values] }, { type: 'string' }])
    expect(phase.description).toMatch(/Vocabulaire ouvert/)
    expect(vocabularyOf(doc.components.schemas.V1_event.properties.name)).toBe(VOCABULARIES.events)
    expect(vocabularyOf(doc.components.schemas.V1_startupsRecord.properties.current_phase)).toBe(VOCABULARIES.phases)
    expect(vocabularyOf(doc.components.schemas.V27StartupsCsvRow.properties.status)).toBe(VOCABULARIES.phases)
    expect(vocabularyOf(doc.components.schemas.V3_phase.properties.name)).toBe(VOCABULARIES.phases)
    // Closed vocabularies stay closed.
    expect(doc.components.schemas.V3_v3Startup.properties.accessibility_status.enum).toEqual(['non conforme', 'partiellement conforme', 'totalement conforme'])
    // No closed list of phase or event names is left anywhere.
    const closed: string[] = []
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return
      const e = (node as { enum?: unknown[] }).enum
      if (Array.isArray(e) && e.includes('construction') && !at.endsWith('/anyOf/0')) closed.push(at)
      for (const [k, v] of Object.entries(node)) walk(v, `${at}/${k}`)
    }
    walk(doc, '')
    expect(closed).toEqual([])
  })

  it('closes every object the registry writes: a schema with properties has additionalProperties false', () => {
    const open: string[] = []
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return
      const n = node as Record<string, unknown>
      if (n.properties && n.additionalProperties !== false && n.unevaluatedProperties !== false) open.push(at)
      for (const [k, v] of Object.entries(n)) if (k !== 'enum' && k !== 'examples' && k !== 'const') walk(v, `${at}/${k}`)
    }
    walk(openApiComponents(SITE), '')
    // A JSON Schema and an OpenAPI document have keywords of their own: only their head is described.
    expect(open).toEqual(['/JsonSchemaDocument', '/OpenApiDocument'])
  })
})

describe('every published file of the test corpus', () => {
  it('is served by a path of the contract, and every path serves files', () => {
    const files = apiFiles(serial.out)
    expect(files.filter((f) => !endpointOf(f))).toEqual([])
    const served = new Set(files.map((f) => endpointOf(f)!.path))
    expect(ENDPOINTS.map((e) => e.path).filter((p) => !served.has(p))).toEqual([])
    // index.json lists every other file.
    expect(files.length).toBe(JSON.parse(read(serial.out, 'api/v1/index.json')).published.length + 1)
  })

  it.each([['serial', () => serial], ['worker thread', () => threaded]] as const)('validates against the contract (%s build)', (_, build) => {
    const contract = new Contract(doc)
    const errors = apiFiles(build().out).flatMap((f) => contract.check(f, read(build().out, f)))
    expect(errors).toEqual([])
  })

  it('uses only today’s phase and event names (the contract closed to them still holds)', () => {
    const contract = new Contract({ ...doc, components: { schemas: closeVocabularies(doc.components.schemas) } })
    expect(apiFiles(serial.out).flatMap((f) => contract.check(f, read(serial.out, f)))).toEqual([])
    // ...and the closed contract does refuse a new name, which the published one accepts.
    const v3 = JSON.parse(read(serial.out, 'api/v3/startups/biblio-partage.json'))
    v3.phases[0].name = 'hibernation'
    expect(contract.check('api/v3/startups/biblio-partage.json', JSON.stringify(v3)).join()).toMatch(/must be equal to one of the allowed values/)
    expect(new Contract(doc).check('api/v3/startups/biblio-partage.json', JSON.stringify(v3))).toEqual([])
  })

  it.each([
    ['api/v1/index.json', (v: any) => (v.published[0].etag = 'x')],
    ['api/v1/startups.json', (v: any) => (v.startups[0].members = [])],
    ['api/v1/startups/biblio-partage.json', (v: any) => (v.score = 3)],
    ['api/v1/standards.json', (v: any) => (v.score = 3)],
    ['api/v1/evaluations.json', (v: any) => (v.evaluations['biblio-partage'].completion.autre = 1)],
    ['api/v1/changes.json', (v: any) => (v.change_sets[0].changes[0].extra = true)],
    ['api/v1/trends.json', (v: any) => (v.snapshots[0].score = 1)],
    ['api/v1/trends.json', (v: any) => (v.evidence[0].categories.transparence.score = 1)],
    ['api/v1/evidence.json', (v: any) => (v.targets[0].score = 1)],
    ['api/v2.7/startups.json', (v: any) => (v.data[0].attributes.usertypes = [])],
    ['api/v2.7/sponsors.json', (v: any) => (Object.values(v)[0] as any).id = 'x'],
    ['api/v3/startups/biblio-partage.json', (v: any) => (v.active_members = [])],
    ['api/v3/startups.json', (v: any) => (v[0].thematiques = [])],
  ])('refuses a field the contract does not describe in %s', (file, edit) => {
    const contract = new Contract(doc)
    const value = JSON.parse(read(serial.out, file))
    edit(value)
    expect(contract.check(file, JSON.stringify(value)).join('\n')).toMatch(/must NOT have additional properties/)
  })

  it('refuses a CSV row with a column too many, and a broken Atom feed', () => {
    const contract = new Contract(doc)
    const csv = read(serial.out, 'api/v2.7/startups.csv').replace(/\n/, ';extra\n').replace(/\n([^\n]+)\n/, '\n$1;x\n')
    expect(contract.check('api/v2.7/startups.csv', csv).length).toBeGreaterThan(0)
    expect(contract.check('api/v1/changes.atom', read(serial.out, 'api/v1/changes.atom').replace('</feed>', '')).length).toBeGreaterThan(0)
  })
})
