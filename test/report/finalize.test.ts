/**
 * Problems → diagnostics: the language of the messages (French by default,
 * English as with `--lang en`), where a missing field is placed, severities
 * and the order of the diagnostics.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { finalize } from '../../scripts/report/finalize.ts'
import { RULE_CATALOGUE } from '../../scripts/lint/rule-catalogue.ts'
import { BASE, check, editStartup, replaceOnce, triples } from '../helpers.ts'

const STARTUP = BASE['startups/exemple.md']!

describe('messages in French (default) and in English (--lang en)', () => {
  it.each([
    [
      'an unknown incubator',
      editStartup('incubator: dinum', 'incubator: dinun'),
      "L’incubateur « dinun » n’existe pas. Vouliez-vous dire « dinum » ?",
      'The incubator "dinun" does not exist. Did you mean "dinum"?',
      "Replace \"dinun\" with \"dinum\". Use the name of a file in incubators/ without .md, or add the incubator's fiche in the same pull request.",
    ],
    ['a missing field', editStartup('title: Exemple\n', ''), 'Le champ obligatoire « title » est absent.', 'The required field "title" is missing.', 'Add a line "title: …", for example "title: Produits @ beta.gouv.fr".'],
    ['an impossible date', editStartup('start: 2023-07-01', 'start: 2023-02-30'), "La date « 2023-02-30 » n’existe pas dans le calendrier.", 'The date "2023-02-30" does not exist in the calendar.', 'Check the day and month (YYYY-MM-DD): a date is never corrected automatically.'],
    ['a wrong type', editStartup('link:', 'stats: oui\nlink:'), 'stats doit être true ou false, pas du texte.', 'stats must be true or false, not text.', 'Write true or false. For example: "stats: true".'],
    ['an enum typo', editStartup('  - name: construction', '  - name: acceleraton'), "« acceleraton » n’est pas une valeur permise pour name (phases n°2). Vouliez-vous dire « acceleration » ?", '"acceleraton" is not an allowed value for name (phases n°2). Did you mean "acceleration"?', 'Replace "acceleraton" with "acceleration". Allowed values: investigation, construction, acceleration, consolidation, transfere, opere, abandon, abandon-investigation.'],
    ['an unknown key', editStartup('link:', 'lnik:'), "Le champ « lnik » n’existe pas. Vouliez-vous dire « link » ?", 'The field "lnik" does not exist. Did you mean "link"?', 'Rename "lnik" to "link".'],
    ['a YAML syntax error', editStartup('incubator: dinum', 'incubator: dinum\n  bad: x'), 'Erreur de syntaxe YAML : le champ « bad » n’est pas aligné sur les autres.', 'YAML syntax error: the field "bad" is not aligned with the others (bad indentation of a mapping entry).', 'Align the field with the other fields of the same level, with spaces. Write: bad: x'],
    ['an id with uppercase letters', { 'startups/auxAJ.md': STARTUP }, "L’identifiant « auxAJ » contient des majuscules, des accents ou des caractères spéciaux.", 'The id "auxAJ" contains uppercase letters, accents or special characters.', 'Rename the file in lowercase without accents, with dashes (my-product.md). A published id must not change (it is part of URLs): a registry that has some can lower the rule to a warning in registry.config.json.'],
    ['overlapping phases', editStartup('end: 2023-06-30', 'end: 2023-07-15'), 'La phase « investigation » se termine (2023-07-15) après le début de la phase « construction » (2023-07-01).', 'The phase "investigation" ends (2023-07-15) after the phase "construction" starts (2023-07-01).', 'Write an end date no later than 2023-07-01, or correct the start date of the next phase.'],
  ] as [string, Record<string, string>, string, string, string][])('%s', (_case, files, fr, en, hintEn) => {
    const french = check(files)
    const english = check(files, { lang: 'en' })
    expect(french.map((d) => d.message)).toEqual([fr])
    expect(english.map((d) => d.message)).toEqual([en])
    expect(english[0]!.hint).toBe(hintEn)
    expect(check(files, { lang: 'fr' })).toEqual(french)
    // Only the words change: same rules, places and severities.
    expect(english.map(({ message: _m, hint: _h, ...rest }) => rest)).toEqual(french.map(({ message: _m, hint: _h, ...rest }) => rest))
  })

  it('has a French and an English text for every diagnostic of a broken registry', () => {
    const files = {
      ...editStartup('incubator: dinum', 'incubator: dinun'),
      'organisations/ademe.md': '',
      'incubators/ademe.md': '---\ntitle: x\n',
      'startups/Autre.md': '---\ntitle: [\n---\n',
    }
    const fr = check(files)
    const en = check(files, { lang: 'en' })
    expect(fr.length).toBeGreaterThan(3)
    fr.forEach((d, i) => {
      expect(d.message).not.toBe(en[i]!.message)
      expect(d.hint).not.toBe(en[i]!.hint)
    })
  })
})

describe('where a missing top-level field is placed', () => {
  it.each([
    ['a fiche that starts with its fields', STARTUP.replace('title: Exemple\n', '')],
    ['a front matter that starts with a comment', STARTUP.replace('---\ntitle: Exemple\n', '---\n# Fiche produit\n')],
    ['a front matter that starts with a blank line', STARTUP.replace('---\ntitle: Exemple\n', '---\n\n')],
  ])('on the opening --- line: %s', (_case, text) => {
    const diagnostics = check({ 'startups/exemple.md': text })
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.column, d.endLine, d.endColumn])).toEqual([['schema/required', 1, 1, 1, 4]])
  })

  it('at the parent key for a missing nested field', () => {
    const text = replaceOnce(STARTUP, 'link:', 'fast:\n  promotion: 3\nlink:')
    expect(triples(check({ 'startups/exemple.md': text }))).toEqual([['schema/required', 8, 1]])
  })

  it('at the list key for an empty list item', () => {
    expect(triples(check(editStartup('  - /organisations/dinum', '  - /organisations/dinum\n  -')))).toEqual([['schema/type', 5, 1]])
  })
})

describe('finalize', () => {
  const files = new Map([['startups/a.md', { text: 'ligne 1\nligne 2\n' }]])

  it('sorts by file, line, column and rule', () => {
    const out = finalize(
      [
        { file: 'startups/b.md', ruleId: 'file/empty', offset: 0 },
        { file: 'startups/a.md', ruleId: 'id/format', offset: 8, data: { id: 'a' } },
        { file: 'startups/a.md', ruleId: 'file/bom', offset: 8 },
        { file: 'startups/a.md', ruleId: 'file/empty', offset: 2 },
      ],
      files,
      DEFAULT_CONFIG,
      'fr',
      RULE_CATALOGUE,
    )
    expect(out.map((d) => [d.file, d.ruleId, d.line, d.column])).toEqual([
      ['startups/a.md', 'file/empty', 1, 3],
      ['startups/a.md', 'file/bom', 2, 1],
      ['startups/a.md', 'id/format', 2, 1],
      ['startups/b.md', 'file/empty', 1, 1],
    ])
  })

  it('applies the configured severity over the problem and rule defaults', () => {
    const problems = [{ file: 'startups/a.md', ruleId: 'file/directory', severity: 'error' as const, offset: 0, data: { name: 'x.md' } }]
    expect(finalize(problems, files, DEFAULT_CONFIG, 'fr', RULE_CATALOGUE)[0]?.severity).toBe('error')
    expect(finalize(problems, files, { rules: { 'file/directory': 'warning' } }, 'fr', RULE_CATALOGUE)[0]?.severity).toBe('warning')
    expect(finalize(problems, files, { rules: { 'file/directory': 'off' } }, 'fr', RULE_CATALOGUE)).toEqual([])
  })

  it('refuses a rule that is not in the catalogue', () => {
    expect(() => finalize([{ file: 'startups/a.md', ruleId: 'nope/nope', offset: 0 }], files, DEFAULT_CONFIG, 'fr', RULE_CATALOGUE)).toThrow('unknown rule id: nope/nope')
  })
})

describe('a missing field in a file with a BOM', () => {
  it('spans the opening --- itself, not the invisible BOM', () => {
    const text = `\uFEFF${BASE['startups/exemple.md']!.replace('title: Exemple\n', '')}`
    const d = check({ 'startups/exemple.md': text }).find((x) => x.ruleId === 'schema/required')!
    expect([d.line, d.column, d.endLine, d.endColumn]).toEqual([1, 2, 1, 5])
  })
})
