/**
 * The editor's text model: a fiche's text, read with the parse stage of
 * `registry validate` (load/parse-record.ts), and changed one field at a time
 * the way a person would change it in a text editor. Pure, no `node:` module:
 * it is bundled for the browser.
 *
 * API (every function is pure; documents are immutable values):
 *
 *   openFiche(text, file?, options?): OpenedFiche
 *     Never throws. `data` is the front matter as `registry validate` reads it,
 *     or undefined when it cannot be read (syntax error, unterminated front
 *     matter, not a mapping…): `problems` then say why (the parse stage's own
 *     `Problem`s, to go through report/finalize.ts like any other). A text
 *     with no front matter, an empty text or an empty front matter opens with
 *     `data` = {} (and their problem), so that a form can start filling it.
 *     `file` (default `startups/nouvelle-fiche.md`) names the collection and id.
 *     `data` is deeply frozen: build a new value to change one (a list taken
 *     with getField and changed in place would otherwise look unchanged).
 *   getField(doc, key): unknown              a top-level value, undefined if absent
 *   setField(doc, key, value): OpenedFiche   value undefined = remove the key
 *   setData(doc, data): OpenedFiche          the whole front matter at once, with the same minimal edits
 *   setBody(doc, body): OpenedFiche          the markdown after the front matter
 *   newFiche(data, body, collection?): string   a new fiche's text, keys in the schema's order
 *   ficheText(doc): string                   the text, to save
 *   fieldLines(doc, key): { start, end } | undefined
 *     the lines (1-based, inclusive) of a top-level field, from its key to the
 *     end of its value; undefined when absent or the front matter is unread.
 *
 * setField, setData and setBody return the document unchanged (the same
 * object) when the value is already there, and also when the document has no
 * data (a front matter that cannot be read is never rewritten behind the
 * person's back). They throw a TypeError for a value that YAML cannot hold
 * (a function, undefined in a list, a cycle, nesting deeper than 100 levels).
 *
 * What the text keeps: opening a fiche and saving it gives back the same
 * bytes (BOM, CRLF, comments, trailing spaces, missing final newline). A
 * change touches only what changed: a scalar is replaced in place, keeping its
 * quotes when they can hold the new value and the comment after it; a list
 * changes only the items that changed (items added, removed or edited, an
 * edited mapping item only in its changed lines); a new key is inserted next
 * to its neighbours in the schema's order; a removed key takes only its own
 * lines. When a finer change cannot be made (flow style, unusual layout), the
 * field's value is rewritten, and as a last resort the whole front matter:
 * every result is checked by parsing it again, and must give exactly the data
 * asked for. New values are written as in yaml-write.ts.
 */
import { COLLECTIONS, DEFAULT_CONFIG, type Collection, type Limits } from '../../load/config.ts'
import { parseRecord, splitFrontMatter } from '../../load/parse-record.ts'
import type { Problem } from '../../report/diagnostic.ts'
import { OPTIONAL_FIELDS_HEADER } from '../../scaffold/fiche-template.ts'
import { COMMON_SCHEMA, FICHE_SCHEMAS, type JsonSchema } from '../../validate/schemas.ts'
import { yamlTree, type MapEntry, type MapNode, type SeqNode, type YamlNode } from './yaml-tree.ts'
import { dumpYaml, indentLines, renderAfterKey, renderEntry, renderInlineScalar, renderItem, SCALAR_STYLE } from './yaml-write.ts'

export interface FicheDocument {
  /** The whole file. */
  readonly text: string
}

export interface OpenedFiche extends FicheDocument {
  readonly file: string
  readonly collection: Collection
  /** The file name without `.md`. */
  readonly id: string
  /** The front matter as data, or undefined when it cannot be read (see `problems`). */
  readonly data: Record<string, unknown> | undefined
  /** The markdown after the front matter, exactly as written. */
  readonly body: string
  /** What the parse stage found (BOM, CRLF, syntax errors…), to be finalized like any problem. */
  readonly problems: readonly Problem[]
}

export interface OpenOptions {
  /** Defaults to the collection named by the first folder of `file`, else startups. */
  collection?: Collection
  /** Defaults to the registry's default limits. */
  limits?: Limits
}

