import type { Diagnostic } from '../diagnostic.ts'
import type { FormatContext, Formatter } from './index.ts'
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
    const label = d.severity === 'error' ? red(ctx.color, ctx.lang === 'fr' ? 'erreur' : 'error') : yellow(ctx.color, ctx.lang === 'fr' ? 'attention' : 'warning')
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

function frame(d: Diagnostic, ctx: FormatContext): string[] {
  const text = ctx.texts.get(d.file)
  if (text === undefined) return []
  const lines = text.split('\n')
  const target = lines[d.line - 1]
  if (target === undefined) return []
  const first = Math.max(1, d.line - 2)
  const width = String(d.line).length
  const out: string[] = []
  for (let n = first; n <= d.line; n++) {
    const content = printable((lines[n - 1] ?? '').replace(/\r$/, '').replace(/\t/g, '  '))
    const shown = [...content].length > 120 ? `${[...content].slice(0, 119).join('')}…` : content
    out.push(dim(ctx.color, `    ${n === d.line ? '>' : ' '} ${String(n).padStart(width)} | `) + shown)
  }
  const prefix = [...target.replace(/\r$/, '')].slice(0, d.column - 1).map((c) => (c === '\t' ? '  ' : ' ')).join('')
  const length = d.endLine === d.line && d.endColumn > d.column ? d.endColumn - d.column : 1
  if (d.column - 1 <= 120) out.push(dim(ctx.color, `      ${' '.repeat(width)} | `) + red(ctx.color, `${prefix}${'^'.repeat(Math.min(length, 80))}`))
  return out
}
