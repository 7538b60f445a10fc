import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../../scripts/report/diagnostic.ts'
import { summarize } from '../../../scripts/report/diagnostic.ts'
import { json } from '../../../scripts/report/formatters/json.ts'
import { check, editStartup } from '../../helpers.ts'
import { RULE_CATALOGUE } from '../../../scripts/lint/rule-catalogue.ts'

const ctx = (diagnostics: readonly Diagnostic[], files: number) => ({ summary: summarize(diagnostics, files), lang: 'fr' as const, texts: new Map<string, string>(), color: false, rules: RULE_CATALOGUE })

describe('json', () => {
  it('is exactly {diagnostics: [{file, line, column, endLine, endColumn, ruleId, severity, message, hint, path?}], summary}', () => {
    const diagnostics = check(editStartup('start: 2023-07-01', 'start: 2023-02-30'))
    const withoutPath: Diagnostic = { file: 'startups/lien.md', line: 1, column: 1, endLine: 1, endColumn: 1, ruleId: 'file/symlink', severity: 'error', message: 'M', hint: 'H' }
    const all = [...diagnostics, withoutPath]
    const out = json(all, ctx(all, 6))
    expect(out.endsWith('}\n')).toBe(true)
    const parsed = JSON.parse(out)
    expect(Object.keys(parsed)).toEqual(['diagnostics', 'summary'])
    expect(parsed.summary).toEqual({ files: 6, errors: 2, warnings: 0 })
    expect(Object.keys(parsed.summary)).toEqual(['files', 'errors', 'warnings'])
    expect(parsed.diagnostics).toEqual([
      {
        file: 'startups/exemple.md',
        line: 14,
        column: 12,
        endLine: 14,
        endColumn: 22,
        ruleId: 'schema/format',
        severity: 'error',
        message: "La date « 2023-02-30 » n’existe pas dans le calendrier.",
        hint: 'Vérifiez le jour et le mois (AAAA-MM-JJ) : la date n’est jamais corrigée automatiquement.',
        path: '/phases/1/start',
      },
      { file: 'startups/lien.md', line: 1, column: 1, endLine: 1, endColumn: 1, ruleId: 'file/symlink', severity: 'error', message: 'M', hint: 'H' },
    ])
    // Key order is part of the format; `path` only when there is one.
    expect(Object.keys(parsed.diagnostics[0])).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message', 'hint', 'path'])
    expect(Object.keys(parsed.diagnostics[1])).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message', 'hint'])
  })

  it('gives a certain fix last, as ESLint does: {range: [start, end], text}', () => {
    const fixed: Diagnostic = { file: 'a.md', line: 1, column: 1, endLine: 1, endColumn: 2, ruleId: 'file/bom', severity: 'error', message: 'm', hint: 'h', fix: { range: [0, 1], text: '' } }
    const parsed = JSON.parse(json([fixed], ctx([fixed], 1))).diagnostics[0]
    expect(parsed.fix).toEqual({ range: [0, 1], text: '' })
    expect(Object.keys(parsed).at(-1)).toBe('fix')
  })

  it('keeps nothing else of a diagnostic object', () => {
    const extra = { file: 'a.md', line: 2, column: 3, endLine: 4, endColumn: 5, ruleId: 'file/bom', severity: 'warning', message: 'm', hint: 'h', secret: 'x' } as Diagnostic
    expect(JSON.parse(json([extra], ctx([extra], 1))).diagnostics).toEqual([{ file: 'a.md', line: 2, column: 3, endLine: 4, endColumn: 5, ruleId: 'file/bom', severity: 'warning', message: 'm', hint: 'h' }])
  })

  it('is valid JSON whatever the message holds, and pretty-printed with two spaces', () => {
    const d: Diagnostic = { file: 'a"\n.md', line: 1, column: 1, endLine: 1, endColumn: 1, ruleId: 'file/bom', severity: 'warning', message: '"}\u0000\u001b[2J\u2028', hint: '\\', path: '/a~1b' }
    const out = json([d], ctx([d], 1))
    expect(JSON.parse(out).diagnostics[0]).toEqual({ ...d })
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/)
    expect(out.split('\n')[1]).toBe('  "diagnostics": [')
  })

  it('prints an empty list and the summary when all is well', () => {
    expect(json([], ctx([], 3))).toBe('{\n  "diagnostics": [],\n  "summary": {\n    "files": 3,\n    "errors": 0,\n    "warnings": 0\n  }\n}\n')
  })
})
