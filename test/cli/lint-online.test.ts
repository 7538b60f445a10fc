/**
 * `registry lint --online` end to end, through the CLI: real HTTP servers on
 * 127.0.0.1 for the pages and a fake GitHub API reached by the real Octokit
 * (GITHUB_API_URL). The checker's own cases are in test/lint/online/; this
 * proves the wiring: targets from the fiches, located warnings, the address
 * policy on by default, the token never printed, the cache, the feed block.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeGitHub, type FakeGitHub } from '../lint/online/fake-forges.ts'
import { startServer, type TestServer } from '../lint/online/servers.ts'
import { cleanTemps, copyRegistry, hasStackTrace, parseReport, run } from './run.ts'

const EXEMPLE = 'startups/exemple.md'
const TOKEN = 'ghp_secret_token_never_printed_0123456789'
let pages: TestServer
let github: FakeGitHub

beforeAll(async () => {
  pages = await startServer((req, res) => {
    if (req.url === '/live') return void res.writeHead(200, { 'content-type': 'text/html' }).end('ok')
    if (req.url === '/moved') return void res.writeHead(301, { location: '/live' }).end()
    res.writeHead(404).end('not found')
  })
  github = await startFakeGitHub({
    'betagouv/exemple': {},
    'betagouv/sans-licence': { license: null },
  })
})

afterAll(async () => {
  await Promise.all([pages.close(), github.close()])
  cleanTemps()
})

/** The good registry with exemple.md pointing at the loopback servers. */
function registry(fields: Record<string, string>): string {
  const root = copyRegistry()
  const file = path.join(root, EXEMPLE)
  let text = fs.readFileSync(file, 'utf8')
  for (const [key, value] of Object.entries(fields)) {
    const line = new RegExp(`^${key}: .*$`, 'm')
    text = line.test(text) ? text.replace(line, `${key}: ${value}`) : text.replace('\nphases:', `\n${key}: ${value}\nphases:`)
  }
  fs.writeFileSync(file, text)
  return root
}

const env = (extra: Record<string, string> = {}) => ({ GITHUB_API_URL: github.origin, GITHUB_TOKEN: TOKEN, ...extra })
const ALLOW = { REGISTRY_ONLINE_ALLOW_PRIVATE_ADDRESSES: '1' }
// The phase is construction as of this date, with a live link: the "once live" rules apply.
const lint = (root: string, e: Record<string, string>) => run(['lint', '--root', root, '--online', '--as-of', '2024-06-01', '--format', 'json'], { env: e })

describe('registry lint --online', () => {
  it('reports a dead link, a dead page and a repository without licence, each located; a redirect to a live page passes', async () => {
    const root = registry({
      link: `${pages.origin}/dead`,
      stats_url: `${pages.origin}/moved`,
      budget_url: `${pages.origin}/gone`,
      repository: 'https://github.com/betagouv/sans-licence',
    })
    const r = await lint(root, env(ALLOW))
    expect(hasStackTrace(r)).toBe(false)
    expect(r.code).toBe(0)
    const online = parseReport(r.stdout).diagnostics.filter((d) => ['link-unreachable', 'page-unreachable', 'repository-unavailable'].includes(d.ruleId))
    const text = fs.readFileSync(path.join(root, EXEMPLE), 'utf8').split('\n')
    const lineOf = (key: string) => text.findIndex((l) => l.startsWith(`${key}:`)) + 1
    expect(online.map((d) => [d.ruleId, d.line, d.severity])).toEqual([
      ['repository-unavailable', lineOf('repository'), 'warning'],
      ['link-unreachable', lineOf('link'), 'warning'],
      ['page-unreachable', lineOf('budget_url'), 'warning'],
    ].sort((a, b) => (a[1] as number) - (b[1] as number)))
    expect(online.find((d) => d.ruleId === 'link-unreachable')!.message).toMatch(/ne répond pas/)
    // The token went to the fake GitHub only, in the Authorization header, and is printed nowhere.
    expect(github.requests.some((q) => q.headers.authorization === `token ${TOKEN}`)).toBe(true)
    expect(r.stdout + r.stderr).not.toContain(TOKEN)
    expect(fs.readFileSync(path.join(root, '.cache', 'online-checks.json'), 'utf8')).not.toContain(TOKEN)
  })

  it('refuses loopback addresses by default: nothing is requested and the link is reported as refused', async () => {
    const before = pages.requests.length
    const root = registry({ link: `${pages.origin}/live`, repository: 'https://github.com/betagouv/exemple' })
    const r = await lint(root, env())
    expect(r.code).toBe(0)
    const link = parseReport(r.stdout).diagnostics.find((d) => d.ruleId === 'link-unreachable')
    expect(link?.message).toMatch(/adresse (privée|non publique|interne)|refus/i)
    expect(pages.requests.length).toBe(before)
  })

  it('answers from the cache on a second run, and writes the online results with their date into the feed', async () => {
    const root = registry({ link: `${pages.origin}/live`, repository: 'https://github.com/betagouv/exemple' })
    const first = await lint(root, env(ALLOW))
    expect(parseReport(first.stdout).diagnostics.filter((d) => d.ruleId === 'link-unreachable')).toEqual([])
    const seen = pages.requests.length
    const second = await lint(root, env(ALLOW))
    expect(second.code).toBe(0)
    expect(pages.requests.length).toBe(seen)
  })

  it('a GitHub rate limit gives one clear warning, no stack trace, and exit 0', async () => {
    const limited = await startFakeGitHub({})
    limited.rateLimit(403)
    try {
      const root = registry({ link: `${pages.origin}/live`, repository: 'https://github.com/betagouv/autre' })
      const r = await lint(root, { GITHUB_API_URL: limited.origin, ...ALLOW })
      expect(hasStackTrace(r)).toBe(false)
      expect(r.code).toBe(0)
      expect(r.stderr).toMatch(/limite/i)
    } finally {
      await limited.close()
    }
  })
})
