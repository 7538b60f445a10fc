import rule from '../../../scripts/lint/rules/exemption-invalid.ts'
import { testRule } from '../rule-tester.ts'

const ex = (lines: string): [string, string] => ['usertypes:\n  - particulier', `usertypes:\n  - particulier\nstandards_exemptions:\n${lines}`]

testRule(rule, {
  valid: [
    { name: 'no exemptions', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'a complete exemption not yet expired', fiche: ex('  - rule: budget-missing\n    reason: remediated\n    justification: Publié sur le site du ministère.\n    expires: 2024-12-31') },
  ],
  invalid: [
    { name: 'no reason', fiche: ex('  - rule: budget-missing\n    justification: Publié ailleurs.'), errors: [['noReason', 25, 5]] },
    { name: 'a reason outside the vocabulary (at the value)', fiche: ex('  - rule: budget-missing\n    reason: because\n    justification: Publié ailleurs.'), errors: [['badReason', 26, 13]] },
    { name: 'no justification', fiche: ex('  - rule: budget-missing\n    reason: remediated'), errors: [['noJustification', 25, 5]] },
    { name: 'an unknown rule', fiche: ex('  - rule: budjet-missing\n    reason: remediated\n    justification: Publié ailleurs.'), errors: [['unknownRule', 25, 11]] },
    { name: 'expired (at the date)', fiche: ex('  - rule: budget-missing\n    reason: remediated\n    justification: Publié ailleurs.\n    expires: 2024-05-31'), errors: [['expired', 28, 14]] },
  ],
})
