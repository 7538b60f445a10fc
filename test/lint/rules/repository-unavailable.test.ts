import { expect, it } from 'vitest'
import rule from '../../../scripts/lint/rules/repository-unavailable.ts'
import { results } from '../online-results.ts'
import { lintCase, testRule } from '../rule-tester.ts'

const REPO = 'https://github.com/betagouv/exemple'
const same: [string, string] = ['incubator: dinum', 'incubator: dinum']

testRule(rule, {
  valid: [
    { name: 'no online run', fiche: same },
    { name: 'public, licensed, active', fiche: same, online: results(['repository', REPO, 'ok', { repository: { host: 'github.com', public: true, licence: 'MIT' } }]) },
  ],
  invalid: [
    { name: 'private', fiche: same, online: results(['repository', REPO, 'repo-private']), errors: [['unavailable', 7, 13]] },
    { name: 'no licence', fiche: same, online: results(['repository', REPO, 'repo-no-licence']), errors: [['unavailable', 7, 13]] },
    { name: 'rate limited', fiche: same, online: results(['repository', REPO, 'rate-limited', { status: 403 }]), errors: [['unavailable', 7, 13]] },
    { name: 'inactive', fiche: same, online: results(['repository', REPO, 'repo-inactive']), errors: [['unavailable', 7, 13]] },
  ],
})

it('hints at a licence file when there is none', () => {
  const { fr } = lintCase(rule, { name: '', fiche: same, online: results(['repository', REPO, 'repo-no-licence']) })
  expect(fr[0]!.hint).toContain('LICENSE')
})