interface Model {
  doc: OpenedFiche
  limits: Limits
  /** Where the front matter is; undefined when the text has none. */
  split?: { yamlStart: number; yamlEnd: number; bodyStart: number }
  eol: string
  /** The front matter's tree, built on the first edit; null when it cannot be built. */
  tree?: YamlNode | null
}

const models = new WeakMap<FicheDocument, Model>()
const DEFAULT_FILE = 'startups/nouvelle-fiche.md'
/** Data with no front matter yet, or an empty one: the form may fill it. */
const EMPTY_OK = new Set(['file/empty', 'frontmatter/missing', 'frontmatter/empty'])

export function openFiche(text: string, file: string = DEFAULT_FILE, options: OpenOptions = {}): OpenedFiche {
  const first = file.split('/')[0]
  const collection = options.collection ?? ((COLLECTIONS as readonly string[]).includes(first!) ? (first as Collection) : 'startups')
  const id = (file.split('/').pop() ?? file).replace(/\.md$/, '')
  const limits = options.limits ?? DEFAULT_CONFIG.limits
  let problems: Problem[]
  let data: Record<string, unknown> | undefined
  let body: string
  const split = splitFrontMatter(text)
  try {
    const result = parseRecord({ file, collection, id, text }, limits)
    problems = result.problems
    data = result.record?.data
    body = result.record?.body ?? ''
  } catch (err) {
    // The parse stage never throws on bad input; should it ever, the text is not edited.
    problems = [{ file, ruleId: 'yaml/syntax', offset: 0, data: { reason: String((err as Error)?.message ?? err) } }]
    data = undefined
    body = ''
  }
  if (data === undefined && problems.some((p) => EMPTY_OK.has(p.ruleId))) data = {}
  // Frozen: a value taken with getField and changed in place would otherwise look unchanged to setField.
  if (data) deepFreeze(data)
  if (typeof split === 'object') body = text.slice(split.bodyStart)
  else if (split === 'missing') body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const doc: OpenedFiche = Object.freeze({ text, file, collection, id, data, body, problems })
  const yaml = typeof split === 'object' ? text.slice(split.yamlStart, split.yamlEnd) : text
  models.set(doc, { doc, limits, split: typeof split === 'object' ? split : undefined, eol: yaml.includes('\r\n') ? '\r\n' : '\n' })
  return doc
}

function model(doc: FicheDocument): Model {
  return models.get(doc) ?? models.get(openFiche(doc.text, (doc as Partial<OpenedFiche>).file))!
}

function opened(doc: FicheDocument): OpenedFiche {
  const m = models.get(doc)
  return m ? m.doc : openFiche(doc.text, (doc as Partial<OpenedFiche>).file)
}

export function ficheText(doc: FicheDocument): string {
  return doc.text
}

export function getField(doc: FicheDocument, key: string): unknown {
  const data = opened(doc).data
  return data && Object.hasOwn(data, key) ? data[key] : undefined
}

export function fieldLines(doc: FicheDocument, key: string): { start: number; end: number } | undefined {
  const m = model(opened(doc))
  const root = treeOf(m)
  if (!root || root.kind !== 'map' || !m.doc.data || !Object.hasOwn(m.doc.data, key)) return undefined
  const entry = root.entries.find((e) => e.key === key)
  if (!entry) return undefined
  const text = m.doc.text
  const lineOf = (offset: number): number => {
    let n = 1
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++
    return n
  }
  const end = entryEnd(entry)
  return { start: lineOf(entry.keyStart), end: lineOf(Math.max(entry.keyStart, end - 1)) }
}

function treeOf(m: Model): YamlNode | null {
  if (m.tree === undefined) m.tree = (m.split && yamlTree(m.doc.text, m.split.yamlStart, m.split.yamlEnd, m.limits.maxDepth)) || null
  return m.tree
}

export function setField(doc: FicheDocument, key: string, value: unknown): OpenedFiche {
  const current = opened(doc)
  if (!current.data) return current
  const data: Record<string, unknown> = {}
  for (const k of Object.keys(current.data)) if (k !== key) defineKey(data, k, current.data[k])
  if (value !== undefined) defineKey(data, key, value)
  else if (!Object.hasOwn(current.data, key)) return current
  return setData(current, data)
}

