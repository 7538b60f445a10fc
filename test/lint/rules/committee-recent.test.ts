import { expect, it } from 'vitest'
import rule from '../../../scripts/lint/rules/committee-recent.ts'
import { fiche } from '../phases.ts'
import { lintCase, testRule } from '../rule-tester.ts'

const committee = (date: string): [string, string] => ['    date: 2024-03-15', `    date: ${date}`]
/** A product in construction since 2022, as real fiches write it; `events` and more phases appended. */
const product = (more = '', events = '') => fiche(`phases:\n  - name: investigation\n    start: 2022-01-10\n  - name: construction\n    start: 2022-07-01\n${more}${events ? `events:\n${events}` : ''}`)

testRule(rule, {
  valid: [
    { name: 'a committee 2.5 months ago ([comite-1])', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'a move to acceleration 3 months ago: decided in committee ([comite-2])', fiche: product('  - name: acceleration\n    start: 2024-03-04\n') },
    { name: 'an event whose comment names a committee ([comite-1])', fiche: product('', '  - name: other\n    date: 2024-03-30\n    comment: Réunion du comité stratégique (ensemble des parties prenantes)\n') },
    { name: 'a COPIL', fiche: product('', '  - name: other\n    date: 2024-02-12\n    comment: COPIL avec la DGALN\n') },
    { name: 'a product younger than 6 months', fiche: fiche('phases:\n  - name: investigation\n    start: 2024-01-01\n') },
    { name: 'no as-of date', fiche: committee('2020-01-01'), asOf: null },
    { name: 'opere: out of incubation ([comite-3])', fiche: product('  - name: acceleration\n    start: 2022-12-01\n  - name: opere\n    start: 2023-11-01\n') },
    { name: 'an ended product', fiche: fiche('phases:\n  - name: abandon\n    start: 2020-01-01\n') },
    { name: 'a longer window in the options', fiche: committee('2023-09-01'), config: { ruleOptions: { 'committee-recent': { months: 12 } } } },
  ],
  invalid: [
    { name: 'the last committee more than 6 months ago (at events)', fiche: committee('2023-11-30'), errors: [['none', 14, 1]] },
    { name: 'a committee announced after the as-of date does not count', fiche: committee('2024-07-01'), errors: [['none', 14, 1]] },
    { name: 'no events at all (at the opening ---)', fiche: fiche('phases:\n  - name: construction\n    start: 2023-01-01\n'), errors: [['none', 1, 1]] },
    { name: 'the move to construction was 7 months ago', fiche: fiche('phases:\n  - name: investigation\n    start: 2023-03-01\n  - name: construction\n    start: 2023-11-02\n'), errors: [['none', 1, 1]] },
    { name: 'a comment without a committee', fiche: product('', '  - name: other\n    date: 2024-03-30\n    comment: Financement FTAP IA\n'), errors: [['none', 10, 1]] },
    { name: 'consolidation is still incubation', fiche: product('  - name: acceleration\n    start: 2022-12-01\n  - name: consolidation\n    start: 2023-11-01\n'), errors: [['none', 1, 1]] },
  ],
})

it('says what the fiche shows: the window and the last committee, or none', () => {
  const last = lintCase(rule, { name: '', fiche: committee('2023-09-14') })
  expect(last.fr[0]!.message).toBe("La fiche ne montre ni comité d’investissement ni changement de phase entre le 2023-12-01 et le 2024-06-01 ; le dernier comité indiqué date du 2023-09-14.")
  expect(last.en[0]!.message).toBe('The fiche shows neither an investment committee nor a phase change between 2023-12-01 and 2024-06-01; the last committee it gives was on 2023-09-14.')
  expect(lintCase(rule, { name: '', fiche: product() }).fr[0]!.message).toMatch(/elle n’indique aucun comité\.$/)
})
