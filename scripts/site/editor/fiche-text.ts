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
 *   editData(doc, data): OpenedFiche | undefined
 *     as setData, but only when the finest edits do it (no value nor front
 *     matter rewritten whole): what an automatic fix may do (fiche-fix.ts);
 *     undefined otherwise, or when the document has no data.
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
 * edited mapping item only in its changed lines; in a flow collection, values
 * in place); a new key is inserted next to its neighbours in the schema's
 * order (or, in a fiche written by `registry new`, where its commented-out
 * example is); a removed key takes only its own lines, not the comments above
 * it. When a finer change cannot be made (an item added to a flow collection,
 * an unusual layout), the field's value is rewritten, and as a last resort
 * the whole front matter:
 * every result is checked by parsing it again, and must give exactly the data
 * asked for (fiche-edit.ts finds the edits). New values are written as in
 * yaml-write.ts.
 */
import { COLLECTIONS, DEFAULT_CONFIG, isPlainObject, type Collection, type Limits } from '../../load/config.ts'
import { parseRecord, splitFrontMatter } from '../../load/parse-record.ts'
import type { Problem } from '../../report/diagnostic.ts'
import { FICHE_SCHEMAS, type JsonSchema } from '../../validate/schemas.ts'
import { deepEqual, deepFreeze, defineKey, insertionIndex, normalize, orderDeep, rankOf, subSchema } from './fiche-data.ts'
import { applyEdits, editMap, entryEnd, type Ctx, type Edit } from './fiche-edit.ts'
import { yamlTree, type YamlNode } from './yaml-tree.ts'
import { dumpYaml, indentLines, renderEntry } from './yaml-write.ts'

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
  const wanted = wantedData(data, 'setData')
  if (deepEqual(current.data, wanted)) return current
  const edited = editedFiche(m, wanted, true) ?? editedFiche(m, wanted, false)
  if (edited) return edited
  const next = openFiche(rewriteFrontMatter(m, wanted, FICHE_SCHEMAS[current.collection]), current.file, { collection: current.collection, limits: m.limits })
  if (next.data && deepEqual(next.data, wanted)) return next
  // Not expected: the dump of plain data always reads back the same.
  throw new TypeError('setData: this value cannot be written in YAML so that it reads back the same')
}

export function editData(doc: FicheDocument, data: Record<string, unknown>): OpenedFiche | undefined {
  const m = model(opened(doc))
  if (!m.doc.data) return undefined
  const wanted = wantedData(data, 'editData')
  return deepEqual(m.doc.data, wanted) ? m.doc : editedFiche(m, wanted, true)
}

function wantedData(data: Record<string, unknown>, caller: string): Record<string, unknown> {
  const wanted = normalize(data, '', 0) as Record<string, unknown>
  if (!isPlainObject(wanted)) throw new TypeError(`${caller}: the front matter must be an object`)
  return wanted
}

/** The fiche with the front matter's edits applied (finer ones, or each changed value rewritten), when it reads back as `wanted` with the same body. */
function editedFiche(m: Model, wanted: Record<string, unknown>, fine: boolean): OpenedFiche | undefined {
  const current = m.doc
  const edits = editFrontMatter(m, wanted, FICHE_SCHEMAS[current.collection], fine)
  if (!edits) return undefined
  const next = openFiche(applyEdits(current.text, edits), current.file, { collection: current.collection, limits: m.limits })
  return next.data && deepEqual(next.data, wanted) && next.body === current.body ? next : undefined
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
// The front matter as a whole

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

