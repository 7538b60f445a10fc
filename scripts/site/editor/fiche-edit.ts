/**
 * How a front matter's text changes from one data to another: the smallest
 * edits (byte ranges and their new text) found from the tree of spans
 * (yaml-tree.ts), or undefined where no such edit is safe and the caller
 * should rewrite more. The caller checks every result by parsing it again.
 * Pure, no `node:` module.
 */
import { SCALAR_STYLE } from 'js-yaml'
import { OPTIONAL_FIELDS_HEADER } from '../../scaffold/fiche-template.ts'
import type { JsonSchema } from '../../validate/schemas.ts'
import { isPlainObject } from '../../load/config.ts'
import { canonical, deepEqual, insertionIndex, orderDeep, rankOf, resolve, subSchema } from './fiche-data.ts'
import type { MapEntry, MapNode, SeqNode, YamlNode } from './yaml-tree.ts'
import { renderAfterKey, renderEntry, renderInlineScalar, renderItem } from './yaml-write.ts'

export interface Edit {
  start: number
  end: number
  text: string
}

export function applyEdits(text: string, edits: Edit[]): string {
  // From the end of the text; edits at the same place come out in the order they were made.
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i)
  const parts: string[] = []
  let cursor = text.length
  for (const e of sorted) {
    parts.push(text.slice(e.end, cursor), e.text)
    cursor = e.start
  }
  parts.push(text.slice(0, cursor))
  return parts.reverse().join('')
}

export interface Ctx {
  text: string
  eol: string
  /** Finer edits inside values (false: each changed field's value is rewritten whole). */
  fine: boolean
}

/**
 * Edits turning block mapping `node` (holding `old`) into `wanted`. `top` is
 * given for the front matter's own mapping: its bounds, where new keys go when
 * it has none, and where the commented-out fields of `registry new` are.
 */
export function editMap(ctx: Ctx, node: MapNode, old: Record<string, unknown>, wanted: Record<string, unknown>, schema: JsonSchema | undefined, top?: { yamlStart: number; yamlEnd: number }): Edit[] | undefined {
  const endOfParent = top?.yamlEnd
  if (node.flow || node.inFlow) return undefined
  const { text } = ctx
  const edits: Edit[] = []
  const kept: MapEntry[] = []
  for (const entry of node.entries) {
    const key = entry.key
    if (!Object.hasOwn(wanted, key)) {
      const removal = removeEntry(ctx, entry)
      if (!removal) return undefined
      edits.push(removal)
      continue
    }
    kept.push(entry)
    if (deepEqual(old[key], wanted[key])) continue
    const fine = ctx.fine ? editValue(ctx, entry.value, old[key], wanted[key], subSchema(schema, key), key) : undefined
    if (fine) edits.push(...fine)
    else {
      const whole = replaceValue(ctx, entry, orderDeep(wanted[key], subSchema(schema, key)))
      if (!whole) return undefined
      edits.push(whole)
    }
  }
  if (kept.length === 0 && endOfParent === undefined) return undefined
  const known = Object.keys(resolve(schema)?.properties ?? {})
  const added = Object.keys(wanted).filter((k) => !Object.hasOwn(old, k))
  if (added.length === 0) return edits
  // Each new key goes after its closest predecessor in the schema's order, else
  // before its closest successor, else after the last key.
  const indentColumn = kept.length > 0 ? column(text, kept[0]!.keyStart) : node.entries.length > 0 ? column(text, node.entries[0]!.keyStart) : 0
  const indent = ' '.repeat(indentColumn)
  const sortedAdded = [...added].sort((a, b) => rankOf(known, a) - rankOf(known, b))
  const groups = new Map<number, string[]>()
  for (const key of sortedAdded) {
    const slot = top && templateSlot(ctx, node, key, top.yamlStart, top.yamlEnd)
    if (slot) {
      edits.push({ ...slot, text: renderEntry(key, orderDeep(wanted[key], subSchema(schema, key)), '', ctx.eol) })
      continue
    }
    const at = insertionOffset(ctx, kept, key, known, endOfParent)
    if (at === undefined) return undefined
    const list = groups.get(at) ?? []
    list.push(key)
    groups.set(at, list)
  }
  for (const [at, keys] of groups) edits.push({ start: at, end: at, text: keys.map((k) => renderEntry(k, orderDeep(wanted[k], subSchema(schema, k)), indent, ctx.eol)).join('') })
  return edits
}

