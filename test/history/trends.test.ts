// Trends: monthly snapshots, pluggable metrics, incremental cache.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readLog } from '../../scripts/history/log.ts'
import { computeTrends, PHASES_METRIC, type Snapshot, type SnapshotMetric } from '../../scripts/history/trends.ts'
import { pastOutcomes, standardsMetric, standardsRulesVersion, STANDARDS_RULES } from '../../scripts/history/past-standards.ts'
import { withCurrentPhases } from '../../scripts/history/vocabulary.ts'
import { runRules } from '../../scripts/lint/run-rules.ts'
import { parseRecord } from '../../scripts/load/parse-record.ts'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { cleanRepos, Repo, startup, tempFolder } from './git-repo.ts'

afterEach(cleanRepos)

/** A second metric, as the standards lint will add: here the share of fiches with a repository. */
const REPOSITORY: SnapshotMetric<boolean> = {
  id: 'repository',
  version: 'test-1',
  map: (fiche) => typeof fiche.data?.repository === 'string',
  reduce: (values) => ({ share: values.length ? values.filter(Boolean).length / values.length : 0 }),
}

const log = (root: string) => readLog(root, ['startups'], { firstParent: true, reverse: true })

describe('computeTrends', () => {
  it('snapshots each month at its last commit, carries months without commits, maps retired names, and runs every metric', async () => {
    const repo = Repo.init()
    repo.commit('2024-01-03T10:00:00+00:00', { 'startups/a.md': startup('A', [['transfer', '2023-01-01']]) })
    const jan = repo.commit('2024-01-30T10:00:00+00:00', { 'startups/b.md': startup('B', [['beta', '2023-01-01']], 'repository: https://example.org\n') })
    const apr = repo.commit('2024-04-02T10:00:00+00:00', { 'startups/c.md': '---\ntitle: [\n---\n', 'startups/a.md': null })
    const { snapshots, read, cached } = await computeTrends(repo.root, 'startups', await log(repo.root), [PHASES_METRIC, REPOSITORY])
    expect([read, cached]).toEqual([3, false])
    expect(snapshots).toEqual([
      { month: '2024-01', as_of: '2024-01-31', date: '2024-01-30', commit: jan, products: 2, rules: { phases: 'vocabulary-2026-12-07', repository: 'test-1' }, phases: { counts: { beta: 1, consolidation: 1 }, unreadable: 0, unmapped: ['beta'] }, repository: { share: 0.5 } },
      { month: '2024-02', as_of: '2024-02-29', date: '2024-01-30', commit: jan, products: 2, rules: { phases: 'vocabulary-2026-12-07', repository: 'test-1' }, phases: { counts: { beta: 1, consolidation: 1 }, unreadable: 0, unmapped: ['beta'] }, repository: { share: 0.5 } },
      { month: '2024-03', as_of: '2024-03-31', date: '2024-01-30', commit: jan, products: 2, rules: { phases: 'vocabulary-2026-12-07', repository: 'test-1' }, phases: { counts: { beta: 1, consolidation: 1 }, unreadable: 0, unmapped: ['beta'] }, repository: { share: 0.5 } },
      { month: '2024-04', as_of: '2024-04-30', date: '2024-04-02', commit: apr, products: 2, rules: { phases: 'vocabulary-2026-12-07', repository: 'test-1' }, phases: { counts: { beta: 1 }, unreadable: 1, unmapped: ['beta'] }, repository: { share: 0.5 } },
    ])
  })

  it('reads only the new commits with its cache, gives what a fresh run gives, and starts again when the rules change', async () => {
    const repo = Repo.init()
    repo.commit('2024-01-03T10:00:00+00:00', { 'startups/a.md': startup('A') })
    repo.commit('2024-02-03T10:00:00+00:00', { 'startups/b.md': startup('B') })
    const cache = path.join(tempFolder(), 'trends.json')
    expect((await computeTrends(repo.root, 'startups', await log(repo.root), [PHASES_METRIC], cache)).read).toBe(2)
    repo.commit('2024-02-20T10:00:00+00:00', { 'startups/a.md': startup('A', [['investigation', '2024-01-01'], ['construction', '2024-02-15']]) })
    repo.commit('2024-03-01T10:00:00+00:00', { 'startups/c.md': startup('C') })
    const incremental = await computeTrends(repo.root, 'startups', await log(repo.root), [PHASES_METRIC], cache)
    expect([incremental.read, incremental.cached]).toEqual([2, true])
    const fresh = await computeTrends(repo.root, 'startups', await log(repo.root), [PHASES_METRIC])
    expect(incremental.snapshots).toEqual(fresh.snapshots)
    expect(fresh.snapshots.map((s) => [s.month, s.products, (s.phases as { counts: object }).counts])).toEqual([
      ['2024-01', 1, { investigation: 1 }],
      ['2024-02', 2, { construction: 1, investigation: 1 }],
      ['2024-03', 3, { construction: 1, investigation: 2 }],
    ])
    // Nothing new: nothing read.
    expect((await computeTrends(repo.root, 'startups', await log(repo.root), [PHASES_METRIC], cache)).read).toBe(0)
    // Another metric (or version): the cache does not apply.
    const other = await computeTrends(repo.root, 'startups', await log(repo.root), [PHASES_METRIC, REPOSITORY], cache)
    expect([other.read, other.cached]).toEqual([4, false])
    // History rewritten (the cached commit is gone): computed from the start.
    repo.git('reset', '-q', '--hard', 'HEAD~2')
    repo.commit('2024-02-25T10:00:00+00:00', { 'startups/d.md': startup('D') })
    const rewritten = await computeTrends(repo.root, 'startups', await log(repo.root), [PHASES_METRIC, REPOSITORY], cache)
    expect([rewritten.read, rewritten.cached]).toEqual([3, false])
    expect(rewritten.snapshots.map((s) => s.products)).toEqual([1, 3])
    expect(JSON.parse(fs.readFileSync(cache, 'utf8')).commit).toBe(repo.git('rev-parse', 'HEAD').trim())
  })
})

