/**
 * The programmatic API (scripts/registry.ts) is what the command line runs:
 * on a registry in a real git repository with a history, a whole build, a
 * validation, a lint and a history run (changes) driven through registry.ts
 * alone give, byte for byte, what `registry` (bin/registry.mjs, its own
 * process) writes and prints; and so do the pull request's report and a
 * build that publishes online evidence.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as registry from '../scripts/registry.ts'
import { cleanTemps, GOOD, REPO, snapshotTree, tempDir } from './cli/run.ts'
import { cleanRepos, Repo, startup } from './history/git-repo.ts'
import { writeEvidence } from '../scripts/evidence/evidence-files.ts'
import { evidenceOf } from './evidence/helpers.ts'

afterAll(() => {
  cleanRepos()
  cleanTemps()
})

/** `registry <args>` as a process, as a person runs it (no GITHUB_ACTIONS, no colours). */
function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env.GITHUB_ACTIONS
  delete env.FORCE_COLOR
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin/registry.mjs'), ...args], { cwd: REPO, env, encoding: 'utf8', timeout: 60_000 })
  if (r.error) throw r.error
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const fixture = (rel: string) => readFileSync(path.join(GOOD, rel), 'utf8')

let root: string
let config: registry.RegistryConfig

beforeAll(async () => {
  // A registry with a history: the good fixture, then a product that moves on, one that arrives
  // with warnings (no repository, a blank link), a rename, and a bot's export touching everything.
  const repo = Repo.init()
  root = repo.root
  repo.commit('2024-01-10T09:00:00+01:00', {
    'incubators/dinum.md': fixture('incubators/dinum.md'),
    'organisations/dinum.md': fixture('organisations/dinum.md'),
    'startups/exemple.md': fixture('startups/exemple.md'),
    'startups/alpha.md': startup('Alpha'),
  }, 'Premières fiches')
  repo.commit('2024-03-05T10:00:00+01:00', { 'startups/alpha.md': startup('Alpha', [['investigation', '2024-01-01'], ['construction', '2024-03-01']]) }, 'Alpha en construction')
  repo.commit('2024-04-02T11:00:00+02:00', { 'startups/beta.md': startup('Beta', [['investigation', '2024-04-01']], 'link: ""\n') }, 'Beta arrive')
  repo.mv('startups/beta.md', 'startups/beta-gouv.md', '2024-05-06T12:00:00+02:00')
  repo.commit('2024-06-03T08:00:00+02:00', { 'startups/alpha.md': startup('Alpha', [['investigation', '2024-01-01'], ['construction', '2024-03-01'], ['acceleration', '2024-06-01']]) }, 'Alpha accélère')
  config = await registry.readConfig(root)
}, 60_000)

