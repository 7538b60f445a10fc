import { expect, it } from 'vitest'
import rule from '../../../scripts/lint/rules/link-unreachable.ts'
import { results } from '../online-results.ts'
import { lintCase, testRule } from '../rule-tester.ts'

const LINK = 'https://exemple.beta.gouv.fr'

testRule(rule, {
  valid: [
    { name: 'no online run: the rule does not apply', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'the link answers', fiche: ['incubator: dinum', 'incubator: dinum'], online: results(['url', LINK, 'ok', { status: 200 }]) },
    { name: 'a private link is not checked', fiche: ['incubator: dinum', 'incubator: dinum\nis_private_url: true'], online: results(['url', LINK, 'dead', { status: 404 }]) },
  ],
  invalid: [
    { name: 'a dead link (at the value)', fiche: ['incubator: dinum', 'incubator: dinum'], online: results(['url', LINK, 'dead', { status: 404 }]), errors: [['unreachable', 6, 7]] },
    { name: 'a timeout', fiche: ['incubator: dinum', 'incubator: dinum'], online: results(['url', LINK, 'timeout']), errors: [['unreachable', 6, 7]] },
    { name: 'a private address, refused', fiche: ['incubator: dinum', 'incubator: dinum'], online: results(['url', LINK, 'refused-address']), errors: [['unreachable', 6, 7]] },
  ],
})

it('says the outcome and the date, and records the date in the outcome', () => {
  const { fr, en, outcomes } = lintCase(rule, { name: '', fiche: ['incubator: dinum', 'incubator: dinum'], online: results(['url', LINK, 'dead', { status: 410 }]) })
  expect(fr[0]!.message).toContain('HTTP 410')
  expect(fr[0]!.message).toContain('2024-05-30')
  expect(en[0]!.message).toContain('checked on 2024-05-30')
  expect(outcomes).toEqual([expect.objectContaining({ result: 'failing', checkedAt: '2024-05-30T08:00:00.000Z' })])
})

it('is not applicable without results for this fiche', () => {
  expect(lintCase(rule, { name: '', fiche: ['incubator: dinum', 'incubator: dinum'], online: results(['url', 'https://other.fr', 'dead']) }).outcomes).toEqual([])
})
