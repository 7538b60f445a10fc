import rule from '../../../scripts/lint/rules/mission-too-long.ts'
import { testRule } from '../rule-tester.ts'

const mission = (n: number): [string, string] => ['mission: Simplifier une démarche pour les usagers', `mission: ${'é'.repeat(n)}`]

testRule(rule, {
  valid: [
    { name: 'a short mission', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'exactly 280 characters', fiche: mission(280) },
    { name: 'a larger limit in the options', fiche: mission(300), config: { ruleOptions: { 'mission-too-long': { maxLength: 400 } } } },
  ],
  invalid: [
    { name: '281 characters (at the value)', fiche: mission(281), errors: [['tooLong', 3, 10]] },
    { name: 'a lower limit in the options', fiche: mission(50), config: { ruleOptions: { 'mission-too-long': { maxLength: 40 } } }, errors: [['tooLong', 3, 10]] },
    { name: 'an ended product: value hygiene applies to every fiche ([termine-2])', fiche: `---\ntitle: Exemple\nmission: ${'é'.repeat(300)}\nincubator: dinum\nphases:\n  - name: abandon\n    start: 2022-01-01\n---\n`, errors: [['tooLong', 3, 10]] },
  ],
})
