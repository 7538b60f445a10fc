import type { Formatter } from './formatter.ts'

/**
 * For tools: `{diagnostics: [...], summary: {files, errors, warnings}}`. A
 * diagnostic whose correction is certain carries `fix: {range: [start, end],
 * text}` (ESLint's shape; offsets in the file's text, see report/diagnostic.ts).
 */
export const json: Formatter = (diagnostics, ctx) =>
  `${JSON.stringify(
    {
      diagnostics: diagnostics.map((d) => ({
        file: d.file,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        ruleId: d.ruleId,
        severity: d.severity,
        message: d.message,
        hint: d.hint,
        ...(d.path !== undefined ? { path: d.path } : {}),
        ...(d.fix !== undefined ? { fix: { range: d.fix.range, text: d.fix.text } } : {}),
      })),
      summary: ctx.summary,
    },
    null,
    2,
  )}\n`
