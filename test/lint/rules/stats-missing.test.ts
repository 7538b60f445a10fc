import rule from '../../../scripts/lint/rules/stats-missing.ts'
import { fiche } from '../phases.ts'
import { testRule } from '../rule-tester.ts'

const noStats: [string, string] = ['stats_url: https://exemple.beta.gouv.fr/stats\n', '']

testRule(rule, {
  valid: [
    { name: 'a stats_url', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'stats: true with a link', fiche: ['stats_url: https://exemple.beta.gouv.fr/stats', 'stats: true'] },
    { name: 'investigation (not live)', fiche: fiche('phases:\n  - name: investigation\n    start: 2024-01-01\n') },
    { name: 'construction, launched the day construction started: a project start ([en-ligne-2])', fiche: fiche("link: ''\nphases:\n  - name: investigation\n    start: 2023-01-01\n  - name: construction\n    start: 2023-09-01\nevents:\n  - name: product_launch\n    date: 2023-09-01\n") },
  ],
  invalid: [
    { name: 'no stats page', fiche: noStats, errors: [['missing', 1, 1]] },
    { name: 'stats: true without link (at stats)', fiche: fiche('stats: true\nphases:\n  - name: acceleration\n    start: 2024-01-01\n'), errors: [['missing', 5, 1]] },
    { name: 'stats: false', fiche: ['stats_url: https://exemple.beta.gouv.fr/stats', 'stats: false'], errors: [['missing', 17, 1]] },
    { name: 'a link back to the fiche itself ([liens-2])', fiche: ['stats_url: https://exemple.beta.gouv.fr/stats', 'stats_url: https://beta.gouv.fr/startups/exemple.html#:~:text=Indicateurs'], errors: [['selfLink', 17, 12]] },
    { name: 'construction, launched after construction started', fiche: fiche("link: ''\nphases:\n  - name: investigation\n    start: 2023-01-01\n  - name: construction\n    start: 2023-09-01\nevents:\n  - name: product_launch\n    date: 2023-11-15\n"), errors: [['missing', 1, 1]] },
  ],
})
