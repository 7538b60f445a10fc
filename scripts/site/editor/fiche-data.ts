/**
 * Plain data for the editor's text model: values as YAML can hold them
 * (normalize), compared (deepEqual, canonical) and frozen; and the schemas'
 * key order, in which new keys and new objects are written. Pure, no `node:`
 * module.
 */
import { isPlainObject } from '../../load/config.ts'
import { COMMON_SCHEMA, FICHE_SCHEMAS, type JsonSchema } from '../../validate/schemas.ts'

/** Where `key` goes among `order` (keys in text order), by the schema's order `known`. */
export function insertionIndex(order: readonly string[], key: string, known: readonly string[]): number {
  const ranks = new Map(known.map((k, i) => [k, i]))
  const rank = ranks.get(key)
  if (rank === undefined) return order.length
  // After the closest predecessor in the schema's order, else before the closest successor.
  let best = -1
  let bestRank = -1
  let next = order.length
  let nextRank = Infinity
  for (let i = 0; i < order.length; i++) {
    const r = ranks.get(order[i]!)
    if (r === undefined) continue
    if (r < rank && r > bestRank) {
      best = i
      bestRank = r
    } else if (r > rank && r < nextRank) {
      next = i
      nextRank = r
    }
  }
  return best !== -1 ? best + 1 : next
}

/** `value` with the keys of each object in its schema's order: the keys the schema knows first, then the others as given. */
export function orderDeep(value: unknown, schema: JsonSchema | undefined): unknown {
  if (Array.isArray(value)) {
    const items = subSchema(schema, 'items')
    return value.map((v) => orderDeep(v, items))
  }
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(resolve(schema)?.properties ?? {})) if (Object.hasOwn(value, k)) defineKey(out, k, orderDeep(value[k], subSchema(schema, k)))
  for (const k of Object.keys(value)) if (!Object.hasOwn(out, k)) defineKey(out, k, orderDeep(value[k], subSchema(schema, k)))
  return out
}

export function rankOf(known: readonly string[], key: string): number {
  const r = known.indexOf(key)
  return r === -1 ? known.length : r
}

export function resolve(schema: JsonSchema | undefined, depth = 0): JsonSchema | undefined {
  if (!schema || typeof schema !== 'object' || depth > 10) return undefined
  const ref = schema.$ref
  if (typeof ref !== 'string') return schema
  const [file, pointer = ''] = ref.split('#')
  // A local reference: the fiche schemas keep their definitions apart, under names of their own.
  const roots = file === 'common.schema.json' ? [COMMON_SCHEMA] : file === '' ? Object.values(FICHE_SCHEMAS) : []
  for (const root of roots) {
    let target: unknown = root
    for (const part of pointer.split('/').filter(Boolean)) target = (target as JsonSchema | undefined)?.[part]
    if (target && typeof target === 'object') return resolve(target as JsonSchema, depth + 1)
  }
  return undefined
}

export function subSchema(schema: JsonSchema | undefined, key: string): JsonSchema | undefined {
  const s = resolve(schema)
  if (!s) return undefined
  if (key === 'items') return s.items
  return s.properties?.[key]
}

export function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/** A copy of `value` as plain JSON-like data (keys whose value is undefined dropped); a TypeError for what YAML cannot hold. */
export function normalize(value: unknown, path: string, depth: number): unknown {
  if (depth > 100) throw new TypeError(`value nested deeper than 100 levels at ${path || '/'}`)
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value
  if (Array.isArray(value)) {
    const out: unknown[] = []
    for (let i = 0; i < value.length; i++) {
      if (value[i] === undefined) throw new TypeError(`undefined list item at ${path}/${i}`)
      out.push(normalize(value[i], `${path}/${i}`, depth + 1))
    }
    return out
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) throw new TypeError(`not a plain object at ${path || '/'}`)
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key]
      if (v !== undefined) defineKey(out, key, normalize(v, `${path}/${key}`, depth + 1))
    }
    return out
  }
  throw new TypeError(`a ${typeof value} cannot be written in YAML (at ${path || '/'})`)
}

export function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const v of Object.values(value)) deepFreeze(v)
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b)
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false
    return true
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a)
    if (ka.length !== Object.keys(b).length) return false
    for (const k of ka) if (!Object.hasOwn(b, k) || !deepEqual(a[k], b[k])) return false
    return true
  }
  return false
}

/** A string equal for equal data (keys sorted), to match list items. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`
  }
  return typeof value === 'number' ? (Number.isNaN(value) ? 'NaN' : String(value)) : JSON.stringify(value) ?? 'undefined'
}
