/**
 * « Appliquer »: each certain correction, as a table (the text with the mistake, the label, the
 * lines it changes), checked: the corrected text no longer has the diagnostic and has no more
 * errors. And the mistakes that get no correction, because the check does not know it for certain.
 */
import { describe, expect, it } from 'vitest'
import { corrections } from '../../../scripts/site/editor/corrections.ts'
import { shownDiagnostics } from '../../../scripts/site/editor/check.ts'
import { AS_OF, baseContext, checkText } from './editor-context.ts'
import { applyFixes } from '../../../scripts/registry/fix.ts'

const context = baseContext({
  // Two fiches that write the thématique « Santé »: « santé » is the variant.
  'startups/autre-a.md': '---\ntitle: A\nmission: Un service\nincubator: dinum\nthematiques:\n  - Santé\n---\nTexte.\n',
  'startups/autre-b.md': '---\ntitle: B\nmission: Un service\nincubator: dinum\nthematiques:\n  - Santé\n---\nTexte.\n',
})

const fiche = (front: string) => `---\ntitle: Essai\nmission: Simplifier une démarche\nincubator: dinum\n${front}---\nUn texte.\n`

/** The lines that differ between two texts of the same length in lines: [before, after]. */
function changed(a: string, b: string): [string[], string[]] {
  const x = a.split('\n')
  const y = b.split('\n')
  return [x.filter((l, i) => l !== y[i]), y.filter((l, i) => l !== x[i])]
}

const CASES: [string, string, string, string, [string[], string[]]][] = [
  ['a key with a typo the check names', fiche('reposiroty: https://github.com/betagouv/essai\n'), 'schema/unknown-key', 'renommer le champ en « repository »', [['reposiroty: https://github.com/betagouv/essai'], ['repository: https://github.com/betagouv/essai']]],
  ['a value outside the list, with its suggestion', fiche('phases:\n  - name: constructoin\n    start: 2024-02-03\n'), 'schema/enum', 'écrire « construction »', [['  - name: constructoin'], ['  - name: construction']]],
  ['a date written 2024-2-3', fiche('phases:\n  - name: construction\n    start: 2024-2-3\n'), 'schema/format', 'écrire la date « 2024-02-03 »', [['    start: 2024-2-3'], ['    start: 2024-02-03']]],
  ['spaces around a value', fiche("contact: 'equipe@exemple.beta.gouv.fr '\n"), 'value/untrimmed', 'retirer les espaces : « equipe@exemple.beta.gouv.fr »', [["contact: 'equipe@exemple.beta.gouv.fr '"], ["contact: 'equipe@exemple.beta.gouv.fr'"]]],
  ['a zero-width space in a value', fiche('contact: "equipe@exemple\\u200B.beta.gouv.fr"\n'), 'value/invisible-character', 'retirer le caractère invisible', [['contact: "equipe@exemple\\u200B.beta.gouv.fr"'], ['contact: "equipe@exemple.beta.gouv.fr"']]],
  ['http:// when https:// is written elsewhere for the same site', fiche('link: http://essai.beta.gouv.fr\nstats_url: https://essai.beta.gouv.fr/stats\n'), 'url-not-https', 'écrire « https://essai.beta.gouv.fr »', [['link: http://essai.beta.gouv.fr'], ['link: https://essai.beta.gouv.fr']]],
  ['a thématique written unlike the other fiches', fiche('thematiques:\n  - santé\n'), 'vocabulary-case', 'écrire « Santé »', [['  - santé'], ['  - Santé']]],
  ['an unknown incubator with its suggestion', '---\ntitle: Essai\nmission: Simplifier une démarche\nincubator: dinun\n---\nUn texte.\n', 'ref/unknown-incubator', 'écrire « dinum »', [['incubator: dinun'], ['incubator: dinum']]],
  ['a tab used as indentation', fiche('phases:\n\t- name: construction\n    start: 2024-02-03\n'), 'yaml/syntax', 'écrire la ligne 6 ainsi : « - name: construction »', [['\t- name: construction'], ['  - name: construction']]],
]

describe('corrections in one click', () => {
  it.each(CASES)('%s', (_name, text, rule, label, lines) => {
    const check = checkText(text, context)
    expect(shownDiagnostics(check).map((d) => d.ruleId)).toContain(rule)
    const found = corrections(text, 'startups/essai.md', check, context, AS_OF).filter((c) => c.diagnostic.ruleId === rule)
    expect(found.map((c) => c.label)).toEqual([label])
    const fixed = found[0]!.text
    expect(changed(text, fixed)).toEqual(lines)
    // The corrected text passes the check that suggested it, and has no more errors than before.
    const after = shownDiagnostics(checkText(fixed, context))
    expect(after.filter((d) => d.ruleId === rule && d.path === found[0]!.diagnostic.path)).toEqual([])
    const before = new Set(shownDiagnostics(check).map((d) => `${d.ruleId} ${d.message}`))
    expect(after.filter((d) => d.severity === 'error' && !before.has(`${d.ruleId} ${d.message}`))).toEqual([])
  })

  it('removes a blank value, and only where removing it makes no error', () => {
    const text = fiche("techno:\n  - ''\n  - typescript\n")
    const found = corrections(text, 'startups/essai.md', checkText(text, context), context, AS_OF).filter((c) => c.diagnostic.ruleId === 'value-blank')
    expect(found.map((c) => c.label)).toEqual(['retirer la valeur vide'])
    expect(found[0]!.text).toBe(fiche('techno:\n  - typescript\n'))
  })

  it.each([
    ['a date that does not exist (never corrected: the check says so)', fiche('phases:\n  - name: construction\n    start: 2025-02-30\n')],
    ['a key the check has no suggestion for', fiche('zzz: 1\n')],
    ['http:// with no https:// address of the same site in the fiche', fiche('link: http://essai.beta.gouv.fr\n')],
    ['a missing required field', '---\ntitle: Essai\nincubator: dinum\n---\nTexte.\n'],
    ['a YAML mistake whose fix would guess (a missing colon)', fiche('repository https://github.com/betagouv/essai\n')],
    ['a key typo whose right name is written already (renaming would write it twice)', fiche('repository: https://github.com/betagouv/essai\nreposiroty: https://github.com/betagouv/autre\n')],
    ['a zero-width joiner inside an emoji (it changes what is shown: registry fix leaves it too)', fiche('mission: "Simplifier 👩\\u200D💻"\n')],
  ])('offers nothing for %s', (_name, text) => {
    const check = checkText(text, context)
    expect(shownDiagnostics(check).length).toBeGreaterThan(0)
    expect(corrections(text, 'startups/essai.md', check, context, AS_OF)).toEqual([])
  })

  it.each(CASES.filter(([, text, rule]) => shownDiagnostics(checkText(text, context)).some((d) => d.ruleId === rule && d.fix)))('« Appliquer » makes the very edit of registry fix: %s', (_name, text, rule) => {
    const check = checkText(text, context)
    const d = shownDiagnostics(check).find((x) => x.ruleId === rule && x.fix)!
    const found = corrections(text, 'startups/essai.md', check, context, AS_OF).find((c) => c.diagnostic === d)
    expect(found?.text).toBe(applyFixes(text, [d]))
  })
})
