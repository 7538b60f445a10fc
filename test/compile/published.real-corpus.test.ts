/**
 * Opt-in (skipped without ../shared): every file published for the real
 * corpus (662 startups, its real history) against the contract and against
 * the published TypeScript declarations, and the v3 files against what
 * beta.gouv.fr's own generator writes for the same fiches.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeVocabularies } from '../../scripts/compile/vocabularies.ts'
import { cleanTemps, tempDir } from '../cli/run.ts'
import { Contract, documentErrors } from './contract.ts'
import { CORPUS, hasRealCorpus, realBuild, type RealBuild } from './real-build.ts'
import { declaredType, typeErrors } from './typescript-check.ts'
import { UPSTREAM_V3, upstreamV3 } from './upstream-v3.ts'

let build: RealBuild

describe.skipIf(!hasRealCorpus)('the published files of the real corpus', () => {
  beforeAll(async () => {
    build = await realBuild()
  }, 180_000)
  afterAll(cleanTemps)

  const json = (file: string) => JSON.parse(build.files.get(file)!)

  it('all validate against api/openapi.json, itself a valid OpenAPI 3.1 document', async () => {
    const doc = json('api/openapi.json')
    expect(await documentErrors(doc)).toEqual([])
    const contract = new Contract(doc)
    const published = [...build.files.keys()].filter((f) => f.startsWith('api/'))
    expect(published.length).toBeGreaterThan(2 * 662)
    expect(published.flatMap((f) => contract.check(f, build.files.get(f)!))).toEqual([])
    // Every phase and event name of the real corpus is a known one.
    const closed = new Contract({ ...doc, components: { schemas: closeVocabularies(doc.components.schemas) } })
    expect(published.flatMap((f) => closed.check(f, build.files.get(f)!))).toEqual([])
    // The history files are there: the check covered them.
    expect(published).toEqual(expect.arrayContaining(['api/v1/changes.json', 'api/v1/changes.atom', 'api/v1/trends.json', 'api/v1/index.json']))
  }, 120_000)

  it('type-check, every JSON file of v1 and v3, against the published TypeScript declarations (tsc, strict)', () => {
    const files = new Map([...build.files].filter(([f]) => declaredType(f)))
    expect(files.size).toBeGreaterThan(2 * 662)
    expect(typeErrors(tempDir(), { v1: build.files.get('api/v1/types.d.ts')!, v3: build.files.get('api/v3/types.d.ts')! }, files)).toEqual([])
  }, 300_000)

  it('writes, for every startup, the v3 file upstream’s generator writes: same keys, same JSON types, same values (members aside)', () => {
    const startups = build.records.filter((r) => r.collection === 'startups')
    expect(startups).toHaveLength(662)
    const types = Object.fromEntries(UPSTREAM_V3)
    const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v)
    const differences: string[] = []
    for (const r of startups) {
      const ours = json(`api/v3/startups/${r.id}.json`)
      const theirs = upstreamV3(r.id, r.text)
      if (JSON.stringify(Object.keys(ours)) !== JSON.stringify(Object.keys(theirs))) differences.push(`${r.id}: keys ${Object.keys(ours)} / ${Object.keys(theirs)}`)
      for (const [key, value] of Object.entries(ours)) if (typeOf(value) !== types[key]) differences.push(`${r.id}.${key}: ${typeOf(value)}, upstream ${types[key]}`)
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) differences.push(`${r.id}: values differ`)
    }
    expect(differences).toEqual([])
  })

  it('gives each v3 content the body that beta.gouv.fr publishes (its v2.7 content_url_encoded_markdown, decoded)', () => {
    const reference = JSON.parse(readFileSync(path.join(CORPUS, 'api-v2.7/startups.json'), 'utf8'))
    expect(reference.data).toHaveLength(662)
    for (const item of reference.data) expect(json(`api/v3/startups/${item.id}.json`).content, item.id).toBe(decodeURIComponent(item.attributes.content_url_encoded_markdown))
  })

  it('dates every published file from the history, and lists them all in index.json', () => {
    const index = json('api/v1/index.json')
    const listed = index.published.map((p: { path: string }) => p.path)
    expect(listed).toEqual([...build.files.keys()].filter((f) => f.startsWith('api/') && f !== 'api/v1/index.json').sort())
    const updated = Object.fromEntries(index.published.map((p: { path: string; updated: string }) => [p.path, p.updated]))
    // The last commit of the bundle is of 2026-08-18: no fiche's file is later.
    expect(Object.entries(updated).filter(([p, d]) => /startups\//.test(p) && (d === null || (d as string) > '2026-08-18'))).toEqual([])
    expect(updated['api/v2.7/startups.csv']).toBe('2026-08-18')
    expect(updated['api/openapi.json']).toBe(index.contract.released)
  })
})
