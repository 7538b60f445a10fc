// Trends: monthly snapshots, pluggable metrics, incremental cache.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readLog } from '../../scripts/history/log.ts'
import { computeTrends, PHASES_METRIC, type SnapshotMetric } from '../../scripts/history/trends.ts'
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
    repo.commit('2024-01-03T10:00:00+00:00', { 'startups/a.md': startup('A', [['success', '2023-01-01']]) })
    const jan = repo.commit('2024-01-30T10:00:00+00:00', { 'startups/b.md': startup('B', [['beta', '2023-01-01']], 'repository: https://example.org\n') })
    const apr = repo.commit('2024-04-02T10:00:00+00:00', { 'startups/c.md': '---\ntitle: [\n---\n', 'startups/a.md': null })
    const { snapshots, read, cached } = await computeTrends(repo.root, 'startups', await log(repo.root), [PHASES_METRIC, REPOSITORY])
    expect([read, cached]).toEqual([3, false])
    expect(snapshots).toEqual([
      { month: '2024-01', date: '2024-01-30', commit: jan, products: 2, rules: { phases: 'vocabulary-2026-11-29', repository: 'test-1' }, phases: { counts: { beta: 1, consolidation: 1 }, unreadable: 0, unmapped: ['beta'] }, repository: { share: 0.5 } },
      { month: '2024-02', date: '2024-01-30', commit: jan, products: 2, rules: { phases: 'vocabulary-2026-11-29', repository: 'test-1' }, phases: { counts: { beta: 1, consolidation: 1 }, unreadable: 0, unmapped: ['beta'] }, repository: { share: 0.5 } },
      { month: '2024-03', date: '2024-01-30', commit: jan, products: 2, rules: { phases: 'vocabulary-2026-11-29', repository: 'test-1' }, phases: { counts: { beta: 1, consolidation: 1 }, unreadable: 0, unmapped: ['beta'] }, repository: { share: 0.5 } },
      { month: '2024-04', date: '2024-04-02', commit: apr, products: 2, rules: { phases: 'vocabulary-2026-11-29', repository: 'test-1' }, phases: { counts: { beta: 1 }, unreadable: 1, unmapped: ['beta'] }, repository: { share: 0.5 } },
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
