/**
 * `registry propose` and `registry report --pr`: the real Octokit client,
 * through the CLI, talking over HTTP to a fake GitHub on 127.0.0.1.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createGitHub, retryDelay } from '../../scripts/github/client.ts'
import { upsertComment } from '../../scripts/github/pr-comment.ts'
import { REPORT_MARKER } from '../../scripts/report/report-marker.ts'
import { cleanTemps, copyRegistry, hasStackTrace, run, writeFiles } from '../cli/run.ts'
import { FakeGitHub } from './fake-github.ts'
import { reportFile } from './report-file.ts'

const TOKEN = 'ghs_secretTOKEN1234567890'
let fake: FakeGitHub
let root: string

const NEW_FICHE = `---
title: Mon produit
mission: Aider les usagers à faire leur démarche en ligne
incubator: dinum
contact: equipe@mon-produit.beta.gouv.fr
phases:
  - name: investigation
    start: 2025-01-06
---
Le problème, la solution.
`

beforeEach(async () => {
  fake = await new FakeGitHub().start()
  root = copyRegistry()
  writeFiles(root, { 'startups/mon-produit.md': NEW_FICHE })
})
afterEach(async () => {
  await fake.stop()
  cleanTemps()
})

const env = () => ({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.baseUrl })
const propose = (extra: string[] = [], file = 'startups/mon-produit.md') => run(['propose', file, '--repo', 'betagouv/registre', ...extra], { cwd: root, env: env() })

function noSecret(r: { stdout: string; stderr: string }): void {
  expect(r.stdout).not.toContain(TOKEN)
  expect(r.stderr).not.toContain(TOKEN)
  expect(hasStackTrace(r)).toBe(false)
}

describe('registry propose', () => {
  it('creates a branch, commits the fiche and opens a pull request whose body lists the warnings', async () => {
    // A leading space: a warning (value/untrimmed), not an error.
    writeFiles(root, { 'startups/mon-produit.md': NEW_FICHE.replace('title: Mon produit', "title: ' Mon produit'") })
    const r = await propose()
    noSecret(r)
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('https://github.com/betagouv/registre/pull/1\n')
    expect(fake.refs.get('fiche/startups/mon-produit')).toBeDefined()
    expect(fake.files.get('fiche/startups/mon-produit')?.get('startups/mon-produit.md')).toBe(fs.readFileSync(path.join(root, 'startups/mon-produit.md'), 'utf8'))
    expect(fake.files.get('main')?.has('startups/mon-produit.md')).toBe(false)
    expect(fake.pulls).toHaveLength(1)
    expect(fake.pulls[0]).toMatchObject({ head: 'fiche/startups/mon-produit', base: 'main', title: 'Fiche mon-produit', state: 'open' })
    expect(fake.pulls[0]!.body).toContain('value/untrimmed')
    expect(fake.pulls[0]!.body).toContain('ligne 2')
    // The standards to complete: the lint's warnings on this fiche (its body has no usual sections).
    // One report for the fiche's text, listing what it lacks ([sections-4]); the comment escapes markdown.
    const standards = fake.pulls[0]!.body.slice(fake.pulls[0]!.body.indexOf('### Standards à compléter (1)'))
    expect(standards).toMatch(/\| `startups\/mon-produit.md` \| 10:1 \| .* \| Ajoutez « \\#\\# Contexte », « \\#\\# Solution », chacun suivi de quelques phrases à vous\. \| `body-sections` \|/)
    expect(r.stderr).toContain('Standards à compléter : 1 avertissement, listé dans la pull request.')
    // The token travels only in the Authorization header.
    expect(fake.requests.every((q) => q.authorization === `token ${TOKEN}`)).toBe(true)
    expect(fake.writes().map((q) => `${q.method} ${q.path.replace(/\?.*/, '')}`)).toEqual([
      'POST /repos/betagouv/registre/git/refs',
      'PUT /repos/betagouv/registre/contents/startups/mon-produit.md',
      'POST /repos/betagouv/registre/pulls',
    ])
  })

  it('a fiche that meets the standards gets no standards list in its pull request', async () => {
    writeFiles(root, { 'startups/mon-produit.md': NEW_FICHE.replace('Le problème, la solution.\n', '## Contexte\n\nLe problème.\n\n## Solution\n\nLa solution.\n') })
    const r = await propose()
    expect(r.code).toBe(0)
    expect(fake.pulls[0]!.body).not.toContain('Standards à compléter')
    expect(r.stderr).not.toContain('Standards à compléter')
  })

  it('refuses an invalid fiche with the usual diagnostics, before any call to GitHub', async () => {
    writeFiles(root, { 'startups/mon-produit.md': NEW_FICHE.replace('incubator: dinum', 'incubator: dinun') })
    const r = await propose()
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('ref/unknown-incubator')
    expect(r.stderr).toContain('Rien n’a été envoyé à GitHub')
    expect(fake.requests).toEqual([])
  })

  it('refuses a file outside the fiche folders, and a missing token, with no call', async () => {
    writeFiles(root, { 'notes.md': 'x' })
    expect((await propose([], 'notes.md')).code).toBe(2)
    const r = await run(['propose', 'startups/mon-produit.md', '--repo', 'betagouv/registre'], { cwd: root, env: { GITHUB_API_URL: fake.baseUrl } })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('GITHUB_TOKEN')
    expect(fake.requests).toEqual([])
  })

  it.each([
    ['401 bad token', () => fake.fail('GET', /\/repos\/betagouv\/registre$/, 401, { message: 'Bad credentials' }), 'GitHub refuse le jeton (401)'],
    [
      '403 rate limit',
      () => fake.fail('GET', /\/git\/ref\/heads\/main$/, 403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) }),
      "Limite d’appels à GitHub atteinte (403)",
    ],
    ['403 no permission', () => fake.fail('POST', /\/git\/refs$/, 403, { message: 'Resource not accessible by integration' }), "Le jeton n’a pas les droits nécessaires"],
    ['404 base branch', () => fake.fail('GET', /\/git\/ref\/heads\/main$/, 404, { message: 'Not Found' }), 'Introuvable sur GitHub (404)'],
    ['422 branch exists', () => fake.fail('POST', /\/git\/refs$/, 422, { message: 'Reference already exists' }), 'la branche existe déjà'],
  ])('%s: a clear French message, exit 2, no token, no stack', async (_name, arrange, expected) => {
    arrange()
    const r = await propose()
    noSecret(r)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(expected)
    expect(r.stdout).toBe('')
  })

  it('an unknown repository is a 404 with advice on --repo', async () => {
    const r = await run(['propose', 'startups/mon-produit.md', '--repo', 'betagouv/inconnu'], { cwd: root, env: env() })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/404.*--repo/s)
  })

  it('a run again after a failure in the middle finishes the work: branch reused, one commit, one pull request', async () => {
    fake.fail('POST', /\/pulls$/, 403, { message: 'Resource not accessible by integration' })
    const first = await propose()
    expect(first.code).toBe(2)
    expect(fake.refs.has('fiche/startups/mon-produit')).toBe(true)
    expect(fake.pulls).toHaveLength(0)
    const second = await propose()
    noSecret(second)
    expect(second.code).toBe(0)
    expect(second.stdout).toBe('https://github.com/betagouv/registre/pull/1\n')
    const puts = fake.requests.filter((q) => q.method === 'PUT')
    expect(puts).toHaveLength(1) // the file already on the branch is not committed again
    expect(fake.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/git/refs'))).toHaveLength(1)
    // A third run finds the open pull request and creates nothing.
    const before = fake.writes().length
    const third = await propose()
    expect(third.stdout).toBe(second.stdout)
    expect(third.stderr).toContain('déjà ouverte')
    expect(fake.writes().length).toBe(before)
    expect(fake.pulls).toHaveLength(1)
  })

  it('an edited fiche is committed again on the existing branch, with the file sha', async () => {
    await propose()
    writeFiles(root, { 'startups/mon-produit.md': NEW_FICHE.replace('Mon produit', 'Mon produit 2') })
    const r = await propose()
    expect(r.code).toBe(0)
    const puts = fake.requests.filter((q) => q.method === 'PUT')
    expect(puts).toHaveLength(2)
    expect(puts[1]!.body.sha).toMatch(/^[0-9a-f]{40}$/)
    expect(fake.files.get('fiche/startups/mon-produit')?.get('startups/mon-produit.md')).toContain('Mon produit 2')
    expect(fake.pulls).toHaveLength(1)
  })

  it('--base names the branch to merge into', async () => {
    fake.refs.set('production', fake.refs.get('main')!)
    fake.files.set('production', new Map())
    const r = await propose(['--base', 'production'])
    expect(r.code).toBe(0)
    expect(fake.pulls[0]!.base).toBe('production')
    expect(fake.requests.some((q) => q.path === '/repos/betagouv/registre')).toBe(false)
  })
})

describe('registry report --pr', () => {
  beforeEach(() => {
    fake.pulls.push({ number: 7, head: 'x', base: 'main', title: 't', body: '', state: 'open', files: [{ filename: 'startups/exemple.md' }] })
  })

  /** `registry report --pr N --data` with report data whose one error says `message`. */
  const post = (message: string, pr = 7) => {
    const file = path.join(root, 'report.json')
    fs.writeFileSync(file, JSON.stringify(reportFile(message)))
    return run(['report', '--pr', String(pr), '--repo', 'betagouv/registre', '--data', file], { cwd: root, env: env() })
  }
  const upsert = (body: string) => upsertComment(createGitHub({ token: TOKEN, baseUrl: fake.baseUrl }), { owner: 'betagouv', repo: 'registre', pr: 7 }, body, 'fr')

  it('creates the comment, then updates the same one (found by its hidden marker)', async () => {
    fake.comments.set(7, [{ id: 1, body: 'Merci pour la fiche !', user: { login: 'camille', type: 'User' } }])
    const first = await post('Premier rapport.')
    noSecret(first)
    expect(first.code).toBe(0)
    expect(first.stderr).toContain('Commentaire créé')
    const second = await post('Second rapport.')
    expect(second.stderr).toContain('Commentaire mis à jour')
    const comments = fake.comments.get(7)!
    expect(comments).toHaveLength(2)
    expect(comments[0]!.body).toBe('Merci pour la fiche !')
    expect(comments[1]!.body.startsWith(`${REPORT_MARKER}\n## ❌ Registre : vérification des fiches`)).toBe(true)
    expect(comments[1]!.body).toContain('Second rapport.')
    expect(fake.writes().map((q) => `${q.method} ${q.path.replace(/\/[0-9a-f]{40}$/, '/SHA')}`)).toEqual([
      'POST /repos/betagouv/registre/issues/7/comments',
      'POST /repos/betagouv/registre/statuses/SHA',
      'PATCH /repos/betagouv/registre/issues/comments/1000',
      'POST /repos/betagouv/registre/statuses/SHA',
    ])
  })

  it('a comment that quotes the report is not mistaken for it', async () => {
    fake.comments.set(7, [{ id: 1, body: `> ${REPORT_MARKER}\n> cité`, user: { login: 'camille', type: 'User' } }])
    expect((await upsert('rapport')).action).toBe('created')
    expect(fake.comments.get(7)![0]!.body).toBe(`> ${REPORT_MARKER}\n> cité`)
  })

  it('finds the marker beyond the first page of comments', async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ id: i + 1, body: `commentaire ${i}`, user: { login: 'c', type: 'User' } }))
    many[120] = { id: 121, body: `${REPORT_MARKER}\nancien`, user: { login: 'github-actions[bot]', type: 'Bot' } }
    fake.comments.set(7, many)
    expect(await upsert('nouveau')).toMatchObject({ action: 'updated', id: 121 })
  })

  it('a pull request that does not exist: 404 in French', async () => {
    const r = await post('x', 99)
    noSecret(r)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Introuvable sur GitHub (404)')
  })
})

