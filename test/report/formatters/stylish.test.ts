import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Diagnostic, Lang } from '../../../scripts/report/diagnostic.ts'
import { summarize } from '../../../scripts/report/diagnostic.ts'
import { cellWidth, stylish } from '../../../scripts/report/formatters/stylish.ts'
import { BASE, check, editStartup } from '../../helpers.ts'
import { RULE_CATALOGUE } from '../../../scripts/lint/rule-catalogue.ts'

function render(diagnostics: Diagnostic[], texts: Record<string, string>, options: { lang?: Lang; color?: boolean; files?: number } = {}): string {
  return stylish(diagnostics, {
    summary: summarize(diagnostics, options.files ?? Object.keys(texts).length),
    lang: options.lang ?? 'fr',
    texts: new Map(Object.entries(texts)),
    color: options.color ?? false,
    rules: RULE_CATALOGUE,
  })
}

/** A diagnostic on one line, for hand-made cases. */
function diag(file: string, line: number, column: number, endColumn: number, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { file, line, column, endLine: line, endColumn, ruleId: 'schema/type', severity: 'error', message: 'Le message.', hint: "L’aide.", ...extra }
}

const ESC = '\u001b'

describe('stylish', () => {
  it('shows the file, line:col, the French severity, message, rule id, code frame, hint and summary', () => {
    const files = editStartup('start: 2023-07-01', 'start: 2023-02-30')
    const texts = { ...BASE, ...files }
    expect(render(check(files), texts)).toBe(
      [
        'startups/exemple.md',
        "  14:12  erreur  La date « 2023-02-30 » n’existe pas dans le calendrier.  schema/format",
        '      12 |     end: 2023-06-30',
        '      13 |   - name: construction',
        '    > 14 |     start: 2023-02-30',
        '         |            ^^^^^^^^^^',
        '    → Vérifiez le jour et le mois (AAAA-MM-JJ) : la date n’est jamais corrigée automatiquement.',
        '',
        '✖ 1 erreur, 0 avertissement dans 5 fichiers',
        '',
      ].join('\n'),
    )
  })

  it('puts the caret under the column on the line marked with >', () => {
    const text = '---\ntitle: Exemple\nstats: oui\n---\n'
    const out = render([diag('startups/a.md', 3, 8, 11)], { 'startups/a.md': text })
    const lines = out.split('\n')
    const marked = lines.findIndex((l) => l.startsWith('    > '))
    expect(lines[marked]).toBe('    > 3 | stats: oui')
    const caret = lines[marked + 1]!
    expect(caret).toBe('        |        ^^^')
    // The caret sits under "oui".
    expect(lines[marked]!.slice(caret.indexOf('^'), caret.indexOf('^') + 3)).toBe('oui')
    // The frame starts two lines above, or at line 1.
    expect(lines.slice(2, marked).map((l) => l.trimEnd())).toEqual(['      1 | ---', '      2 | title: Exemple'])
  })

  it('marks a single character for an empty span and for a span over several lines', () => {
    const text = '---\ntitle:\n  - a\n---\n'
    const out = render([diag('s.md', 2, 1, 1), diag('s.md', 2, 7, 4, { endLine: 3, message: 'Deux.' })], { 's.md': text })
    expect(out.split('\n').filter((l) => l.includes('^'))).toEqual(['        | ^', '        |       ^'])
  })

  it('aligns the caret after a tab, shown as two spaces', () => {
    // Column 5 is the "a" of abc: the tab counts as one character.
    const out = render([diag('s.md', 2, 5, 8)], { 's.md': '---\n\tx: abc\n---\n' })
    expect(out).toContain('    > 2 |   x: abc\n        |      ^^^\n')
  })

  it('widens the gutter for the marked line number and drops a CR of a CRLF file', () => {
    const text = Array.from({ length: 12 }, (_, i) => `ligne${i + 1}`).join('\r\n')
    const out = render([diag('s.md', 10, 1, 6)], { 's.md': text })
    expect(out).toContain(['       8 | ligne8', '       9 | ligne9', '    > 10 | ligne10', '         | ^^^^^'].join('\n'))
    expect(out).not.toContain('\r')
  })

  it('shortens a long line and leaves out a caret beyond what is shown', () => {
    const long = `title: ${'x'.repeat(200)}`
    const near = render([diag('s.md', 1, 8, 9)], { 's.md': long })
    expect(near).toContain(`    > 1 | title: ${'x'.repeat(112)}…\n        |        ^\n`)
    const far = render([diag('s.md', 1, 150, 151)], { 's.md': long })
    expect(far).toContain(`…\n    → L’aide.`)
    expect(far).not.toContain('^')
  })

  it('has no frame when the text of the file is unknown', () => {
    expect(render([diag('startups/lien.md', 1, 1, 1, { ruleId: 'file/symlink' })], {}, { files: 1 })).toBe(
      "startups/lien.md\n  1:1  erreur  Le message.  file/symlink\n    → L’aide.\n\n✖ 1 erreur, 0 avertissement dans 1 fichier\n",
    )
  })

  it('groups by file with a blank line between files, and says "avertissement" for a warning, the word of the summary', () => {
    const out = render(
      [diag('a.md', 1, 1, 1, { severity: 'warning', ruleId: 'file/bom' }), diag('a.md', 1, 1, 1), diag('b.md', 1, 1, 1)],
      {},
      { files: 2 },
    )
    expect(out.split('\n').filter((l) => !l.startsWith('    '))).toEqual([
      'a.md',
      '  1:1  avertissement  Le message.  file/bom',
      '  1:1  erreur  Le message.  schema/type',
      '',
      'b.md',
      '  1:1  erreur  Le message.  schema/type',
      '',
      '✖ 2 erreurs, 1 avertissement dans 2 fichiers',
      '',
    ])
  })

  it.each([
    ['fr', [], 3, '✔ 0 erreur, 0 avertissement dans 3 fichiers\n'],
    ['fr', ['warning', 'warning'], 1, '✔ 0 erreur, 2 avertissements dans 1 fichier'],
    ['en', [], 1, '✔ 0 errors, 0 warnings in 1 file\n'],
    ['en', ['error', 'warning'], 2, '✖ 1 error, 1 warning in 2 files'],
    ['en', ['error', 'error', 'warning', 'warning'], 2, '✖ 2 errors, 2 warnings in 2 files'],
  ] as const)('summary in %s for %j', (lang, severities, files, summary) => {
    const out = render(
      severities.map((severity, i) => diag('a.md', i + 1, 1, 1, { severity })),
      {},
      { lang, files },
    )
    expect(out.endsWith(summary.endsWith('\n') ? summary : `${summary}\n`)).toBe(true)
    if (severities.length === 0) expect(out).toBe(summary)
  })

  it('says error/warning in English', () => {
    const out = render([diag('a.md', 1, 1, 1), diag('a.md', 2, 1, 1, { severity: 'warning' })], {}, { lang: 'en', files: 1 })
    expect(out).toContain('  1:1  error  Le message.')
    expect(out).toContain('  2:1  warning  Le message.')
  })

  describe('neutralises control characters and escapes from a fiche', () => {
    it('in a line of the code frame, keeping the caret aligned', () => {
      const line = `title: A${ESC}[31mB\u0007C\rD\u009b2JE\u202eF\u2066G`
      const out = render([diag('s.md', 2, 26, 27)], { 's.md': `---\n${line}\n---\n` })
      expect(out).toContain('    > 2 | title: A�[31mB�C�D�2JE�F�G\n        |                          ^\n')
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
    })

    it('in a message built from a fiche value, and in the file name', () => {
      // A quoted YAML value may carry escapes: the message quotes the value.
      const files = editStartup('incubator: dinum', 'incubator: "din\\u202eum\\x9b2J\\e[31m"')
      const diagnostics = check(files)
      // The control and bidirectional characters are errors of their own (value/bidi-control, value/invalid-text), and the value is still quoted.
      expect(diagnostics.map((d) => d.ruleId)).toEqual(['ref/unknown-incubator', 'value/bidi-control', 'value/invalid-text'])
      expect(diagnostics[0]!.message).toMatch(/[\u202e\u009b]/)
      const out = render(diagnostics, { ...BASE, ...files })
      expect(out).toContain("  4:12  erreur  L’incubateur « din�um�2J�[31m » n’existe pas.  ref/unknown-incubator\n")
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
      const named = render([diag(`startups/${ESC}]0;titre\u0007.md`, 1, 1, 1)], {}, { files: 1 })
      expect(named.split('\n')[0]).toBe('startups/�]0;titre�.md')
    })

    it('with colours on, the only escapes are the formatter’s own', () => {
      const files = editStartup('title: Exemple', `title: Ex${ESC}[2Jemple`)
      const diagnostics = check(files)
      expect(diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([['yaml/syntax', 2, 10]])
      const out = render(diagnostics, { ...BASE, ...files }, { color: true })
      expect(out).toContain(`${ESC}[31merreur${ESC}[0m`)
      expect(out).toContain('title: Ex�[2Jemple')
      expect(out.replace(/\u001b\[(?:0|1|2|31|33|36)m/g, '')).not.toContain(ESC)
    })
  })

  it('can be imported first, on its own, by plain Node (no import cycle through index.ts)', () => {
    // Vitest's module runner tolerates the cycle that Node's ESM loader does not.
    const repo = fileURLToPath(new URL('../../../', import.meta.url))
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "const m = await import('./scripts/report/formatters/stylish.ts'); process.stdout.write(typeof m.stylish)"], { cwd: repo, encoding: 'utf8', timeout: 20_000 })
    expect(r.stderr).not.toContain('before initialization')
    expect([r.status, r.stdout]).toEqual([0, 'function'])
  })
})