export function setData(doc: FicheDocument, data: Record<string, unknown>): OpenedFiche {
  const m = model(opened(doc))
  const current = m.doc
  if (!current.data) return current
  const wanted = normalize(data, '', 0) as Record<string, unknown>
  if (!isPlainObject(wanted)) throw new TypeError('setData: the front matter must be an object')
  if (deepEqual(current.data, wanted)) return current
  const schema = FICHE_SCHEMAS[current.collection]
  const attempts: (() => Edit[] | undefined)[] = [() => editFrontMatter(m, wanted, schema, true), () => editFrontMatter(m, wanted, schema, false)]
  for (const attempt of attempts) {
    const edits = attempt()
    if (!edits) continue
    const next = openFiche(applyEdits(current.text, edits), current.file, { collection: current.collection, limits: m.limits })
    if (next.data && deepEqual(next.data, wanted) && next.body === current.body) return next
  }
  const next = openFiche(rewriteFrontMatter(m, wanted, schema), current.file, { collection: current.collection, limits: m.limits })
  if (next.data && deepEqual(next.data, wanted)) return next
  // Not expected: the dump of plain data always reads back the same.
  throw new TypeError('setData: this value cannot be written in YAML so that it reads back the same')
}

export function setBody(doc: FicheDocument, body: string): OpenedFiche {
  const m = model(opened(doc))
  const current = m.doc
  if (body === current.body || (!m.split && !current.data)) return current
  let head: string
  if (m.split) {
    head = current.text.slice(0, m.split.bodyStart)
    if (!/\n$/.test(head) && body !== '') head += m.eol
  } else {
    // No front matter yet: start one, so that the body stays a body.
    head = `${current.text.charCodeAt(0) === 0xfeff ? '\ufeff' : ''}---${m.eol}---${m.eol}`
  }
  return openFiche(head + body, current.file, { collection: current.collection, limits: m.limits })
}

/** The text of a new fiche: the keys the schema knows in its order, then the others as given; `---` lines; the body. */
export function newFiche(data: Record<string, unknown>, body: string, collection: Collection = 'startups'): string {
  const wanted = normalize(data, '', 0)
  if (!isPlainObject(wanted)) throw new TypeError('newFiche: the front matter must be an object')
  const ordered = orderDeep(wanted, FICHE_SCHEMAS[collection]) as Record<string, unknown>
  const yaml = Object.keys(ordered).length === 0 ? '' : dumpYaml(ordered)
  return `---\n${yaml}---\n${body}`
}

// ---------------------------------------------------------------------------
// Edits

interface Edit {
  start: number
  end: number
  text: string
}

