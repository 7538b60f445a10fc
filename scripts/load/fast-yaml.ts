/**
 * The fast path of the parse stage: js-yaml 4, which reads this registry's front matters
 * about four times faster than js-yaml 5's event parser, for the YAML where both are known
 * to give the same data. The event parser (parse-record.ts) stays the reference: it alone
 * refuses a front matter, says why and where. `fastYaml` returns undefined, and the caller
 * goes on with the event parser, whenever the text could hold anything the two might read
 * differently or that must be refused (see plainEnough and EVENT_PATH_ONLY): an anchor,
 * alias, tag or directive (checked on the text: nothing is built from a front matter that
 * uses them), an explicit key, a quoted scalar or flow collection over several lines, some
 * block scalars, tabs, carriage returns, an indented top level; and whenever js-yaml 4 raises
 * any error (duplicate key, syntax, nesting deeper than limits.maxDepth, which it counts no
 * less strictly), gives an empty document, or a collection has more than limits.maxItems
 * items.
 * Plain scalars are resolved by js-yaml 5's own core-schema resolvers (null, bool, int,
 * float, in its order), so `0b101`, `-.5` or `-0` mean the same on both paths; anything
 * else stays a string, dates included. On the real corpus, 828 of 830 front matters take
 * this path. test/load/fast-yaml.test.ts compares both paths on random and mutated fiches,
 * on YAML written in every style, on the corner cases where js-yaml 4 and 5 were seen to
 * differ (each rule here comes from one), and on the corpus when ../shared is there.
 */
import { boolCoreTag, floatCoreTag, intCoreTag, NOT_RESOLVED, nullCoreTag, type ScalarTagDefinition } from 'js-yaml'
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml-4'
import type { Limits } from './config.ts'

/**
 * js-yaml 4 type for one of js-yaml 5's implicit scalar tags: resolve computes the value,
 * construct hands it over. As js-yaml 5 does, the tag is tried only on a scalar whose
 * first character is one of its implicitFirstChars (most text skips the number patterns).
 */
function implicit(tag: ScalarTagDefinition<unknown>): Type {
  let value: unknown
  const firstChars = tag.implicitFirstChars === null ? null : new Set(tag.implicitFirstChars)
  return new Type(tag.tagName, {
    kind: 'scalar',
    resolve(data) {
      if (firstChars !== null && !firstChars.has((data as string).charAt(0))) return false
      const v = tag.resolve(data as string, false, tag.tagName)
      if (v === NOT_RESOLVED) return false
      value = v
      return true
    },
    construct: () => value,
  })
}

const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag].map((t) => implicit(t as ScalarTagDefinition<unknown>)) })

/**
 * Anywhere in the text: a line starting with `---` or `...` (js-yaml 4 reads it as text when
 * indented, js-yaml 5 refuses it); a `#` right after a quote or a bracket; a flow collection
 * as a key; a tab (js-yaml 5 refuses some that js-yaml 4 takes as spaces); a carriage return;
 * a byte order mark (js-yaml 4 drops one at the start, which can put a node start after it).
 */
