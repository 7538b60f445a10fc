/**
 * A YAML syntax error explained for someone who is not a developer: from the
 * parser's reason and the source lines around its position, name the likely
 * cause (a colon or a reserved character in an unquoted value, a tab, an
 * unclosed quote or bracket, a misaligned line, a missing colon) and write
 * the corrected line. Pure; the words are in report/messages.ts.
 */

export type YamlCause =
  | 'colon-in-value'
  | 'reserved-start'
  | 'apostrophe-in-quotes'
  | 'text-after-quotes'
  | 'tab'
  | 'unclosed-quote'
  | 'unclosed-bracket'
  | 'misaligned-item'
  | 'misaligned-key'
  | 'missing-colon'
  | 'stray-character'
  | 'hash-in-key'
  | 'split-line'
  | 'control-character'
  | 'other'

export interface YamlExplanation {
  cause: YamlCause
  /** Where to point, relative to the YAML text. */
  offset: number
  endOffset?: number
  /** The corrected line, when one can be written. */
  fixed?: string
  /** The key of the line, or the reserved character, for the message. */
  key?: string
  char?: string
  /** tab: the number of spaces the corrected line starts with. */
  indent?: number
}

interface Line {
  start: number
  text: string
}

function linesOf(yaml: string): Line[] {
  const out: Line[] = []
  let start = 0
  for (const text of yaml.split('\n')) {
    out.push({ start, text })
    start += text.length + 1
  }
  return out
}

function lineAt(lines: readonly Line[], offset: number): number {
  let i = 0
  while (i + 1 < lines.length && lines[i + 1]!.start <= offset) i++
  return i
}