function applyEdits(text: string, edits: Edit[]): string {
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

interface Ctx {
  text: string
  eol: string
  /** Finer edits inside values (false: each changed field's value is rewritten whole). */
  fine: boolean
}

function editFrontMatter(m: Model, wanted: Record<string, unknown>, schema: JsonSchema, fine: boolean): Edit[] | undefined {
  const text = m.doc.text
  const ctx: Ctx = { text, eol: m.eol, fine }
  if (!m.split) {
    // No front matter: write one before the text.
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0
    const yaml = Object.keys(wanted).length === 0 ? '' : indentLines(dumpYaml(orderDeep(wanted, schema)), '', m.eol)
    return [{ start: bom, end: bom, text: `---${m.eol}${yaml}---${m.eol}` }]
  }
  const root = treeOf(m)
  if (root === null) {
    // An empty front matter (or only comments): the new keys go at its end.
    if (Object.keys(m.doc.data ?? {}).length !== 0) return undefined
    const ordered = orderDeep(wanted, schema) as Record<string, unknown>
    return [{ start: m.split.yamlEnd, end: m.split.yamlEnd, text: Object.keys(ordered).map((k) => renderEntry(k, ordered[k], '', m.eol)).join('') }]
  }
  if (root.kind !== 'map') return undefined
  return editMap(ctx, root, m.doc.data!, wanted, schema, m.split)
}

/** The whole front matter written anew (comments are lost): the last resort. */
function rewriteFrontMatter(m: Model, wanted: Record<string, unknown>, schema: JsonSchema): string {
  const text = m.doc.text
  const old = m.doc.data ?? {}
  const known = Object.keys(schema.properties ?? {})
  const order = Object.keys(old).filter((k) => Object.hasOwn(wanted, k))
  for (const key of Object.keys(wanted).filter((k) => !Object.hasOwn(old, k)).sort((a, b) => rankOf(known, a) - rankOf(known, b))) {
    order.splice(insertionIndex(order, key, known), 0, key)
  }
  const ordered: Record<string, unknown> = {}
  for (const k of order) defineKey(ordered, k, deepEqual(old[k], wanted[k]) ? wanted[k] : orderDeep(wanted[k], subSchema(schema, k)))
  const yaml = order.length === 0 ? '' : indentLines(dumpYaml(ordered), '', m.eol)
  if (!m.split) {
    const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : ''
    return `${bom}---${m.eol}${yaml}---${m.eol}${m.doc.body}`
  }
  return text.slice(0, m.split.yamlStart) + yaml + text.slice(m.split.yamlEnd)
}

/** Where `key` goes among `order` (keys in text order), by the schema's order `known`. */
function insertionIndex(order: readonly string[], key: string, known: readonly string[]): number {
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
function orderDeep(value: unknown, schema: JsonSchema | undefined): unknown {
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

/**
 * Edits turning block mapping `node` (holding `old`) into `wanted`. `top` is
 * given for the front matter's own mapping: its bounds, where new keys go when
 * it has none, and where the commented-out fields of `registry new` are.
 */
function editMap(ctx: Ctx, node: MapNode, old: Record<string, unknown>, wanted: Record<string, unknown>, schema: JsonSchema | undefined, top?: { yamlStart: number; yamlEnd: number }): Edit[] | undefined {
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

function rankOf(known: readonly string[], key: string): number {
  const r = known.indexOf(key)
  return r === -1 ? known.length : r
}

function insertionOffset(ctx: Ctx, kept: readonly MapEntry[], key: string, known: readonly string[], endOfParent: number | undefined): number | undefined {
  const order = kept.map((e) => e.key)
  const rank = known.indexOf(key)
  if (kept.length === 0) return endOfParent
  let index = insertionIndex(order, key, known)
  if (rank === -1) index = order.length
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
function entryEnd(entry: MapEntry): number {
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
  if (node.start < 0 || node.inFlow) return undefined
  if (node.kind === 'scalar') {
    if (node.style === SCALAR_STYLE.LITERAL_BLOCK || node.style === SCALAR_STYLE.FOLDED_BLOCK) return undefined
    const text = renderInlineScalar(wanted, node.style, key)
    return text === undefined ? undefined : [{ start: node.start, end: node.end, text }]
  }
  if (node.flow) return undefined
  if (node.kind === 'seq' && Array.isArray(old) && Array.isArray(wanted) && wanted.length > 0) return editSeq(ctx, node, old, wanted, subSchema(schema, 'items'))
  if (node.kind === 'map' && isPlainObject(old) && isPlainObject(wanted) && Object.keys(wanted).length > 0) return editMap(ctx, node, old, wanted, schema)
  return undefined
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

// ---------------------------------------------------------------------------
// Schemas

function resolve(schema: JsonSchema | undefined, depth = 0): JsonSchema | undefined {
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

function subSchema(schema: JsonSchema | undefined, key: string): JsonSchema | undefined {
  const s = resolve(schema)
  if (!s) return undefined
  if (key === 'items') return s.items
  return s.properties?.[key]
}

// ---------------------------------------------------------------------------
// Text and values

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

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/** A copy of `value` as plain JSON-like data (keys whose value is undefined dropped); a TypeError for what YAML cannot hold. */
function normalize(value: unknown, path: string, depth: number): unknown {
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

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const v of Object.values(value)) deepFreeze(v)
}

function deepEqual(a: unknown, b: unknown): boolean {
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
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`
  }
  return typeof value === 'number' ? (Number.isNaN(value) ? 'NaN' : String(value)) : JSON.stringify(value) ?? 'undefined'
}
