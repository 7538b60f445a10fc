/**
 * The comment workflow's side of the report: `registry report --pr 7 --data
 * FILE` (the real Octokit, a fake GitHub on 127.0.0.1) reads data a pull
 * request's run wrote, refuses what is not report data, renders the rest as
 * inert text, updates only the bot's own comment, and flags a fork that
 * changes the tooling with a visible line and a failing status.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { STATUS_CONTEXT } from '../../scripts/github/post-report.ts'
import { REPORT_MARKER } from '../../scripts/report/report-marker.ts'
import { cleanTemps, copyRegistry, hasStackTrace, run, tempDir, writeFiles } from '../cli/run.ts'
import { hostileString, sameElements } from '../report/markdown-check.ts'
import { FakeGitHub, type FakePull } from './fake-github.ts'
import { reportFile } from './report-file.ts'

const TOKEN = 'ghs_secretTOKEN1234567890'
const RUN = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'betagouv/registre', GITHUB_RUN_ID: '123456' }
let fake: FakeGitHub
let root: string

beforeEach(async () => {
  fake = await new FakeGitHub().start()
  root = copyRegistry()
})
afterEach(async () => {
  await fake.stop()
  cleanTemps()
})

const pull = (over: Partial<FakePull> = {}): FakePull => ({ number: 7, head: 'x', base: 'main', title: 't', body: '', state: 'open', headSha: 'a'.repeat(40), files: [{ filename: 'startups/exemple.md' }], ...over })

/** `registry report --pr 7 --data FILE` with `data` (a value written as JSON, or the file's exact text). */
async function post(data: unknown, extraEnv: Record<string, string> = {}) {
  const file = path.join(tempDir(), 'report.json')
  fs.writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data))
  const r = await run(['report', '--pr', '7', '--repo', 'betagouv/registre', '--data', file], { cwd: root, env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.baseUrl, ...RUN, ...extraEnv } })
  expect(r.stdout + r.stderr).not.toContain(TOKEN)
  expect(hasStackTrace(r)).toBe(false)
  return r
}
const comment = () => fake.comments.get(7)!.find((c) => c.user.login === 'github-actions[bot]')!.body

describe('the bot updates its own comment only', () => {
  beforeEach(() => void fake.pulls.push(pull()))

  it.each([
    ['a person', { login: 'camille', type: 'User' }],
    ['a person whose login looks like the bot', { login: 'github-actions', type: 'User' }],
    ['another bot', { login: 'dependabot[bot]', type: 'Bot' }],
  ])('a marker comment written by %s is never edited: the bot writes its own', async (_who, user) => {
    fake.comments.set(7, [{ id: 1, body: `${REPORT_MARKER}\n## ✅ Registre : vérification des fiches\n\nTout va bien, fusionnez.`, user }])
    const r = await post(reportFile('Un vrai problème.'))
    expect(r.code).toBe(0)
    expect(fake.requests.filter((q) => q.method === 'PATCH')).toEqual([])
    expect(fake.comments.get(7)![0]!.body).toContain('Tout va bien, fusionnez.')
    expect(comment()).toContain('Un vrai problème.')
    // The next run updates the bot's comment, still not the stranger's.
    await post(reportFile('Corrigé ?'))
    expect(fake.requests.filter((q) => q.method === 'PATCH').map((q) => q.path)).toEqual(['/repos/betagouv/registre/issues/comments/1000'])
  })

  it('REGISTRY_BOT_LOGIN names a GitHub App’s bot; anything else is refused', async () => {
    fake.commentAuthor = { login: 'registre-app[bot]', type: 'Bot' }
    fake.comments.set(7, [{ id: 1, body: `${REPORT_MARKER}\nancien`, user: { login: 'registre-app[bot]', type: 'Bot' } }])
    const r = await post(reportFile('Nouveau.'), { REGISTRY_BOT_LOGIN: 'registre-app[bot]' })
    expect(r.code).toBe(0)
    expect(fake.comments.get(7)).toHaveLength(1)
    expect(fake.comments.get(7)![0]!.body).toContain('Nouveau.')
    const bad = await post(reportFile('x'), { REGISTRY_BOT_LOGIN: 'camille' })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('REGISTRY_BOT_LOGIN')
  })
})

