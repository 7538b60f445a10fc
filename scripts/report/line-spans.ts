/**
 * Where a JSON Pointer of a fiche's front matter is, read from its lines
 * instead of re-parsing the YAML (which costs as much as the parse itself):
 * the shapes fiches are written in — a top-level field whose value is a
 * one-line scalar, an item of a top-level list (a block list of one-line items
 * or a one-line flow list), a field of an item of a top-level block list of
 * mappings (`phases:` then `  - name: x` / `    start: 2024-01-01`). The
 * answer is exactly the span finalize's pointer map gives; anything else
 * (multi-line or block values, comments between items, nesting, CRLF, a root
 * that is not a block mapping at column 0) gives undefined, and finalize
 * re-parses. Pure: strings in, offsets out.
 */

/** What the locator reads of a record: its text, where its YAML sits, its data. */
export interface LineRecord {
  text: string
  yamlStart: number
  yamlEnd: number
  data: Record<string, unknown>
}

type Span = [number, number]

/** A field of a list item: its key, and its value when a one-line scalar that ends on its line. */
interface FieldSpan {
  key: Span
  value?: Span
}

interface Lines {
  /** Offsets (in the file) where each top-level `key:` line starts; undefined when the layout is not one the locator reads. */
  keys?: Map<string, number>
  /**
   * What was found of each top-level key, once (a fiche may have a problem on each of
   * hundreds of items: each lookup must not read the list again): its value's span,
   * its items' spans, or its items' fields; null when the lines cannot tell.
   */
  values: Map<string, Span | null>
  items: Map<string, (Span | undefined)[] | null>
  fields: Map<string, Map<string, FieldSpan>[]>
}

/** The result of `compute` for `key`, computed once per record. */
function once<T>(map: Map<string, T>, key: string, compute: () => T): T {
  let v = map.get(key)
  if (v === undefined && !map.has(key)) map.set(key, (v = compute()))
  return v as T
}

const cache = new WeakMap<LineRecord, Lines>()
const KEY_LINE = /^([A-Za-z_][\w-]*):(?=[ \t]|$)/gm

/** The top-level `key:` lines of a record whose root is a block mapping at column 0, without CR; found once per record. */
function keyLines(record: LineRecord): Map<string, number> | undefined {
  return linesOf(record).keys
}

function linesOf(record: LineRecord): Lines {
  let lines = cache.get(record)
  if (!lines) {
    lines = { values: new Map(), items: new Map(), fields: new Map() }
    const yaml = record.text.slice(record.yamlStart, record.yamlEnd)
    const first = /^(?:[ \t]*(?:#.*)?\n)*/.exec(yaml)![0].length
    KEY_LINE.lastIndex = first
    const m = KEY_LINE.exec(yaml)
    if (!yaml.includes('\r') && m?.index === first) {
      const keys = new Map<string, number>()
      const twice = new Set<string>()
      for (let k: RegExpExecArray | null = m; k; k = KEY_LINE.exec(yaml)) {
        if (keys.has(k[1]!)) twice.add(k[1]!)
        keys.set(k[1]!, record.yamlStart + k.index)
      }
      // A key on two lines (one of them inside something else): which is which is the parser's to say.
      for (const key of twice) keys.delete(key)
      lines.keys = keys
    }
    cache.set(record, lines)
  }
  return lines
}

/** The end of the line that holds `offset` (its `\n`, or the end of the YAML). */
function lineEnd(record: LineRecord, offset: number): number {
  const eol = record.text.indexOf('\n', offset)
  return eol === -1 || eol > record.yamlEnd ? record.yamlEnd : eol
}

const PLAIN_FIRST = /[^ \t\n'"[\]{}#&*!|>%@`,?:-]/y
const SINGLE = /'(?:[^']|'')*'/y
const DOUBLE = /"(?:[^"\\]|\\.)*"/y

/**
 * The span of a one-line block scalar starting at `from` and ending its line
 * (a comment may follow), or undefined: plain, single- or double-quoted.
 */
