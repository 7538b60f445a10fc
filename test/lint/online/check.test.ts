/**
 * checkOnline end to end, against real servers on 127.0.0.1: a web server, a
 * fake GitHub API reached by the real Octokit, a fake GitLab instance.
 */
import { describeOnlineWarning } from '../../../scripts/lint/online/describe-online-warning.ts'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { checkOnline, DEFAULT_ONLINE_OPTIONS, onlineUserAgent, runOnlineChecks, type OnlineOptions, type OnlineWarning } from '../../../scripts/lint/online/check.ts'
import type { Resolver } from '../../../scripts/lint/online/fetch-url.ts'
import { onlineKey, type OnlineResult, type OnlineTarget } from '../../../scripts/lint/online/types.ts'
import { startFakeGitHub, startFakeGitLab, type FakeRepo } from './fake-forges.ts'
import { startServer, type TestServer } from './servers.ts'

const NOW = new Date('2026-11-29T10:00:00.000Z')
const TOKEN = 'ghp_doNotLeakThisToken0123456789'

const servers: TestServer[] = []
let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'online-'))
})
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
  await rm(dir, { recursive: true, force: true })
})

async function track<T extends TestServer>(server: Promise<T>): Promise<T> {
  const s = await server
  servers.push(s)
  return s
}

const fakeGitHub = (repos: Record<string, FakeRepo>) => track(startFakeGitHub(repos))

/** A web site: /live, /dead (404), /moved (301 to /live), /slow (never answers). */
function website(): Promise<TestServer> {
  return track(
    startServer((req, res) => {
      if (req.url === '/live') res.end('ok')
      else if (req.url === '/moved') res.writeHead(301, { location: '/live' }).end()
      else if (req.url === '/slow') return
      else res.writeHead(404).end()
    }),
  )
}

const REPOS: Record<string, FakeRepo> = {
  'betagouv/public': {},
  'betagouv/nolicence': { license: null },
  'betagouv/archived': { archived: true },
  'betagouv/sleepy': { pushed_at: '2024-06-01T00:00:00Z' },
  'betagouv/empty': { pushed_at: null },
  'betagouv/visible-private': { private: true },
  'betagouv/other-licence': { license: { key: 'other', spdx_id: 'NOASSERTION' } },
}

const url = (u: string): OnlineTarget => ({ kind: 'url', url: u })
const repo = (u: string): OnlineTarget => ({ kind: 'repository', url: u })

function options(github: TestServer, extra: Partial<OnlineOptions> = {}): OnlineOptions {
  return {
    allowPrivateAddresses: true,
    githubBaseUrl: github.origin,
    githubToken: null,
    timeoutMs: 3000,
    now: () => NOW,
    ...extra,
  }
}

const outcomes = (results: Map<string, OnlineResult>): Record<string, string> =>
  Object.fromEntries([...results.values()].map((r) => [r.url, r.outcome]))

describe('online mode end to end (acceptance)', () => {
  it('a dead link, a redirect, a timeout, a private repository, a repository without licence, a 403 rate limit, a private address refused', async () => {
    const site = await website()
    const github = await fakeGitHub(REPOS)
    const s = site.origin
    const first = await checkOnline(
      [
        url(`${s}/live`),
        url(`${s}/dead`),
        url(`${s}/moved`),
        url(`${s}/slow`),
        repo('https://github.com/betagouv/public'),
        repo('https://github.com/betagouv/secret'), // private and no token, or missing: 404
        repo('https://github.com/betagouv/visible-private'), // private, seen with a token that has access
        repo('https://github.com/betagouv/nolicence.git'),
      ],
      options(github, { timeoutMs: 1500 }),
    )
    expect(outcomes(first)).toEqual({
      [`${s}/live`]: 'ok',
      [`${s}/dead`]: 'dead',
      [`${s}/moved`]: 'ok',
      [`${s}/slow`]: 'timeout',
      'https://github.com/betagouv/public': 'ok',
      'https://github.com/betagouv/secret': 'repo-not-found',
      'https://github.com/betagouv/visible-private': 'repo-private',
      'https://github.com/betagouv/nolicence.git': 'repo-no-licence',
    })
    expect(first.get(`url ${s}/moved`)).toMatchObject({ status: 200, finalUrl: `${s}/live` })
    expect(first.get(`url ${s}/dead`)).toMatchObject({ status: 404, checkedAt: NOW.toISOString() })
    expect(first.get('repository https://github.com/betagouv/public')!.repository).toEqual({
      host: 'github.com',
      fullName: 'betagouv/public',
      public: true,
      licence: 'MIT',
      pushedAt: '2026-10-01T10:00:00Z',
      archived: false,
    })

    github.rateLimit(403)
    const warnings: OnlineWarning[] = []
    const limited = await checkOnline([repo('https://github.com/betagouv/public')], options(github, { onWarning: (w) => warnings.push(w) }))
    expect(limited.get('repository https://github.com/betagouv/public')).toMatchObject({
      outcome: 'rate-limited',
      detail: '2027-01-01T00:00:00.000Z',
    })
    expect(warnings).toEqual([{ id: 'github-rate-limited', resetAt: '2027-01-01T00:00:00.000Z', authenticated: false }])

    const refused = await checkOnline([url(`${s}/live`), url(`http://localhost:${site.port}/live`)], {
      ...options(github),
      allowPrivateAddresses: false,
    })
    expect(outcomes(refused)).toEqual({
      [`${s}/live`]: 'refused-address',
      [`http://localhost:${site.port}/live`]: 'refused-address',
    })
    expect(refused.get(`url ${s}/live`)!.detail).toBe('loopback')
  })
})

