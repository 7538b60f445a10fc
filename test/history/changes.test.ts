// registry changes on real repositories with fixed dates.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { diffFiche } from '../../scripts/history/changes.ts'
import { readPastFiche } from '../../scripts/history/past-fiche.ts'
import { currentPhaseName, readPhase } from '../../scripts/history/vocabulary.ts'
import { run, hasStackTrace } from '../cli/run.ts'
import { cleanRepos, Repo, startup, tempFolder } from './git-repo.ts'

afterEach(cleanRepos)

const changes = (root: string, ...args: string[]) => run(['changes', '--root', root, ...args])

function repoWithHistory() {
  const repo = Repo.init()
  const many: Record<string, string> = {}
  for (let i = 0; i < 25; i++) many[`startups/p${String(i).padStart(2, '0')}.md`] = startup(`P${i}`, [['investigation', '2019-01-01'], ['construction', '2019-06-01'], ['alumni', '2020-01-01']])
  const c0 = repo.commit('2025-01-10T10:00:00+00:00', { ...many, 'startups/a.md': startup('A'), 'startups/old.md': startup('Old'), 'startups/gone.md': startup('Gone') })
  const c1 = repo.commit('2025-02-03T10:00:00+00:00', { 'startups/a.md': startup('A', [['investigation', '2020-01-01'], ['construction', '2025-02-01']], 'incubators:\n  - dinum\n') })
  repo.git('mv', 'startups/old.md', 'startups/new.md')
  const c2 = repo.commit('2025-02-10T10:00:00+00:00', { 'startups/gone.md': null })
  // The bot's vocabulary commit: 25 fiches, plus one real transition among them.
  const renamed: Record<string, string> = {}
  for (let i = 0; i < 25; i++) renamed[`startups/p${String(i).padStart(2, '0')}.md`] = startup(`P${i}`, [['investigation', '2019-01-01'], ['construction', '2019-06-01'], ['abandon', '2020-01-01']])
  const c3 = repo.commit('2025-03-01T10:00:00+00:00', { ...renamed, 'startups/a.md': startup('A', [['investigation', '2020-01-01'], ['construction', '2025-02-01'], ['acceleration', '2025-02-28']], 'incubators:\n  - dinum\n') }, 'chore: db changes')
  return { repo, c: [c0, c1, c2, c3] }
}

