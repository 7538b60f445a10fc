import rule from '../../../scripts/lint/rules/committee-recent.ts'
import { fiche } from '../phases.ts'
import { testRule } from '../rule-tester.ts'

const committee = (date: string): [string, string] => ['    date: 2024-03-15', `    date: ${date}`]

testRule(rule, {
  valid: [
    { name: 'a committee 2.5 months ago', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'a product younger than 6 months', fiche: fiche('phases:\n  - name: investigation\n    start: 2024-01-01\n') },
    { name: 'no as-of date', fiche: committee('2020-01-01'), asOf: null },
    { name: 'an ended product', fiche: fiche('phases:\n  - name: abandon\n    start: 2020-01-01\n') },
    { name: 'a longer window in the options', fiche: committee('2023-09-01'), config: { ruleOptions: { 'committee-recent': { months: 12 } } } },
  ],
  invalid: [
    { name: 'the last committee more than 6 months ago (at events)', fiche: committee('2023-11-30'), errors: [['none', 14, 1]] },
    { name: 'a committee announced after the as-of date does not count', fiche: committee('2024-07-01'), errors: [['none', 14, 1]] },
    { name: 'no events at all (at the opening ---)', fiche: fiche('phases:\n  - name: construction\n    start: 2023-01-01\n'), errors: [['none', 1, 1]] },
  ],
})
