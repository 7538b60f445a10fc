import { readFileSync } from 'node:fs'
import type { ValidateFunction } from 'ajv'
import fc from 'fast-check'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { chooseValidators, createAjv, FICHE_SCHEMAS, ficheValidators, schemasHash } from '../../scripts/validate/ajv.ts'
import * as generated from '../../scripts/validate/validators.generated.ts'
import { GENERATED_VALIDATORS, validatorsSource } from '../../scripts/validate/generate-validators.ts'

const fixture = (path: string) => load(readFileSync(new URL(`../fixtures/good/${path}`, import.meta.url), 'utf8').split(/^---$/m)[1]!) as Record<string, unknown>

describe('generated validators', () => {
  it('validators.generated.ts is up to date with the schemas (run `npm run generate`)', () => {
    expect(readFileSync(GENERATED_VALIDATORS, 'utf8')).toBe(validatorsSource())
    expect(generated.SCHEMAS_HASH).toBe(schemasHash())
  })

  it('are the ones in use when they match the schemas', () => {
    expect(ficheValidators().startups).toBe(generated.startups)
  })

  it.each([
    ['generated from other schemas', { ...generated, SCHEMAS_HASH: 'other' }],
    ['missing', undefined],
  ])('are replaced by the schemas compiled at run time when they are %s', (_, module) => {
    const chosen = chooseValidators(module)
    expect(chosen.startups).not.toBe(generated.startups)
    expect(chosen.startups(fixture('startups/exemple.md'))).toBe(true)
    expect(chosen.startups({ ...fixture('startups/exemple.md'), reposiroty: 'x' })).toBe(false)
  })

  // Every value a fiche's front matter can hold, mixed into a valid fiche: the generated and the
  // runtime-compiled validators must give the same verdict and the same errors.
  const runtime = (() => {
    const ajv = createAjv()
    return Object.fromEntries(Object.entries(FICHE_SCHEMAS).map(([c, s]) => [c, ajv.compile(s)]))
  })()
  const yamlValue = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.constantFrom('2024-02-30', '2024-02-29', '/organisations/dinum', 'a@b.fr', 'https://x.fr', '', ' '), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('name', 'start', 'end', 'comment', 'date', 'x'), tie('value'), { maxKeys: 3 })),
  })).value

  it.each([
    ['startups', 'startups/exemple.md'],
    ['organisations', 'organisations/dinum.md'],
    ['incubators', 'incubators/dinum.md'],
  ])('give the same errors as Ajv at run time for %s', (collection, file) => {
    const base = fixture(file)
    const keys = [...Object.keys(FICHE_SCHEMAS[collection as keyof typeof FICHE_SCHEMAS].properties), 'reposiroty']
    const standalone = generated[collection as 'startups'] as unknown as ValidateFunction
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), yamlValue, { maxKeys: 4 }), fc.subarray(Object.keys(base)), (changes, removed) => {
        const data: Record<string, unknown> = { ...base, ...changes }
        for (const key of removed) delete data[key]
        const expected = runtime[collection]!(data)
        expect(standalone(data)).toBe(expected)
        expect(JSON.stringify(standalone.errors ?? null)).toBe(JSON.stringify(runtime[collection]!.errors ?? null))
      }),
      { numRuns: 300, seed: 17 },
    )
  })
})
