/**
 * `registry evidence` through the CLI: a run against servers on 127.0.0.1
 * (pages, and a fake GitHub reached by the real Octokit), its file and its
 * change list; publishing the file on its branch through the git data API
 * and the notifications (issues), against the fake GitHub of test/github/.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseEvidence } from '../../scripts/evidence/parse-evidence.ts'
import type { EvidenceFile } from '../../scripts/evidence/types.ts'
import { FakeGitHub } from '../github/fake-github.ts'
import { startFakeGitHub, type FakeGitHub as FakeForge } from '../lint/online/fake-forges.ts'
import { startServer, type TestServer } from '../lint/online/servers.ts'
import { runOf, runs, WEEK } from '../evidence/helpers.ts'
import { cleanTemps, copyRegistry, hasStackTrace, run, tempDir } from './run.ts'

const TOKEN = 'ghp_evidence_token_never_printed_0123456789'
let pages: TestServer
let forge: FakeForge
let deadStats = false

beforeAll(async () => {
  pages = await startServer((req, res) => {
    if (req.url === '/live') return void res.writeHead(200).end('ok')
    if (req.url === '/stats') return void res.writeHead(deadStats ? 404 : 200).end()
    res.writeHead(404).end()
  })
  forge = await startFakeGitHub({ 'betagouv/exemple': {} })
})

afterAll(async () => {
  await Promise.all([pages.close(), forge.close()])
  cleanTemps()
})

const env = { GITHUB_API_URL: '', GITHUB_TOKEN: TOKEN, REGISTRY_ONLINE_ALLOW_PRIVATE_ADDRESSES: '1' }

/** The good registry, its startup naming the test site's pages. */
function registry(): string {
  const root = copyRegistry()
  const file = path.join(root, 'startups/exemple.md')
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('\nphases:', `\nlink: ${pages.origin}/live\nstats_url: ${pages.origin}/stats\nphases:`))
  return root
}

const read = (file: string): EvidenceFile => parseEvidence(fs.readFileSync(file, 'utf8')).evidence!

describe('registry evidence --out', () => {
  it('checks the fiches’ pages and repository, writes the evidence, prints the change list; a second run compares', async () => {
    const root = registry()
    const out = path.join(tempDir(), 'evidence', 'evidence.json')
    const e = { ...env, GITHUB_API_URL: forge.origin }
    const first = await run(['evidence', '--root', root, '--out', out, '--previous', out, '--as-of', '2026-11-01'], { env: e })
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).toContain('c’est la première vérification')
    expect(first.stdout).toMatch(/^Preuves en ligne : vérification du \d+(er)? \S+ \d{4} \(la première : aucune comparaison\)\.\n3 adresses vérifiées, 0 en échec\./)
    const evidence = read(out)
    expect(evidence.targets.map((t) => [t.kind, t.url.replace(pages.origin, ''), t.result, t.startups])).toEqual([
      ['repository', 'https://github.com/betagouv/exemple', 'ok', ['exemple']],
      ['url', '/live', 'ok', ['exemple']],
      ['url', '/stats', 'ok', ['exemple']],
    ])

    // A week later (the checker's cache emptied, as after a day), the statistics page is gone.
    deadStats = true
    fs.rmSync(path.join(root, '.cache'), { recursive: true })
    const second = await run(['evidence', '--root', root, '--out', out, '--previous', out, '--format', 'markdown', '--as-of', '2026-11-01'], { env: e })
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout).toContain('### Nouvelles pannes (1)')
    expect(second.stdout).toContain(`| \`${pages.origin}/stats\` | \`exemple\` | Page introuvable depuis le`)
    expect(read(out).runs).toHaveLength(2)
    expect(second.stdout + second.stderr + first.stdout + first.stderr + fs.readFileSync(out, 'utf8')).not.toContain(TOKEN)
    deadStats = false
  })

  it('refuses a previous file that is not evidence, and leaves it and --out untouched', async () => {
    const dir = tempDir()
    const previous = path.join(dir, 'previous.json')
    fs.writeFileSync(previous, '{"evidence_version": 1}')
    const r = await run(['evidence', '--root', registry(), '--out', path.join(dir, 'out.json'), '--previous', previous], { env: { ...env, GITHUB_API_URL: forge.origin } })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^Le fichier de preuves .*previous\.json n’est pas utilisable : .*ne suit pas le schéma des preuves/)
    expect(hasStackTrace(r)).toBe(false)
    expect(fs.existsSync(path.join(dir, 'out.json'))).toBe(false)
    expect(fs.readFileSync(previous, 'utf8')).toBe('{"evidence_version": 1}')
  })

  it.each([
    [[], /une seule de ces options/],
    [['--out', 'a.json', '--publish', 'b.json'], /une seule de ces options/],
    [['--publish', 'b.json', '--previous', 'a.json'], /--previous et --format ne vont qu’avec evidence --out/],
    [['--out', 'a.json', '--branch', 'x'], /--branch ne va qu’avec evidence --publish/],
    [['--out', 'a.json', '--format', 'sarif'], /--format doit valoir stylish, markdown ou json pour evidence/],
    [['--publish', 'b.json'], /--publish, --notify et --fetch demandent --repo/],
  ])('usage: %j → exit 2 with a French message', async (args, message) => {
    const r = await run(['evidence', '--root', registry(), ...args], { env: { GITHUB_TOKEN: TOKEN } })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })

  it('--previous goes with evidence only', async () => {
    const r = await run(['lint', '--previous', 'a.json'])
    expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/--previous ne va qu’avec evidence/) })
  })
})

