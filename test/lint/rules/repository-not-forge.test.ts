import { expect, it } from 'vitest'
import rule, { isForgeRepository } from '../../../scripts/lint/rules/repository-not-forge.ts'
import { testRule } from '../rule-tester.ts'

const repo = (v: string): [string, string] => ['repository: https://github.com/betagouv/exemple', `repository: ${v}`]

testRule(rule, {
  valid: [
    { name: 'a GitHub repository', fiche: repo('https://github.com/betagouv/exemple') },
    { name: 'a folder of a GitHub monorepo', fiche: repo('https://github.com/betagouv/monorepo/tree/main/apps/exemple') },
    { name: 'a nested GitLab group', fiche: repo('https://gitlab.com/groupe/sous-groupe/projet') },
    { name: 'a ministry forge', fiche: repo('https://forge.apps.education.fr/equipe/projet') },
    { name: 'no repository: not this rule’s business', fiche: ['repository: https://github.com/betagouv/exemple\n', ''] },
  ],
  invalid: [
    { name: 'an organisation', fiche: repo('https://github.com/betagouv'), errors: [['notRepository', 7, 13]] },
    { name: 'a file of a repository', fiche: repo('https://github.com/betagouv/exemple/blob/main/README.md'), errors: [['notRepository', 7, 13]] },
    { name: 'a web page', fiche: repo('https://exemple.beta.gouv.fr/code'), errors: [['notRepository', 7, 13]] },
    { name: 'trailing garbage', fiche: repo('"https://github.com/betagouv/exemple; "'), errors: [['notRepository', 7, 13]] },
  ],
})

it('recognises forge hosts', () => {
  expect(isForgeRepository('https://framagit.org/a/b')).toBe(true)
  expect(isForgeRepository('https://codeberg.org/a')).toBe(false)
  expect(isForgeRepository('not a url')).toBe(false)
  expect(isForgeRepository('ftp://github.com/a/b')).toBe(false)
})
