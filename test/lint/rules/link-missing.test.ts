import { expect, it } from 'vitest'
import rule from '../../../scripts/lint/rules/link-missing.ts'
import { fiche } from '../phases.ts'
import { lintCase, testRule } from '../rule-tester.ts'

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
    { name: 'a launch dated the day construction started: the project’s start ([en-ligne-2], corpus: archeolog-ia)', fiche: fiche(`phases:\n  - name: investigation\n    start: 2023-06-01\n  - name: construction\n    start: 2024-01-01\n${launch('2024-01-01')}`) },
    { name: 'investigation with a launch: never live ([en-ligne-3])', fiche: fiche(`phases:\n  - name: investigation\n    start: 2024-01-01\n${launch('2024-02-01')}`) },
  ],
  invalid: [
    { name: 'acceleration with an empty link (at the key)', fiche: fiche(`link: ''\n${acceleration}`), errors: [['missing', 5, 1]] },
    { name: 'acceleration without link line', fiche: fiche(acceleration), errors: [['missing', 1, 1]] },
    { name: 'construction after a product launch', fiche: fiche(`${construction}${launch('2024-03-01')}`), errors: [['missing', 1, 1]] },
  ],
})

it('says what the fiche shows rather than asserting the product is live ([en-ligne-4])', () => {
  expect(lintCase(rule, { name: '', fiche: fiche(`${construction}${launch('2024-03-01')}`) }).fr[0]!.message).toBe("La fiche indique un lancement le 2024-03-01, mais la fiche ne donne pas l’adresse du service (link).")
  expect(lintCase(rule, { name: '', fiche: fiche(acceleration) }).en[0]!.message).toBe('The product is in acceleration, but the fiche does not give the service’s address (link).')
})