describe('registry evidence --publish', () => {
  let github: FakeGitHub
  beforeAll(async () => {
    github = await new FakeGitHub().start()
  })
  afterAll(() => github.stop())

  const file = (e: EvidenceFile) => {
    const f = path.join(tempDir(), 'evidence.json')
    fs.writeFileSync(f, JSON.stringify(e))
    return f
  }
  const publish = (f: string, extra: string[] = [], token = TOKEN) => run(['evidence', '--root', registry(), '--publish', f, '--repo', 'betagouv/registre', ...extra], { env: { GITHUB_TOKEN: token, GITHUB_API_URL: github.baseUrl } })
  const week = (n: number) => runs(Array.from({ length: n }, (_, i) => runOf(WEEK[i]!, [['url', 'https://a.example/', i === n - 1 ? 'dead' : 'ok']])))

  it('creates the branch with evidence.json alone, then adds one commit per run; the same file twice changes nothing', async () => {
    const first = await publish(file(week(1)))
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).toMatch(/^Branche créée : betagouv\/registre@evidence \([0-9a-f]{12}\)/)
    expect(parseEvidence(github.gitFile('evidence', 'evidence.json')!).evidence).toEqual(week(1))
    const second = await publish(file(week(2)))
    expect(second.stderr).toMatch(/^Preuves publiées/)
    expect(github.gitLog('evidence').map((c) => c.message)).toEqual(['Preuves en ligne du 2026-09-14 (1 adresse, 1 en échec)', 'Preuves en ligne du 2026-09-07 (1 adresse, 1 en échec)'])
    expect(github.gitLog('evidence')[1]!.parents).toEqual([])
    expect((await publish(file(week(2)))).stderr).toMatch(/^Preuves déjà à jour/)
    expect(github.gitLog('evidence')).toHaveLength(2)
    for (const q of github.requests) expect(q.authorization).toBe(`token ${TOKEN}`)
  })

  it('refuses a file that does not continue the branch’s (a run that lost the previous evidence)', async () => {
    const fresh = runs([runOf(WEEK[3]!, [['url', 'https://a.example/', 'ok']])])
    const r = await publish(file(fresh))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/ne prolongent pas celles de la branche evidence/)
    expect(github.gitLog('evidence')).toHaveLength(2)
  })

  it('--fetch reads the branch’s evidence back (for the next run, for the site’s build); before the first publication, writes nothing', async () => {
    const out = path.join(tempDir(), 'previous', 'evidence.json')
    const fetchBranch = (branch: string) => run(['evidence', '--root', registry(), '--fetch', out, '--repo', 'betagouv/registre', '--branch', branch], { env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: github.baseUrl } })
    const none = await fetchBranch('nowhere')
    expect(none).toMatchObject({ code: 0, stderr: expect.stringMatching(/^La branche nowhere n’existe pas encore/) })
    expect(fs.existsSync(out)).toBe(false)
    const r = await fetchBranch('evidence')
    expect(r).toMatchObject({ code: 0, stderr: 'Preuves du 14 septembre 2026 lues sur la branche evidence (1 adresse).\n' })
    expect(read(out)).toEqual(week(2))
    // A branch without evidence.json: refused, not taken for a first run.
    const api = (route: string, body: unknown) => fetch(`${github.baseUrl}/repos/betagouv/registre/${route}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json() as Promise<{ sha: string }>)
    const blob = await api('git/blobs', { content: 'x', encoding: 'utf-8' })
    const tree = await api('git/trees', { tree: [{ path: 'README.md', mode: '100644', type: 'blob', sha: blob.sha }] })
    const commit = await api('git/commits', { message: 'x', tree: tree.sha, parents: [] })
    await api('git/refs', { ref: 'refs/heads/sans-preuves', sha: commit.sha })
    const other = await fetchBranch('sans-preuves')
    expect(other).toMatchObject({ code: 2, stderr: expect.stringMatching(/La branche sans-preuves existe mais ne contient pas evidence\.json/) })
  })

  it('refuses a file that is not evidence before any request, and needs a token', async () => {
    const before = github.requests.length
    const bad = path.join(tempDir(), 'bad.json')
    fs.writeFileSync(bad, '{"runs": "<script>"}')
    expect((await publish(bad)).code).toBe(2)
    expect((await publish(file(week(3)), [], '')).stderr).toMatch(/GITHUB_TOKEN/)
    expect((await publish(file(week(3)), ['--branch', '../main'])).stderr).toMatch(/n’est pas un nom de branche/)
    expect(github.requests.length).toBe(before)
  })
})

describe('registry evidence --notify', () => {
  let github: FakeGitHub
  beforeAll(async () => {
    github = await new FakeGitHub().start()
  })
  afterAll(() => github.stop())

  const notify = async (e: EvidenceFile) => {
    const f = path.join(tempDir(), 'evidence.json')
    fs.writeFileSync(f, JSON.stringify(e))
    return run(['evidence', '--root', registry(), '--notify', f, '--repo', 'betagouv/registre'], { env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: github.baseUrl } })
  }
  const S = 'https://exemple.beta.gouv.fr/stats'
  const weeks = (outcomes: ('ok' | 'dead')[]) => runs(outcomes.map((o, i) => runOf(WEEK[i]!, [['url', S, o, o === 'dead' ? { status: 404 } : {}]])))

  it('one issue per product that newly fails, updated rather than duplicated, closed when the evidence holds again, reopened when it fails again', async () => {
    // A stranger’s issue carrying the marker and the label is never adopted.
    github.issues.push({ number: 90, title: 'x', body: '<!-- registry-evidence:exemple -->', state: 'open', state_reason: null, labels: ['preuves-en-ligne'], user: { login: 'mallory', type: 'User' } })
    expect((await notify(weeks(['ok']))).stderr).toBe('Tickets : 0 ouvert, 0 rouvert, 0 mis à jour, 0 fermé.\n')
    const broke = await notify(weeks(['ok', 'dead']))
    expect(broke.stderr).toBe('Tickets : 1 ouvert, 0 rouvert, 0 mis à jour, 0 fermé.\n')
    const issue = github.issues.find((i) => i.user.login === 'github-actions[bot]')!
    expect(issue).toMatchObject({ title: 'Preuves en ligne à vérifier : Exemple', state: 'open', labels: ['preuves-en-ligne'] })
    expect(issue.body).toContain('<!-- registry-evidence:exemple -->')
    expect(issue.body).toContain(`| \`${S}\` | Page introuvable depuis le 14 septembre 2026 : le serveur répond « page introuvable » (erreur 404). |`)
    expect(issue.body).toContain('Fiche : `startups/exemple.md`.')
    expect([...github.labels.keys()]).toEqual(['preuves-en-ligne'])
    expect((await notify(weeks(['ok', 'dead', 'dead']))).stderr).toMatch(/1 mis à jour/)
    expect((await notify(weeks(['ok', 'dead', 'dead', 'ok']))).stderr).toMatch(/1 fermé/)
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' })
    const again = await notify(weeks(['ok', 'dead', 'dead', 'ok', 'dead']))
    expect(again.stderr).toMatch(/1 rouvert/)
    expect(github.issues.filter((i) => i.user.login === 'github-actions[bot]')).toHaveLength(1)
    expect(issue.state).toBe('open')
    expect(github.issues.find((i) => i.number === 90)!.body).toBe('<!-- registry-evidence:exemple -->')
    expect(github.comments.get(issue.number)!.map((c) => c.body)).toEqual(['Les preuves tiennent de nouveau : ce ticket se ferme.', 'Les preuves sont de nouveau en échec : voir la description, mise à jour.'])
  })

  it('a product failing for long gets no issue the day notifications start', async () => {
    const count = github.issues.length
    const r = await notify(runs([runOf(WEEK[0]!, [['url', 'https://b.example/', 'dead']], 'autre'), runOf(WEEK[1]!, [['url', 'https://b.example/', 'dead']], 'autre')]))
    expect(r.code).toBe(0)
    expect(github.issues.length).toBe(count)
  })
})

