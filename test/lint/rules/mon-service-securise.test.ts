import rule from '../../../scripts/lint/rules/mon-service-securise.ts'
import { TO_ACCELERATION } from '../phases.ts'
import { testRule } from '../rule-tester.ts'

const accel = (extra: string): [string, string] => [TO_ACCELERATION[0], `${TO_ACCELERATION[1]}\n${extra}`]

testRule(rule, {
  valid: [
    { name: 'construction: not yet asked', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'acceleration, registered', fiche: accel('mon_service_securise: true') },
  ],
  invalid: [
    { name: 'acceleration, missing', fiche: TO_ACCELERATION, errors: [['missing', 1, 1]] },
    { name: 'acceleration, false (at the value)', fiche: accel('mon_service_securise: false'), errors: [['false', 17, 23]] },
  ],
})