describe('the User-Agent names the registry', () => {
  it.each([
    [{ repositoryUrl: 'https://github.com/betagouv/beta.gouv.fr', siteUrl: 'https://registre.example' }, 'registre-startups-beta (online evidence check; +https://github.com/betagouv/beta.gouv.fr)'],
    [{ repositoryUrl: '', siteUrl: 'https://registre.example/sous' }, 'registre-startups-beta (online evidence check; +https://registre.example/sous)'],
    [{ repositoryUrl: 'https://x.example/a\r\nx-injected: 1', siteUrl: '' }, DEFAULT_ONLINE_OPTIONS.userAgent],
    [{ repositoryUrl: 'https://x.example/é', siteUrl: '' }, DEFAULT_ONLINE_OPTIONS.userAgent],
    [{}, DEFAULT_ONLINE_OPTIONS.userAgent],
  ])('%j → %s', (config, expected) => {
    expect(onlineUserAgent(config)).toBe(expected)
  })

  it('is sent to the pages and to GitHub', async () => {
    const site = await website()
    const github = await fakeGitHub(REPOS)
    const userAgent = onlineUserAgent({ repositoryUrl: 'https://github.com/betagouv/registre' })
    await checkOnline([url(`${site.origin}/live`), repo('https://github.com/betagouv/public')], options(github, { userAgent }))
    expect(site.requests[0]!.headers['user-agent']).toBe(userAgent)
    expect(github.requests[0]!.headers['user-agent']).toMatch(/^registre-startups-beta \(online evidence check; \+https:\/\/github\.com\/betagouv\/registre\)/)
  })
})

