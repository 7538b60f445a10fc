import rule from '../../../scripts/lint/rules/usertypes-unknown.ts'
import { testRule } from '../rule-tester.ts'

const usertypes = (...v: string[]): [string, string] => ['usertypes:\n  - particulier', `usertypes:\n${v.map((x) => `  - ${x}`).join('\n')}`]

testRule(rule, {
  valid: [
    { name: 'canonical values', fiche: usertypes('particulier', 'collectivite-territoriale', 'etat') },
    { name: 'no usertypes', fiche: ['usertypes:\n  - particulier\n', ''] },
  ],
  invalid: [
    { name: 'an accented and capitalised variant, with a suggestion', fiche: usertypes('particulier', 'État'), errors: [['unknown', 24, 5]] },
    { name: 'free text', fiche: usertypes('Les agents des préfectures'), errors: [['unknown', 23, 5]] },
  ],
})
