import rule from '../../../scripts/lint/rules/accessibility-status.ts'
import { fiche } from '../phases.ts'
import { testRule } from '../rule-tester.ts'

const status = (v: string): [string, string] => ['accessibility_status: partiellement conforme', v]

testRule(rule, {
  valid: [
    { name: 'partiellement conforme', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'totalement conforme', fiche: status('accessibility_status: totalement conforme') },
    { name: 'investigation', fiche: fiche('phases:\n  - name: investigation\n    start: 2024-01-01\n') },
    { name: 'non conforme but ended', fiche: fiche('accessibility_status: non conforme\nphases:\n  - name: abandon\n    start: 2024-01-01\n') },
  ],
  invalid: [
    { name: 'missing', fiche: status('usertypes_x: 1').map((x, i) => (i === 1 ? '' : `${x}\n`)) as [string, string], errors: [['missing', 1, 1]] },
    { name: 'non conforme while live (at the value)', fiche: status('accessibility_status: non conforme'), errors: [['nonConforme', 21, 23]] },
  ],
})
