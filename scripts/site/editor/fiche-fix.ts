/**
 * Automatic fixes through the editor's text model (fiche-text.ts): a stage
 * says which value a path should hold (`Problem.fix: { value }`); here the
 * fiche's text is changed as the editor would change it (the value replaced
 * in place, its quotes and comments kept), checked by parsing it again (the
 * whole front matter must read back as the data asked for, the body
 * unchanged), and the change is given as one text edit (ESLint's `fix`).
 * When the finest edits cannot make the change, there is no fix: a fix is
 * never a rewrite. Pure, no `node:` module: the editor runs it too.
 */
import type { Collection, Limits } from '../../load/config.ts'
import type { Fix, Problem } from '../../report/diagnostic.ts'
import { defineKey } from './fiche-data.ts'
import { editData, openFiche, type OpenedFiche } from './fiche-text.ts'

/** Where a fix's file belongs: its collection, or undefined outside the collections. */
export type CollectionOf = (file: string) => Collection | undefined

/**
 * A resolver for report/finalize.ts: the text edit that makes the value at
 * `problem.path` of `file.text` be `problem.fix.value`, or undefined.
 * Remembers the last fiche it opened (a file's problems come together).
 */
export function fixResolver(limits: Limits, collectionOf: CollectionOf): (problem: Problem, file: { text: string }) => Fix | undefined {
  let last: OpenedFiche | undefined
  return (problem, file) => {
    const intent = problem.fix
    if (!intent || !('value' in intent) || problem.path === undefined) return undefined
    const collection = collectionOf(problem.file)
    if (!collection) return undefined
    if (!last || last.file !== problem.file || last.text !== file.text) last = openFiche(file.text, problem.file, { collection, limits })
    return valueFix(last, problem.path, intent.value)
  }
}

/** The edit that sets the value at JSON Pointer `pointer` of an opened fiche, or undefined. */
export function valueFix(doc: OpenedFiche, pointer: string, value: unknown): Fix | undefined {
  if (!doc.data) return undefined
  const wanted = withValue(doc.data, pointer, value)
  if (!wanted) return undefined
  let next: OpenedFiche | undefined
  try {
    next = editData(doc, wanted)
  } catch {
    return undefined
  }
  return next && next.text !== doc.text ? textEdit(doc.text, next.text) : undefined
}

/** A copy of `data` with `value` at `pointer`; undefined when the pointer does not lead to an existing value. */
function withValue(data: Record<string, unknown>, pointer: string, value: unknown): Record<string, unknown> | undefined {
  if (!pointer.startsWith('/')) return undefined
  const keys = pointer.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
  const copy = structuredClone(data) as Record<string, unknown>
  let parent: unknown = copy
  for (let i = 0; i < keys.length - 1; i++) {
    parent = child(parent, keys[i]!)
    if (parent === undefined) return undefined
  }
  const last = keys[keys.length - 1]!
  if (child(parent, last) === undefined) return undefined
  if (Array.isArray(parent)) parent[Number(last)] = value
  else defineKey(parent as Record<string, unknown>, last, value)
  return copy
}

function child(parent: unknown, key: string): unknown {
  if (Array.isArray(parent)) return /^(0|[1-9]\d*)$/.test(key) ? parent[Number(key)] : undefined
  if (parent !== null && typeof parent === 'object' && Object.hasOwn(parent, key)) return (parent as Record<string, unknown>)[key]
  return undefined
}

const WORD = /[\p{L}\p{N}_-]/u

/**
 * The one edit turning `before` into `after`: what lies between their common
 * start and common end; a replacement widened to whole words
 * (`perennisation` → `consolidation`, not `perennis` → `consolid`).
 */
export function textEdit(before: string, after: string): Fix {
  let start = 0
  const max = Math.min(before.length, after.length)
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let end = before.length
  let endAfter = after.length
  while (end > start && endAfter > start && before.charCodeAt(end - 1) === after.charCodeAt(endAfter - 1)) {
    end--
    endAfter--
  }
  // A replacement is widened to whole words; an insertion or a deletion (a BOM, spaces) stays as it is.
  const replaces = end > start && endAfter > start
  while (replaces && start > 0 && WORD.test(before[start - 1]!)) start--
  while (replaces && end < before.length && WORD.test(before[end]!)) {
    end++
    endAfter++
  }
  // Never half a character: a surrogate pair stays whole.
  if (start > 0 && isHigh(before.charCodeAt(start - 1))) start--
  if (end < before.length && isLow(before.charCodeAt(end))) {
    end++
    endAfter++
  }
  return { range: [start, end], text: after.slice(start, endAfter) }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff
