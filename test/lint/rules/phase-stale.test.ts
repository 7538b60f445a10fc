import { expect, it } from 'vitest'
import rule from '../../../scripts/lint/rules/phase-stale.ts'
import { fiche, TO_INVESTIGATION } from '../phases.ts'
import { lintCase, testRule } from '../rule-tester.ts'

const investigation = (start: string) => fiche(`phases:\n  - name: investigation\n    start: ${start}\n`)

testRule(rule, {
  valid: [
    { name: 'construction for 11 months', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'investigation for exactly 6 months', fiche: investigation('2023-12-01') },
    { name: 'no as-of date: no time-based warning', fiche: investigation('2020-01-01'), asOf: null },
    { name: 'a longer window in the options', fiche: investigation('2023-06-01'), config: { ruleOptions: { 'phase-stale': { investigationMonths: 12 } } } },
    { name: 'a long construction with its next phase announced ([phases-1], corpus: data.etat)', fiche: fiche('phases:\n  - name: investigation\n    start: 2021-11-01\n  - name: construction\n    start: 2022-03-01\n  - name: acceleration\n    start: 2025-05-01\n') },
    { name: 'a phase that ends after the as-of date', fiche: fiche('phases:\n  - name: construction\n    start: 2023-09-01\n    end: 2024-12-31\n') },
    { name: 'a long acceleration: no limit', fiche: fiche('phases:\n  - name: acceleration\n    start: 2019-01-01\n') },
    { name: 'an ended product', fiche: fiche('phases:\n  - name: abandon-investigation\n    start: 2021-07-09\n    end: 2021-10-15\n') },
  ],
  invalid: [
    { name: 'investigation for 6 months and a day (at start)', fiche: investigation('2023-11-30'), errors: [['stale', 7, 12]] },
    { name: 'construction for more than 2 years', fiche: fiche('phases:\n  - name: construction\n    start: 2022-05-31\n'), errors: [['stale', 7, 12]] },
    { name: 'the same fiche is stale as of a later date', fiche: ['incubator: dinum', 'incubator: dinum'], asOf: '2025-07-02', errors: [['stale', 13, 12]] },
    { name: 'an investigation that ended without a next phase ([phases-2], at end)', fiche: fiche('phases:\n  - name: investigation\n    start: 2020-01-01\n    end: 2020-06-01\n'), errors: [['endedNoSuccessor', 8, 10]] },
    { name: 'investigation only, ended 2023-06-30', fiche: TO_INVESTIGATION, errors: [['endedNoSuccessor', 11, 10]] },
    { name: 'an acceleration that ended without a next phase (corpus: domifa)', fiche: fiche('phases:\n  - name: construction\n    start: 2018-06-01\n  - name: acceleration\n    start: 2020-01-01\n    end: 2023-01-17\n'), errors: [['endedNoSuccessor', 10, 10]] },
  ],
})

it('says the phase ended and nothing follows it', () => {
  const { fr, en } = lintCase(rule, { name: '', fiche: fiche('phases:\n  - name: construction\n    start: 2021-07-01\n    end: 2022-09-01\n') })
  expect(fr[0]!.message).toBe("La phase « construction » s’est terminée le 2022-09-01 et aucune phase ne la suit : la fiche ne dit pas où en est le produit.")
  expect(en[0]!.message).toBe('The phase "construction" ended on 2022-09-01 and no phase follows it: the fiche does not say where the product stands.')
})