function scalarOnLine(text: string, from: number, end: number): [number, number] | undefined {
  const c = text[from]
  let to: number
  if (c === "'" || c === '"') {
    const re = c === "'" ? SINGLE : DOUBLE
    re.lastIndex = from
    if (!re.exec(text) || re.lastIndex > end) return undefined
    to = re.lastIndex
    if (!/^(?:[ \t]+(?:#.*)?)?$/.test(text.slice(to, end))) return undefined
    return [from, to]
  }
  PLAIN_FIRST.lastIndex = from
  if (from >= end || !PLAIN_FIRST.test(text)) return undefined
  const line = text.slice(from, end)
  const comment = /[ \t]#/.exec(line)
  const value = (comment ? line.slice(0, comment.index) : line).replace(/[ \t]+$/, '')
  // `a: b` on the same line is a mapping (or an error), never this scalar.
  if (/:(?:[ \t]|$)/.test(value)) return undefined
  return [from, from + value.length]
}

/** True when the lines after `end` up to the next top-level line are blank or top-level comments: a one-line value ends there. */
function endsOnItsLine(record: LineRecord, end: number): boolean {
  let at = end + 1
  while (at < record.yamlEnd) {
    const next = lineEnd(record, at)
    const c = record.text.charCodeAt(at)
    if (c !== 0x20 && c !== 0x09 && at !== next) return true // a line at column 0: blank-free, it ends the value (a comment or a key)
    if (!/^[ \t]*$/.test(record.text.slice(at, next))) return false
    at = next + 1
  }
  return true
}

const unescape = (token: string): string => (token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token)

/** A pointer the locator reads: a top-level key, an item of it, or a field of that item. */
interface ParsedPointer {
  key: string
  index?: number
  field?: string
}

/**
 * Pointers parsed so far (null: not a shape the locator reads). The same few hundred recur
 * across a registry's hundreds of thousands of problems; the cache stops growing at
 * POINTER_CACHE entries, so that strange fiches cannot make it grow without bound.
 */
const parsedPointers = new Map<string, ParsedPointer | null>()
const POINTER_CACHE = 4096

function parsePointer(pointer: string): ParsedPointer | null {
  let parsed = parsedPointers.get(pointer)
  if (parsed !== undefined) return parsed
  const m = /^\/([^/]+)(?:\/(0|[1-9]\d*)(?:\/([^/]+))?)?$/.exec(pointer)
  parsed = !m ? null : m[2] === undefined ? { key: unescape(m[1]!) } : { key: unescape(m[1]!), index: Number(m[2]), ...(m[3] === undefined ? {} : { field: unescape(m[3]) }) }
  if (parsedPointers.size < POINTER_CACHE) parsedPointers.set(pointer, parsed)
  return parsed
}

/**
 * The span (offsets in the file) finalize gives `pointer` with this target,
 * or undefined when only the pointer map can tell.
 */
export function lineSpan(record: LineRecord, pointer: string, target?: 'key' | 'value'): [number, number] | undefined {
  const parsed = parsePointer(pointer)
  if (!parsed) return undefined
  if (parsed.index === undefined) return topLevelSpan(record, parsed.key, target)
  return itemSpan(record, parsed.key, parsed.index, parsed.field, target)
}

/**
 * A top-level field: missing, at the opening --- (as finalize places it); present,
 * its key, or its value when a one-line scalar on the key's line.
 */
export function topLevelSpan(record: LineRecord, key: string, target?: 'key' | 'value'): Span | undefined {
  if (!Object.hasOwn(record.data, key)) {
    const bom = record.text.charCodeAt(0) === 0xfeff ? 1 : 0
    return [bom, bom + 3]
  }
  const start = keyLines(record)?.get(key)
  if (start === undefined) return undefined
  if (target === 'key') return [start, start + key.length]
  return once(linesOf(record).values, key, () => {
    const end = lineEnd(record, start)
    const span = scalarOnLine(record.text, skipBlanks(record.text, start + key.length + 1, end), end)
    return span && endsOnItsLine(record, end) ? span : null
  }) ?? undefined
}

function skipBlanks(text: string, from: number, end: number): number {
  let at = from
  while (at < end && (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0x09)) at++
  return at
}

/**
 * Item `index` of a top-level list (a block list of one-line scalars, or a
 * one-line flow list of plain items), or `field` of that item in a block list
 * of mappings laid out one field per line. A list item has no key: its key
 * target is its value, as in the pointer map.
 */
export function itemSpan(record: LineRecord, key: string, index: number, field?: string, target?: 'key' | 'value'): Span | undefined {
  const list = record.data[key]
  if (!Array.isArray(list) || index >= list.length) return undefined
  if (field !== undefined) {
    const entry = list[index]
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry) || !Object.hasOwn(entry, field)) return undefined
    const found = once(linesOf(record).fields, key, () => itemFields(record, key))[index]?.get(field)
    return target === 'key' ? found?.key : found?.value
  }
  if (typeof list[index] !== 'string') return undefined
  return once(linesOf(record).items, key, () => listItems(record, key, list.length))?.[index]
}

/** The spans of a top-level list's items, when every item is a one-line scalar on its own line or in a one-line flow list. */
function listItems(record: LineRecord, key: string, count: number): (Span | undefined)[] | null {
  const keyStart = keyLines(record)?.get(key)
  if (keyStart === undefined) return null
  const text = record.text
  const end = lineEnd(record, keyStart)
  const valueStart = skipBlanks(text, keyStart + key.length + 1, end)
  if (text[valueStart] === '[') return flowItems(record, count, valueStart, end)
  if (valueStart !== end) return null
  // A block list: every line up to the next top-level key is `<indent>- <one-line scalar>`.
  let lineStart = end + 1
  let indent: number | undefined
  const spans: Span[] = []
  while (lineStart < record.yamlEnd) {
    const next = lineEnd(record, lineStart)
    const dash = skipSpaces(text, lineStart, next)
    if (text[dash] !== '-' || text[dash + 1] !== ' ') {
      if (dash === next || dash !== lineStart || text[dash] === '#' || text[dash] === '\t') return null
      break // the next top-level key
    }
    if (indent === undefined) indent = dash - lineStart
    if (dash - lineStart !== indent) return null
    const span = scalarOnLine(text, dash + 2, next)
    if (!span) return null
    spans.push(span)
    lineStart = next + 1
  }
  return spans.length === count ? spans : null
}

function skipSpaces(text: string, from: number, end: number): number {
  let at = from
  while (at < end && text.charCodeAt(at) === 0x20) at++
  return at
}

/** The items of a one-line flow list of plain items (`key: [a, b]`, nothing after the bracket). */
function flowItems(record: LineRecord, count: number, open: number, end: number): Span[] | null {
  const inner = record.text.slice(open, end).replace(/[ \t]+$/, '')
  if (!/^\[[^[\]{}'"#]*\]$/.test(inner)) return null
  const items = inner.slice(1, -1).split(',')
  if (items.length !== count || items.some((i) => !/^[ \t]*[^\s?:-]/.test(i) || /:(?:\s|$)/.test(i))) return null
  if (!endsOnItsLine(record, end)) return null
  const spans: Span[] = []
  let at = open + 1
  for (const raw of items) {
    const from = at + (raw.length - raw.replace(/^[ \t]+/, '').length)
    spans.push([from, from + raw.replace(/^[ \t]+|[ \t]+$/g, '').length])
    at += raw.length + 1
  }
  return spans
}

const FIELD_LINE = /^( *)(- )?([A-Za-z_][\w-]*):(?=[ \t]|$)/

/**
 * The fields of the items of a top-level block list of mappings, each field on
 * its own line (`  - name: x`, `    start: 2024-01-01`), as far as the lines
 * keep to that layout: an item's field has its key, and its value when a
 * one-line scalar followed by another field, item or top-level key.
 */
function itemFields(record: LineRecord, key: string): Map<string, FieldSpan>[] {
  const items: Map<string, FieldSpan>[] = []
  const keyStart = keyLines(record)?.get(key)
  if (keyStart === undefined) return items
  const text = record.text
  const first = lineEnd(record, keyStart)
  if (skipBlanks(text, keyStart + key.length + 1, first) !== first) return items
  let lineStart = first + 1
  let dash: number | undefined
  // The last field seen: its value stands only if the next line is another field, item or top-level key.
  let pending: { field: FieldSpan; value: Span | undefined } | undefined
  const settle = () => {
    if (pending?.value) pending.field.value = pending.value
    pending = undefined
  }
  while (lineStart < record.yamlEnd) {
    const end = lineEnd(record, lineStart)
    const line = text.slice(lineStart, end)
    if (line !== '' && !/^[ \t#-]/.test(line)) break // the next top-level key
    const m = FIELD_LINE.exec(line)
    if (!m) return items
    const indent = m[1]!.length
    if (m[2]) {
      if (dash === undefined) dash = indent
      if (indent !== dash) return items
      items.push(new Map())
    } else if (dash === undefined || indent !== dash + 2) return items
    settle()
    const fields = items[items.length - 1]!
    const keyAt = lineStart + m[0].length - m[3]!.length - 1
    if (!fields.has(m[3]!)) {
      const field: FieldSpan = { key: [keyAt, keyAt + m[3]!.length] }
      fields.set(m[3]!, field)
      pending = { field, value: scalarOnLine(text, skipBlanks(text, lineStart + m[0].length, end), end) }
    }
    lineStart = end + 1
  }
  settle()
  return items
}
