import rule from '../../../scripts/lint/rules/budget-missing.ts'
import { fiche } from '../phases.ts'
import { GOOD, testRule } from '../rule-tester.ts'

const line = GOOD.split('\n').find((l) => l.startsWith('budget_url:'))!

testRule(rule, {
  valid: [
    { name: 'a budget_url', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'construction without link: not live yet', fiche: fiche("link: ''\nphases:\n  - name: construction\n    start: 2024-01-01\n") },
    { name: 'an ended product without it', fiche: fiche('phases:\n  - name: abandon\n    start: 2024-01-01\n') },
    { name: 'the product’s row in the shared Grist ([liens-3])', fiche: [line, 'budget_url: https://grist.numerique.gouv.fr/o/isn/mAQJQawVbFUA/Depenses-numeriques/p/4#a1.s29.r23.c2'] },
    { name: 'a page of the shared Grist', fiche: [line, 'budget_url: https://grist.numerique.gouv.fr/o/isn/mAQJQawVbFUA/Depenses-numeriques/p/8'] },
    { name: 'the incubator’s page of its products’ budgets ([liens-4])', fiche: [line, 'budget_url: https://pad.numerique.gouv.fr/rHMnemklQm6Sww5yVCI9ow?view#Registre-de-preuve'] },
    { name: 'another startup’s page is not this fiche’s', fiche: [line, 'budget_url: https://beta.gouv.fr/startups/autre.html#budget'] },
  ],
  invalid: [
    { name: 'no budget_url line', fiche: [`${line}\n`, ''], errors: [['missing', 1, 1]] },
    { name: 'a blank budget_url (at the key)', fiche: [line, "budget_url: ' '"], errors: [['missing', 18, 1]] },
    { name: 'acceleration without it', fiche: fiche('link: https://x.fr\nphases:\n  - name: acceleration\n    start: 2024-01-01\n'), errors: [['missing', 1, 1]] },
    { name: 'a link back to the fiche itself ([liens-2], corpus: faritas)', fiche: [line, 'budget_url: https://beta.gouv.fr/startups/exemple.html#Budget'], errors: [['selfLink', 18, 13]] },
    { name: 'the fiche’s page on the registry’s own site', fiche: [line, 'budget_url: https://registre.example.org/startups/exemple/'], config: { siteUrl: 'https://registre.example.org' }, errors: [['selfLink', 18, 13]] },
    { name: 'the shared Grist as the catalogue links it, without the product’s row ([liens-3])', fiche: [line, 'budget_url: https://grist.numerique.gouv.fr/o/isn/mAQJQawVbFUA/Depenses-numeriques?utm_id=share-doc'], errors: [['templateLink', 18, 13]] },
    { name: 'a page of doc.incubateur.net', fiche: [line, 'budget_url: https://doc.incubateur.net/communaute/gerer-son-produit/les-standards/transparence/publier-son-budget'], errors: [['templateLink', 18, 13]] },
  ],
})
