/**
 * Turns a fiche's text into a record: front matter data, raw body, and where
 * the front matter sits in the file. Pure (strings in, data out). YAML is read
 * with js-yaml 5 as an event stream, so that anchors, aliases and tags can be
 * refused before anything is built, and with the YAML 1.2 core schema, so that
 * dates stay the strings the contributor wrote (never shifted Date objects).
 * Most front matters take a faster path with the same result (fast-yaml.ts).
 */
import { constructFromEvents, EVENT_ID, parseEvents, YAMLException, type Event } from 'js-yaml'
import type { Problem } from '../report/diagnostic.ts'
import { isPlainObject, type Collection, type Limits } from './config.ts'
import { fastYaml } from './fast-yaml.ts'
import type { SourceFile } from './read-records.ts'
import { duplicateKey, explainYamlError } from './yaml-errors.ts'

export interface ParsedRecord {
  file: string
  collection: Collection
  id: string
  /** The front matter as data (plain JSON values). */
  data: Record<string, unknown>
  /** The raw markdown after the closing `---` line, exactly as written. */
  body: string
  /** The whole file text, for locating diagnostics. */
  text: string
  /** Offset in `text` where the YAML of the front matter starts and ends. */
  yamlStart: number
  yamlEnd: number
  /** Dates from git history (created_at, updated_at, last_commit), set by build when there is one. */
  history?: { created_at: string; updated_at: string; last_commit: string }
}

export interface ParseResult {
  record?: ParsedRecord
  problems: Problem[]
}

const OPEN = /---[ \t]*\r?(?:\n|$)/y
const CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/m

export function splitFrontMatter(text: string): { yamlStart: number; yamlEnd: number; bodyStart: number } | 'missing' | 'unterminated' {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  OPEN.lastIndex = start
  const open = OPEN.exec(text)
  if (!open) return 'missing'
  const yamlStart = start + open[0].length
  const rest = text.slice(yamlStart)
  const close = CLOSE.exec(rest)
  if (!close) return 'unterminated'
  const yamlEnd = yamlStart + close.index
  let bodyStart = yamlEnd + close[0].length
  if (text[bodyStart] === '\n') bodyStart++
  return { yamlStart, yamlEnd, bodyStart }
}

export function parseRecord(source: SourceFile, limits: Limits): ParseResult {
  const { file, text } = source
  const problems: Problem[] = []
  if (text.length === 0 || (text.length === 1 && text.charCodeAt(0) === 0xfeff)) {
    return { problems: [{ file, ruleId: 'file/empty', offset: 0 }] }
  }
  const nul = text.indexOf('\u0000')
  if (nul !== -1) return { problems: [{ file, ruleId: 'file/nul-byte', offset: nul, endOffset: nul + 1 }] }
  if (text.charCodeAt(0) === 0xfeff) problems.push({ file, ruleId: 'file/bom', offset: 0, endOffset: 1, fix: { range: [0, 1], text: '' } })
  const crlf = text.indexOf('\r\n')
  if (crlf !== -1) problems.push({ file, ruleId: 'file/crlf', offset: crlf, endOffset: crlf + 1 })
  const long = firstLongLine(text, limits.maxLineLength)
  if (long !== undefined) problems.push({ file, ruleId: 'file/long-line', offset: long, data: { limit: limits.maxLineLength } })

  const split = splitFrontMatter(text)
  if (split === 'missing') return { problems: [...problems, { file, ruleId: 'frontmatter/missing', offset: 0 }] }
  if (split === 'unterminated') return { problems: [...problems, { file, ruleId: 'frontmatter/unterminated', offset: 0 }] }
  const { yamlStart, yamlEnd, bodyStart } = split
  const yaml = text.slice(yamlStart, yamlEnd)

  const parsed = parseYaml(yaml, limits)
  if ('problem' in parsed) {
    const p = parsed.problem
    // A duplicate key's first definition, as a line of the file for the message.
    const data = typeof p.data?.firstOffset === 'number' ? { ...p.data, firstLine: lineNumber(text, yamlStart + p.data.firstOffset) } : p.data
    return { problems: [...problems, { ...p, file, offset: yamlStart + (p.offset ?? 0), endOffset: p.endOffset === undefined ? undefined : yamlStart + p.endOffset, ...(data ? { data } : {}) }] }
  }
  const data = parsed.value
  if (data === null || data === undefined) return { problems: [...problems, { file, ruleId: 'frontmatter/empty', offset: yamlStart }] }
  if (!isPlainObject(data)) {
    return { problems: [...problems, { file, ruleId: 'frontmatter/not-mapping', offset: yamlStart, data: { actual: jsonType(data) } }] }
  }
  return {
    record: { file, collection: source.collection, id: source.id, data, body: text.slice(bodyStart), text, yamlStart, yamlEnd },
    problems,
  }
}