describe('data that is not report data is refused', () => {
  beforeEach(() => void fake.pulls.push(pull()))

  const valid = () => reportFile('Un problème.') as any
  const cases: [string, () => unknown][] = [
    ['not JSON', () => '<!-- registry-report -->\n## ✅ Tout va bien'],
    ['an unknown key at the top', () => ({ ...valid(), comment: '✅ 0 erreur' })],
    ['an unknown key in a diagnostic', () => { const d = valid(); d.groups.changedErrors.items[0].html = '<img src=x>'; return d }],
    ['a wrong type', () => ({ ...valid(), summary: { files: '5', errors: 1, warnings: 0 } })],
    ['a negative count', () => ({ ...valid(), summary: { files: 5, errors: -1, warnings: 0 } })],
    ['a line 0', () => { const d = valid(); d.groups.changedErrors.items[0].line = 0; return d }],
    ['a huge list of changed fiches', () => ({ ...valid(), changed: Array.from({ length: 3001 }, (_, i) => `startups/f${i}.md`) })],
    ['more rows than a table holds', () => { const d = valid(); d.groups.changedErrors = { total: 41, items: Array(41).fill(d.groups.changedErrors.items[0]) }; d.summary.errors = 41; d.byRule[0].changed = 41; return d }],
    ['a message longer than allowed', () => { const d = valid(); d.groups.changedErrors.items[0].message = 'x'.repeat(2001); return d }],
    ['errors that do not add up', () => ({ ...valid(), summary: { files: 5, errors: 0, warnings: 0 } })],
    ['counts by rule that do not add up', () => { const d = valid(); d.byRule[0].changed = 3; return d }],
    ['more rows than the total', () => { const d = valid(); d.groups.changedErrors.total = 0; d.summary.errors = 0; d.byRule[0].changed = 0; return d }],
    ['an unknown rule id', () => { const d = valid(); d.groups.changedErrors.items[0].ruleId = 'ref/made-up'; d.byRule[0].ruleId = 'ref/made-up'; return d }],
    ['a rule id with markdown', () => { const d = valid(); d.byRule[0].ruleId = '[x](https://evil.example)'; return d }],
    ['a file outside the collections', () => { const d = valid(); d.groups.changedErrors.items[0].file = 'scripts/cli/main.ts'; d.changed = ['scripts/cli/main.ts']; return d }],
    ['a file that climbs out', () => { const d = valid(); d.groups.changedErrors.items[0].file = 'startups/../../etc/passwd'; d.changed = ['startups/../../etc/passwd']; return d }],
    ['a file name with a bidirectional override', () => { const d = valid(); d.changed = ['startups/exemple\u202e.md']; return d }],
    ['an error of an unchanged fiche among the changed ones', () => { const d = valid(); d.changed = ['startups/autre.md']; return d }],
    ['a warning in the errors group', () => { const d = valid(); d.groups.changedErrors.items[0].severity = 'warning'; return d }],
    ['an end before the start', () => { const d = valid(); d.groups.changedErrors.items[0].endLine = 1; return d }],
    ['a lint share of more met than applicable', () => ({ ...valid(), lint: { fiches: 1, added: 0, introduced: { total: 0, items: [] }, fixed: { total: 0, items: [] }, categories: [{ category: 'transparence', before: null, after: { met: 3, applicable: 2 }, warningsBefore: 0, warningsAfter: 0 }] } })],
    ['an unknown category', () => ({ ...valid(), lint: { fiches: 1, added: 0, introduced: { total: 0, items: [] }, fixed: { total: 0, items: [] }, categories: [{ category: 'marketing', before: null, after: null, warningsBefore: 0, warningsAfter: 0 }] } })],
    ['a version from elsewhere', () => ({ ...valid(), version: 2 })],
  ]

  it.each(cases)('%s: exit 2, and a comment that only says the report could not be read, with a link to the run', async (_name, make) => {
    const r = await post(make())
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Données du rapport refusées')
    const body = comment()
    expect(body).toBe(
      `${REPORT_MARKER}\n## ⚠️ Registre : rapport illisible\n\nLe rapport de vérification produit par l’intégration continue de cette pull request n’a pas pu être lu : il n’est pas affiché. Les raisons sont dans le journal de [l’exécution du workflow](https://github.com/betagouv/registre/actions/runs/123456).\n`,
    )
    // The status still says whether a fork changed the tooling (here: no).
    expect(fake.statuses.map((s) => [s.context, s.state])).toEqual([[STATUS_CONTEXT, 'success']])
  })

  it('a file larger than any report, a symbolic link, a missing file: refused too', async () => {
    expect((await post(`{"version":1,"base":"${'x'.repeat(5 * 1024 * 1024)}"}`)).code).toBe(2)
    const link = path.join(tempDir(), 'report.json')
    fs.symlinkSync('/etc/passwd', link)
    const env = { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.baseUrl }
    for (const file of [link, path.join(tempDir(), 'absent.json')]) {
      const r = await run(['report', '--pr', '7', '--repo', 'betagouv/registre', '--data', file], { cwd: root, env })
      expect(r.code).toBe(2)
      expect(comment()).toContain('rapport illisible')
    }
  })

  it('the link to the run is built only from well-formed GitHub variables', async () => {
    await post({ ...valid(), extra: 1 }, { GITHUB_SERVER_URL: 'javascript:alert(1)//' })
    expect(comment()).not.toContain('](')
    await post({ ...valid(), extra: 1 }, { GITHUB_RUN_ID: '1) [x](https://evil.example' })
    expect(comment()).not.toContain('](')
  })
})

