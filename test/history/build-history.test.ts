// build in a real repository: history fields, changes.json, changes.atom, trends.json.
import fs from 'node:fs'
import path from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterEach, describe, expect, it } from 'vitest'
import { feedSchema } from '../../scripts/compile/feed-schema.ts'
import { historySchema } from '../../scripts/compile/history-schema.ts'
import { mainLine, parsedBlobs, trendsMetrics } from '../../scripts/history/history-files.ts'
import { changeSets } from '../../scripts/history/changes.ts'
import { computeTrends } from '../../scripts/history/trends.ts'
import { runValidation } from '../../scripts/registry/check.ts'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { createAjv } from '../../scripts/validate/ajv.ts'
import { cleanTemps, GOOD, hasStackTrace, run, snapshotTree, tempDir } from '../cli/run.ts'
import { cleanRepos, Repo, startup } from './git-repo.ts'

afterEach(() => {
  cleanRepos()
  cleanTemps()
})

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8')
const json = (dir: string, file: string) => JSON.parse(read(dir, file))

/** The good fixture, then a year of changes with fixed dates. */
function history(): { repo: Repo; commits: Record<string, string> } {
  const repo = Repo.init()
  const files: Record<string, string> = {}
  for (const c of ['incubators', 'organisations', 'startups']) for (const f of fs.readdirSync(path.join(GOOD, c))) files[`${c}/${f}`] = fs.readFileSync(path.join(GOOD, c, f), 'utf8')
  files['registry.config.json'] = JSON.stringify({ siteUrl: 'https://registre.example.org' })
  const commits: Record<string, string> = {}
  commits.init = repo.commit('2024-01-15T10:00:00+01:00', { ...files, 'startups/alpha.md': startup('Alpha', [['alumni', '2023-01-01']]) }, 'init')
  commits.beta = repo.commit('2024-02-10T10:00:00+01:00', { 'startups/beta.md': startup('Beta') }, 'add beta')
  commits.phase = repo.commit('2024-03-05T10:00:00+01:00', { 'startups/beta.md': startup('Beta', [['investigation', '2020-01-01'], ['construction', '2024-03-01']]) }, 'beta builds')
  commits.vocabulary = repo.commit('2024-03-20T10:00:00+01:00', { 'startups/alpha.md': startup('Alpha', [['abandon-investigation', '2023-01-01']]) }, 'new <vocabulary> & \x07bell')
  return { repo, commits }
}

