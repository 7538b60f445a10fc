import rule from '../../../scripts/lint/rules/link-missing.ts'
import { fiche } from '../phases.ts'
import { testRule } from '../rule-tester.ts'

const construction = 'phases:\n  - name: construction\n    start: 2024-01-01\n'
const acceleration = 'phases:\n  - name: acceleration\n    start: 2024-01-01\n'
const launch = (date: string) => `events:\n  - name: product_launch\n    date: ${date}\n`

testRule(rule, {
  valid: [
    { name: 'a link', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'construction without link nor launch: not live yet', fiche: fiche(`link: ''\n${construction}`) },
    { name: 'a launch after the as-of date', fiche: fiche(`${construction}${launch('2024-09-01')}`) },
    { name: 'a launch dated before construction (the project’s start, as some teams write it)', fiche: fiche(`phases:\n  - name: investigation\n    start: 2023-01-01\n  - name: construction\n    start: 2024-01-01\n${launch('2023-01-01')}`) },
    { name: 'an ended product', fiche: fiche('phases:\n  - name: transfere\n    start: 2024-01-01\n') },
  ],
  invalid: [
    { name: 'acceleration with an empty link (at the key)', fiche: fiche(`link: ''\n${acceleration}`), errors: [['missing', 5, 1]] },
    { name: 'acceleration without link line', fiche: fiche(acceleration), errors: [['missing', 1, 1]] },
    { name: 'construction after a product launch', fiche: fiche(`${construction}${launch('2024-03-01')}`), errors: [['missing', 1, 1]] },
  ],
})
