/**
 * Valid text only: every key and string value of the front matter, and the
 * body, must be text that strict consumers accept. YAML escapes can write
 * what a file cannot hold (`"\ud800"`, `"\x00"`, `"\e"`): a lone surrogate
 * makes strict JSON parsers reject the feed, a control character breaks CSV
 * readers and terminals. Tab and newline are text; the body may also hold
 * carriage returns (CRLF line endings have their own rule, file/crlf).
 * One problem per string, at the first bad character; linear in the text.
 * Bidirectional controls (invisible.ts) are errors too, `value/bidi-control`:
 * they reorder what a reviewer reads, in a pull request or on the site.
 */
import type { ParsedRecord } from '../load/parse-record.ts'
import type { Problem } from '../report/diagnostic.ts'
import { escapePointer } from '../report/locate.ts'
import { bidiControl } from './invisible.ts'
import { fieldLabel } from './field-label.ts'

/** C0 controls except tab and newline, DEL, and C1 controls (Unicode category Cc). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/
/** The same, carriage return allowed (body). */
const CONTROL_IN_BODY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** String.prototype.isWellFormed (Node 20+; not in TypeScript's ES2022 library). */
const nativeIsWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed

/** The first character that is not valid text, if any: its index and what it is. */
export function invalidText(s: string, control = CONTROL): { index: number; kind: 'control' | 'surrogate'; code: string } | undefined {
  const c = control.exec(s)
  // isWellFormed is a fast scan; the lookbehind regex only runs on the rare string that fails it.
  const surrogate = nativeIsWellFormed?.call(s) ? null : LONE_SURROGATE.exec(s)
  const first = c && (!surrogate || c.index < surrogate.index) ? c : surrogate
  if (!first) return undefined
  const code = `U+${first[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
  return { index: first.index, kind: first === c ? 'control' : 'surrogate', code }
}

export function checkText(record: ParsedRecord): Problem[] {
  const problems: Problem[] = []
  const file = record.file
  const visit = (value: unknown, pointer: string): void => {
    if (typeof value === 'string') {
      const bad = invalidText(value)
      if (bad) problems.push({ file, ruleId: 'value/invalid-text', path: pointer, data: { where: 'value', field: fieldLabel(pointer), kind: bad.kind, code: bad.code } })
      const bidi = bidiControl(value)
      if (bidi) problems.push({ file, ruleId: 'value/bidi-control', path: pointer, data: { where: 'value', field: fieldLabel(pointer), nameFr: bidi.fr, nameEn: bidi.en } })
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i], `${pointer}/${i}`)
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        const child = `${pointer}/${escapePointer(key)}`
        const bad = invalidText(key)
        if (bad) problems.push({ file, ruleId: 'value/invalid-text', path: child, target: 'key', data: { where: 'key', kind: bad.kind, code: bad.code } })
        const bidi = bidiControl(key)
        if (bidi) problems.push({ file, ruleId: 'value/bidi-control', path: child, target: 'key', data: { where: 'key', nameFr: bidi.fr, nameEn: bidi.en } })
        visit(v, child)
      }
    }
  }
  visit(record.data, '')
  const bad = invalidText(record.body, CONTROL_IN_BODY)
  if (bad) {
    const offset = record.text.length - record.body.length + bad.index
    problems.push({ file, ruleId: 'value/invalid-text', offset, endOffset: offset + 1, data: { where: 'body', kind: bad.kind, code: bad.code } })
  }
  const bidi = bidiControl(record.body)
  if (bidi) {
    const offset = record.text.length - record.body.length + bidi.index
    problems.push({ file, ruleId: 'value/bidi-control', offset, endOffset: offset + 1, data: { where: 'body', nameFr: bidi.fr, nameEn: bidi.en } })
  }
  return problems
}