describe('registry changes', () => {
  it('lists additions, transitions, renames and deletions, and summarises a bulk vocabulary commit', async () => {
    const { repo, c } = repoWithHistory()
    const r = await changes(repo.root, '--since', '2025-02-01', '--format', 'json')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.since).toBe('2025-02-01')
    expect(report.change_sets.map((s: { commit: string; date: string; fiches: number }) => [s.commit, s.date, s.fiches])).toEqual([
      [c[1], '2025-02-03', 1],
      [c[2], '2025-02-10', 2],
      [c[3], '2025-03-01', 26],
    ])
    expect(report.change_sets[0].changes).toEqual([{ kind: 'modified', collection: 'startups', id: 'a', file: 'startups/a.md', title: 'A', fields: ['incubators', 'phases'], phase: { from: 'investigation', to: 'construction', start: '2025-02-01' }, standards: { gained: ['committee-recent', 'phase-stale'], lost: ['impact-missing', 'repository-missing'] } }])
    expect(report.change_sets[1].changes).toEqual([
      { kind: 'removed', collection: 'startups', id: 'gone', file: 'startups/gone.md', title: 'Gone' },
      { kind: 'renamed', collection: 'startups', id: 'new', file: 'startups/new.md', from: 'old', title: 'Old', fields: [] },
    ])
    const bulk = report.change_sets[2]
    expect(bulk.summaries).toEqual([{ kind: 'vocabulary', count: 25, phases: { 'alumni → abandon': 25 }, ids: Array.from({ length: 25 }, (_, i) => `p${String(i).padStart(2, '0')}`) }])
    expect(bulk.changes).toEqual([expect.objectContaining({ id: 'a', phase: { from: 'construction', to: 'acceleration', start: '2025-02-28' } })])
  })

  it('gives per fiche the standards gained and lost, judged as of the commit, and counts them in a bulk commit’s summary', async () => {
    const repo = Repo.init()
    const before: Record<string, string> = {}
    const after: Record<string, string> = {}
    for (let i = 0; i < 25; i++) {
      const file = `startups/p${String(i).padStart(2, '0')}.md`
      before[file] = startup(`P${i}`, [['investigation', '2024-01-01'], ['construction', '2024-06-01']])
      after[file] = startup(`P${i}`, [['investigation', '2024-01-01'], ['construction', '2024-06-01']], `repository: https://github.com/betagouv/p${i}\n`)
    }
    repo.commit('2025-01-10T10:00:00+00:00', before)
    // The bot adds every repository; one fiche also loses its contact (a standard lost) in a commit of its own.
    const bot = repo.commit('2025-02-03T10:00:00+00:00', after, 'chore: db changes')
    const one = repo.commit('2025-02-04T10:00:00+00:00', { 'startups/p00.md': after['startups/p00.md']!.replace('contact: contact@example.org\n', '') })
    const report = JSON.parse((await changes(repo.root, '--since', '2025-02-01', '--format', 'json')).stdout)
    const [bulk, single] = report.change_sets
    expect(bulk.commit).toBe(bot)
    expect(bulk.changes).toEqual([])
    expect(bulk.summaries).toEqual([{ kind: 'fields', count: 25, fields: ['repository'], standards: { gained: { 'repository-missing': 25 }, lost: {} }, ids: Array.from({ length: 25 }, (_, i) => `p${String(i).padStart(2, '0')}`) }])
    expect(single.commit).toBe(one)
    expect(single.changes).toEqual([expect.objectContaining({ id: 'p00', fields: ['contact'], standards: { gained: [], lost: ['contact-missing'] } })])
    const md = await changes(repo.root, '--since', '2025-02-01', '--format', 'markdown')
    expect(md.stdout).toContain('- **25 fiches : champs repository modifiés ; standards gagnés repository-missing ×25**')
    expect(md.stdout).toContain('- `startups/p00` modifiée ; champs contact ; standards perdus contact-missing')
    const en = await changes(repo.root, '--since', '2025-02-01', '--lang', 'en')
    expect(en.stdout).toContain('25 fiches: fields repository changed ; standards gained repository-missing ×25')
  })

  it('takes revisions as bounds, and prints stylish and markdown reports in French or English', async () => {
    const { repo, c } = repoWithHistory()
    const stylish = await changes(repo.root, '--since', c[0]!, '--until', c[2]!)
    expect(stylish.code).toBe(0)
    expect(stylish.stdout).toBe(
      `2025-02-03 ${c[1]!.slice(0, 10)} commit 2025-02-03T10:00:00+00:00 (Test) · 1 fiche\n  startups/a  modifiée ; phase investigation → construction (2025-02-01) ; champs incubators, phases ; standards gagnés committee-recent, phase-stale ; standards perdus impact-missing, repository-missing\n\n` +
        `2025-02-10 ${c[2]!.slice(0, 10)} commit 2025-02-10T10:00:00+00:00 (Test) · 2 fiches\n  startups/gone  supprimée\n  startups/new  renommée (anciennement old)\n\n2 commits, 3 modifications de fiches\n`,
    )
    const md = await changes(repo.root, '--since', c[2]!, '--format', 'markdown', '--lang', 'en')
    expect(md.stdout).toContain(`### 2025-03-01 \`${c[3]!.slice(0, 10)}\` chore: db changes (Test) · 26 fiches\n\n- **25 fiches: phase names replaced by today's vocabulary (alumni → abandon 25)**\n- \`startups/a\` modified ; phase construction → acceleration (2025-02-28)`)
    // Commit subjects and authors are inert text: no heading, link or mention from them.
    repo.commit('2025-03-15T10:00:00+00:00', { 'startups/a.md': startup('A3') }, '## ✅ [clic](https://evil.example) @team #1')
    const hostile = await changes(repo.root, '--since', '2025-03-15', '--format', 'markdown')
    expect(hostile.stdout).toContain('\\#\\# ✅ `[clic](https://evil.example)` `@team` `#1` (Test) · 1 fiche')
    expect((await changes(repo.root, '--since', '2030-01-01')).stdout).toBe('Aucun changement des fiches sur cette période.\n')
    // A commit message cannot drive the terminal.
    repo.commit('2025-04-01T10:00:00+00:00', { 'startups/a.md': startup('A2') }, 'evil \x1b[31mred')
    expect((await changes(repo.root, '--since', '2025-04-01')).stdout).toContain('evil �[31mred (Test) · 1 fiche')
  })

  it('refuses a bad period or format with exit 2 and no stack trace, and a folder outside git', async () => {
    const { repo } = repoWithHistory()
    for (const args of [[], ['--since', 'nope'], ['--since', '2025-01-01', '--until', 'nope'], ['--since', '--all'], ['--since', '2025-01-01', '--format', 'github']]) {
      const r = await changes(repo.root, ...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(hasStackTrace(r)).toBe(false)
    }
    expect((await run(['validate', '--root', repo.root, '--since', '2025-01-01'])).code).toBe(2)
    const outside = await changes(tempFolder(), '--since', '2025-01-01')
    expect(outside.code).toBe(2)
    expect(outside.stderr).toMatch(/history\/no-repository/)
  })
})

