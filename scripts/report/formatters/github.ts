import type { Formatter } from './formatter.ts'

/** Workflow commands: one `::error file=…,line=…::message` annotation per diagnostic. */
export const github: Formatter = (diagnostics, ctx) => {
  const changed = ctx.changed
  const ordered = changed ? [...diagnostics.filter((d) => changed.has(d.file)), ...diagnostics.filter((d) => !changed.has(d.file))] : diagnostics
  const lines = ordered.map((d) => {
    const props = [
      `file=${escapeProperty(d.file)}`,
      `line=${d.line}`,
      `endLine=${d.endLine}`,
      `col=${d.column}`,
      `endColumn=${d.endColumn}`,
      `title=${escapeProperty(d.ruleId)}`,
    ].join(',')
    return `::${d.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(`${d.message}\n${d.hint}`)}`
  })
  const { errors, warnings, files } = ctx.summary
  lines.push(
    ctx.lang === 'fr'
      ? `${errors} erreur${errors > 1 ? 's' : ''}, ${warnings} avertissement${warnings > 1 ? 's' : ''} dans ${files} fichier${files > 1 ? 's' : ''}.`
      : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`,
  )
  return `${lines.join('\n')}\n`
}

/** https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