describe('repositories on github.com through Octokit', () => {
  it('judges visibility, licence, archival and activity', async () => {
    const github = await fakeGitHub(REPOS)
    const names = Object.keys(REPOS)
    const results = await checkOnline(
      names.map((n) => repo(`https://github.com/${n}`)),
      options(github, { githubToken: TOKEN }),
    )
    expect(outcomes(results)).toEqual({
      'https://github.com/betagouv/public': 'ok',
      'https://github.com/betagouv/nolicence': 'repo-no-licence',
      'https://github.com/betagouv/archived': 'repo-archived',
      'https://github.com/betagouv/sleepy': 'repo-inactive',
      'https://github.com/betagouv/empty': 'repo-inactive',
      'https://github.com/betagouv/visible-private': 'repo-private',
      'https://github.com/betagouv/other-licence': 'ok',
    })
  })

  it('the activity window is an option', async () => {
    const github = await fakeGitHub(REPOS)
    const results = await checkOnline([repo('https://github.com/betagouv/sleepy')], options(github, { activityWindowDays: 3 * 365 }))
    expect([...results.values()][0]!.outcome).toBe('ok')
  })

  it('sends the token as Authorization, and never lets it appear in results, cache or warnings', async () => {
    const github = await fakeGitHub({ ...REPOS, 'betagouv/broken': { fail: { status: 500, times: 9 } } })
    const cacheFile = join(dir, 'cache.json')
    const warnings: OnlineWarning[] = []
    const targets = ['public', 'secret', 'broken'].map((n) => repo(`https://github.com/betagouv/${n}`))
    const results = await checkOnline(targets, options(github, { githubToken: TOKEN, cacheFile, onWarning: (w) => warnings.push(w) }))
    github.rateLimit(429)
    const limited = await checkOnline([repo('https://github.com/betagouv/other')], options(github, { githubToken: TOKEN, cacheFile, onWarning: (w) => warnings.push(w) }))
    expect(outcomes(results)).toEqual({
      'https://github.com/betagouv/public': 'ok',
      'https://github.com/betagouv/secret': 'repo-not-found',
      'https://github.com/betagouv/broken': 'dead',
    })
    expect([...limited.values()][0]!.outcome).toBe('rate-limited')
    expect(github.requests.length).toBeGreaterThan(0)
    for (const request of github.requests) expect(request.headers.authorization).toBe(`token ${TOKEN}`)
    const everything = JSON.stringify([[...results.values()], [...limited.values()], warnings]) + (await readFile(cacheFile, 'utf8'))
    expect(everything).not.toContain(TOKEN)
    expect(warnings).toContainEqual(expect.objectContaining({ id: 'github-rate-limited', authenticated: true }))
  })

  it('reads GITHUB_TOKEN when no token option is given', async () => {
    const github = await fakeGitHub(REPOS)
    vi.stubEnv('GITHUB_TOKEN', TOKEN)
    try {
      await checkOnline([repo('https://github.com/betagouv/public')], { ...options(github), githubToken: undefined })
    } finally {
      vi.unstubAllEnvs()
    }
    expect(github.requests[0]!.headers.authorization).toBe(`token ${TOKEN}`)
  })

  it('reads GITHUB_TOKEN from the env option when given (the CLI passes its own)', async () => {
    const github = await fakeGitHub(REPOS)
    await checkOnline([repo('https://github.com/betagouv/public')], { ...options(github), githubToken: undefined, env: { GITHUB_TOKEN: TOKEN } })
    await checkOnline([repo('https://github.com/betagouv/public')], { ...options(github), githubToken: undefined, env: { GITHUB_TOKEN: '' } })
    expect(github.requests.map((r) => r.headers.authorization)).toEqual([`token ${TOKEN}`, undefined])
  })

  it('sends no Authorization without a token', async () => {
    const github = await fakeGitHub(REPOS)
    await checkOnline([repo('https://github.com/betagouv/public')], options(github))
    expect(github.requests[0]!.headers.authorization).toBeUndefined()
  })

  it('after a rate limit, the remaining GitHub checks are not sent but marked rate-limited', async () => {
    const github = await fakeGitHub(REPOS)
    github.rateLimit(403)
    const warnings: OnlineWarning[] = []
    const targets = Object.keys(REPOS).map((n) => repo(`https://github.com/${n}`))
    const results = await checkOnline(targets, options(github, { concurrency: 1, onWarning: (w) => warnings.push(w) }))
    expect(new Set(Object.values(outcomes(results)))).toEqual(new Set(['rate-limited']))
    expect(github.requests).toHaveLength(1)
    expect(warnings).toHaveLength(1)
  })

  it('a GitHub API that cannot be reached while a website answers: the repository is unreachable, with the network error code', async () => {
    const github = await fakeGitHub({})
    await servers.pop()!.close()
    const site = await website()
    const results = await checkOnline([repo('https://github.com/betagouv/public'), url(`${site.origin}/live`)], options(github))
    expect(results.get(onlineKey(repo('https://github.com/betagouv/public')))).toMatchObject({ outcome: 'unreachable', detail: 'ECONNREFUSED' })
  })

  it('retries once after a 502, and a GitHub that never answers is a timeout', async () => {
    const github = await fakeGitHub({
      'betagouv/flaky': { fail: { status: 502, times: 1 } },
      'betagouv/hung': { hang: true },
    })
    const results = await checkOnline(
      [repo('https://github.com/betagouv/flaky'), repo('https://github.com/betagouv/hung')],
      options(github, { timeoutMs: 1500 }),
    )
    expect(outcomes(results)).toEqual({ 'https://github.com/betagouv/flaky': 'ok', 'https://github.com/betagouv/hung': 'timeout' })
    expect(github.requests.filter((r) => r.url === '/repos/betagouv/flaky')).toHaveLength(2)
    expect(github.requests.filter((r) => r.url === '/repos/betagouv/hung')).toHaveLength(2)
  })
})

