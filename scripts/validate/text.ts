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
import { bidiControl, invisibleAtEdges, invisibleInValue, withoutJunk } from './invisible.ts'
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

/**
 * Characters that may make a string fail one of the checks below (a control character, a
 * surrogate, a bidirectional control, an invisible character): a string without any of them
 * (almost every string of a registry) is checked by this one scan. Not a `u` regex: each half
 * of a surrogate pair matches, and isWellFormed then decides.
 */
const SUSPECT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]/

/** Whether String.prototype.trim removes this character (ECMAScript's WhiteSpace and LineTerminator: what \s matches). */
function trimmable(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d)
  return c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff)
}

/** A JSON Pointer from the keys and indexes visited: made only for a problem. */
const pointerOf = (path: readonly (string | number)[]): string => path.map((p) => `/${typeof p === 'number' ? p : escapePointer(p)}`).join('')

/**
 * Every key and string value of the front matter, and the body, in one pass: spaces around a
 * value (`value/untrimmed`) or an invisible character inside it (`value/invisible-character`),
 * then invalid text and bidirectional controls (checkText's rules). The problems come in that
 * order: first the spaces and invisible characters of every value, then the text problems of
 * keys and values, then the body's.
 */
export function checkStrings(record: ParsedRecord): Problem[] {
  const spaces: Problem[] = []
  const problems: Problem[] = []
  const file = record.file
  const path: (string | number)[] = []
  const visitString = (value: string): void => {
    const untrimmed = value !== '' && (trimmable(value.charCodeAt(0)) || trimmable(value.charCodeAt(value.length - 1)))
    const suspect = SUSPECT.test(value)
    if (!untrimmed && !suspect) return
    const pointer = pointerOf(path)
    if (untrimmed) {
      const invisible = invisibleAtEdges(value)
      const trimmed = value.trim()
      // A certain fix (issue 21): the value without its edges, unless nothing would be left.
      spaces.push({ file, ruleId: 'value/untrimmed', path: pointer, data: { field: fieldLabel(pointer), value, trimmed, invisibleFr: invisible?.fr, invisibleEn: invisible?.en }, ...(trimmed !== '' && { fix: { value: trimmed } }) })
    } else {
      const invisible = invisibleInValue(value)
      const cleaned = invisible && withoutJunk(value)
      if (invisible) spaces.push({ file, ruleId: 'value/invisible-character', path: pointer, data: { field: fieldLabel(pointer), invisibleFr: invisible.fr, invisibleEn: invisible.en }, ...(cleaned && { fix: { value: cleaned } }) })
    }
    if (suspect) textProblems(value, pointer, 'value')
  }
  const textProblems = (s: string, pointer: string, where: 'value' | 'key'): void => {
    const bad = invalidText(s)
    const target = where === 'key' ? ({ target: 'key' } as const) : {}
    const field = where === 'key' ? {} : { field: fieldLabel(pointer) }
    if (bad) problems.push({ file, ruleId: 'value/invalid-text', path: pointer, ...target, data: { where, ...field, kind: bad.kind, code: bad.code } })
    const bidi = bidiControl(s)
    if (bidi) problems.push({ file, ruleId: 'value/bidi-control', path: pointer, ...target, data: { where, ...field, nameFr: bidi.fr, nameEn: bidi.en } })
  }
  const visit = (value: unknown): void => {
    if (typeof value === 'string') visitString(value)
    else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i)
        visit(value[i])
        path.pop()
      }
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        path.push(key)
        if (SUSPECT.test(key)) textProblems(key, pointerOf(path), 'key')
        visit((value as Record<string, unknown>)[key])
        path.pop()
      }
    }
  }
  visit(record.data)
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
  return spaces.length === 0 ? problems : problems.length === 0 ? spaces : [...spaces, ...problems]
}
