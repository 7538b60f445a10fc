// One row per class of YAML syntax error: a French headline naming the cause, the right line and
// column in the whole file, and a hint that shows the corrected line; no parser English in French.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { explainYamlError, quoteYaml } from '../../scripts/load/yaml-errors.ts'
import { BASE, check, editStartup } from '../helpers.ts'

/** Words of js-yaml's English reasons that must never reach a French message. */
const ENGLISH = /\b(bad|mapping|entry|sequence|stream|deficient|scalar|implicit|missed|unexpected|quoted|expected|characters|unidentified|within|flow|collection|multiline|tab|cannot|can not|key may|end of)\b/i

const ROWS: [string, string, string, string, number, number, string][] = [
  // name, from, to, headline, line, column, corrected line
  ['colon in an unquoted value', 'title: Exemple', 'title: Exemple : le service', 'la valeur de « title » contient « : » sans être entre guillemets', 2, 16, "title: 'Exemple : le service'"],
  ['colon in a list item', '  - /organisations/dinum', '  - /organisations/dinum\nmission2: Aider: vite', 'la valeur de « mission2 » contient « : » sans être entre guillemets', 7, 16, "mission2: 'Aider: vite'"],
  ['value starting with [', 'title: Exemple', 'title: [Beta] Exemple', 'la valeur de « title » commence par « [ », un caractère réservé en YAML', 2, 8, "title: '[Beta] Exemple'"],
  ['value starting with @', 'title: Exemple', 'title: @exemple', 'la valeur de « title » commence par « @ », un caractère réservé en YAML', 2, 8, "title: '@exemple'"],
  ['value starting with *', 'title: Exemple', 'title: *nouveau* service', 'la valeur de « title » commence par « * », un caractère réservé en YAML', 2, 8, "title: '*nouveau* service'"],
  ['apostrophe inside single quotes', 'title: Exemple', "title: 'L'exemple'", 'une apostrophe ferme les guillemets simples de « title »', 2, 11, "title: 'L''exemple'"],
  ['tab before a list item', '  - /organisations/dinum', '\t- /organisations/dinum', 'une tabulation sert d’indentation', 6, 1, '  - /organisations/dinum'],
  ['unclosed double quote', 'title: Exemple', 'title: "Exemple', 'les guillemets ouverts dans la valeur de « title » ne sont jamais fermés', 2, 8, 'title: "Exemple"'],
  ['unclosed single quote', 'mission: Simplifier une démarche pour les usagers', "mission: 'Simplifier une démarche", 'les guillemets ouverts dans la valeur de « mission » ne sont jamais fermés', 3, 10, "mission: 'Simplifier une démarche'"],
  ['unclosed bracket', 'title: Exemple', 'title: Exemple\ntechno: [a, b', 'un crochet ou une accolade n’est jamais fermé', 3, 9, 'techno: [a, b]'],
  ['list item misaligned (less)', '  - /organisations/dinum', '  - /organisations/dinum\n - /organisations/ademe', 'un élément de liste (« - ») n’est pas aligné sur les autres', 7, 1, '  - /organisations/ademe'],
  ['list item misaligned (more, in phases)', '  - name: construction', '   - name: construction', 'un élément de liste (« - ») n’est pas aligné sur les autres', 13, 1, '  - name: construction'],
  ['key misaligned', 'incubator: dinum', 'incubator: dinum\n  contact2: x', 'le champ « contact2 » n’est pas aligné sur les autres', 5, 1, 'contact2: x'],
  ['missing colon', 'incubator: dinum', 'incubator dinum', 'il manque les deux-points après « incubator dinum »', 4, 1, 'incubator: dinum'],
  ['stray character before a key', 'title: Exemple', '*title: Exemple', 'un caractère en trop (« * ») avant le nom du champ', 2, 1, 'title: Exemple'],
  ['# inside a key', 'incubator: dinum', 'incu #bator: dinum', 'un « # » coupe le nom du champ « incubator »', 4, 5, 'incubator: dinum'],
  ['value split over two lines', '    start: 2023-07-01', '    start: 2023-07\n -01', 'une valeur est coupée en deux lignes', 15, 1, '    start: 2023-07-01'],
]