describe('other forges', () => {
  it('GitLab instances through their API, other forges by their page', async () => {
    const gitlab = await track(
      startFakeGitLab({
        'group/app': {},
        'group/sub/closed': { visibility: 'private' },
        'group/nolicence': { license: null },
        'group/html': 'not-json',
        'group/busy': 'rate-limited',
      }),
    )
    const github = await fakeGitHub({})
    const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }]
    const p = gitlab.port
    const warnings: OnlineWarning[] = []
    const results = await checkOnline(
      [
        repo(`http://gitlab.test:${p}/group/app/-/tree/main`),
        repo(`http://gitlab.test:${p}/group/sub/closed.git`),
        repo(`http://gitlab.test:${p}/group/nolicence`),
        repo(`http://gitlab.test:${p}/group/missing`),
        repo(`http://gitlab.test:${p}/group/html`),
        repo(`http://gitlab.test:${p}/group/busy`),
        repo(`http://git.test:${p}/group/app/src/branch/main`),
        repo(`http://git.test:${p}/group/gone`),
      ],
      options(github, { resolver, onWarning: (w) => warnings.push(w) }),
    )
    expect(warnings).toEqual([]) // a GitLab rate limit is not GitHub's
    expect(outcomes(results)).toEqual({
      [`http://gitlab.test:${p}/group/app/-/tree/main`]: 'ok',
      [`http://gitlab.test:${p}/group/sub/closed.git`]: 'repo-private',
      [`http://gitlab.test:${p}/group/nolicence`]: 'repo-no-licence',
      [`http://gitlab.test:${p}/group/missing`]: 'repo-not-found',
      [`http://gitlab.test:${p}/group/html`]: 'ok', // API unusable: the page answers
      [`http://gitlab.test:${p}/group/busy`]: 'rate-limited',
      [`http://git.test:${p}/group/app/src/branch/main`]: 'ok',
      [`http://git.test:${p}/group/gone`]: 'repo-not-found',
    })
    expect(results.get(`repository http://gitlab.test:${p}/group/app/-/tree/main`)!.repository).toMatchObject({
      host: 'gitlab.test',
      fullName: 'group/app',
      public: true,
      licence: 'agpl-3.0',
    })
    expect(results.get(`repository http://git.test:${p}/group/app/src/branch/main`)!.repository).toEqual({ host: 'git.test' })
  })

  it('a 404 from a GitLab-looking host that is not GitLab does not mean missing: the page decides', async () => {
    const site = await track(
      startServer((req, res) => {
        if (req.url!.startsWith('/api/')) res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>')
        else res.writeHead(req.url === '/group/app' ? 200 : 404).end()
      }),
    )
    const github = await fakeGitHub({})
    const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }]
    const results = await checkOnline(
      [repo(`http://gitlab.test:${site.port}/group/app`), repo(`http://gitlab.test:${site.port}/group/gone`)],
      options(github, { resolver }),
    )
    expect(Object.values(outcomes(results))).toEqual(['ok', 'repo-not-found'])
    expect(site.requests.map((r) => r.url)).toContain('/group/app')
  })

  it('a repository URL on a private address is refused before any forge API', async () => {
    const github = await fakeGitHub({})
    const results = await checkOnline(
      [repo('http://gitlab.internal/group/app'), repo('ftp://git.example.org/a/b')],
      options(github, { allowPrivateAddresses: false, resolver: async () => [{ address: '192.168.1.10', family: 4 }] }),
    )
    expect([...results.values()].map((r) => [r.outcome, r.detail])).toEqual([
      ['refused-address', 'private'],
      ['refused-scheme', 'scheme'],
    ])
  })
})