/**
 * In a fiche written by `registry new`, the commented-out example of an
 * optional field (`# link: https://…`, with its `#   - item` lines), below the
 * template's header comment: where the template tells the person to write the
 * field, by removing the `#`.
 */
function templateSlot(ctx: Ctx, root: MapNode, key: string, yamlStart: number, yamlEnd: number): { start: number; end: number } | undefined {
  const { text } = ctx
  const header = text.indexOf(OPTIONAL_FIELDS_HEADER, yamlStart)
  if (header === -1 || header >= yamlEnd || (header > 0 && text[header - 1] !== '\n')) return undefined
  const marker = `\n# ${key}:`
  for (let i = text.indexOf(marker, header); i !== -1 && i < yamlEnd; i = text.indexOf(marker, i + 1)) {
    const start = i + 1
    const next = text[start + marker.length - 1]
    if (next !== ' ' && next !== '\r' && next !== '\n') continue
    // Not a line of some value (a multi-line quoted scalar): between the fields.
    if (insideEntry(text, root.entries, start)) continue
    let end = nextLine(text, start)
    while (end < yamlEnd && text.startsWith('#   ', end)) end = nextLine(text, end)
    return { start, end: Math.min(end, yamlEnd) }
  }
  return undefined
}

/** Whether `offset` is on one of the lines of an entry (entries in text order: a binary search). */
function insideEntry(text: string, entries: readonly MapEntry[], offset: number): boolean {
  let lo = 0
  let hi = entries.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (lineStart(text, entries[mid]!.keyStart) <= offset) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found !== -1 && offset < nextLine(text, entryEnd(entries[found]!))
}