describe('retries', () => {
  it('tries again after a server error and after a short rate limit, then gives up', async () => {
    fake.pulls.push({ number: 7, head: 'x', base: 'main', title: 't', body: '', state: 'open' })
    const waits: number[] = []
    const github = createGitHub({ token: TOKEN, baseUrl: fake.baseUrl, sleep: async (ms) => void waits.push(ms) })
    fake.fail('GET', /\/issues\/7\/comments$/, 502, { message: 'Bad Gateway' })
    fake.fail('POST', /\/issues\/7\/comments$/, 429, { message: 'secondary rate limit' }, { 'retry-after': '2' })
    const result = await upsertComment(github, { owner: 'betagouv', repo: 'registre', pr: 7 }, 'rapport', 'fr')
    expect(result.action).toBe('created')
    expect(waits).toEqual([500, 2000])
    fake.fail('GET', /\/issues\/7\/comments$/, 503, { message: 'down' }, {}, 5)
    await expect(upsertComment(github, { owner: 'betagouv', repo: 'registre', pr: 7 }, 'rapport', 'fr')).rejects.toThrow(/GitHub ne répond pas correctement \(503\)/)
    expect(waits).toEqual([500, 2000, 500, 1000])
  })

  it('does not wait for a rate limit that resets in an hour, nor retry a 404', () => {
    const inAnHour = { status: 403, response: { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Date.now() / 1000 + 3600) } } }
    expect(retryDelay(inAnHour, 1, 60_000)).toBeUndefined()
    expect(retryDelay({ status: 404 }, 1, 60_000)).toBeUndefined()
    expect(retryDelay({ status: 403, response: { headers: {} } }, 1, 60_000)).toBeUndefined()
  })
})
