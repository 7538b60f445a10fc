import { expect, it } from 'vitest'
import rule, { headings, SECTIONS } from '../../../scripts/lint/rules/body-sections.ts'
import { fiche } from '../phases.ts'
import { testRule } from '../rule-tester.ts'

const investigation = 'phases:\n  - name: investigation\n    start: 2024-01-01\n'

testRule(rule, {
  valid: [
    { name: 'the four usual headings', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'variants teams write', fiche: fiche('phases:\n  - name: construction\n    start: 2024-01-01\n', '## Le problème\n\n## Notre service\n\n## Déploiement\n\n## Objectifs à 6 mois\n') },
    { name: 'bold lines and emoji headings', fiche: fiche(investigation, '**Contexte**\n\n## 💡 Solution\n') },
    { name: 'investigation asks only problem and solution', fiche: fiche(investigation, '## Problématique\n\n## Hypothèses de solution :\n') },
    { name: 'more corpus variants', fiche: fiche('phases:\n  - name: construction\n    start: 2024-01-01\n', "## Pourquoi ce service ?\n\n## 🎯 **Notre réponse**\n\n## Où en est-on ?\n\n***L’impact recherché à 6 mois***\n") },
  ],
  invalid: [
    { name: 'an empty body (at the line after ---)', fiche: fiche(investigation, ''), errors: [['missingSection', 9, 1], ['missingSection', 9, 1]] },
    { name: 'construction without strategy nor goals', fiche: fiche('phases:\n  - name: construction\n    start: 2024-01-01\n', 'Du texte.\n\n## Contexte\n\n## Solution\n'), errors: [['missingSection', 9, 1], ['missingSection', 9, 1]] },
    { name: 'a heading inside a code block does not count', fiche: fiche(investigation, '## Contexte\n\n```\n## Solution\n```\n'), errors: [['missingSection', 9, 1]] },
  ],
})

it('normalises headings', () => {
  expect(headings('# A\n**B** :\nnot **c**\n### L⠙équipe')).toEqual(['a', 'b', "l'équipe"])
})

it('SECTIONS patterns cannot match a line break, so one test over the joined headings equals a test per heading', () => {
  for (const [section, pattern] of Object.entries(SECTIONS)) {
    // No class that takes a line break (\s, ., a negated set, \W, \D, \S), no flag that changes a test.
    expect(pattern.source, section).not.toMatch(/\\s|\\W|\\D|\\S|\\n|\[\^|(?<!\\)\./)
    expect(pattern.flags, section).toBe('')
  }
})