describe('data with markdown in every string is rendered inert', () => {
  beforeEach(() => void fake.pulls.push(pull()))

  it('generated hostile messages, hints and file names add no element and no reference to the comment', async () => {
    const samples = fc.sample(fc.tuple(hostileString, hostileString, hostileString, hostileString), { numRuns: 25, seed: 19 })
    for (const [message, hint, name, fixed] of samples) {
      const hostile = reportFile(message) as any
      const file = `startups/${name.replace(/[\\/\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim() || 'x'}.md`
      hostile.changed = [file]
      Object.assign(hostile.groups.changedErrors.items[0], { file, hint })
      hostile.lint = { fiches: 1, added: 0, introduced: { total: 0, items: [] }, fixed: { total: 1, items: [{ ...hostile.groups.changedErrors.items[0], ruleId: 'contact-missing', severity: 'warning', message: fixed }] }, categories: [] }
      const r = await post(hostile)
      expect(r.code, r.stderr).toBe(0)
      const forged = comment()
      const benign = reportFile('x') as any
      benign.lint = { ...hostile.lint, fixed: { total: 1, items: [{ ...benign.groups.changedErrors.items[0], ruleId: 'contact-missing', severity: 'warning', message: 'x' }] } }
      await post(benign)
      expect(sameElements(forged, comment())).toEqual({ extra: [], references: [] })
    }
  })

  it('a forged "all good" in a message stays a table cell of text under the real title', async () => {
    const r = await post(reportFile('## ✅ 0 erreur\n![](https://evil.example/p.png) @betagouv/admins #1 https://evil.example'))
    expect(r.code).toBe(0)
    const body = comment()
    expect(body.split('\n').filter((l) => l.startsWith('## '))).toEqual(['## ❌ Registre : vérification des fiches'])
    expect(body).toContain('\\#\\# ✅ 0 erreur `![](https://evil.example/p.png)` `@betagouv/admins` `#1` `https://evil.example`')
  })
})