describe('build with git history', () => {
  it('adds created_at, updated_at and last_commit to every fiche, the same bytes with and without the worker thread', async () => {
    const { repo, commits } = history()
    const outs = [tempDir(), tempDir()]
    for (const [i, threads] of ['0', '1'].entries()) {
      const r = await run(['build', '--root', repo.root, '--out', outs[i]!], { env: { REGISTRY_THREADS: threads } })
      expect(r.stderr).toMatch(/fichiers écrits/)
      expect(r.code).toBe(0)
    }
    expect(snapshotTree(outs[1]!)).toEqual(snapshotTree(outs[0]!))
    const out = outs[0]!
    expect(json(out, 'api/v1/startups/beta.json')).toMatchObject({ created_at: '2024-02-10', updated_at: '2024-03-05', last_commit: commits.phase })
    expect(json(out, 'api/v1/startups/alpha.json')).toMatchObject({ created_at: '2024-01-15', updated_at: '2024-03-20', last_commit: commits.vocabulary })
    expect(json(out, 'api/v1/incubators.json').incubators[0]).toMatchObject({ created_at: '2024-01-15', updated_at: '2024-01-15', last_commit: commits.init })
    const keys = Object.keys(json(out, 'api/v1/startups/beta.json'))
    expect(keys.slice(-4)).toEqual(['created_at', 'updated_at', 'last_commit', 'body'])
    expect(json(out, 'api/v1/index.json').files).toMatchObject({ changes: 'https://registre.example.org/api/v1/changes.json', changes_atom: 'https://registre.example.org/api/v1/changes.atom', trends: 'https://registre.example.org/api/v1/trends.json' })
    const ajv = createAjv()
    for (const [file, schema] of [
      ['api/v1/startups.json', feedSchema('startups', 'https://registre.example.org')],
      ['api/v1/startups/beta.json', feedSchema('startup', '')],
      ['api/v1/incubators.json', feedSchema('incubators', '')],
      ['api/v1/index.json', feedSchema('index', '')],
      ['api/v1/changes.json', historySchema('changes', '')],
      ['api/v1/trends.json', historySchema('trends', '')],
    ] as const) {
      const validate = ajv.compile(schema)
      expect(validate(json(out, file)), `${file} ${JSON.stringify(validate.errors)}`).toBe(true)
    }
  })

  it('writes changes.json, a valid Atom feed with one entry per change set, and monthly trends with retired phase names mapped', async () => {
    const { repo, commits } = history()
    const out = tempDir()
    expect((await run(['build', '--root', repo.root, '--out', out])).code).toBe(0)
    const changes = json(out, 'api/v1/changes.json')
    expect(changes.window).toEqual({ days: 90, max_change_sets: 200, since: '2023-12-21', until: '2024-03-20' })
    expect(changes.change_sets.map((s: { commit: string }) => s.commit)).toEqual([commits.vocabulary, commits.phase, commits.beta, commits.init])
    expect(changes.change_sets[1].changes).toEqual([
      { kind: 'modified', collection: 'startups', id: 'beta', file: 'startups/beta.md', title: 'Beta', fields: ['phases'], phase: { from: 'investigation', to: 'construction', start: '2024-03-01' }, standards: { gained: ['committee-recent', 'phase-stale'], lost: ['impact-missing', 'repository-missing'] } },
    ])
    // alumni after no other phase is today's abandon-investigation: a vocabulary change, not a transition.
    expect(changes.change_sets[0].changes[0]).toMatchObject({ id: 'alpha', vocabulary: { from: 'alumni', to: 'abandon-investigation' } })
    expect(changes.change_sets[0].changes[0].phase).toBeUndefined()

    const atom = read(out, 'api/v1/changes.atom')
    expect(XMLValidator.validate(atom)).toBe(true)
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(atom).feed
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed.updated).toBe('2024-03-20T09:00:00.000Z')
    // A control character of a commit message (not allowed in XML) is replaced; markup is escaped.
    expect(feed.entry[0].title['#text']).toContain('(new <vocabulary> & \ufffdbell)')
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual(changes.change_sets.map((s: { commit: string }) => `tag:registre.example.org,2026:registry/commit/${s.commit}`))
    for (const e of feed.entry) {
      expect(e.title['#text']).toMatch(/^2024-0\d-\d\d : \d+ fiches? \(/)
      expect(e.content['@_type']).toBe('html')
      expect(e.updated).toMatch(/^2024-0\d-\d\dT/)
      expect(e.link[0]['@_href']).toMatch(/^https:\/\/registre\.example\.org\/api\/v1\/changes\.json#[0-9a-f]{40}$/)
    }

    const trends = json(out, 'api/v1/trends.json')
    expect(trends.snapshots.map((s: { month: string; products: number; phases: { counts: object } }) => [s.month, s.products, s.phases.counts])).toEqual([
      ['2024-01', 2, { 'abandon-investigation': 1, construction: 1 }],
      ['2024-02', 3, { 'abandon-investigation': 1, construction: 1, investigation: 1 }],
      ['2024-03', 3, { 'abandon-investigation': 1, construction: 2 }],
    ])
    expect(trends.snapshots[2]).toMatchObject({ date: '2024-03-20', commit: commits.vocabulary, rules: { phases: 'vocabulary-2026-12-07' } })
  })

  it('computes trends incrementally from its cache: a later build reads only the new commits and gives the same result as a fresh one', async () => {
    const { repo } = history()
    const out = tempDir()
    expect((await run(['build', '--root', repo.root, '--out', out])).code).toBe(0)
    const cache = path.join(repo.root, '.git', 'registry', 'trends-cache.json')
    expect(JSON.parse(fs.readFileSync(cache, 'utf8')).commit).toBe(repo.git('rev-parse', 'HEAD').trim())
    // Months without a commit carry the last numbers.
    repo.commit('2024-06-02T10:00:00+02:00', { 'startups/gamma.md': startup('Gamma') }, 'add gamma')
    expect((await run(['build', '--root', repo.root, '--out', out])).code).toBe(0)
    const incremental = read(out, 'api/v1/trends.json')
    fs.rmSync(cache)
    expect((await run(['build', '--root', repo.root, '--out', out])).code).toBe(0)
    expect(read(out, 'api/v1/trends.json')).toBe(incremental)
    const months = JSON.parse(incremental).snapshots.map((s: { month: string; products: number }) => `${s.month}:${s.products}`)
    expect(months).toEqual(['2024-01:2', '2024-02:3', '2024-03:3', '2024-04:3', '2024-05:3', '2024-06:4'])
    // The build's own parsed fiches stand for HEAD's blobs: the same numbers as reading every blob.
    const fresh = await computeTrends(repo.root, 'startups', await mainLine(repo.root, DEFAULT_CONFIG), trendsMetrics(DEFAULT_CONFIG))
    expect(JSON.parse(incremental).snapshots).toEqual(fresh.snapshots)
    const { records } = await runValidation(repo.root, DEFAULT_CONFIG, 'fr')
    const ids = [...parsedBlobs(records).keys()].sort()
    const head = repo.git('ls-tree', 'HEAD', 'incubators/', 'organisations/', 'startups/').trim().split('\n').map((l) => l.split(/\s+/)[2]!).sort()
    expect(ids).toEqual(head)
    // And for the change sets: the same as reading every blob of the history.
    const line = await mainLine(repo.root, DEFAULT_CONFIG)
    const sets = await changeSets(repo.root, DEFAULT_CONFIG, line, parsedBlobs(records))
    expect(sets.length).toBeGreaterThan(2)
    expect(sets).toEqual(await changeSets(repo.root, DEFAULT_CONFIG, line))
    // A cache that is not JSON is ignored, never fatal.
    fs.writeFileSync(cache, '{not json')
    expect((await run(['build', '--root', repo.root, '--out', out])).code).toBe(0)
    expect(read(out, 'api/v1/trends.json')).toBe(incremental)
  })

  it('says once that git cannot read a damaged history, without a stack trace, and builds without history', async () => {
    const { repo, commits } = history()
    // The tree of the first commit is lost: git log --raw cannot diff it.
    const tree = repo.git('rev-parse', `${commits.init}^{tree}`).trim()
    fs.rmSync(path.join(repo.root, '.git/objects', tree.slice(0, 2), tree.slice(2)))
    const out = tempDir()
    const r = await run(['build', '--root', repo.root, '--out', out])
    expect(r.code).toBe(0)
    expect(r.stderr.match(/\(history\/git-error\)/g)).toHaveLength(1)
    expect(hasStackTrace(r)).toBe(false)
    expect(json(out, 'api/v1/startups/beta.json').created_at).toBeUndefined()
    const c = await run(['changes', '--root', repo.root, '--since', '2020-01-01'])
    expect([c.code, hasStackTrace(c), /history\/git-error/.test(c.stderr)]).toEqual([2, false, true])
  })

  it('reads no history with REGISTRY_HISTORY=0', async () => {
    const { repo } = history()
    const out = tempDir()
    const r = await run(['build', '--root', repo.root, '--out', out], { env: { REGISTRY_HISTORY: '0' } })
    expect(r).toMatchObject({ code: 0, stderr: expect.stringMatching(/^\d+ fichiers écrits/) })
    expect(fs.existsSync(path.join(out, 'api/v1/changes.json'))).toBe(false)
    expect(json(out, 'api/v1/startups/beta.json').created_at).toBeUndefined()
    expect(Object.keys(json(out, 'api/v1/index.json').files)).toEqual(['startups', 'startup', 'organisations', 'incubators', 'standards', 'evaluations', 'types', 'v3_startups', 'v3_startup', 'v3_types', 'openapi'])
    // Without history, no file has a date; every file is listed with its fingerprint all the same.
    expect(json(out, 'api/v1/index.json').published.every((p: { updated: unknown; sha256: string }) => p.updated === null && /^[0-9a-f]{64}$/.test(p.sha256))).toBe(true)
  })

  it('says once, in English with --lang en, that a registry outside git has no history, and writes no history file', async () => {
    const root = tempDir()
    fs.cpSync(GOOD, root, { recursive: true })
    const r = await run(['build', '--root', root, '--out', path.join(root, 'out'), '--lang', 'en'])
    expect(r.code).toBe(0)
    expect(r.stderr.match(/history\/no-repository/g)).toHaveLength(1)
    expect(r.stderr).toMatch(/^The registry is not in a git repository/)
    expect(fs.existsSync(path.join(root, 'out/api/v1/changes.json'))).toBe(false)
    expect(json(path.join(root, 'out'), 'api/v1/startups/exemple.json').created_at).toBeUndefined()
  })
})
