/**
 * schemas/registry-config.schema.json describes registry.config.json for
 * editors: it accepts the configurations of the repository and its own
 * examples, knows the keys parseConfig knows, and refuses what parseConfig
 * refuses for the renamed values.
 */
import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../scripts/registry/config.ts'
import { ConfigError } from '../../scripts/load/config.ts'

const schema = JSON.parse(readFileSync(new URL('../../schemas/registry-config.schema.json', import.meta.url), 'utf8'))
const ajv = new Ajv2020({ allErrors: true, strict: true })
const validate = ajv.compile(schema)
const read = (rel: string) => JSON.parse(readFileSync(new URL(`../../${rel}`, import.meta.url), 'utf8'))

/** Every `examples` of the schema, with the subschema it illustrates. */
function examples(node: unknown, out: [string, object, unknown][] = [], at = '#'): [string, object, unknown][] {
  if (node === null || typeof node !== 'object') return out
  if (Array.isArray(node)) node.forEach((n, i) => examples(n, out, `${at}/${i}`))
  else {
    const n = node as Record<string, unknown>
    if (Array.isArray(n.examples) && at !== '#/examples') for (const e of n.examples) out.push([at, n, e])
    for (const [k, v] of Object.entries(n)) if (k !== 'examples') examples(v, out, `${at}/${k}`)
  }
  return out
}

describe('the configuration schema', () => {
  it.each(['config/beta.gouv.fr.config.json', 'test/fixtures/fixable/registry.config.json'])('accepts %s', (rel) => {
    expect(validate(read(rel)), JSON.stringify(validate.errors)).toBe(true)
  })

  it('accepts each of its examples', () => {
    const found = examples(schema)
    expect(found.length).toBeGreaterThan(20)
    for (const [at, sub, example] of found) {
      const check = ajv.compile({ ...sub, $defs: schema.$defs, $id: undefined, $schema: undefined })
      expect(check(example), `${at}: ${JSON.stringify(example)}`).toBe(true)
    }
  })

  it('knows the keys that parseConfig knows', () => {
    let message = ''
    try {
      parseConfig('{"nope": 1}', 'c.json')
    } catch (err) {
      message = (err as ConfigError).message
    }
    const keys = /clés permises : ([^)]*)\)/.exec(message)![1]!.split(', ')
    expect(Object.keys(schema.properties).sort()).toEqual(keys.sort())
  })

  const RENAME = { field: '/phases/*/name', from: 'perennisation', to: 'consolidation', date: '2026-05-28' }
  it.each([
    ['an unknown key', { site: 'x' }],
    ['a rename without a date', { renamedValues: [{ ...RENAME, date: undefined }] }],
    ['a rename on a day that does not exist', { renamedValues: [{ ...RENAME, date: '2026-02-32' }] }],
    ['a rename whose field is not a pointer', { renamedValues: [{ ...RENAME, field: 'phases.name' }] }],
    ['a rename with an unknown key', { renamedValues: [{ ...RENAME, when: 1 }] }],
    ['a rename to nothing', { renamedValues: [{ ...RENAME, to: [] }] }],
    ['a limit above its ceiling', { limits: { maxDepth: 101 } }],
  ])('refuses %s, as parseConfig does', (_, raw) => {
    const value = JSON.parse(JSON.stringify(raw))
    expect(validate(value)).toBe(false)
    expect(() => parseConfig(JSON.stringify(value), 'c.json')).toThrow(ConfigError)
  })
})
