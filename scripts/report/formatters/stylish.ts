import type { Diagnostic } from '../diagnostic.ts'
import type { FormatContext, Formatter } from './formatter.ts'
import { printable } from './printable.ts'

const ansi = (code: string) => (on: boolean, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s)
const red = ansi('31')
const yellow = ansi('33')
const dim = ansi('2')
const bold = ansi('1')
const cyan = ansi('36')

/** For people: grouped by file, each diagnostic with a code frame and its hint. */
export const stylish: Formatter = (diagnostics, ctx) => {
  const out: string[] = []
  let current: string | undefined
  for (const d of diagnostics) {
    if (d.file !== current) {
      if (current !== undefined) out.push('')
      out.push(bold(ctx.color, printable(d.file)))
      current = d.file
    }
    const label = d.severity === 'error' ? red(ctx.color, ctx.lang === 'fr' ? 'erreur' : 'error') : yellow(ctx.color, ctx.lang === 'fr' ? 'avertissement' : 'warning')
    out.push(`  ${d.line}:${d.column}  ${label}  ${printable(d.message)}  ${dim(ctx.color, d.ruleId)}`)
    out.push(...frame(d, ctx))
    out.push(`    ${cyan(ctx.color, '→')} ${printable(d.hint)}`)
  }
  const { errors, warnings, files } = ctx.summary
  if (out.length > 0) out.push('')
  const fr = `${errors} erreur${errors > 1 ? 's' : ''}, ${warnings} avertissement${warnings > 1 ? 's' : ''} dans ${files} fichier${files > 1 ? 's' : ''}`
  const en = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`
  const text = ctx.lang === 'fr' ? fr : en
  out.push(errors > 0 ? red(ctx.color, `✖ ${text}`) : `✔ ${text}`)
  return `${out.join('\n')}\n`
}

/** Code units of a line looked at: enough for the 120 characters shown and an 80-character caret after them. */
const SHOWN_UNITS = 1024

/** The lines of the last file framed: up to 100 diagnostics of one file in a row share them. */
let splitCache: { text: string; lines: string[] } | undefined
function splitLines(text: string): string[] {
  if (splitCache?.text !== text) splitCache = { text, lines: text.split('\n') }
  return splitCache.lines
}

function frame(d: Diagnostic, ctx: FormatContext): string[] {
  const text = ctx.texts.get(d.file)
  if (text === undefined) return []
  const lines = splitLines(text)
  const target = lines[d.line - 1]
  if (target === undefined) return []
  const first = Math.max(1, d.line - 2)
  const width = String(d.line).length
  const out: string[] = []
  for (let n = first; n <= d.line; n++) {
    // Only the start of a line is shown: a megabyte line costs no more than a short one.
    const content = printable((lines[n - 1] ?? '').slice(0, SHOWN_UNITS).replace(/\r$/, '').replace(/\t/g, '  '))
    const shown = [...content].length > 120 ? `${[...content].slice(0, 119).join('')}…` : content
    out.push(dim(ctx.color, `    ${n === d.line ? '>' : ' '} ${String(n).padStart(width)} | `) + shown)
  }
  const chars = [...target.slice(0, SHOWN_UNITS).replace(/\r$/, '')]
  const prefix = ' '.repeat(chars.slice(0, d.column - 1).reduce((sum, c) => sum + cellWidth(c), 0))
  const span = d.endLine === d.line && d.endColumn > d.column ? chars.slice(d.column - 1, d.endColumn - 1) : []
  const length = Math.max(1, span.reduce((sum, c) => sum + cellWidth(c), 0))
  if (d.column - 1 <= 120) out.push(dim(ctx.color, `      ${' '.repeat(width)} | `) + red(ctx.color, `${prefix}${'^'.repeat(Math.min(length, 80))}`))
  return out
}

const WIDE = /\p{Extended_Pictographic}|[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u
const ZERO = /\p{M}|[\u200B-\u200F\u2060\uFEFF]/u

/** Terminal cells a character takes: 2 for CJK and emoji, 0 for combining and zero-width marks, 2 for a tab (shown as two spaces). */
export function cellWidth(c: string): number {
  if (c === '\t') return 2
  // Below U+0300 there is no mark and nothing wide but © and ® (Extended_Pictographic): no regex for most text.
  if (c.length === 1 && c.charCodeAt(0) < 0x300 && c !== '\u00a9' && c !== '\u00ae') return 1
  if (ZERO.test(c)) return 0
  return WIDE.test(c) ? 2 : 1
}