describe('the caret under wide characters', () => {
  it.each([
    ['a', 1],
    ['é', 1],
    ['\t', 2],
    ['中', 2],
    ['🚀', 2],
    ['\u0301', 0],
    ['\u200b', 0],
  ])('%j takes %i cells', (c, cells) => {
    expect(cellWidth(c)).toBe(cells)
  })

  it('stands under the value after CJK text and an emoji', () => {
    const text = '---\ntitle: 中文 🚀 x: 2024-02-30\n---\n'
    const d: Diagnostic = { file: 'startups/w.md', line: 2, column: 16, endLine: 2, endColumn: 26, ruleId: 'schema/format', severity: 'error', message: 'm', hint: 'h' }
    const out = stylish([d], { summary: { files: 1, errors: 1, warnings: 0 }, lang: 'fr', texts: new Map([[d.file, text]]), color: false, rules: RULE_CATALOGUE })
    const lines = out.split('\n')
    const code = lines.find((l) => l.includes('title:'))!
    const caret = lines.find((l) => l.includes('^'))!
    // Cells, not characters: 中 and 文 and 🚀 take two cells each.
    const cells = (s: string) => [...s].reduce((n, c) => n + cellWidth(c), 0)
    expect(cells(caret.slice(0, caret.indexOf('^')))).toBe(cells(code.slice(0, code.indexOf('2024'))))
    expect(caret.slice(caret.indexOf('^')).trim()).toBe('^'.repeat(10))
  })
})
