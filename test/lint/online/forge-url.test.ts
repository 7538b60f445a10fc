import { describe, expect, it } from 'vitest'
import { parseForgeUrl } from '../../../scripts/lint/online/forge-url.ts'

describe('parseForgeUrl', () => {
  it.each([
    ['https://github.com/betagouv/beta.gouv.fr', 'github', 'betagouv/beta.gouv.fr', 'https://github.com/betagouv/beta.gouv.fr'],
    ['https://github.com/betagouv/api-particulier.git', 'github', 'betagouv/api-particulier', 'https://github.com/betagouv/api-particulier'],
    ['http://www.github.com/MTES-MCT/trackdechets/tree/main/back?tab=readme#x', 'github', 'MTES-MCT/trackdechets', 'https://github.com/MTES-MCT/trackdechets'],
    ['https://github.com/betagouv/repo/', 'github', 'betagouv/repo', 'https://github.com/betagouv/repo'],
    ['https://gitlab.com/incubateur-territoires/startups/zefir.git', 'gitlab', 'incubateur-territoires/startups/zefir', 'https://gitlab.com/incubateur-territoires/startups/zefir'],
    ['https://gitlab.com/group/project/-/tree/master?ref_type=heads', 'gitlab', 'group/project', 'https://gitlab.com/group/project'],
    ['https://gitlab.com/group/sub/project/tree/master', 'gitlab', 'group/sub/project', 'https://gitlab.com/group/sub/project'],
    ['https://framagit.org/group/project', 'gitlab', 'group/project', 'https://framagit.org/group/project'],
    ['https://gitlab.huma-num.fr/group/project/-/blob/main/README.md', 'gitlab', 'group/project', 'https://gitlab.huma-num.fr/group/project'],
    ['https://gitlab-forge.din.developpement-durable.gouv.fr/pub/pnm-public/camino', 'gitlab', 'pub/pnm-public/camino', 'https://gitlab-forge.din.developpement-durable.gouv.fr/pub/pnm-public/camino'],
    ['https://forge.apps.education.fr/incubateur/projet/startup-d-etat/compte-ressources', 'gitlab', 'incubateur/projet/startup-d-etat/compte-ressources', 'https://forge.apps.education.fr/incubateur/projet/startup-d-etat/compte-ressources'],
    ['https://codeberg.org/owner/name/src/branch/main', 'other', 'owner/name', 'https://codeberg.org/owner/name'],
    ['https://git.example.fr/owner/name.git', 'other', 'owner/name', 'https://git.example.fr/owner/name'],
  ])('%s', (url, forge, path, pageUrl) => {
    expect(parseForgeUrl(url)).toMatchObject({ forge, path, pageUrl })
  })

  it('gives the owner and name of GitHub repositories', () => {
    expect(parseForgeUrl('https://github.com/betagouv/x.git')).toMatchObject({ owner: 'betagouv', name: 'x', host: 'github.com' })
  })

  it.each([
    'https://github.com/betagouv',
    'https://github.com/orgs/betagouv/repositories',
    'https://github.com/',
    'https://gitlab.com/group',
    'ftp://github.com/a/b',
    'not a url',
    'https://github.com/a/%2e%2e',
    'https://github.com/-bad-/x',
  ])('%s is not a repository URL', (url) => {
    expect(parseForgeUrl(url)).toBeNull()
  })
})
