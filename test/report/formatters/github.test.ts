import { describe, expect, it } from 'vitest'
import type { Diagnostic, Lang } from '../../../scripts/report/diagnostic.ts'
import { summarize } from '../../../scripts/report/diagnostic.ts'
import { escapeData, escapeProperty, github } from '../../../scripts/report/formatters/github.ts'
import { check, editStartup } from '../../helpers.ts'
import { RULE_CATALOGUE } from '../../../scripts/lint/rule-catalogue.ts'

const render = (diagnostics: readonly Diagnostic[], files: number, lang: Lang = 'fr') =>
  github(diagnostics, { summary: summarize(diagnostics, files), lang, texts: new Map(), color: false, rules: RULE_CATALOGUE })

const diag = (extra: Partial<Diagnostic> = {}): Diagnostic => ({
  file: 'startups/a.md',
  line: 3,
  column: 8,
  endLine: 3,
  endColumn: 11,
  ruleId: 'schema/type',
  severity: 'error',
  message: 'Le message.',
  hint: "L’aide.",
  ...extra,
})

describe('github', () => {
  it('prints one ::error command per diagnostic with its span and rule, then the summary', () => {
    const diagnostics = check(editStartup('incubator: dinum', 'incubator: dinun'))
    expect(render(diagnostics, 5)).toBe(
      "::error file=startups/exemple.md,line=4,endLine=4,col=12,endColumn=17,title=ref/unknown-incubator::L’incubateur « dinun » n’existe pas. Vouliez-vous dire « dinum » ?%0ARemplacez « dinun » par « dinum ». Utilisez le nom d’un fichier de incubators/ sans .md, ou ajoutez la fiche de l’incubateur dans la même pull request.\n" +
        '1 erreur, 0 avertissement dans 5 fichiers.\n',
    )
  })

  it('prints ::warning for a warning, and the summary in English with --lang en', () => {
    const out = render([diag({ severity: 'warning', ruleId: 'file/bom' }), diag({ line: 4, endLine: 4 })], 1, 'en')
    expect(out.split('\n')).toEqual([
      "::warning file=startups/a.md,line=3,endLine=3,col=8,endColumn=11,title=file/bom::Le message.%0AL’aide.",
      "::error file=startups/a.md,line=4,endLine=4,col=8,endColumn=11,title=schema/type::Le message.%0AL’aide.",
      '1 error, 1 warning in 1 file.',
      '',
    ])
    expect(render([], 2, 'fr')).toBe('0 erreur, 0 avertissement dans 2 fichiers.\n')
  })

  it('escapes %, CR and LF in the data, and also : and , in the properties', () => {
    expect(escapeData('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab: c, d')
    expect(escapeProperty('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab%3A c%2C d')
    // % first: an already-escaped sequence is not taken for an escape.
    expect(escapeData('%0A')).toBe('%250A')
    const out = render([diag({ file: 'startups/a,b:c%.md', ruleId: 'x:y,z', message: '50% : a, b', hint: 'h' })], 1)
    expect(out.split('\n')[0]).toBe('::error file=startups/a%2Cb%3Ac%25.md,line=3,endLine=3,col=8,endColumn=11,title=x%3Ay%2Cz::50%25 : a, b%0Ah')
  })

  it('cannot be made to print another workflow command', () => {
    const evil = diag({
      file: 'startups/x.md\n::set-output name=a::b',
      message: 'm\n::set-output name=pwned::1\r\n::add-mask::x',
      hint: '\n::stop-commands::tok',
    })
    const lines = render([evil], 1).split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toBe(
      '::error file=startups/x.md%0A%3A%3Aset-output name=a%3A%3Ab,line=3,endLine=3,col=8,endColumn=11,title=schema/type::m%0A::set-output name=pwned::1%0D%0A::add-mask::x%0A%0A::stop-commands::tok',
    )
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(1)
    expect(lines.join('\n')).not.toMatch(/\r/)
  })

  it('escapes a newline that comes from a fiche value', () => {
    // A quoted YAML value with \n: the message quotes the value (show() turns it into ↵).
    const diagnostics = check(editStartup('incubator: dinum', 'incubator: "x\\n::warning::y"'))
    const out = render(diagnostics, 5)
    expect(out.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(1)
    expect(out.split('\n')[0]).toContain("L’incubateur « x↵::warning::y » n’existe pas.")
  })
})