/** Where new key `key` goes among the entries that stay: after its closest predecessor in the schema's order, else before its closest successor, else after the last. */
function insertionOffset(ctx: Ctx, kept: readonly MapEntry[], key: string, known: readonly string[], endOfParent: number | undefined): number | undefined {
  if (kept.length === 0) return endOfParent
  const index = insertionIndex(kept.map((e) => e.key), key, known)
  if (index > 0) return nextLine(ctx.text, entryEnd(kept[index - 1]!))
  // Before the first kept key: above the comment lines that sit right on top of it.
  const first = kept[0]!
  let start = lineStart(ctx.text, first.keyStart)
  if (!/^[ \t]*$/.test(ctx.text.slice(start, first.keyStart))) return undefined
  while (start > 0) {
    const prev = lineStart(ctx.text, start - 1)
    if (!/^[ \t]*#/.test(ctx.text.slice(prev, start))) break
    if (endOfParent === undefined) break // nested: a comment line may belong to the parent
    start = prev
  }
  return start
}

/** Where an entry's content ends: its value's end, or its key's for an empty value. */
export function entryEnd(entry: MapEntry): number {
  return entry.value.start < 0 ? entry.keyEnd : Math.max(entry.value.end, entry.keyEnd)
}

function removeEntry(ctx: Ctx, entry: MapEntry): Edit | undefined {
  const start = lineStart(ctx.text, entry.keyStart)
  if (!/^[ \t]*$/.test(ctx.text.slice(start, entry.keyStart))) return undefined
  return { start, end: nextLine(ctx.text, entryEnd(entry)), text: '' }
}

/** The value of `entry` written anew after its colon, keeping a comment on its first or last line. */
function replaceValue(ctx: Ctx, entry: MapEntry, value: unknown): Edit | undefined {
  const { text, eol } = ctx
  let colon = entry.keyEnd
  while (text[colon] === ' ' || text[colon] === '\t') colon++
  if (text[colon] !== ':') return undefined
  const colonEnd = colon + 1
  const node = entry.value
  const contentEnd = node.start < 0 ? colonEnd : node.end
  const end = lineEnd(text, contentEnd)
  const tail = text.slice(contentEnd, end)
  if (tail.trim() !== '' && !/^[ \t]+#/.test(tail)) return undefined
  const comments: string[] = []
  if (/^[ \t]+#/.test(tail)) comments.push(tail)
  const keyLineEnd = lineEnd(text, colonEnd)
  if (node.start > keyLineEnd) {
    const head = /(?:^|[ \t])(#.*)$/.exec(text.slice(colonEnd, keyLineEnd))
    if (head) comments.unshift(` ${head[1]}`)
  }
  const rendered = renderAfterKey(entry.key, value, ' '.repeat(column(text, entry.keyStart)), eol)
  const comment = comments.join('')
  const br = rendered.indexOf(eol)
  const out = br === -1 ? rendered + comment : rendered.slice(0, br) + comment + rendered.slice(br)
  return { start: colonEnd, end, text: out }
}

/** Finer edits of one value, or undefined when the caller should rewrite it whole. */
function editValue(ctx: Ctx, node: YamlNode, old: unknown, wanted: unknown, schema: JsonSchema | undefined, key: string | undefined): Edit[] | undefined {
  if (node.start < 0) return undefined
  if (node.kind === 'scalar') {
    if (node.style === SCALAR_STYLE.LITERAL_BLOCK || node.style === SCALAR_STYLE.FOLDED_BLOCK) return undefined
    let text = renderInlineScalar(wanted, node.style, key)
    // In a flow collection, a plain scalar may not hold its indicators: quoted then.
    if (text !== undefined && node.inFlow && typeof wanted === 'string' && node.style === SCALAR_STYLE.PLAIN && /[,[\]{}:#]/.test(text)) {
      text = renderInlineScalar(wanted, SCALAR_STYLE.SINGLE_QUOTED, key)
    }
    return text === undefined ? undefined : [{ start: node.start, end: node.end, text }]
  }
  if (node.flow) return editFlow(ctx, node, old, wanted, schema)
  if (node.inFlow) return undefined
  if (node.kind === 'seq' && Array.isArray(old) && Array.isArray(wanted) && wanted.length > 0) return editSeq(ctx, node, old, wanted, subSchema(schema, 'items'))
  if (node.kind === 'map' && isPlainObject(old) && isPlainObject(wanted) && Object.keys(wanted).length > 0) return editMap(ctx, node, old, wanted, schema)
  return undefined
}

/**
 * A flow collection (`[a, b]`, `{promotion: 9}`) whose items or keys stay the
 * same and only some values change: each changed value in place, the style
 * kept. Anything else (an item added or removed): undefined, and the caller
 * writes the value anew, in block style.
 */
function editFlow(ctx: Ctx, node: MapNode | SeqNode, old: unknown, wanted: unknown, schema: JsonSchema | undefined): Edit[] | undefined {
  const edits: Edit[] = []
  if (node.kind === 'seq') {
    if (!Array.isArray(old) || !Array.isArray(wanted) || wanted.length !== old.length || node.items.length !== old.length || old.length === 0) return undefined
    const items = subSchema(schema, 'items')
    for (let i = 0; i < old.length; i++) {
      if (deepEqual(old[i], wanted[i])) continue
      const e = editValue(ctx, node.items[i]!, old[i], wanted[i], items, undefined)
      if (!e) return undefined
      edits.push(...e)
    }
    return edits
  }
  if (!isPlainObject(old) || !isPlainObject(wanted)) return undefined
  const keys = Object.keys(old)
  if (keys.length === 0 || keys.length !== Object.keys(wanted).length || !keys.every((k) => Object.hasOwn(wanted, k))) return undefined
  for (const entry of node.entries) {
    if (deepEqual(old[entry.key], wanted[entry.key])) continue
    const e = editValue(ctx, entry.value, old[entry.key], wanted[entry.key], subSchema(schema, entry.key), entry.key)
    if (!e) return undefined
    edits.push(...e)
  }
  return edits
}

/** The largest product of list lengths for which items are matched one to one (beyond, the changed middle is rewritten). */
const MAX_MATCH = 250_000

function editSeq(ctx: Ctx, node: SeqNode, old: readonly unknown[], wanted: readonly unknown[], schema: JsonSchema | undefined): Edit[] | undefined {
  const { text, eol } = ctx
  const items = node.items
  if (items.length !== old.length) return undefined
  // Each item starts on the line of its dash, first on its line.
  const starts: number[] = []
  let dashColumn = -1
  for (const item of items) {
    if (item.start < 0) return undefined
    let d = item.start - 1
    while (d >= 0 && /[ \t\r\n]/.test(text[d]!)) d--
    if (text[d] !== '-') return undefined
    const ls = lineStart(text, d)
    if (!/^[ \t]*$/.test(text.slice(ls, d))) return undefined
    if (dashColumn === -1) dashColumn = d - ls
    starts.push(ls)
  }
  const indent = ' '.repeat(dashColumn)
  const itemEnd = (i: number): number => nextLine(text, items[i]!.end)
  const pairs = matchItems(old, wanted)
  const edits: Edit[] = []
  // Walk the matched pairs; between two of them lies a hunk of old items and new items.
  let oi = 0
  let ni = 0
  for (const [mo, mn] of [...pairs, [old.length, wanted.length] as const]) {
    const k = mo - oi
    const l = mn - ni
    const paired = Math.min(k, l)
    for (let j = 0; j < paired; j++) {
      const i = oi + j
      const fine = ctx.fine ? editValue(ctx, items[i]!, old[i], wanted[ni + j], schema, undefined) : undefined
      edits.push(...(fine ?? [{ start: starts[i]!, end: itemEnd(i), text: renderItem(orderDeep(wanted[ni + j], schema), indent, eol) }]))
    }
    for (let j = paired; j < k; j++) edits.push({ start: starts[oi + j]!, end: itemEnd(oi + j), text: '' })
    if (l > paired) {
      const at = oi + paired > 0 ? itemEnd(oi + paired - 1) : starts[0]!
      edits.push({ start: at, end: at, text: wanted.slice(ni + paired, mn).map((v) => renderItem(orderDeep(v, schema), indent, eol)).join('') })
    }
    oi = mo + 1
    ni = mn + 1
  }
  return edits
}

/** Pairs (old index, new index) of equal items, in order: a longest common subsequence, after the common ends. */
function matchItems(old: readonly unknown[], wanted: readonly unknown[]): [number, number][] {
  const a = old.map(canonical)
  const b = wanted.map(canonical)
  let p = 0
  while (p < a.length && p < b.length && a[p] === b[p]) p++
  let s = 0
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++
  const pairs: [number, number][] = []
  for (let i = 0; i < p; i++) pairs.push([i, i])
  const n = a.length - p - s
  const m = b.length - p - s
  if (n > 0 && m > 0 && n * m <= MAX_MATCH) {
    // Classic LCS table over the middle.
    const table = new Uint32Array((n + 1) * (m + 1))
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * (m + 1) + j] = a[p + i] === b[p + j] ? table[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!)
      }
    }
    let i = 0
    let j = 0
    while (i < n && j < m) {
      if (a[p + i] === b[p + j]) {
        pairs.push([p + i, p + j])
        i++
        j++
      } else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) i++
      else j++
    }
  }
  for (let i = s; i > 0; i--) pairs.push([a.length - i, b.length - i])
  return pairs
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

/** The end of the line holding `offset`, before its `\r\n` or `\n`. */
function lineEnd(text: string, offset: number): number {
  let end = text.indexOf('\n', offset)
  if (end === -1) end = text.length
  if (end > offset && text[end - 1] === '\r') end--
  return end
}

/** The start of the line after the one holding `offset`. */
function nextLine(text: string, offset: number): number {
  const end = text.indexOf('\n', offset)
  return end === -1 ? text.length : end + 1
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset)
}

