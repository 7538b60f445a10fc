import { describe, expect, it } from 'vitest'
import { onlineTargets } from '../../../scripts/lint/online/targets.ts'

describe('onlineTargets', () => {
  it('takes the page fields and the repository, exactly as written', () => {
    expect(
      onlineTargets({
        title: 'X',
        link: 'https://x.beta.gouv.fr',
        stats_url: 'http://x.beta.gouv.fr/stats ',
        budget_url: 'https://x.beta.gouv.fr/budget',
        impact_url: 'https://x.beta.gouv.fr/impact',
        dashlord_url: 'https://dashlord.incubateur.net/x',
        repository: 'https://github.com/betagouv/x.git',
      }),
    ).toEqual([
      { kind: 'url', url: 'https://x.beta.gouv.fr' },
      { kind: 'url', url: 'http://x.beta.gouv.fr/stats ' },
      { kind: 'url', url: 'https://x.beta.gouv.fr/budget' },
      { kind: 'url', url: 'https://x.beta.gouv.fr/impact' },
      { kind: 'url', url: 'https://dashlord.incubateur.net/x' },
      { kind: 'repository', url: 'https://github.com/betagouv/x.git' },
    ])
  })

  it('skips values that are not web addresses, and odd data', () => {
    expect(onlineTargets({ link: 'x.beta.gouv.fr', repository: 42, stats_url: null })).toEqual([])
    expect(onlineTargets(null)).toEqual([])
    expect(onlineTargets(['https://a.example'])).toEqual([])
    expect(onlineTargets(Object.create({ link: 'https://inherited.example' }))).toEqual([])
  })
})