type YamlProblem = Omit<Problem, 'file'>

/** The 1-based line of an offset of `text`. */
function lineNumber(text: string, offset: number): number {
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** The offset of the first character past `max` on a line, if any line is that long. */
export function firstLongLine(text: string, max: number): number | undefined {
  if (text.length <= max) return undefined
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    if (end - start > max) return start + max
    start = end + 1
  }
  return undefined
}

/** The first collection item past `max` (a sequence entry or a mapping pair), if any. */
function tooManyItems(events: readonly Event[], max: number): YamlProblem | undefined {
  const counts: { map: boolean; n: number }[] = []
  const item = (offset: number): YamlProblem | undefined => {
    const top = counts[counts.length - 1]
    if (!top) return undefined
    top.n++
    const items = top.map ? Math.ceil(top.n / 2) : top.n
    if (items > max && (!top.map || top.n % 2 === 1)) return { ruleId: 'yaml/too-many-items', offset, data: { limit: max } }
    return undefined
  }
  for (const event of events) {
    if (event.type === EVENT_ID.SCALAR) {
      const p = item(Math.max(0, event.valueStart))
      if (p) return p
    } else if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const p = item(event.start)
      if (p) return p
      counts.push({ map: event.type === EVENT_ID.MAPPING, n: 0 })
    } else if (event.type === EVENT_ID.ALIAS) {
      const p = item(event.anchorStart - 1)
      if (p) return p
    } else if (event.type === EVENT_ID.POP) {
      counts.pop()
    }
  }
  return undefined
}

/**
 * Parses one YAML document into plain data, refusing anchors, aliases and tags: through
 * the fast path (fast-yaml.ts) when it vouches for the text, else through the events.
 */
export function parseYaml(yaml: string, limits: Limits): { value: unknown } | { problem: YamlProblem } {
  return fastYaml(yaml, limits) ?? parseYamlEvents(yaml, limits)
}

/** The reference parse, from js-yaml 5's events: every refusal is decided and located here. */
export function parseYamlEvents(yaml: string, limits: Limits): { value: unknown } | { problem: YamlProblem } {
  let events: Event[]
  try {
    events = parseEvents(yaml, { maxDepth: limits.maxDepth })
  } catch (err) {
    return { problem: yamlError(err, yaml) }
  }
  const many = tooManyItems(events, limits.maxItems)
  if (many) return { problem: many }
  for (const event of events) {
    if (event.type === EVENT_ID.ALIAS) {
      return { problem: { ruleId: 'yaml/alias', offset: event.anchorStart - 1, endOffset: event.anchorEnd } }
    }
    if (event.type === EVENT_ID.SCALAR || event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      if (event.anchorStart !== -1) return { problem: { ruleId: 'yaml/anchor', offset: event.anchorStart - 1, endOffset: event.anchorEnd } }
      if (event.tagStart !== -1) {
        return { problem: { ruleId: 'yaml/tag', offset: event.tagStart, endOffset: event.tagEnd, data: { tag: yaml.slice(event.tagStart, event.tagEnd) } } }
      }
    }
  }
  try {
    const docs = constructFromEvents(events, { source: yaml, maxAliases: 0 })
    return { value: docs.length === 0 ? null : docs[0] }
  } catch (err) {
    return { problem: yamlError(err, yaml) }
  }
}

function yamlError(err: unknown, yaml: string): YamlProblem {
  if (!(err instanceof YAMLException)) throw err
  const reason = err.reason || err.message
  const offset = err.mark?.position ?? 0
  if (/^duplicated mapping key/.test(reason)) {
    const d = duplicateKey(yaml, offset)
    return d ? { ruleId: 'yaml/duplicate-key', offset: d.offset, endOffset: d.endOffset, data: { key: d.key, firstOffset: d.firstOffset } } : { ruleId: 'yaml/duplicate-key', offset }
  }
  if (/maxAliases/.test(reason)) return { ruleId: 'yaml/alias', offset }
  if (/nesting exceeded maxDepth|maximum nesting depth/i.test(reason)) return { ruleId: 'yaml/too-deep', offset, data: { reason } }
  // Bounded: the explanation looks at the lines of a front matter already under the size limits.
  const e = explainYamlError(yaml, reason, offset)
  return { ruleId: 'yaml/syntax', offset: e.offset, endOffset: e.endOffset, data: { reason, cause: e.cause, fixed: e.fixed, key: e.key, char: e.char, ...(e.indent !== undefined ? { indent: e.indent } : {}) } }
}

export function jsonType(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  return typeof v
}
