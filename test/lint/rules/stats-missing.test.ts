import rule from '../../../scripts/lint/rules/stats-missing.ts'
import { fiche } from '../phases.ts'
import { testRule } from '../rule-tester.ts'

const noStats: [string, string] = ['stats_url: https://exemple.beta.gouv.fr/stats\n', '']

testRule(rule, {
  valid: [
    { name: 'a stats_url', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'stats: true with a link', fiche: ['stats_url: https://exemple.beta.gouv.fr/stats', 'stats: true'] },
    { name: 'investigation (not live)', fiche: fiche('phases:\n  - name: investigation\n    start: 2024-01-01\n') },
  ],
  invalid: [
    { name: 'no stats page', fiche: noStats, errors: [['missing', 1, 1]] },
    { name: 'stats: true without link (at stats)', fiche: fiche('stats: true\nphases:\n  - name: acceleration\n    start: 2024-01-01\n'), errors: [['missing', 5, 1]] },
    { name: 'stats: false', fiche: ['stats_url: https://exemple.beta.gouv.fr/stats', 'stats: false'], errors: [['missing', 17, 1]] },
  ],
})
