import rule from '../../../scripts/lint/rules/impact-missing.ts'
import { fiche } from '../phases.ts'
import { testRule } from '../rule-tester.ts'

testRule(rule, {
  valid: [
    { name: 'an impact_url', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'investigation', fiche: fiche('phases:\n  - name: investigation\n    start: 2024-01-01\n') },
    { name: 'construction announced for later', fiche: fiche('phases:\n  - name: investigation\n    start: 2024-01-01\n  - name: construction\n    start: 2024-07-01\n') },
  ],
  invalid: [
    { name: 'construction without link still needs impact', fiche: fiche("link: ''\nphases:\n  - name: construction\n    start: 2024-01-01\n"), errors: [['missing', 1, 1]] },
    { name: 'a blank impact_url (at the key)', fiche: ['impact_url: https://exemple.beta.gouv.fr/impact', "impact_url: ''"], errors: [['missing', 19, 1]] },
    { name: 'a link back to the fiche itself ([liens-2])', fiche: ['impact_url: https://exemple.beta.gouv.fr/impact', 'impact_url: http://beta.gouv.fr/startups/exemple'], errors: [['selfLink', 19, 13]] },
  ],
})
