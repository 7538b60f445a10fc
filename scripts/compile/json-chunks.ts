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

/** Items serialised together by one JSON.stringify call when a list is streamed. */
export const BATCH_ITEMS = 64

/**
 * The text of `items` as they stand between the brackets of a list at
 * `indent` in JSON.stringify(…, null, 2): the items wrapped in as many arrays
 * as the list is deep, so that JSON.stringify itself indents them (no pass
 * over the text to re-indent it), then unwrapped.
 */
export function listItemsText(items: readonly Json[], indent: string): string {
  const depth = indent.length / 2
  let wrapped: Json = items.map((item) => (omitted(item) ? null : item))
  for (let d = 0; d < depth; d++) wrapped = [wrapped]
  let prefixLength = 0
  for (let d = 0; d <= depth; d++) prefixLength += 2 * d + 2 // `${'  '.repeat(d)}[\n`
  const text = JSON.stringify(wrapped, null, 2)
  return text.slice(prefixLength, text.length - prefixLength)
}

/** The items of a list whose items are leaves, between its brackets: one JSON.stringify call per batch of items. */
function* leafItems(length: number, at: (index: number) => Json, indent: string): Generator<string> {
  for (let start = 0; start < length; start += BATCH_ITEMS) {
    const batch: Json[] = []
    for (let i = start; i < Math.min(length, start + BATCH_ITEMS); i++) batch.push(at(i))
    if (start > 0) yield ',\n'
    yield listItemsText(batch, indent)
  }
}

function* chunks(value: Json, indent: string, levels: number): Generator<string> {
  if (value instanceof LazyList || (Array.isArray(value) && isStreamable(value))) {
    const list = value
    if (levels === 0) {
      yield leaf(value, indent)
      return
    }
    if (list.length === 0) {
      yield '[]'
      return
    }
    const at = list instanceof LazyList ? (i: number) => list.at(i) : (i: number) => list[i]
    yield '[\n'
    if (levels === 1) {
      yield* leafItems(list.length, at, indent)
    } else {
      const inner = `${indent}  `
      for (let i = 0; i < list.length; i++) {
        const item = at(i)
        yield inner
        yield* chunks(omitted(item) ? null : item, inner, levels - 1)
        yield i < list.length - 1 ? ',\n' : '\n'
      }
    }
    if (levels === 1) yield '\n'
    yield `${indent}]`
    return
  }
  if (levels === 0 || !isStreamable(value) || Array.isArray(value)) {
    yield leaf(value, indent)
    return
  }
  const inner = `${indent}  `
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