describe('bounded concurrency and deduplication', () => {
  it('never more requests in flight than the concurrency', async () => {
    // Each request is held until no new one has arrived for a while: an unbounded
    // checker would then have all 12 in flight at once.
    const held: Array<() => void> = []
    let quiet: NodeJS.Timeout | undefined
    const site = await track(
      startServer((_req, res) => {
        held.push(() => res.end('ok'))
        clearTimeout(quiet)
        quiet = setTimeout(() => held.splice(0).forEach((release) => release()), 150)
      }),
    )
    const github = await fakeGitHub({})
    const targets = Array.from({ length: 12 }, (_, i) => url(`${site.origin}/page-${i}`))
    const results = await checkOnline(targets, options(github, { concurrency: 3, perHostConcurrency: 10 }))
    expect(new Set(Object.values(outcomes(results)))).toEqual(new Set(['ok']))
    expect(site.requests).toHaveLength(12)
    expect(site.maxInFlight()).toBe(3)
  })

  it('never more than perHostConcurrency in flight on one host', async () => {
    const held: Array<() => void> = []
    let quiet: NodeJS.Timeout | undefined
    const hosts = new Map<string, number>()
    let maxPerHost = 0
    const site = await track(
      startServer((req, res) => {
        const host = req.headers.host!.split(':')[0]!
        hosts.set(host, (hosts.get(host) ?? 0) + 1)
        maxPerHost = Math.max(maxPerHost, hosts.get(host)!)
        held.push(() => {
          hosts.set(host, hosts.get(host)! - 1)
          res.end('ok')
        })
        clearTimeout(quiet)
        quiet = setTimeout(() => held.splice(0).forEach((release) => release()), 150)
      }),
    )
    const github = await fakeGitHub({})
    const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }]
    const targets = ['a.test', 'b.test'].flatMap((host) =>
      Array.from({ length: 5 }, (_, i) => url(`http://${host}:${site.port}/page-${i}`)),
    )
    const results = await checkOnline(targets, options(github, { concurrency: 8, perHostConcurrency: 2, resolver }))
    expect(new Set(Object.values(outcomes(results)))).toEqual(new Set(['ok']))
    expect(site.requests).toHaveLength(10)
    expect(maxPerHost).toBe(2)
    expect(site.maxInFlight()).toBe(4)
  })

  it('the same target twice is checked once; results keep the targets order', async () => {
    const site = await website()
    const github = await fakeGitHub({})
    const targets = [url(`${site.origin}/dead`), url(`${site.origin}/live`), url(`${site.origin}/live`)]
    const results = await checkOnline(targets, options(github))
    expect([...results.keys()]).toEqual([onlineKey(targets[0]!), onlineKey(targets[1]!)])
    expect(site.requests.filter((r) => r.url === '/live')).toHaveLength(1)
  })
})