const KEY_VALUE = /^(\s*(?:-\s+)?)([^\s#'"][^:#]*?|'[^']*'|"[^"]*"):(?:\s+(.*))?$/
const indentOf = (s: string): number => /^[ \t]*/.exec(s)![0].length

/** Quotes a value for YAML: single quotes, inner ones doubled. */
export function quoteYaml(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

/**
 * How far a line indented with a tab should be indented, from the nearest line above written
 * with spaces: a key under a list item (`  - name: …`) lines up with the item's first key, a
 * line under a key with no value on its line goes one level (two spaces) in, any other line is
 * a sibling. Undefined when there is no such line.
 */
function siblingIndent(lines: readonly Line[], at: number, item: boolean): number | undefined {
  for (let i = at - 1; i >= 0; i--) {
    const t = lines[i]!.text
    if (t.trim() === '' || /^\s*#/.test(t) || /^[ ]*\t/.test(t)) continue
    const dash = /^\s*-\s+(?=\S)/.exec(t)
    if (dash && !item) return dash[0].length
    if (/:\s*$/.test(t)) return indentOf(t) + 2
    return indentOf(t)
  }
  return undefined
}

/**
 * A key written twice in the same mapping (js-yaml points at the second one): the key, the
 * whole key's span, and where its first definition starts (relative to the YAML text).
 */
export function duplicateKey(yaml: string, offset: number): { key: string; offset: number; endOffset: number; firstOffset?: number } | undefined {
  const lines = linesOf(yaml)
  const at = lineAt(lines, Math.min(offset, yaml.length))
  const line = lines[at]!
  const m = KEY_VALUE.exec(line.text)
  if (!m) return undefined
  const key = m[2]!.trim()
  const column = line.text.indexOf(m[2]!, m[1]!.length)
  const indent = m[1]!.length
  let firstOffset: number | undefined
  for (let i = at - 1; i >= 0; i--) {
    const t = lines[i]!.text
    if (t.trim() === '' || /^\s*#/.test(t)) continue
    const k = KEY_VALUE.exec(t)
    // The same mapping: the same indentation (a key after "- " counts at its column), until a parent line.
    const at0 = k ? k[1]!.length : indentOf(t)
    if (k && at0 === indent && k[2]!.trim() === key) {
      firstOffset = lines[i]!.start + at0
      break
    }
    if (indentOf(t) < indent && !(k && at0 === indent)) break
  }
  return { key, offset: line.start + column, endOffset: line.start + column + m[2]!.length, ...(firstOffset !== undefined ? { firstOffset } : {}) }
}

export function explainYamlError(yaml: string, reason: string, offset: number): YamlExplanation {
  const lines = linesOf(yaml)
  const at = lineAt(lines, Math.min(offset, yaml.length))
  const line = lines[at]!
  const base = { offset }

  if (/tab characters must not be used/.test(reason) || /^\s*\t/.test(line.text)) {
    const lead = /^[ \t]*/.exec(line.text)![0]
    const rest = line.text.slice(lead.length)
    // The indentation of the line's siblings, so that the corrected line parses; else two spaces a tab.
    const indent = siblingIndent(lines, at, /^-(\s|$)/.test(rest)) ?? lead.replace(/\t/g, '  ').length
    return { cause: 'tab', offset: line.start + lead.indexOf('\t'), endOffset: line.start + lead.indexOf('\t') + 1, fixed: ' '.repeat(indent) + rest, indent }
  }
  if (/non-printable characters/.test(reason)) {
    const ch = yaml[offset] ?? ''
    return { ...base, endOffset: offset + 1, cause: 'control-character', char: `U+${ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0') ?? '????'}`, fixed: line.text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '') }
  }

  // An opening quote never closed: the parser stops lines later; point at the quote.
  if (/deficient indentation|within a (single|double) quoted scalar|end of the stream/.test(reason)) {
    for (let i = at; i >= 0; i--) {
      const m = KEY_VALUE.exec(lines[i]!.text)
      const value = m?.[3]
      if (value && /^["']/.test(value)) {
        const q = value[0]!
        const closed = q === '"' ? /^"(?:[^"\\]|\\.)*"/.test(value) : /^'(?:[^']|'')*'/.test(value)
        if (!closed) {
          const col = lines[i]!.text.length - value.length
          return { cause: 'unclosed-quote', offset: lines[i]!.start + col, endOffset: lines[i]!.start + col + 1, key: m![2], fixed: `${lines[i]!.text}${q}` }
        }
      }
      const open = (lines[i]!.text.match(/[[{]/g) ?? []).length - (lines[i]!.text.match(/[\]}]/g) ?? []).length
      if (open > 0 && (i < at || /flow collection/.test(reason))) {
        const closer = lines[i]!.text.lastIndexOf('[') > lines[i]!.text.lastIndexOf('{') ? ']' : '}'
        const col = Math.max(lines[i]!.text.lastIndexOf('['), lines[i]!.text.lastIndexOf('{'))
        return { cause: 'unclosed-bracket', offset: lines[i]!.start + col, endOffset: lines[i]!.start + col + 1, fixed: `${lines[i]!.text}${closer}` }
      }
      if (i < at && KEY_VALUE.test(lines[i]!.text) && !/^["']/.test(KEY_VALUE.exec(lines[i]!.text)?.[3] ?? '')) break
    }
  }

  // `mission` alone on its line: the parser stops at the next one.
  if (/multiline key may not be an implicit key|a colon is missed/.test(reason)) {
    for (let i = at; i >= 0; i--) {
      const t = lines[i]!.text
      if (t.trim() === '' || /^\s*#/.test(t)) continue
      if (!t.includes(':')) {
        const key = t.trim()
        const indent = indentOf(t)
        return { cause: 'missing-colon', offset: lines[i]!.start + indent, endOffset: lines[i]!.start + t.length, key, fixed: `${t.slice(0, indent)}${key.replace(/\s+/, ': ')}${key.includes(' ') ? '' : ': …'}` }
      }
      if (i < at) break
    }
  }

  // A character typed before a key (`*title: …`), or a ` #` inside it (`inc #ubator:`), on the line or the one above.
  for (const i of [at, at - 1]) {
    const t = lines[i]?.text
    if (t === undefined) continue
    const stray = /^(\s*(?:-\s+)?)([@|>!%&*`{[\]}:'"]+)\s*([\p{L}_][\p{L}\p{N}_-]*:(?:\s.*)?)$/u.exec(t)
    if (stray) {
      const col = stray[1]!.length
      return { cause: 'stray-character', offset: lines[i]!.start + col, endOffset: lines[i]!.start + col + stray[2]!.length, char: stray[2]!, fixed: `${stray[1]}${stray[3]}` }
    }
    const hash = /^(\s*(?:-\s+)?)([\p{L}_][\p{L}\p{N}_-]*)\s+#([\p{L}\p{N}_-]*):(\s.*)?$/u.exec(t)
    if (hash) {
      const col = hash[1]!.length + hash[2]!.length
      return { cause: 'hash-in-key', offset: lines[i]!.start + col, endOffset: lines[i]!.start + col + 2, key: `${hash[2]}${hash[3]}`, fixed: `${hash[1]}${hash[2]}${hash[3]}:${hash[4] ?? ''}` }
    }
  }

  const kv = KEY_VALUE.exec(line.text)
  const value = kv?.[3]
  if (kv && value !== undefined && value !== '') {
    const prefix = line.text.slice(0, line.text.length - value.length)
    if (/^'/.test(value) && /^'(?:[^']|'')*'[^\s#]/.test(value)) {
      // 'L’incubateur': the apostrophe closes the quotes.
      const inner = value.replace(/^'|'\s*$/g, '')
      return { ...base, cause: 'apostrophe-in-quotes', key: kv[2], fixed: `${prefix}${quoteYaml(inner)}` }
    }
    if (/^"(?:[^"\\]|\\.)*"\s*[^\s#]/.test(value) || /^'(?:[^']|'')*'\s+[^\s#]/.test(value)) {
      return { ...base, cause: 'text-after-quotes', key: kv[2], fixed: `${prefix}${quoteYaml(value.replace(/["']/g, (c) => (c === '"' ? '' : c)).trim())}` }
    }
    if (!/^["']/.test(value) && /^[[\]{}@`%*&!|>]/.test(value) && !/^\[.*\]$|^\{.*\}$/.test(value)) {
      const at0 = line.start + prefix.length
      return { cause: 'reserved-start', offset: at0, endOffset: at0 + 1, key: kv[2], char: value[0], fixed: `${prefix}${quoteYaml(value)}` }
    }
    if (!/^["'[{]/.test(value) && /:(\s|$)/.test(value)) {
      return { ...base, cause: 'colon-in-value', key: kv[2], fixed: `${prefix}${quoteYaml(value)}` }
    }
  }
  if (/unidentified alias/.test(reason) && kv && value) {
    const prefix = line.text.slice(0, line.text.length - value.length)
    return { cause: 'reserved-start', offset: line.start + prefix.length, endOffset: line.start + prefix.length + 1, key: kv[2], char: '*', fixed: `${prefix}${quoteYaml(value)}` }
  }

  // A value cut in two by a line break (` -01` under `start: 2023-01`).
  const previous = lines[at - 1]?.text
  if (at > 0 && /^\s+\S/.test(line.text) && !line.text.includes(': ') && !/^\s*-(\s|$)/.test(line.text) && previous !== undefined && KEY_VALUE.test(previous) && KEY_VALUE.exec(previous)![3]) {
    return { cause: 'split-line', offset: line.start, endOffset: line.start + line.text.length, fixed: `${previous}${line.text.trimStart()}` }
  }

  if (/bad indentation|end of the stream or a document separator/.test(reason)) {
    // A list item out of line: align it on the item before it.
    if (/^\s*-(\s|$)/.test(line.text)) {
      for (let i = at - 1; i >= 0; i--) {
        const t = lines[i]!.text
        if (/^\s*-(\s|$)/.test(t) && indentOf(t) !== indentOf(line.text)) {
          return { cause: 'misaligned-item', offset: line.start, endOffset: line.start + indentOf(line.text) + 1, fixed: `${' '.repeat(indentOf(t))}${line.text.trimStart()}` }
        }
        if (/^\S/.test(t)) break
      }
      return { cause: 'misaligned-item', offset: line.start, endOffset: line.start + indentOf(line.text) + 1, fixed: `  ${line.text.trimStart()}` }
    }
    // A key out of line: align it on the key before it.
    if (kv) {
      for (let i = at - 1; i >= 0; i--) {
        const t = lines[i]!.text
        if (t.trim() === '' || /^\s*#/.test(t)) continue
        const indent = /^\s*-\s+/.test(t) ? /^\s*-\s+/.exec(t)![0].length : indentOf(t)
        return { cause: 'misaligned-key', offset: line.start, endOffset: line.start + indentOf(line.text) + 1, key: kv[2], fixed: `${' '.repeat(indent)}${line.text.trimStart()}` }
      }
    }
  }
  return { ...base, cause: 'other' }
}
