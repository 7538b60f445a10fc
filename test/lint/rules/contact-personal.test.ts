import rule, { personalReason, productWords } from '../../../scripts/lint/rules/contact-personal.ts'
import { expect, it } from 'vitest'
import { testRule } from '../rule-tester.ts'

const contact = (v: string): [string, string] => ['contact: contact@exemple.beta.gouv.fr', `contact: ${v}`]

testRule(rule, {
  valid: [
    { name: 'a team address', fiche: contact('equipe@exemple.beta.gouv.fr') },
    { name: 'a function address that looks like first.last', fiche: contact('support.technique@exemple.gouv.fr') },
    { name: 'a hyphenated team name', fiche: contact('equipe-produit@ministere.gouv.fr') },
    { name: 'service words (corpus: atelier.numerique, dnum.fabrique, data.gouv)', fiche: contact('dnum.fabrique@sg.social.gouv.fr') },
    { name: 'a word that names the product: its id or title ([contact-2], corpus: jafer.sadjav-sg@)', fiche: contact('exemple.sadjav-sg@justice.gouv.fr') },
    { name: 'a function mailbox with a suffix (corpus: dirisi-fabnum.expert.fct@)', fiche: contact('dirisi-fabnum.expert.fct@def.gouv.fr') },
    { name: 'three words without a contractor’s suffix (corpus: france.chaleur.urbaine@)', fiche: contact('france.chaleur.urbaine@ademe.fr') },
    { name: 'a numbered mailbox (corpus: contact.00040@)', fiche: contact('dgcl-elections.fpt2@dgcl.gouv.fr') },
  ],
  invalid: [
    { name: 'first.last@', fiche: contact('camille.martin@beta.gouv.fr'), errors: [['person', 5, 10]] },
    { name: 'a webmail', fiche: contact('monprojet@gmail.com'), errors: [['webmail', 5, 10]] },
    { name: 'first.last on a webmail counts once, as webmail', fiche: contact('camille.martin@orange.fr'), errors: [['webmail', 5, 10]] },
    { name: 'a compound first name', fiche: contact('jean-pierre.durand@interieur.gouv.fr'), errors: [['person', 5, 10]] },
    { name: 'a last name of several words (corpus: arthur.ribeiro-de-carvalho@)', fiche: contact('arthur.ribeiro-de-carvalho@gendarmerie.interieur.gouv.fr'), errors: [['person', 5, 10]] },
    { name: 'a contractor’s address, prenom.nom.ext@ ([contact-1])', fiche: contact('delphine.raymond.ext@ademe.fr'), errors: [['person', 5, 10]] },
    { name: 'compound names and .ext (corpus: tu-tho.thai.ext@)', fiche: contact('tu-tho.thai.ext@beta.gouv.fr'), errors: [['person', 5, 10]] },
    { name: 'an initial (c.hiernard@)', fiche: contact('c.hiernard@agglo-pau.fr'), errors: [['person', 5, 10]] },
    { name: 'capitals (corpus: Elise.Cuignet-Royer@)', fiche: contact('Elise.Cuignet-Royer@justice.fr'), errors: [['person', 5, 10]] },
  ],
})

it('knows the product’s words', () => {
  expect(personalReason('jafer.sadjav-sg@justice.gouv.fr')).toBe('person')
  expect(personalReason('jafer.sadjav-sg@justice.gouv.fr', productWords('jafer', 'JAFER'))).toBeUndefined()
  expect([...productWords('mon-devis-sans-oublis', 'Mon devis sans oublis')].sort()).toEqual(['devis', 'mon', 'oublis', 'sans'])
})

it('reads only the part before the last @', () => {
  expect(personalReason('contact@camille.martin.fr')).toBeUndefined()
  expect(personalReason('nope')).toBeUndefined()
})