describe('the disk cache', () => {
  const HOUR = 3600 * 1000
  const at = (ms: number) => () => new Date(NOW.getTime() + ms)

  it('a fresh cache entry is used without contacting the server; an expired one is checked again', async () => {
    const site = await website()
    const github = await fakeGitHub(REPOS)
    const cacheFile = join(dir, 'sub', 'online-cache.json')
    const targets = [url(`${site.origin}/dead`), repo('https://github.com/betagouv/public')]
    const first = await checkOnline(targets, options(github, { cacheFile }))
    const contacts = site.requests.length + github.requests.length
    expect(contacts).toBe(3)

    const progress: boolean[] = []
    const second = await checkOnline(targets, options(github, { cacheFile, now: at(HOUR), onProgress: (p) => progress.push(p.cached) }))
    expect(site.requests.length + github.requests.length).toBe(contacts)
    expect([...second.values()]).toEqual([...first.values()])
    expect(progress).toEqual([true, true])

    const third = await checkOnline(targets, options(github, { cacheFile, now: at(25 * HOUR) }))
    expect(site.requests.length + github.requests.length).toBe(2 * contacts)
    expect([...third.values()][0]!.checkedAt).toBe(new Date(NOW.getTime() + 25 * HOUR).toISOString())

    const file = JSON.parse(await readFile(cacheFile, 'utf8'))
    expect(file.version).toBe(1)
    expect(Object.keys(file.entries)).toEqual([...targets.map(onlineKey)].sort())
  })

  it('with a registry root, the cache goes to <root>/.cache/online-checks.json unless cacheFile is null', async () => {
    const site = await website()
    const github = await fakeGitHub({})
    const targets = [url(`${site.origin}/live`)]
    await checkOnline(targets, options(github, { root: dir }))
    const file = JSON.parse(await readFile(join(dir, '.cache', 'online-checks.json'), 'utf8'))
    expect(Object.keys(file.entries)).toEqual([`url ${site.origin}/live`])
    await checkOnline(targets, options(github, { root: dir }))
    expect(site.requests).toHaveLength(1)
    await checkOnline(targets, options(github, { root: dir, cacheFile: null }))
    expect(site.requests).toHaveLength(2)
  })

  it('cacheMaxAgeMs sets the expiry', async () => {
    const site = await website()
    const github = await fakeGitHub({})
    const cacheFile = join(dir, 'cache.json')
    const targets = [url(`${site.origin}/live`)]
    await checkOnline(targets, options(github, { cacheFile }))
    await checkOnline(targets, options(github, { cacheFile, now: at(2 * HOUR), cacheMaxAgeMs: HOUR }))
    expect(site.requests).toHaveLength(2)
  })

  it('a cached repository is judged again with the current date (activity window)', async () => {
    const github = await fakeGitHub(REPOS)
    const cacheFile = join(dir, 'cache.json')
    const targets = [repo('https://github.com/betagouv/public')]
    await checkOnline(targets, options(github, { cacheFile }))
    const later = await checkOnline(targets, options(github, { cacheFile, now: at(24 * HOUR - 1), activityWindowDays: 30 }))
    expect(github.requests).toHaveLength(1)
    expect([...later.values()][0]!.outcome).toBe('repo-inactive')
  })

  it('rate-limited, timed-out and unreachable results are not cached; dead ones are', async () => {
    const site = await website()
    const github = await fakeGitHub(REPOS)
    const cacheFile = join(dir, 'cache.json')
    github.rateLimit(403)
    const resolver: Resolver = async (host) => {
      if (host === 'nowhere.test') throw Object.assign(new Error('no'), { code: 'ENOTFOUND' })
      return [{ address: '127.0.0.1', family: 4 }]
    }
    const targets = [
      repo('https://github.com/betagouv/public'),
      url(`${site.origin}/slow`),
      url('http://nowhere.test/'),
      url(`${site.origin}/dead`),
    ]
    const results = await checkOnline(targets, options(github, { cacheFile, timeoutMs: 1500, resolver }))
    expect(Object.values(outcomes(results))).toEqual(['rate-limited', 'timeout', 'unreachable', 'dead'])
    expect(Object.keys(JSON.parse(await readFile(cacheFile, 'utf8')).entries)).toEqual([`url ${site.origin}/dead`])
  })

  it.each([
    ['not JSON', 'not json {', 'json'],
    ['an array', '[1,2]', 'shape'],
    ['another version', '{"version": 99, "entries": {}}', 'version'],
    ['entries of the wrong type', '{"version": 1, "entries": "x"}', 'shape'],
  ])('a corrupt cache file (%s) is ignored with a warning, then rewritten', async (_name, text, reason) => {
    const site = await website()
    const github = await fakeGitHub({})
    const cacheFile = join(dir, 'cache.json')
    await writeFile(cacheFile, text)
    const warnings: OnlineWarning[] = []
    const results = await checkOnline([url(`${site.origin}/live`)], options(github, { cacheFile, onWarning: (w) => warnings.push(w) }))
    expect([...results.values()][0]!.outcome).toBe('ok')
    expect(warnings).toEqual([expect.objectContaining({ id: 'cache-ignored', file: cacheFile, problem: expect.objectContaining({ reason }) })])
    expect(JSON.parse(await readFile(cacheFile, 'utf8')).version).toBe(1)
  })

  it('hostile entries are dropped one by one; valid ones are used', async () => {
    const site = await website()
    const github = await fakeGitHub({})
    const cacheFile = join(dir, 'cache.json')
    const good = `url ${site.origin}/dead`
    const checkedAt = NOW.toISOString()
    const entries = {
      [good]: { kind: 'url', url: `${site.origin}/dead`, outcome: 'ok', checkedAt },
      [`url ${site.origin}/live`]: { kind: 'url', url: `${site.origin}/other`, outcome: 'ok', checkedAt }, // key mismatch
      'url https://a.example/': { kind: 'url', url: 'https://a.example/', outcome: 'pwned', checkedAt },
      'url https://b.example/': { kind: 'url', url: 'https://b.example/', outcome: 'ok', checkedAt: 'yesterday' },
      'url https://c.example/': { kind: 'url', url: 'https://c.example/', outcome: 'ok', checkedAt, status: 1e9 },
      'url https://d.example/': { kind: 'url', url: 'https://d.example/', outcome: 'ok', checkedAt, detail: 'free text with spaces' },
      'repository https://e.example/a/b': { kind: 'repository', url: 'https://e.example/a/b', outcome: 'ok', checkedAt, repository: { host: 1 } },
    }
    await writeFile(cacheFile, `{"version":1,"entries":${JSON.stringify(entries).replace('{', '{"__proto__":{"polluted":true},')}}`)
    const warnings: OnlineWarning[] = []
    const results = await checkOnline(
      [url(`${site.origin}/dead`), url(`${site.origin}/live`)],
      options(github, { cacheFile, onWarning: (w) => warnings.push(w) }),
    )
    expect(results.get(good)!.outcome).toBe('ok') // from the cache: the server would say dead
    expect(site.requests.map((r) => r.url)).toEqual(['/live'])
    expect(warnings).toEqual([{ id: 'cache-entries-dropped', file: cacheFile, count: 7 }])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('an expired GitHub entry is asked again with its ETag: a 304 keeps its facts, costs no quota and dates the result today', async () => {
    const github = await fakeGitHub({ ...REPOS })
    const cacheFile = join(dir, 'cache.json')
    const targets = ['public', 'archived', 'nolicence'].map((n) => repo(`https://github.com/betagouv/${n}`))
    const first = await runOnlineChecks(targets, options(github, { cacheFile, githubToken: TOKEN }))
    expect(first.stats.github).toMatchObject({ requests: 3, notModified: 0, limit: 5000, remaining: 4997 })
    const cache = JSON.parse(await readFile(cacheFile, 'utf8'))
    expect(cache.entries['repository https://github.com/betagouv/public'].etag).toMatch(/^W\/"[0-9a-f]{40}"$/)

    // A week later, nothing changed: three conditional requests, three 304s, nothing counted.
    const week = await runOnlineChecks(targets, options(github, { cacheFile, githubToken: TOKEN, now: at(7 * 24 * HOUR) }))
    expect(github.requests.slice(3).map((r) => r.headers['if-none-match'])).toEqual(targets.map((t) => cache.entries[onlineKey(t)].etag))
    expect(week.stats.github).toMatchObject({ requests: 3, notModified: 3, remaining: 4997 })
    expect(github.counted()).toBe(3)
    expect(outcomes(week.results)).toEqual(outcomes(first.results))
    for (const r of week.results.values()) {
      expect(r.checkedAt).toBe(new Date(NOW.getTime() + 7 * 24 * HOUR).toISOString())
      expect(r).not.toHaveProperty('etag') // the ETag stays in the cache
    }

    // Then a repository is archived: its ETag no longer matches, GitHub answers 200 with the new facts.
    github.repos['betagouv/public'] = { archived: true }
    const later = await runOnlineChecks(targets, options(github, { cacheFile, githubToken: TOKEN, now: at(14 * 24 * HOUR) }))
    expect(later.results.get('repository https://github.com/betagouv/public')!.outcome).toBe('repo-archived')
    expect(later.stats.github).toMatchObject({ requests: 3, notModified: 2 })
    expect(github.counted()).toBe(4)
  })

  it('an ETag on a page entry, or one that is not an ETag, makes the entry invalid', async () => {
    const site = await website()
    const github = await fakeGitHub({})
    const cacheFile = join(dir, 'cache.json')
    const checkedAt = NOW.toISOString()
    const u = `${site.origin}/dead`
    await writeFile(cacheFile, JSON.stringify({ version: 1, entries: {
      [`url ${u}`]: { kind: 'url', url: u, outcome: 'ok', checkedAt, etag: 'W/"abc"' },
      'repository https://github.com/a/b': { kind: 'repository', url: 'https://github.com/a/b', outcome: 'ok', checkedAt, etag: 'abc\r\nx-injected: 1' },
    } }))
    const warnings: OnlineWarning[] = []
    await checkOnline([url(u)], options(github, { cacheFile, onWarning: (w) => warnings.push(w) }))
    expect(warnings).toEqual([{ id: 'cache-entries-dropped', file: cacheFile, count: 2 }])
  })

  it('a run keeps a reserve of GitHub requests: at the reserve it stops asking, says so once, and caches nothing for the rest', async () => {
    const github = await track(startFakeGitHub(REPOS, { limit: 5 }))
    const warnings: OnlineWarning[] = []
    const targets = Object.keys(REPOS).map((n) => repo(`https://github.com/${n}`))
    const run = await runOnlineChecks(targets, options(github, { concurrency: 1, githubToken: TOKEN, githubReserve: 2, onWarning: (w) => warnings.push(w) }))
    // 5 - 3 answers = 2 left: the reserve is reached, the 4 other repositories are not asked.
    expect(github.requests).toHaveLength(3)
    expect([...run.results.values()].map((r) => r.outcome)).toEqual(['ok', 'repo-no-licence', 'repo-archived', 'rate-limited', 'rate-limited', 'rate-limited', 'rate-limited'])
    expect(run.stats.github).toMatchObject({ requests: 3, remaining: 2, limit: 5 })
    expect(warnings).toEqual([{ id: 'github-rate-limited', resetAt: '2027-01-01T00:00:00.000Z', authenticated: true, reserve: 2 }])
  })

  it('an entry dated in the future is not trusted', async () => {
    const site = await website()
    const github = await fakeGitHub({})
    const cacheFile = join(dir, 'cache.json')
    const u = `${site.origin}/dead`
    const future = new Date(NOW.getTime() + 365 * 24 * HOUR).toISOString()
    await writeFile(cacheFile, JSON.stringify({ version: 1, entries: { [`url ${u}`]: { kind: 'url', url: u, outcome: 'ok', checkedAt: future } } }))
    const results = await checkOnline([url(u)], options(github, { cacheFile }))
    expect(results.get(`url ${u}`)!.outcome).toBe('dead')
  })

  it('a cache path that cannot be written gives a warning, not a crash', async () => {
    const site = await website()
    const github = await fakeGitHub({})
    const blocker = join(dir, 'file')
    await writeFile(blocker, 'x')
    const warnings: OnlineWarning[] = []
    const results = await checkOnline([url(`${site.origin}/live`)], options(github, { cacheFile: join(blocker, 'cache.json'), onWarning: (w) => warnings.push(w) }))
    expect([...results.values()][0]!.outcome).toBe('ok')
    expect(warnings.map((w) => w.id)).toEqual(['cache-ignored', 'cache-unwritable'])
  })
})

describe('no network: said once, and no target reported for it', () => {
  const dnsFails: Resolver = async (hostname) => {
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
  }

  it('DNS fails for every host (two or more): one no-network warning, no result', async () => {
    const github = await fakeGitHub({})
    await servers.pop()!.close()
    const warnings: OnlineWarning[] = []
    const results = await checkOnline(
      [url('https://exemple.beta.gouv.fr/'), url('https://autre.gouv.fr/stats'), repo('https://github.com/betagouv/public')],
      options(github, { allowPrivateAddresses: false, resolver: dnsFails, onWarning: (w) => warnings.push(w) }),
    )
    expect(results.size).toBe(0)
    expect(warnings).toEqual([{ id: 'no-network', hosts: 3, code: 'ENOTFOUND' }])
  })

  it('connections refused everywhere: the same', async () => {
    const github = await fakeGitHub({})
    const site = await website()
    const closed = [site.origin, github.origin]
    await Promise.all(servers.splice(0).map((s) => s.close()))
    const warnings: OnlineWarning[] = []
    const results = await checkOnline([url(`${closed[0]}/live`), repo('https://github.com/betagouv/public')], options(github, { onWarning: (w) => warnings.push(w) }))
    expect(results.size).toBe(0)
    expect(warnings.map((w) => w.id)).toEqual(['no-network'])
  })

  it("GitHub's API alone (a registry citing only repositories) failing on the network: no network, no repository reported", async () => {
    const github = await fakeGitHub({})
    await servers.pop()!.close()
    const warnings: OnlineWarning[] = []
    const results = await checkOnline([repo('https://github.com/betagouv/public'), repo('https://github.com/betagouv/autre')], options(github, { onWarning: (w) => warnings.push(w) }))
    expect(results.size).toBe(0)
    expect(warnings).toEqual([{ id: 'no-network', hosts: 1, code: 'ECONNREFUSED' }])
    expect(describeOnlineWarning(warnings[0]!, 'fr', 'evidence')).toBe(
      'Pas de réseau : l’API de GitHub, seul serveur contacté, n’a pas répondu (connexion refusée, ECONNREFUSED). Aucune preuve n’a été écrite (les preuves précédentes restent telles quelles) : relancez « registry evidence » une fois connecté.',
    )
  })

  it("one dead host among answering ones, or a single host other than GitHub's API, is a finding, not a missing network", async () => {
    const github = await fakeGitHub(REPOS)
    const warnings: OnlineWarning[] = []
    const mixed = await checkOnline(
      [url('https://mort.invalid/'), repo('https://github.com/betagouv/public')],
      options(github, { resolver: async (h) => (h === 'mort.invalid' ? dnsFails(h) : [{ address: '127.0.0.1', family: 4 }]), onWarning: (w) => warnings.push(w) }),
    )
    expect(outcomes(mixed)).toEqual({ 'https://mort.invalid/': 'unreachable', 'https://github.com/betagouv/public': 'ok' })
    const single = await checkOnline([url('https://mort.invalid/'), url('https://mort.invalid/stats')], options(github, { resolver: dnsFails, onWarning: (w) => warnings.push(w) }))
    expect(Object.values(outcomes(single))).toEqual(['unreachable', 'unreachable'])
    expect(warnings).toEqual([])
  })
})
