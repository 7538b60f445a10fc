import rule from '../../../scripts/lint/rules/phase-stale.ts'
import { fiche, TO_INVESTIGATION } from '../phases.ts'
import { testRule } from '../rule-tester.ts'

const investigation = (start: string) => fiche(`phases:\n  - name: investigation\n    start: ${start}\n`)

testRule(rule, {
  valid: [
    { name: 'construction for 11 months', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'investigation for exactly 6 months', fiche: investigation('2023-12-01') },
    { name: 'no as-of date: no time-based warning', fiche: investigation('2020-01-01'), asOf: null },
    { name: 'a longer window in the options', fiche: investigation('2023-06-01'), config: { ruleOptions: { 'phase-stale': { investigationMonths: 12 } } } },
  ],
  invalid: [
    { name: 'investigation for 6 months and a day (at start)', fiche: investigation('2023-11-30'), errors: [['stale', 7, 12]] },
    { name: 'investigation only, since 2023-01-02', fiche: TO_INVESTIGATION, errors: [['stale', 10, 12]] },
    { name: 'construction for more than 2 years', fiche: fiche('phases:\n  - name: construction\n    start: 2022-05-31\n'), errors: [['stale', 7, 12]] },
    { name: 'an investigation that ended without a next phase', fiche: fiche('phases:\n  - name: investigation\n    start: 2020-01-01\n    end: 2020-06-01\n'), errors: [['stale', 7, 12]] },
    { name: 'the same fiche is stale as of a later date', fiche: ['incubator: dinum', 'incubator: dinum'], asOf: '2025-07-02', errors: [['stale', 13, 12]] },
  ],
})