describe('the standards metric of the trends', () => {
  type Counts = { applicable: number; passed: number; failing: number; exempt: number; share: number | null }
  type Standards = { linted: number; unreadable: number; categories: Record<string, Counts> }
  const standards = (s: Snapshot) => s.standards as Standards

  it('lints each month as of its last day, months without commits included, with today’s rules on the fiches mapped to today’s phases', async () => {
    const repo = Repo.init()
    repo.commit('2024-01-10T10:00:00+00:00', { 'startups/a.md': startup('A', [['investigation', '2024-01-01']]) })
    repo.commit('2024-08-05T10:00:00+00:00', { 'startups/b.md': '---\ntitle: [\n---\n' })
    const metric = standardsMetric(DEFAULT_CONFIG)
    const { snapshots } = await computeTrends(repo.root, 'startups', await log(repo.root), [PHASES_METRIC, metric])
    expect(snapshots.map((s) => [s.month, s.as_of])).toEqual([['2024-01', '2024-01-31'], ['2024-02', '2024-02-29'], ['2024-03', '2024-03-31'], ['2024-04', '2024-04-30'], ['2024-05', '2024-05-31'], ['2024-06', '2024-06-30'], ['2024-07', '2024-07-31'], ['2024-08', '2024-08-31']])
    expect(snapshots[0]!.rules).toEqual({ phases: PHASES_METRIC.version, standards: metric.version })
    expect(metric.version).toMatch(/^catalogue-2\.0\+rules-[0-9a-f]{12}$/)
    // An investigation started on 2024-01-01 is stale (6 months) and owes a committee from July's end on, not at June's.
    const june = standards(snapshots[5]!)
    const july = standards(snapshots[6]!)
    expect(july.categories['transparence']!.failing).toBe(june.categories['transparence']!.failing + 1)
    expect([june.categories['équipe']!.failing, july.categories['équipe']!.failing]).toEqual([0, 1])
    // The same numbers as today's lint of the fiche as of that date.
    const { record } = parseRecord({ file: 'startups/a.md', collection: 'startups', id: 'a', text: startup('A', [['investigation', '2024-01-01']]) }, DEFAULT_CONFIG.limits)
    const today = runRules([record!], { config: DEFAULT_CONFIG, asOf: '2024-07-31', rules: STANDARDS_RULES }).records[0]!.outcomes
    expect(july.categories['transparence']!.applicable).toBe(today.filter((o) => o.rule.category === 'transparence').length)
    expect(july.categories['transparence']!.failing).toBe(today.filter((o) => o.rule.category === 'transparence' && o.result === 'failing').length)
    // The fiche whose YAML cannot be read is counted, not dropped.
    expect(standards(snapshots[7]!)).toMatchObject({ linted: 1, unreadable: 1 })
    const shares = Object.values(july.categories).map((c) => c.share)
    expect(shares.every((s) => s === null || (s >= 0 && s <= 1))).toBe(true)
  })

  it('applies the phase mapping before linting: a retired name gets the rules of today’s phase, a status-era fiche its one phase', async () => {
    const repo = Repo.init()
    repo.commit('2019-03-01T10:00:00+00:00', { 'startups/old.md': '---\ntitle: Vieux\nmission: Une mission.\nstatus: death\nstart: 2017-01-01\n---\n' })
    repo.commit('2024-01-10T10:00:00+00:00', { 'startups/a.md': startup('A', [['investigation', '2022-01-01'], ['transfer', '2023-01-01']]), 'startups/old.md': null })
    const { snapshots } = await computeTrends(repo.root, 'startups', await log(repo.root), [standardsMetric(DEFAULT_CONFIG)])
    // death → abandon: an ended product, asked for no standard at all ([termine-1]), not even phases-missing.
    const old = standards(snapshots[0]!)
    expect(Object.keys(old.categories)).toEqual([])
    // transfer → consolidation: the security rules of acceleration on apply (an unknown name would not get them).
    const a = standards(snapshots.at(-1)!)
    expect(a.categories['sécurité']).toMatchObject({ applicable: 2, failing: 2 })
  })

  it('keeps its cache incremental: a later run lints only the new months, and gives what a fresh run gives', async () => {
    const repo = Repo.init()
    repo.commit('2024-01-10T10:00:00+00:00', { 'startups/a.md': startup('A', [['investigation', '2024-01-01']]) })
    repo.commit('2024-02-10T10:00:00+00:00', { 'startups/b.md': startup('B', [['construction', '2023-01-01']]) })
    const cache = path.join(tempFolder(), 'trends.json')
    let linted = 0
    const metric = standardsMetric(DEFAULT_CONFIG)
    const counting: SnapshotMetric = { ...metric, map: (fiche, asOf) => (linted++, metric.map(fiche, asOf)) }
    await computeTrends(repo.root, 'startups', await log(repo.root), [counting], cache)
    expect(linted).toBe(3) // a in January; a and b in February
    repo.commit('2024-02-20T10:00:00+00:00', { 'startups/c.md': startup('C') })
    repo.commit('2024-04-02T10:00:00+00:00', { 'startups/d.md': startup('D') })
    linted = 0
    const incremental = await computeTrends(repo.root, 'startups', await log(repo.root), [counting], cache)
    // February again for c only (a and b as of Feb 29 are cached), March (carried) and April.
    expect(linted).toBe(1 + 3 + 4)
    const fresh = await computeTrends(repo.root, 'startups', await log(repo.root), [metric])
    expect(incremental.snapshots).toEqual(fresh.snapshots)
  })
})