const EVENT_PATH_ONLY = /^ *(?:---|\.\.\.)|["'\]}]#|[\]}] *:|[\t\r\uFEFF]/m

export function fastYaml(yaml: string, limits: Limits): { value: unknown } | undefined {
  if (EVENT_PATH_ONLY.test(yaml) || !plainEnough(yaml)) return undefined
  let value: unknown
  try {
    value = load(yaml, { schema: SCHEMA, maxDepth: limits.maxDepth })
  } catch {
    return undefined
  }
  // An empty document: js-yaml 4 says undefined, js-yaml 5 null; the event parser answers.
  return value !== undefined && withinItems(value, limits.maxItems) ? { value } : undefined
}

/**
 * Whether every node of the text is one both parsers read alike, line by line, looking at
 * what starts each node (after the indentation, `- `, `: `, or inside brackets after `[`,
 * `{` or `,`; elsewhere a character is text, as in « Sur la route ! » or « l’équipe »):
 * - no node property or indicator: `&` anchor, `*` alias, `!` tag, `%`, `@`, backquote, a
 *   `?` explicit key: so nothing is built from a front matter that uses them;
 * - no block scalar with a keep (`|+`) or indentation (`|2`) indicator: js-yaml 4 and 5
 *   differ on its trailing lines and indentation;
 * - no quoted scalar or flow collection (`[…]`, `{…}`) left open at the end of a line:
 *   js-yaml 4 accepts continuation lines that js-yaml 5 refuses as under-indented.
 * Conservative: what only looks like one of these sends that front matter to the event
 * parser, nothing worse.
 */
function plainEnough(yaml: string): boolean {
  if (!topLevelAtMargin(yaml)) return false
  // Only lines where one of these characters may start a node can fail plainLine: the others
  // are skipped, which keeps this check a small part of the parse (most lines are `key: text`).
  const candidates = /["'[{&*!%@`|>?]/g
  let blockScalar = false
  for (let m = candidates.exec(yaml); m !== null; m = candidates.exec(yaml)) {
    let j = m.index - 1
    while (j >= 0 && isBlank(yaml.charCodeAt(j))) j--
    const before = j < 0 ? 0x0a : yaml.charCodeAt(j)
    // Nodes start at a line start, or after - ? : [ { or , (what plainLine looks for).
    if (before !== 0x0a && before !== 0x2d && before !== 0x3f && before !== 0x3a && before !== 0x5b && before !== 0x7b && before !== 0x2c) continue
    const start = yaml.lastIndexOf('\n', m.index) + 1
    let end = yaml.indexOf('\n', m.index)
    if (end === -1) end = yaml.length
    const line = plainLine(yaml, start, end)
    if (line === false) return false
    if (line === BLOCK_SCALAR) blockScalar = true
    candidates.lastIndex = end
  }
  // A line of a block scalar that starts with # is text for js-yaml 5, a comment for js-yaml 4.
  return !(blockScalar && /^[ \t]*#/m.test(yaml))
}

/**
 * Whether the first line that is neither blank nor a comment starts at the left margin, as a
 * fiche's mapping does: js-yaml 4 accepts later entries of an indented top-level sequence
 * that js-yaml 5 refuses.
 */
function topLevelAtMargin(yaml: string): boolean {
  let start = 0
  while (start < yaml.length) {
    let end = yaml.indexOf('\n', start)
    if (end === -1) end = yaml.length
    let first = start
    while (first < end && isBlank(yaml.charCodeAt(first))) first++
    if (first < end && yaml.charCodeAt(first) !== 0x23) return first === start
    start = end + 1
  }
  return true
}

const BLOCK_SCALAR = 'block scalar'


const isBlank = (c: number) => c === 0x20 || c === 0x09

/** Characters that may not start a node on the fast path: & * ! % @ ` */
const PROPERTY_OR_INDICATOR = new Set([0x26, 0x2a, 0x21, 0x25, 0x40, 0x60])

/** One line, s[start, end), of plainEnough: false if not plain enough, BLOCK_SCALAR if a block scalar starts on it. */
function plainLine(s: string, start: number, end: number): boolean | typeof BLOCK_SCALAR {
  let nodeStart = true
  let flow = 0
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i)
    if (isBlank(c)) continue
    if (c === 0x23 && (i === start || isBlank(s.charCodeAt(i - 1)))) break
    if (nodeStart) {
      if (PROPERTY_OR_INDICATOR.has(c)) return false
      if (c === 0x22 || c === 0x27) {
        i = closingQuote(s, i, end)
        if (i === -1) return false
        nodeStart = false
        continue
      }
      if (c === 0x7c || c === 0x3e) {
        // | or >, then at most a - chomping indicator, then a blank, a comment or the end.
        let j = i + 1
        if (s.charCodeAt(j) === 0x2d) j++
        if (j < end && !isBlank(s.charCodeAt(j))) return false
        return flow === 0 && BLOCK_SCALAR
      }
    }
    if ((c === 0x5b || c === 0x7b) && (nodeStart || flow > 0)) {
      flow++
      nodeStart = true
    } else if ((c === 0x5d || c === 0x7d) && flow > 0) {
      flow--
      nodeStart = false
    } else if (c === 0x2c && flow > 0) {
      nodeStart = true
    } else if (c === 0x2d || c === 0x3f || c === 0x3a) {
      const next = i + 1 < end ? s.charCodeAt(i + 1) : 0x20
      const indicator = isBlank(next) || (c === 0x3a && (next === 0x22 || next === 0x27 || next === 0x5b || next === 0x7b || flow > 0))
      // A ? that starts a node is an explicit key.
      if (c === 0x3f && nodeStart && indicator) return false
      nodeStart = indicator
    } else {
      nodeStart = false
    }
  }
  return flow === 0
}

/** The offset of the quote that closes the one at `open`, or -1 if the line ends first. */
function closingQuote(s: string, open: number, end: number): number {
  const quote = s.charCodeAt(open)
  for (let i = open + 1; i < end; i++) {
    const c = s.charCodeAt(i)
    if (quote === 0x22 && c === 0x5c) i++
    else if (c === quote) {
      if (quote === 0x27 && i + 1 < end && s.charCodeAt(i + 1) === 0x27) i++
      else return i
    }
  }
  return -1
}

/** No array and no object with more than `max` items, at any depth. */
function withinItems(value: unknown, max: number): boolean {
  if (value === null || typeof value !== 'object') return true
  if (Array.isArray(value)) {
    if (value.length > max) return false
    for (const v of value) if (!withinItems(v, max)) return false
    return true
  }
  let n = 0
  for (const key in value) {
    if (++n > max) return false
    if (!withinItems((value as Record<string, unknown>)[key], max)) return false
  }
  return true
}
