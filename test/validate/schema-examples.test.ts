/**
 * The schemas document themselves: every property (at any depth), every
 * list item and every $defs entry has a French description and examples,
 * and every example is valid against its own subschema, checked by the same
 * Ajv (and formats) as the fiches.
 */
import { describe, expect, it } from 'vitest'
import common from '../../schemas/common.schema.json' with { type: 'json' }
import incubator from '../../schemas/incubator.schema.json' with { type: 'json' }
import organisation from '../../schemas/organisation.schema.json' with { type: 'json' }
import startup from '../../schemas/startup.schema.json' with { type: 'json' }
import evidence from '../../schemas/evidence.schema.json' with { type: 'json' }
import { createAjv } from '../../scripts/validate/ajv.ts'
import { escapePointer } from '../../scripts/report/locate.ts'
import { resolveRef } from '../helpers.ts'

type Node = Record<string, any>

/** [JSON Pointer, subschema] for every property, items and $defs entry, at any depth. */
function subschemas(node: Node, pointer = ''): [string, Node][] {
  const out: [string, Node][] = []
  for (const keyword of ['properties', '$defs']) {
    for (const [key, child] of Object.entries<Node>(node[keyword] ?? {})) {
      const p = `${pointer}/${keyword}/${escapePointer(key)}`
      out.push([p, child], ...subschemas(child, p))
    }
  }
  if (node.items && typeof node.items === 'object') out.push([`${pointer}/items`, node.items], ...subschemas(node.items, `${pointer}/items`))
  return out
}

const SCHEMAS: [string, Node, number][] = [
  // [file, schema, number of subschemas: a guard against a walk that finds nothing]
  ['startup.schema.json', startup, 69],
  ['organisation.schema.json', organisation, 6],
  ['incubator.schema.json', incubator, 12],
  ['common.schema.json', common, 10],
  ['evidence.schema.json', evidence, 58],
]

const ajv = createAjv()
for (const schema of [startup, organisation, incubator, evidence]) ajv.addSchema(schema)

const validatorFor = (schema: Node, pointer: string) => ajv.compile({ $ref: `${schema.$id}#${pointer}` })

/** Words that only a French sentence has (and no English one of these schemas). */
const FRENCH = /(^|[\s'’(])(le|la|les|l|un|une|des|du|de|d|et|ou|en|pour|si|qui|sur|sa|son|ses|au|aux)(?=[\s'’])|[éèêàçù]/i
const ENGLISH = /\b(the|of|and|must|with|which)\b/i

describe.each(SCHEMAS)('%s', (_file, schema, count) => {
  const nodes = subschemas(schema)

  it('has the expected number of subschemas', () => {
    expect(nodes).toHaveLength(count)
  })

  it('has a title and a French description', () => {
    expect(schema.title).toEqual(expect.any(String))
    expect(schema.description).toMatch(FRENCH)
  })

  it.each(nodes)('%s has a French description and examples', (_pointer, node) => {
    const resolved = resolveRef(node, schema, common)
    expect(typeof resolved.description).toBe('string')
    expect(resolved.description).toMatch(FRENCH)
    expect(resolved.description).not.toMatch(ENGLISH)
    expect(Array.isArray(resolved.examples) && resolved.examples.length > 0).toBe(true)
  })

  const examples = nodes.flatMap(([pointer, node]) => ((node.examples ?? []) as unknown[]).map((example, i): [string, number, unknown] => [pointer, i, example]))

  it.each(examples)('%s: example %i is valid', (pointer, _i, example) => {
    const validate = validatorFor(schema, pointer)
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true)
  })
})

describe('the example check', () => {
  it.each([
    ['common date', common, '/$defs/date', '2023-02-30'],
    ['startup phase name', startup, '/$defs/phase/properties/name', 'acceleraton'],
    ['startup fast', startup, '/properties/fast', { promotion: 0, montant: 1 }],
    ['incubator owner', incubator, '/properties/owner', 'organisations/dinum'],
  ])('can fail: a bad %s is rejected', (_case, schema, pointer, value) => {
    expect(validatorFor(schema, pointer)(value)).toBe(false)
  })
})