describe('the standards rules on past fiches', () => {
  it('names the rule set: another option, a rule turned off or a new revision gives another version', () => {
    const base = standardsRulesVersion(DEFAULT_CONFIG)
    expect(standardsRulesVersion({ ...DEFAULT_CONFIG })).toBe(base)
    const off = standardsRulesVersion({ ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, 'phase-stale': 'off' } })
    const option = standardsRulesVersion({ ...DEFAULT_CONFIG, ruleOptions: { ...DEFAULT_CONFIG.ruleOptions, 'committee-recent': { months: 12 } } })
    // Value hygiene is not a standard: turning one of its rules off changes nothing.
    const hygiene = standardsRulesVersion({ ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, 'value-blank': 'off' } })
    expect(new Set([base, off, option]).size).toBe(3)
    expect(hygiene).toBe(base)
  })

  it('maps a past fiche to today’s phases before the rules read it, and never throws', () => {
    expect(withCurrentPhases({ phases: [{ name: 'investigation ', start: '2019-01-01' }, { name: 'alumni', start: '2020-01-01' }] }).phases).toEqual([
      { name: 'investigation', start: '2019-01-01' },
      { name: 'abandon-investigation', start: '2020-01-01' },
    ])
    expect(withCurrentPhases({ phases: [{ name: 'construction', start: '2019-01-01' }, { name: 'alumni', start: '2020-01-01' }] }).phases).toEqual([
      { name: 'construction', start: '2019-01-01' },
      { name: 'abandon', start: '2020-01-01' },
    ])
    expect(withCurrentPhases({ status: 'transfert', start: '2017-03-01' }).phases).toEqual([{ name: 'consolidation', start: '2017-03-01' }])
    expect(withCurrentPhases({ status: 'death', start: 'hier' }).phases).toEqual([{ name: 'abandon' }])
    expect(withCurrentPhases({ phases: [null, 3, { name: 7 }, { name: 'incubation' }] }).phases).toEqual([null, 3, { name: 7 }, { name: 'incubation' }])
    expect(pastOutcomes({ body: '' }, '2024-01-31', DEFAULT_CONFIG)).toBeUndefined()
    expect(pastOutcomes({ data: { phases: 'construction', events: 'x', links: 3, mission: ['a'] }, body: '' }, '2024-01-31', DEFAULT_CONFIG)).toEqual(expect.any(Array))
  })
})
