/**
 * The example the schema gives for a value, written as the line a contributor
 * would type (`stats: true`, `- /organisations/dinum`): hints show it.
 */
import type { Collection } from '../load/config.ts'
import { COMMON_SCHEMA, FICHE_SCHEMAS, type JsonSchema } from './schemas.ts'

function resolve(node: JsonSchema | undefined, root: JsonSchema): JsonSchema | undefined {
  let n = node
  for (let i = 0; i < 5 && n && typeof n.$ref === 'string'; i++) {
    const [file, fragment = ''] = n.$ref.split('#')
    const doc = file === '' ? root : file === 'common.schema.json' ? COMMON_SCHEMA : undefined
    let target: JsonSchema | undefined = doc
    for (const part of fragment.split('/').filter(Boolean)) target = target?.[part]
    n = target ? { ...target, ...Object.fromEntries(Object.entries(n).filter(([k]) => k !== '$ref')) } : undefined
  }
  return n
}

/** The schema of the value at a JSON Pointer, or undefined. */
export function schemaAt(collection: Collection, pointer: string): JsonSchema | undefined {
  const root = FICHE_SCHEMAS[collection]
  let node: JsonSchema | undefined = root
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    node = resolve(node, root)
    if (!node) return undefined
    node = /^\d+$/.test(part) && node.items ? node.items : node.properties?.[part]
  }
  return resolve(node, root)
}

/** A scalar as typed in YAML: plain when it reads back as the same string, quoted otherwise. */
export function yamlScalar(v: unknown): string {
  if (typeof v !== 'string') return JSON.stringify(v)
  const plain = /^[\p{L}\p{N}_/][^:#'"[\]{},]*$/u.test(v) && !/\s$/.test(v) && !/^(true|false|null|~|[-+]?\d+(\.\d+)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/i.test(v)
  return plain ? v : `'${v.replace(/'/g, "''")}'`
}

/** `key: example` (or `- example` in a list), from the schema; undefined when the example is not a scalar. */
export function exampleLine(collection: Collection, pointer: string): string | undefined {
  const schema = schemaAt(collection, pointer)
  const example = Array.isArray(schema?.examples) ? schema.examples[0] : undefined
  if (example === undefined || (example !== null && typeof example === 'object')) return undefined
  const last = pointer.slice(pointer.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~')
  return /^\d+$/.test(last) ? `- ${yamlScalar(example)}` : `${last}: ${yamlScalar(example)}`
}
