/**
 * JSON.stringify(value, null, 2) + "\n", produced in chunks: the top levels of
 * a large document (a list of 50,000 startups) are written item by item, each
 * item serialised by JSON.stringify. The bytes are exactly those of
 * JSON.stringify (a test checks it on random values), without ever holding
 * the whole document as one string: V8 refuses strings over ~512 M characters
 * and building them dominated the memory of large builds.
 */
type Json = unknown

/**
 * A list whose items are made when they are serialised: with jsonChunks, each
 * item exists only while it is written (the v2.7 startups carry their
 * percent-encoded bodies, 500 MB for 50k startups). JSON.stringify sees it as
 * the array it stands for.
 */
export class LazyList<T> {
  constructor(
    readonly length: number,
    private readonly make: (index: number) => T,
  ) {}
  at(index: number): T {
    return this.make(index)
  }
  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, i) => this.make(i))
  }
}

const isStreamable = (v: Json): v is Json[] | Record<string, Json> => v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function'
/** Values that JSON.stringify leaves out of objects (and writes as null in arrays). */
const omitted = (v: Json): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol'

/** JSON.stringify of one value at an indentation (JSON.stringify escapes newlines in strings, so a raw one is structure). */
function leaf(value: Json, indent: string): string {
  const s = JSON.stringify(value, null, 2) ?? 'null'
  return indent === '' ? s : s.replace(/\n/g, `\n${indent}`)
}

function* chunks(value: Json, indent: string, levels: number): Generator<string> {
  if (value instanceof LazyList) {
    if (levels === 0) {
      yield leaf(value, indent)
      return
    }
    const inner = `${indent}  `
    if (value.length === 0) {
      yield '[]'
      return
    }
    yield '[\n'
    for (let i = 0; i < value.length; i++) {
      const item = value.at(i)
      yield inner
      yield* chunks(omitted(item) ? null : item, inner, levels - 1)
      yield i < value.length - 1 ? ',\n' : '\n'
    }
    yield `${indent}]`
    return
  }
  if (levels === 0 || !isStreamable(value)) {
    yield leaf(value, indent)
    return
  }
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]'
      return
    }
    yield '[\n'
    for (let i = 0; i < value.length; i++) {
      yield inner
      yield* chunks(omitted(value[i]) ? null : value[i], inner, levels - 1)
      yield i < value.length - 1 ? ',\n' : '\n'
    }
    yield `${indent}]`
    return
  }
  const entries = Object.keys(value).filter((k) => !omitted(value[k]))
  if (entries.length === 0) {
    yield '{}'
    return
  }
  yield '{\n'
  for (let i = 0; i < entries.length; i++) {
    const key = entries[i]!
    yield `${inner}${JSON.stringify(key)}: `
    yield* chunks(value[key], inner, levels - 1)
    yield i < entries.length - 1 ? ',\n' : '\n'
  }
  yield `${indent}}`
}

/** The chunks of `JSON.stringify(value, null, 2) + "\n"`, streaming the first `levels` levels. */
export function* jsonChunks(value: Json, levels = 2): Generator<string> {
  yield* chunks(value, '', levels)
  yield '\n'
}
