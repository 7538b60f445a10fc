import { expect, it } from 'vitest'
import rule, { isForgeRepository, malformation } from '../../../scripts/lint/rules/repository-not-forge.ts'
import { fiche } from '../phases.ts'
import { lintCase, testRule } from '../rule-tester.ts'

const repo = (v: string): [string, string] => ['repository: https://github.com/betagouv/exemple', `repository: ${v}`]
/** Other products of the registry whose code sits in an organisation. */
const others = (...urls: string[]) => Object.fromEntries(urls.map((u, i) => [`startups/autre-${i}.md`, fiche(`repository: ${u}\nphases:\n  - name: construction\n    start: 2024-01-01\n`)]))

testRule(rule, {
  valid: [
    { name: 'a GitHub repository', fiche: repo('https://github.com/betagouv/exemple') },
    { name: 'a folder of a GitHub monorepo', fiche: repo('https://github.com/betagouv/monorepo/tree/main/apps/exemple') },
    { name: 'a nested GitLab group', fiche: repo('https://gitlab.com/groupe/sous-groupe/projet') },
    { name: 'a ministry forge', fiche: repo('https://forge.apps.education.fr/equipe/projet') },
    { name: 'the product’s own organisation, for a product of several repositories ([depots-2])', fiche: repo('https://github.com/tchapgouv') },
    { name: 'an organisation one other product also uses (corpus: BaseAdresseNationale)', fiche: repo('https://github.com/BaseAdresseNationale'), others: others('https://github.com/BaseAdresseNationale/mes-adresses') },
    { name: 'a group on a forge of its own (corpus: git.anje-justice.fr/selexpert)', fiche: repo('https://git.anje-justice.fr/selexpert') },
    { name: 'no repository: not this rule’s business', fiche: ['repository: https://github.com/betagouv/exemple\n', ''] },
    { name: 'an ended product: no standard asked ([termine-1])', fiche: fiche('repository: https://github.com/MTES-MCT/secheresse-front; \nphases:\n  - name: transfere\n    start: 2024-01-01\n') },
  ],
  invalid: [
    { name: 'an organisation shared with two other products ([depots-2])', fiche: repo('https://github.com/suitenumerique'), others: others('https://github.com/suitenumerique/docs', 'https://github.com/suitenumerique/conversations'), errors: [['sharedOrganisation', 7, 13]] },
    { name: 'a file of a repository', fiche: repo('https://github.com/betagouv/exemple/blob/main/README.md'), errors: [['notRepository', 7, 13]] },
    { name: 'a web page ([depots-3])', fiche: repo('https://pad.numerique.gouv.fr/s/Grt2p3eaS#'), errors: [['notForge', 7, 13]] },
    { name: 'a GitHub team’s page, visible to members only', fiche: repo('https://github.com/orgs/betagouv/teams/datalma/repositories'), errors: [['teamPage', 7, 13]] },
    { name: 'a stray « ; » ([depots-3])', fiche: repo('"https://github.com/MTES-MCT/secheresse-front; "'), errors: [['malformed', 7, 13]] },
    { name: 'two addresses', fiche: repo('https://github.com/betagouv/a https://github.com/betagouv/b'), errors: [['malformed', 7, 13]] },
  ],
})

it('tells what is malformed, and the address to keep', () => {
  const { fr, en } = lintCase(rule, { name: '', fiche: repo('"https://github.com/MTES-MCT/secheresse-front; "') })
  expect(fr[0]!.message).toBe("L’adresse du code source « https://github.com/MTES-MCT/secheresse-front;  » est mal formée : elle contient un « ; » ou une « , » en trop.")
  expect(fr[0]!.hint).toBe('Gardez une seule adresse : « repository: https://github.com/MTES-MCT/secheresse-front » (pour un produit fait de plusieurs dépôts, l’adresse de son organisation).')
  expect(en[0]!.message).toContain('it contains a stray ";" or ","')
  expect(malformation('https://github.com/a/b')).toBeUndefined()
  expect(malformation('github.com/a/b')).toEqual({ problem: 'notUrl' })
  expect(malformation('https://github.com/a/b https://gitlab.com/c/d')).toEqual({ problem: 'several', fixed: 'https://github.com/a/b' })
})

it('names the shared organisation and how many others use it', () => {
  const { fr } = lintCase(rule, { name: '', fiche: repo('https://github.com/suitenumerique'), others: others('https://github.com/suitenumerique/docs', 'https://github.com/suitenumerique/conversations', 'https://github.com/suitenumerique/meet') })
  expect(fr[0]!.message).toBe('« https://github.com/suitenumerique » est une organisation commune à 3 autres fiches : elle ne montre pas le code de ce produit.')
  expect(fr[0]!.hint).toBe('Donnez le dépôt du produit dans cette organisation : « repository: https://github.com/suitenumerique/<dépôt> ».')
})

it('explains an accepted organisation in its own words', () => {
  const { outcomes } = lintCase(rule, { name: '', fiche: repo('https://github.com/tchapgouv') })
  expect(outcomes[0]!.seen).toEqual({ messageId: 'organisation', data: { value: 'https://github.com/tchapgouv' } })
})

it('recognises forge hosts', () => {
  expect(isForgeRepository('https://framagit.org/a/b')).toBe(true)
  expect(isForgeRepository('https://codeberg.org/a')).toBe(false)
  expect(isForgeRepository('not a url')).toBe(false)
  expect(isForgeRepository('ftp://github.com/a/b')).toBe(false)
})

it('accepts a shared organisation that bears the product’s name: an umbrella product’s own ([depots-2])', () => {
  const suite = fiche('repository: https://github.com/suitenumerique/\nphases:\n  - name: construction\n    start: 2023-08-01\n')
  const o = others('https://github.com/suitenumerique/docs', 'https://github.com/suitenumerique/meet')
  expect(lintCase(rule, { name: '', file: 'startups/suite-numerique.md', fiche: suite, others: o }).fr).toEqual([])
  expect(lintCase(rule, { name: '', file: 'startups/france-transfert.md', fiche: suite, others: o }).ids).toEqual(['sharedOrganisation'])
})
