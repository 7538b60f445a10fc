// GitHub's failures in words: no network is said as such, with no invented status.
import { describe, expect, it } from 'vitest'
import { explainGitHubError, networkCode } from '../../scripts/github/client.ts'

/** What Octokit throws when fetch gets no answer: status 500, no response, fetch's TypeError as cause, the socket's error below. */
const noAnswer = (cause: unknown) => Object.assign(new Error('fetch failed'), { status: 500, cause: Object.assign(new TypeError('fetch failed'), { cause }) })

describe('no network', () => {
  it.each([
    ['connection refused', { code: 'ECONNREFUSED' }, 'connexion refusée, ECONNREFUSED'],
    ['DNS failure', { code: 'ENOTFOUND' }, 'adresse introuvable, ENOTFOUND'],
    ['DNS failure, temporary', { code: 'EAI_AGAIN' }, 'adresse introuvable, EAI_AGAIN'],
    ['every address refused (happy eyeballs)', new AggregateError([{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }]), 'connexion refusée, ECONNREFUSED'],
  ])('%s: « Pas de réseau », no status', (_, cause, why) => {
    const e = explainGitHubError(noAnswer(cause), 'lecture du dépôt a/b', 'fr')
    expect(e.message).toBe(`Pas de réseau : GitHub ne répond pas (${why}) pendant : lecture du dépôt a/b. Vérifiez la connexion (ou GITHUB_API_URL), puis relancez la commande : elle termine ce qui a été commencé.`)
    expect(e.status).toBeUndefined()
  })

  it('a server that answered 500 is not a missing network; a request that got no answer shows no status', () => {
    expect(networkCode(Object.assign(new Error('x'), { status: 500, response: { headers: {} } }))).toBeUndefined()
    expect(explainGitHubError(Object.assign(new Error('x'), { status: 502, response: { headers: {} } }), 'X', 'fr').message).toBe('GitHub ne répond pas correctement (502) pendant : X, même après plusieurs essais. Réessayez dans quelques minutes.')
    expect(explainGitHubError(noAnswer(new Error('bad port')), 'X', 'fr').message).toBe('GitHub ne répond pas correctement pendant : X, même après plusieurs essais. Réessayez dans quelques minutes.')
  })

  it('in English', () => {
    expect(explainGitHubError(noAnswer({ code: 'ENOTFOUND' }), 'reading a/b', 'en').message).toMatch(/^No network: GitHub does not answer \(address not found, ENOTFOUND\) while: reading a\/b\./)
  })
})
