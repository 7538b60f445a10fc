import rule from '../../../scripts/lint/rules/phases-missing.ts'
import { fiche } from '../phases.ts'
import { testRule } from '../rule-tester.ts'

testRule(rule, {
  valid: [
    { name: 'phases', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'only future phases still counts as phases', fiche: fiche('phases:\n  - name: investigation\n    start: 2030-01-01\n') },
  ],
  invalid: [
    { name: 'no phases line (at the opening ---)', fiche: fiche(''), errors: [['missing', 1, 1]] },
    { name: 'an empty list (at the key)', fiche: fiche('phases: []\n'), errors: [['missing', 5, 1]] },
  ],
})