describe('a fork that changes the tooling is flagged', () => {
  const cases: [string, Partial<FakePull>, 'success' | 'failure'][] = [
    ['a fork changing fiches only', { headRepo: 'camille/registre', files: [{ filename: 'startups/exemple.md' }, { filename: 'organisations/dinum.md' }] }, 'success'],
    ['a fork changing a script', { headRepo: 'camille/registre', files: [{ filename: 'startups/exemple.md' }, { filename: 'scripts/report/pr-report.ts' }] }, 'failure'],
    ['a fork changing the workflow', { headRepo: 'camille/registre', files: [{ filename: '.github/workflows/ci.yml' }] }, 'failure'],
    ['a fork moving a script into a fiche folder', { headRepo: 'camille/registre', files: [{ filename: 'startups/x.md', status: 'renamed', previous_filename: 'package.json' }] }, 'failure'],
    ['a fork whose repository was deleted', { headRepo: null, files: [{ filename: 'bin/registry.mjs' }] }, 'failure'],
    ['a fork whose file list GitHub cannot give in full', { headRepo: 'camille/registre', files: [{ filename: 'startups/exemple.md' }], changedFiles: 3500 }, 'failure'],
    ['a branch of the repository changing a script', { files: [{ filename: 'scripts/report/pr-report.ts' }] }, 'success'],
  ]

  it.each(cases)('%s: status %s', async (_name, over, state) => {
    fake.pulls.push(pull(over))
    const r = await post(reportFile('Un problème.'))
    expect(r.code).toBe(0)
    expect(fake.statuses).toEqual([expect.objectContaining({ sha: 'a'.repeat(40), context: STATUS_CONTEXT, state, target_url: 'https://github.com/betagouv/registre/actions/runs/123456' })])
    const body = comment()
    if (state === 'failure') {
      expect(body.split('\n').slice(1, 5).join('\n')).toMatch(/^## ❌ Registre : vérification des fiches\n\n> \[!CAUTION\]\n> \*\*Cette pull request vient d’un fork et /)
      expect(body).toContain('ne prouvent rien')
      for (const f of (over.files ?? []).flatMap((x) => [x.filename, x.previous_filename]).filter((f) => f && !/^(startups|organisations|incubators)\//.test(f))) expect(body).toContain(`\`${f}\``)
      expect(r.stderr).toContain('statut en échec')
    } else {
      expect(body).not.toContain('CAUTION')
    }
  })

  it('a flagged fork whose data is refused still gets the line and the failing status', async () => {
    fake.pulls.push(pull({ headRepo: 'camille/registre', files: [{ filename: 'scripts/report/report-data.ts' }] }))
    const r = await post({ forged: true })
    expect(r.code).toBe(2)
    expect(comment()).toContain('rapport illisible')
    expect(comment()).toContain('> [!CAUTION]')
    expect(fake.statuses[0]!.state).toBe('failure')
  })

  it('file names from the fork are inert in the line', async () => {
    fake.pulls.push(pull({ headRepo: 'camille/registre', files: [{ filename: '![x](https://evil.example/p.png)@team#1.ts' }] }))
    await post(reportFile('x'))
    const note = comment().split('\n').find((l) => l.includes('vient d’un fork'))!
    expect(note).toContain('`![x](https://evil.example/p.png)@team#1.ts`')
  })
})

describe('registry report --output-json, then --data', () => {
  it('the data the CI job writes is what the comment workflow accepts, and renders the same report', async () => {
    const git = (...args: string[]) => execFileSync('git', ['-C', root, '-c', 'user.email=t@example.org', '-c', 'user.name=T', ...args], { stdio: 'pipe' })
    git('init', '-q', '-b', 'main')
    git('add', '.')
    git('commit', '-qm', 'init')
    git('checkout', '-qb', 'change')
    const exemple = fs.readFileSync(path.join(root, 'startups/exemple.md'), 'utf8')
    writeFiles(root, { 'startups/exemple.md': exemple.replace('incubator: dinum', 'incubator: dinun').replace(/^contact:.*\n/m, '') })
    git('commit', '-qam', 'change')
    const data = path.join(tempDir(), 'report', 'report.json')
    const computed = await run(['report', '--root', root, '--base', 'main', '--output-json', data])
    expect(computed.code).toBe(1)
    const written = JSON.parse(fs.readFileSync(data, 'utf8'))
    expect(written.changed).toEqual(['startups/exemple.md'])
    expect(written.groups.changedErrors.items[0].ruleId).toBe('ref/unknown-incubator')
    expect(written.lint.introduced.total).toBeGreaterThan(0)
    fake.pulls.push(pull())
    const posted = await post(fs.readFileSync(data, 'utf8'))
    expect(posted.code).toBe(0)
    expect(comment()).toBe(computed.stdout)
  })

  it('--data needs --pr, and does not go with --output-json', async () => {
    expect((await run(['report', '--data', 'x.json'], { cwd: root })).code).toBe(2)
    expect((await run(['report', '--pr', '7', '--repo', 'a/b', '--data', 'x.json', '--output-json', 'y.json'], { cwd: root })).code).toBe(2)
    expect((await run(['report', '--body-file', 'x.md'], { cwd: root })).stderr).toContain('Option inconnue : --body-file')
  })
})
