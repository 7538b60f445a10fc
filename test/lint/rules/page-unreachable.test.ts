import rule from '../../../scripts/lint/rules/page-unreachable.ts'
import { results } from '../online-results.ts'
import { testRule } from '../rule-tester.ts'

const STATS = 'https://exemple.beta.gouv.fr/stats'
const BUDGET = 'https://exemple.beta.gouv.fr/budget'
const same: [string, string] = ['incubator: dinum', 'incubator: dinum']

testRule(rule, {
  valid: [
    { name: 'no online run', fiche: same },
    { name: 'pages answer (after a redirect)', fiche: same, online: results(['url', STATS, 'ok', { status: 200, finalUrl: `${STATS}/` }], ['url', BUDGET, 'ok']) },
  ],
  invalid: [
    { name: 'a dead stats page', fiche: same, online: results(['url', STATS, 'dead', { status: 404 }], ['url', BUDGET, 'ok']), errors: [['unreachable', 17, 12]] },
    { name: 'two pages down', fiche: same, online: results(['url', STATS, 'unreachable'], ['url', BUDGET, 'too-many-redirects']), errors: [['unreachable', 17, 12], ['unreachable', 18, 13]] },
  ],
})
