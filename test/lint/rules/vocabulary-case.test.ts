import { expect, it } from 'vitest'
import rule from '../../../scripts/lint/rules/vocabulary-case.ts'
import { fiche } from '../phases.ts'
import { lintCase, testRule } from '../rule-tester.ts'

const others = {
  'startups/a.md': fiche('thematiques:\n  - Santé\ntechno:\n  - React\n'),
  'startups/b.md': fiche('thematiques:\n  - Santé\ntechno:\n  - React\n'),
}
const them = (v: string): [string, string] => ['usertypes:\n  - particulier', `usertypes:\n  - particulier\nthematiques:\n  - ${v}`]

testRule(rule, {
  valid: [
    { name: 'the spelling most fiches use', fiche: them('Santé'), others },
    { name: 'a value nobody else writes', fiche: them('Culture'), others },
    // One fiche writing santé twice counts once: Santé (2 fiches) stays the canonical spelling.
    { name: 'a variant written twice in one fiche counts once', fiche: them('Santé'), others: { ...others, 'startups/c.md': fiche('thematiques:\n  - santé\n  - santé\n  - santé\n') } },
  ],
  invalid: [
    { name: 'a case variant (at the item)', fiche: them('santé'), others, errors: [['variant', 25, 5]] },
    { name: 'a techno variant with spaces', fiche: ['usertypes:\n  - particulier', "usertypes:\n  - particulier\ntechno:\n  - 'react '"], others, errors: [['variant', 25, 5]] },
  ],
})

it('gives the canonical spelling in the hint', () => {
  const { fr } = lintCase(rule, { name: '', fiche: them('SANTÉ'), others })
  expect(fr[0]!.hint).toBe('Écrivez « Santé ».')
})