describe('past fiches and retired phase names', () => {
  it('reads the renames as the beta.gouv.fr configuration declares them for registry fix (one mapping, not two)', () => {
    const config = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'config', 'beta.gouv.fr.config.json'), 'utf8')) as { renamedValues: { field: string; from: string; to: string; previous?: (string | null)[] }[] }
    const renames = config.renamedValues.filter((r) => r.field === '/phases/*/name')
    expect(renames.length).toBeGreaterThan(3)
    // Today's name at the end of the chain of renames (perennisation was renamed again).
    const today = (name: string): string => renames.find((r) => r.from === name && r.previous === undefined)?.to ?? renames.find((r) => r.from === name)?.to ?? name
    for (const r of renames) {
      // A rename for any other phase before: say one (construction) when another rename of the same name has its own.
      const previous = r.previous ? r.previous.find((p): p is string => p !== null) : renames.some((x) => x.from === r.from && x.previous) ? 'construction' : undefined
      let end = r.to
      while (renames.some((x) => x.from === end)) end = today(end)
      expect(currentPhaseName(r.from, previous), `${r.from}${previous ? ` after ${previous}` : ''}`).toBe(end)
    }
  })


  it('maps retired names to today’s, alumni depending on the phase before, and keeps unknown names', () => {
    expect(currentPhaseName('success')).toBe('transfere')
    expect(currentPhaseName('perennisation')).toBe('consolidation')
    expect(currentPhaseName('transfer')).toBe('consolidation')
    expect(currentPhaseName('alumni', 'investigation')).toBe('abandon-investigation')
    expect(currentPhaseName('alumni')).toBe('abandon-investigation')
    expect(currentPhaseName('alumni', 'acceleration')).toBe('abandon')
    expect(currentPhaseName('beta')).toBe('beta')
    expect(currentPhaseName('Consolidation')).toBe('consolidation')
    expect(currentPhaseName(' Success')).toBe('transfere')
    expect(readPhase({ phases: [{ name: 'construction', start: '2020-01-01' }, { name: 'alumni', start: '2021-01-01' }] })).toEqual({ raw: 'alumni', name: 'abandon', start: '2021-01-01' })
    expect(readPhase({ phases: 'oops' })).toEqual({ raw: null, name: null })
    // Before July 2020: a status, no phases.
    expect(readPhase({ status: 'transfert' })).toEqual({ raw: 'transfert', name: 'consolidation' })
    expect(readPhase({ status: 'death' })).toEqual({ raw: 'death', name: 'abandon' })
    expect(readPhase({ status: 'alumni' })).toEqual({ raw: 'alumni', name: 'abandon' })
    expect(readPhase({ status: 'investigation ' })).toEqual({ raw: 'investigation', name: 'investigation' })
    expect(readPhase({ status: 'incubation' })).toEqual({ raw: 'incubation', name: 'incubation' })
  })

  it('reads a past fiche that does not validate today, and reports an unreadable one without dropping it', () => {
    const old = readPastFiche('---\ntitle: Vieux\nowner: Ministère\nphases:\n  - name: success\n    date: 2018\n---\ntexte\n')
    const oldText = '---\ntitle: Vieux\nowner: Ministère\nphases:\n  - name: success\n    date: 2018\n---\ntexte\n'
    expect(old).toEqual({ data: { title: 'Vieux', owner: 'Ministère', phases: [{ name: 'success', date: 2018 }] }, body: 'texte\n', text: oldText })
    const broken = readPastFiche('---\ntitle: [\n---\n')
    expect(broken.data).toBeUndefined()
    expect(diffFiche(old, broken, 'startups')).toEqual({ unreadable: true, title: 'Vieux', fields: ['owner', 'phases', 'title', 'body'].sort() })
  })
})