describe('registry build --evidence', () => {
  /** Evidence for the good registry's startup: its link dead since the second run, its repository holding. */
  const LINK = 'https://exemple.beta.gouv.fr/'
  const file = () => {
    const e = runs([0, 1].map((i) => runOf(WEEK[i]!, [['url', LINK, i === 0 ? 'ok' : 'dead', { status: i === 0 ? 200 : 404 }], ['repository', 'https://github.com/betagouv/exemple', 'ok']])))
    const f = path.join(tempDir(), 'evidence.json')
    fs.writeFileSync(f, JSON.stringify(e))
    return { e, f }
  }
  const withLink = () => {
    const root = copyRegistry()
    const fiche = path.join(root, 'startups/exemple.md')
    fs.writeFileSync(fiche, fs.readFileSync(fiche, 'utf8').replace('\nphases:', `\nlink: ${LINK}\nphases:`))
    return root
  }

  it('publishes the evidence and its schema, and the standards read it (online rules, never the network)', async () => {
    const { e, f } = file()
    const out = path.join(tempDir(), 'dist')
    const r = await run(['build', '--root', withLink(), '--out', out, '--evidence', f, '--as-of', '2026-10-01'])
    expect(r.code, r.stderr).toBe(0)
    const api = (name: string) => JSON.parse(fs.readFileSync(path.join(out, 'api/v1', name), 'utf8'))
    expect(api('evidence.json')).toEqual(e)
    expect(api('schemas/evidence.schema.json')).toMatchObject({ $id: '/api/v1/schemas/evidence.schema.json', title: 'Preuves en ligne' })
    expect(api('index.json').files.evidence).toBe('/api/v1/evidence.json')
    expect(api('standards.json')).toMatchObject({ online_evidence: true, rules: { 'link-unreachable': { applicable: 1, failing: 1, evidence: 'online' }, 'repository-unavailable': { applicable: 1, passed: 1 } } })
    const checks = api('startups.json').startups[0].standards.categories.transparence.checks
    // Each check says what it saw, in words: the dead link with its date, the repository that held.
    expect(checks).toContainEqual({
      rule: 'link-unreachable', standards: ['le-produit-a-une-fiche-a-jour-sur-le-site-beta-gouv-fr'], evidence: 'online', result: 'failing', checked_at: WEEK[1],
      explanation: `L’adresse du service « ${LINK} » ne répond pas : la page répond par une erreur (HTTP 404) (vérifié le 2026-09-14).`,
    })
    const software = api('startups.json').startups[0].standards.categories['qualité-logicielle'].checks
    expect(software).toContainEqual(expect.objectContaining({ rule: 'repository-unavailable', result: 'passed', explanation: 'Le dépôt « https://github.com/betagouv/exemple » était public, sous licence et actif lors de la vérification du 2026-09-14.' }))
    expect(fs.readFileSync(path.join(out, 'startups/exemple/index.html'), 'utf8')).toContain('Page introuvable depuis le 14 septembre 2026')
  })

  it('without --evidence: the schema only, no evidence.json, the online rules not applied', async () => {
    const out = path.join(tempDir(), 'dist')
    expect((await run(['build', '--root', withLink(), '--out', out])).code).toBe(0)
    expect(fs.existsSync(path.join(out, 'api/v1/evidence.json'))).toBe(false)
    expect(fs.existsSync(path.join(out, 'api/v1/schemas/evidence.schema.json'))).toBe(true)
    expect(JSON.parse(fs.readFileSync(path.join(out, 'api/v1/standards.json'), 'utf8')).rules['link-unreachable']).toBeUndefined()
    expect(fs.readFileSync(path.join(out, 'preuves/index.html'), 'utf8')).toContain('Les preuves en ligne n’ont pas été vérifiées pour cette compilation')
  })

  it.each([
    ['a file that is not evidence', (f: string) => fs.writeFileSync(f, '{"evidence_version": 1, "targets": []}'), /^Le fichier de preuves .* n’est pas utilisable/],
    ['a missing file', (f: string) => fs.rmSync(f), /^Le fichier de preuves .* n’existe pas\./],
  ])('refuses %s: exit 2, nothing written, no stack trace', async (_name, spoil, message) => {
    const { f } = file()
    spoil(f)
    const out = path.join(tempDir(), 'dist')
    const r = await run(['build', '--root', withLink(), '--out', out, '--evidence', f])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(hasStackTrace(r)).toBe(false)
    expect(fs.existsSync(out)).toBe(false)
  })

  it('--evidence goes with build only', async () => {
    expect(await run(['validate', '--evidence', 'x.json'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--evidence ne va qu’avec build/) })
  })
})
