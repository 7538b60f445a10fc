import rule from '../../../scripts/lint/rules/repository-missing.ts'
import { FUTURE_CONSTRUCTION, TO_ABANDON, TO_INVESTIGATION } from '../phases.ts'
import { testRule } from '../rule-tester.ts'

const noRepo: [string, string] = ['repository: https://github.com/betagouv/exemple\n', '']

testRule(rule, {
  valid: [
    { name: 'a repository', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'investigation without repository', fiche: ['repository: https://github.com/betagouv/exemple\nphases:\n  - name: investigation\n    start: 2023-01-02\n    end: 2023-06-30\n  - name: construction\n    start: 2023-07-01\n', 'phases:\n  - name: investigation\n    start: 2023-01-02\n'] },
    { name: 'a construction that starts after the as-of date', fiche: ['repository: https://github.com/betagouv/exemple\nphases:\n  - name: investigation\n    start: 2023-01-02\n    end: 2023-06-30\n  - name: construction\n    start: 2023-07-01\n', 'phases:\n  - name: investigation\n    start: 2023-01-02\n  - name: construction\n    start: 2024-09-01\n'] },
    {
      name: 'an exemption with a reason and a justification',
      fiche: ['repository: https://github.com/betagouv/exemple\n', 'standards_exemptions:\n  - rule: repository-missing\n    reason: not-applicable\n    justification: Un service de conseil, sans code.\n'],
    },
  ],
  invalid: [
    { name: 'construction without repository', fiche: noRepo, errors: [['missing', 1, 1]] },
    { name: 'an empty repository (at the key)', fiche: ['repository: https://github.com/betagouv/exemple', "repository: ''"], errors: [['missing', 7, 1]] },
    {
      name: 'an expired exemption does not exempt',
      fiche: ['repository: https://github.com/betagouv/exemple\n', 'standards_exemptions:\n  - rule: repository-missing\n    reason: not-applicable\n    justification: Un service de conseil.\n    expires: 2024-01-01\n'],
      errors: [['missing', 1, 1]],
    },
  ],
})
void [FUTURE_CONSTRUCTION, TO_ABANDON, TO_INVESTIGATION]
