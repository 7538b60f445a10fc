import rule from '../../../scripts/lint/rules/analyse-risques.ts'
import { TO_ACCELERATION } from '../phases.ts'
import { testRule } from '../rule-tester.ts'

const accel = (extra: string): [string, string] => [TO_ACCELERATION[0], `${TO_ACCELERATION[1]}\n${extra}`]

testRule(rule, {
  valid: [
    { name: 'construction: not yet asked', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'acceleration, done', fiche: accel('analyse_risques: true') },
    { name: 'acceleration, a published analysis', fiche: accel('analyse_risques_url: https://exemple.beta.gouv.fr/securite') },
  ],
  invalid: [
    { name: 'acceleration, missing', fiche: TO_ACCELERATION, errors: [['missing', 1, 1]] },
    { name: 'acceleration, false (at the value)', fiche: accel('analyse_risques: false'), errors: [['false', 17, 18]] },
  ],
})