describe('YAML syntax errors, one row per cause', () => {
  it.each(ROWS)('%s', (_name, from, to, headline, line, column, fixed) => {
    const diagnostics = check(editStartup(from, to))
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['yaml/syntax'])
    const [d] = diagnostics
    expect(d!.message).toBe(`Erreur de syntaxe YAML : ${headline}.`)
    expect([d!.line, d!.column]).toEqual([line, column])
    expect(d!.hint.endsWith(` Écrivez : ${fixed}`)).toBe(true)
    expect(d!.message).not.toMatch(ENGLISH)
    expect(d!.hint).not.toMatch(ENGLISH)
    // The corrected line really fixes the file.
    const fixedFile = editStartup(from, to)['startups/exemple.md']!.split('\n')
    fixedFile[line - 1] = fixed
    // A split value is joined into one line: the first half goes.
    if (_name === 'value split over two lines') fixedFile.splice(line - 2, 1)
    const after = check({ 'startups/exemple.md': fixedFile.join('\n') }).filter((x) => x.ruleId.startsWith('yaml/'))
    expect(after).toEqual([])
  })

  it('English mode names the cause and keeps the parser reason', () => {
    const [d] = check(editStartup('title: Exemple', 'title: Exemple : le service'), { lang: 'en' })
    expect(d!.message).toBe('YAML syntax error: the value of "title" contains ": " without quotes (bad indentation of a mapping entry).')
    expect(d!.hint).toBe("Put the value in single quotes. Write: title: 'Exemple : le service'")
  })

  it('a control character is named by its code point', () => {
    const [d] = check(editStartup('title: Exemple', 'title: Exem\u0007ple'))
    expect(d!.message).toBe('Erreur de syntaxe YAML : un caractère de contrôle invisible (U+0007).')
    expect(d!.hint).toContain('Écrivez : title: Exemple')
  })

  it('an unknown cause still speaks French only', () => {
    const e = explainYamlError('"a\nb": c\n', 'end of the stream or a document separator is expected', 7)
    const [d] = check(editStartup('title: Exemple', '"ti\ntle": Exemple'))
    expect(e.cause).toBeDefined()
    expect(d!.message).not.toMatch(ENGLISH)
    expect(d!.hint).not.toMatch(ENGLISH)
  })

  it('quoteYaml doubles single quotes', () => {
    expect(quoteYaml("L'exemple")).toBe("'L''exemple'")
  })
})

describe('no parser English in French, whatever the mistake', () => {
  it('random insertions of YAML-significant characters give French-only syntax messages', () => {
    const text = BASE['startups/exemple.md']!
    const yamlEnd = text.indexOf('\n---', 4)
    const insert = fc.record({ at: fc.integer({ min: 4, max: yamlEnd }), what: fc.constantFrom(': ', ' #', '\t', '"', "'", '[', '{', ' - ', '\n ', '\n  - ', '@', '*', '&', '!', '|', '>', '%', '`') })
    let syntax = 0
    fc.assert(
      fc.property(fc.array(insert, { minLength: 1, maxLength: 3 }), (edits) => {
        let t = text
        for (const e of edits) t = t.slice(0, e.at) + e.what + t.slice(e.at)
        for (const d of check({ 'startups/exemple.md': t })) {
          if (!d.ruleId.startsWith('yaml/')) continue
          syntax++
          expect(d.message, t).not.toMatch(ENGLISH)
          expect(d.hint, t).not.toMatch(ENGLISH)
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: Number(process.env.FUZZ_SEED ?? 20261129) },
    )
    expect(syntax).toBeGreaterThan(50)
  })
})
