import rule, { personalReason } from '../../../scripts/lint/rules/contact-personal.ts'
import { expect, it } from 'vitest'
import { testRule } from '../rule-tester.ts'

const contact = (v: string): [string, string] => ['contact: contact@exemple.beta.gouv.fr', `contact: ${v}`]

testRule(rule, {
  valid: [
    { name: 'a team address', fiche: contact('equipe@exemple.beta.gouv.fr') },
    { name: 'a function address that looks like first.last', fiche: contact('support.technique@exemple.gouv.fr') },
    { name: 'a hyphenated team name', fiche: contact('equipe-produit@ministere.gouv.fr') },
    { name: 'service words (corpus: atelier.numerique, dnum.fabrique, data.gouv)', fiche: contact('dnum.fabrique@sg.social.gouv.fr') },
  ],
  invalid: [
    { name: 'first.last@', fiche: contact('camille.martin@beta.gouv.fr'), errors: [['person', 5, 10]] },
    { name: 'a webmail', fiche: contact('monprojet@gmail.com'), errors: [['webmail', 5, 10]] },
    { name: 'first.last on a webmail counts once, as webmail', fiche: contact('camille.martin@orange.fr'), errors: [['webmail', 5, 10]] },
    { name: 'a compound first name', fiche: contact('jean-pierre.durand@interieur.gouv.fr'), errors: [['person', 5, 10]] },
  ],
})

it('reads only the part before the last @', () => {
  expect(personalReason('contact@camille.martin.fr')).toBeUndefined()
  expect(personalReason('nope')).toBeUndefined()
})
