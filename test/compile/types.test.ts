/**
 * The TypeScript declarations published with the data (api/v1/types.d.ts,
 * api/v3/types.d.ts): generated from the published schemas and committed
 * (scripts/compile/types.generated.ts); fresh, and true to the data that a
 * build publishes (tsc, strict). On the real corpus: published.real-corpus.test.ts.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateTypes } from '../../scripts/compile/generate-types.ts'
import { V1_TYPES, V3_TYPES } from '../../scripts/compile/types.generated.ts'
import { cleanTemps, tempDir } from '../cli/run.ts'
import { cleanRepos } from '../history/git-repo.ts'
import { listFiles, sharedPublishedBuild, type PublishedBuild } from './published-build.ts'
import { declaredType, typeErrors } from './typescript-check.ts'

afterAll(() => {
  cleanTemps()
  cleanRepos()
})

describe('the published TypeScript declarations', () => {
  let build: PublishedBuild
  let files: Map<string, string>
  beforeAll(async () => {
    build = await sharedPublishedBuild()
    files = new Map(listFiles(build.out).filter((f) => declaredType(f)).map((f) => [f, fs.readFileSync(path.join(build.out, f), 'utf8')]))
  }, 120_000)

  it('are the ones generated from today’s schemas (run `npm run generate` when this fails)', async () => {
    expect(await generateTypes()).toEqual({ v1: V1_TYPES, v3: V3_TYPES })
  }, 60_000)

  it('are published as api/v1/types.d.ts and api/v3/types.d.ts', () => {
    expect(fs.readFileSync(path.join(build.out, 'api/v1/types.d.ts'), 'utf8')).toBe(V1_TYPES)
    expect(fs.readFileSync(path.join(build.out, 'api/v3/types.d.ts'), 'utf8')).toBe(V3_TYPES)
  })

  it('type every JSON file of v1 and v3 of a build, strictly', () => {
    expect([...files.keys()].filter((f) => /^api\/v1\/(changes|trends|evaluations|index)\.json$/.test(f))).toHaveLength(4)
    expect(typeErrors(tempDir(), { v1: V1_TYPES, v3: V3_TYPES }, files)).toEqual([])
  }, 60_000)

  it('refuse a field the data does not have, a missing field and a wrong type', () => {
    const startup = JSON.parse(files.get('api/v3/startups/biblio-partage.json')!)
    const index = JSON.parse(files.get('api/v1/index.json')!)
    const { name: _, ...nameless } = startup
    const errors = typeErrors(tempDir(), { v1: V1_TYPES, v3: V3_TYPES }, new Map([
      ['api/v3/startups/a.json', JSON.stringify({ ...startup, active_members: [] })],
      ['api/v3/startups/b.json', JSON.stringify(nameless)],
      ['api/v1/index.json', JSON.stringify({ ...index, counts: { ...index.counts, startups: '10' } })],
    ]))
    expect(errors.join('\n')).toMatch(/active_members\W* does not exist in type 'V3Startup'/)
    expect(errors.join('\n')).toMatch(/Property 'name' is missing/)
    expect(errors.join('\n')).toMatch(/Type 'string' is not assignable to type 'number'/)
  }, 60_000)
})
