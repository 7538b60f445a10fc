import rule from '../../../scripts/lint/rules/budget-missing.ts'
import { fiche } from '../phases.ts'
import { GOOD, testRule } from '../rule-tester.ts'

const line = GOOD.split('\n').find((l) => l.startsWith('budget_url:'))!

testRule(rule, {
  valid: [
    { name: 'a budget_url', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'construction without link: not live yet', fiche: fiche("link: ''\nphases:\n  - name: construction\n    start: 2024-01-01\n") },
    { name: 'an ended product without it', fiche: fiche('phases:\n  - name: abandon\n    start: 2024-01-01\n') },
  ],
  invalid: [
    { name: 'no budget_url line', fiche: [`${line}\n`, ''], errors: [['missing', 1, 1]] },
    { name: 'a blank budget_url (at the key)', fiche: [line, "budget_url: ' '"], errors: [['missing', 18, 1]] },
    { name: 'acceleration without it', fiche: fiche('link: https://x.fr\nphases:\n  - name: acceleration\n    start: 2024-01-01\n'), errors: [['missing', 1, 1]] },
  ],
})