describe('registry.ts drives a registry as the command line does', () => {
  it('build: the same files, byte for byte', async () => {
    const api = path.join(tempDir(), 'dist')
    const result = await registry.build({ root, config, lang: 'fr', out: api })
    expect(result.summary.errors).toBe(0)
    const command = path.join(tempDir(), 'dist')
    const r = cli('build', '--root', root, '--out', command)
    expect(r.code, r.stderr).toBe(0)
    const files = snapshotTree(api)
    // A whole build: the feed, the v2.7 API, the history's files and the site.
    for (const file of ['api/v1/startups.json', 'api/v1/changes.json', 'api/v1/trends.json', 'api/v2.7/startups.json', 'index.html', 'startups/alpha/index.html']) expect(files).toHaveProperty([file])
    expect(files).toEqual(snapshotTree(command))
    expect(r.stderr).toContain(`${result.written} fichiers écrits`)
  }, 120_000)

  it.each([['json'], ['stylish']])('validate --format %s: the same output', async (name) => {
    const result = await registry.validate({ root, config, lang: 'fr' })
    const printed = registry.format(name as registry.FormatName, result.diagnostics, { summary: result.summary, lang: 'fr', texts: result.texts, color: false })
    const r = cli('validate', '--root', root, '--format', name, '--no-color')
    expect(r.code).toBe(0)
    expect(printed).toBe(r.stdout)
  }, 60_000)

  it.each([['json'], ['stylish'], ['sarif']])('lint --format %s: the same output', async (name) => {
    const result = await registry.lint({ root, config, lang: 'en' })
    expect(result.summary.warnings).toBeGreaterThan(0)
    let printed = registry.format(name as registry.FormatName, result.diagnostics, { summary: result.summary, lang: 'en', texts: result.texts, color: false })
    if (name === 'stylish') printed += registry.categorySummary(result.all, 'en', 0)
    const r = cli('lint', '--root', root, '--format', name, '--lang', 'en', '--no-color')
    expect(r.code).toBe(0)
    expect(printed).toBe(r.stdout)
  }, 60_000)

  it.each([['json'], ['markdown'], ['stylish']])('changes --format %s: the same output', async (name) => {
    const { report, notices } = await registry.changes({ root, config, lang: 'fr', since: '2024-02-01' })
    expect(notices).toEqual([])
    expect(report!.change_sets.length).toBeGreaterThanOrEqual(4)
    const r = cli('changes', '--root', root, '--since', '2024-02-01', '--format', name)
    expect(r.code, r.stderr).toBe(0)
    expect(registry.formatChanges(report!, name as registry.ChangesFormat, 'fr')).toBe(r.stdout)
  }, 60_000)

  it('report: the same markdown and the same data', async () => {
    const result = await registry.report({ root, config, lang: 'fr', base: 'HEAD~2' })
    expect(result.changed).toEqual(['startups/alpha.md', 'startups/beta-gouv.md'])
    const json = path.join(tempDir(), 'report.json')
    const r = cli('report', '--root', root, '--base', 'HEAD~2', '--output-json', json)
    expect(r.code, r.stderr).toBe(0)
    expect(result.markdown).toBe(r.stdout)
    expect(`${JSON.stringify(result.data, null, 2)}\n`).toBe(readFileSync(json, 'utf8'))
    expect(await registry.readReport(json, config)).toEqual({ ok: true, data: result.data })
  }, 60_000)

  it('build with online evidence: the same files, the evidence published and read by the standards', async () => {
    const { records } = await registry.validate({ root, config, lang: 'fr' })
    const file = path.join(tempDir(), 'evidence.json')
    await writeEvidence(file, evidenceOf(records, config, ['2024-06-03T05:17:00.000Z', '2024-06-10T05:17:00.000Z']))
    const api = path.join(tempDir(), 'dist')
    const result = await registry.build({ root, config, lang: 'fr', out: api, evidence: file })
    expect(result.written).toBeGreaterThan(0)
    const command = path.join(tempDir(), 'dist')
    const r = cli('build', '--root', root, '--out', command, '--evidence', file)
    expect(r.code, r.stderr).toBe(0)
    const files = snapshotTree(api)
    for (const f of ['api/v1/evidence.json', 'preuves/index.html']) expect(files).toHaveProperty([f])
    expect(JSON.parse(readFileSync(path.join(api, 'api/v1/standards.json'), 'utf8')).online_evidence).toBe(true)
    expect(files).toEqual(snapshotTree(command))
    // A file that is not evidence: a ConfigError said in the caller's language, nothing written.
    const refused = path.join(tempDir(), 'dist')
    await expect(registry.build({ root, config, lang: 'en', out: refused, evidence: path.join(root, 'startups/alpha.md') })).rejects.toThrow(registry.ConfigError)
    await expect(registry.readEvidence(path.join(root, 'absent.json'), 'en')).rejects.toThrow(/^The evidence file .*absent\.json does not exist\.$/)
  }, 120_000)

  it('trends and history fields: those the build writes', async () => {
    const out = path.join(tempDir(), 'dist')
    await registry.build({ root, config, lang: 'fr', out, site: false })
    const written = JSON.parse(readFileSync(path.join(out, 'api/v1/trends.json'), 'utf8'))
    const { trends } = await registry.history.trends({ root, config, lang: 'fr' })
    expect(JSON.parse(JSON.stringify(trends!.snapshots))).toEqual(written.snapshots)
    const { files } = await registry.history.fields({ root, config, lang: 'fr' })
    const alpha = JSON.parse(readFileSync(path.join(out, 'api/v1/startups/alpha.json'), 'utf8'))
    expect(files!.get('startups/alpha.md')).toEqual({ created_at: alpha.created_at, updated_at: alpha.updated_at, last_commit: alpha.last_commit })
  }, 60_000)

  it('says why there is no history outside a git repository, as the command line does', async () => {
    const plain = tempDir()
    const { report, notices } = await registry.changes({ root: plain, config: registry.DEFAULT_CONFIG, lang: 'fr', since: '2024-01-01' })
    expect(report).toBeUndefined()
    const r = cli('changes', '--root', plain, '--since', '2024-01-01')
    expect(r.code).toBe(2)
    expect(notices.map((d) => `${d.message}\n  → ${d.hint} (${d.ruleId})\n`).join('')).toBe(r.stderr)
  }, 60_000)
})
