/**
 * Opt-in (skipped when ../shared is absent): the two upstream renames of
 * phase names, reproduced by `registry fix` from the vocabulary migrations of
 * config/beta.gouv.fr.config.json. For each bot commit (2187db05, 2026-05-11,
 * 443 files: alumni, transfer, success; b85284da, 2026-05-28, 73 files:
 * perennisation → consolidation), its parent is checked out, fixed as of the
 * commit's date, and the phase names of every fiche are compared with the
 * commit's. Every difference must have a reason, counted and printed:
 *   - a fiche the commit adds;
 *   - phases added or removed by the same commit (the bot exports a database
 *     where people also edit phases);
 *   - the same names in another order (the export orders phases of the same
 *     start date otherwise);
 *   - an old value the team classified by hand (what the fiche does not say:
 *     `alumni` after a construction written `transfere` rather than `abandon`).
 * Anything else fails the test.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseRecord } from '../../scripts/load/parse-record.ts'
import { fix, parseConfig, type RegistryConfig } from '../../scripts/registry.ts'
import { REPO } from '../cli/run.ts'
import { cleanRepos, tempFolder } from '../history/git-repo.ts'

const BUNDLE = path.resolve(REPO, '../shared/corpus/beta.gouv.fr-history.bundle')
const CONFIG = path.join(REPO, 'config/beta.gouv.fr.config.json')

const COMMITS = [
  { commit: '2187db0549b10db09876dba3f7d968753eb9656a', asOf: '2026-05-11', old: ['alumni', 'transfer', 'success'] },
  { commit: 'b85284da0742ec94cd5185f2fb0d1aee1b29c9dc', asOf: '2026-05-28', old: ['perennisation'] },
]

/** The phase names of a fiche's text (undefined: not readable). */
function phaseNames(text: string, file: string, config: RegistryConfig): string[] | undefined {
  const { record } = parseRecord({ file, collection: 'startups', id: path.basename(file, '.md'), text }, config.limits)
  if (!record) return undefined
  const phases = record.data.phases
  return Array.isArray(phases) ? phases.map((p) => String((p as { name?: unknown })?.name)) : []
}

/** What is in `a` and not in `b`, counting repeats. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b]
  return a.filter((x) => {
    const i = left.indexOf(x)
    if (i === -1) return true
    left.splice(i, 1)
    return false
  })
}

describe.skipIf(!existsSync(BUNDLE))('registry fix reproduces the upstream renames of phase names (../shared history)', () => {
  let root = ''
  let config: RegistryConfig
  beforeAll(() => {
    root = path.join(tempFolder(), 'history')
    execFileSync('git', ['clone', '-q', BUNDLE, root])
    config = parseConfig(readFileSync(CONFIG, 'utf8'), CONFIG)
  })
  afterAll(cleanRepos)

  const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 })

  it.each(COMMITS)('$commit: the parent, fixed as of $asOf, has the phase names of the commit', async ({ commit, asOf, old }) => {
    git('checkout', '-q', '-f', `${commit}^`)
    const folder = config.collections.startups
    const before = new Map(git('ls-files', '-z', folder).split('\0').filter(Boolean).map((f) => [f, readFileSync(path.join(root, f), 'utf8')]))
    const oldAtParent = [...before].reduce((n, [f, t]) => n + (phaseNames(t, f, config) ?? []).filter((x) => old.includes(x)).length, 0)
    const result = await fix({ root, config, lang: 'fr', asOf })
    const renamed = result.fixed.flatMap((f) => f.applied).filter((a) => a.diagnostic.ruleId === 'vocabulary/renamed').length

    const reasons: Record<string, string[]> = { same: [], 'added by the commit': [], 'phases added or removed': [], 'same names, other order': [], 'classified by hand': [], unexplained: [] }
    const byHand = new Map<string, number>()
    let oldLeft = 0
    for (const file of git('ls-tree', '-r', '-z', '--name-only', commit, '--', folder).split('\0').filter(Boolean)) {
      const theirs = phaseNames(git('show', `${commit}:${file}`), file, config)
      if (!before.has(file)) {
        reasons['added by the commit']!.push(file)
        continue
      }
      const mine = phaseNames(readFileSync(path.join(root, file), 'utf8'), file, config)!
      const parent = phaseNames(before.get(file)!, file, config) ?? []
      oldLeft += mine.filter((x) => old.includes(x)).length
      const ours = minus(mine, theirs ?? [])
      const bots = minus(theirs ?? [], mine)
      let reason: string
      if (JSON.stringify(mine) === JSON.stringify(theirs)) reason = 'same'
      else if (!theirs || mine.length !== theirs.length) reason = 'phases added or removed'
      else if (ours.length === 0) reason = 'same names, other order'
      else if (ours.length <= parent.filter((x) => old.includes(x)).length) {
        // Each name we wrote in place of theirs came from an old value of the parent.
        reason = 'classified by hand'
        const sortedOurs = [...ours].sort()
        const sortedBots = [...bots].sort()
        sortedOurs.forEach((x, i) => byHand.set(`${x} (bot: ${sortedBots[i]})`, (byHand.get(`${x} (bot: ${sortedBots[i]})`) ?? 0) + 1))
      } else reason = 'unexplained'
      reasons[reason]!.push(file)
    }
    const figures = Object.fromEntries(Object.entries(reasons).map(([k, v]) => [k, v.length]))
    console.log(`${commit.slice(0, 8)} (as of ${asOf}): ${oldAtParent} old phase names at the parent, ${renamed} renamed by registry fix; fiches: ${JSON.stringify(figures)}; classified by hand: ${JSON.stringify(Object.fromEntries([...byHand].sort()))}`)

    expect(reasons.unexplained).toEqual([])
    expect(oldLeft).toBe(0)
    expect(renamed).toBe(oldAtParent)
    expect(reasons.same!.length).toBeGreaterThan(reasons['classified by hand']!.length * 10)
  }, 600_000)
})
