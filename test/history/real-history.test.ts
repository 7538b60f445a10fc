// Opt-in: the real beta.gouv.fr history (../shared, not part of the repository); skipped where absent.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { historyFields } from '../../scripts/history/history-fields.ts'
import { parseConfig } from '../../scripts/registry/config.ts'
import { REPO, run } from '../cli/run.ts'
import { cleanRepos, tempFolder } from './git-repo.ts'

const BUNDLE = path.resolve(REPO, '../shared/corpus/beta.gouv.fr-history.bundle')
const CONFIG = path.join(REPO, 'config/beta.gouv.fr.config.json')

describe.skipIf(!existsSync(BUNDLE))('the real history (../shared/corpus/beta.gouv.fr-history.bundle)', () => {
  let root = ''
  beforeAll(() => {
    root = path.join(tempFolder(), 'history')
    execFileSync('git', ['clone', '-q', BUNDLE, root])
  })
  afterAll(cleanRepos)

  it('gives 20 fiches the updated_at that git log -1 --format=%cs gives', async () => {
    const config = parseConfig(readFileSync(CONFIG, 'utf8'), CONFIG)
    const { files } = await historyFields(root, config)
    const tracked = execFileSync('git', ['-C', root, 'ls-files', '-z', 'content/_startups', 'content/_incubators', 'content/_organisations'], { encoding: 'utf8' }).split('\0').filter(Boolean)
    expect(files!.size).toBe(tracked.length)
    const step = Math.floor(tracked.length / 20)
    const chosen = Array.from({ length: 20 }, (_, i) => tracked[i * step]!)
    for (const file of chosen) {
      const [date, commit] = execFileSync('git', ['-C', root, 'log', '-1', '--format=%cs %H', '--', file], { encoding: 'utf8' }).trim().split(' ')
      expect([file, files!.get(file)?.updated_at, files!.get(file)?.last_commit]).toEqual([file, date, commit])
    }
  })

  it('reads every month of eight years of fiches: the status era read, every name mapped but one, broken YAML of the time counted', async () => {
    const { computeTrends } = await import('../../scripts/history/trends.ts')
    const { mainLine, trendsMetrics } = await import('../../scripts/history/history-files.ts')
    const config = parseConfig(readFileSync(CONFIG, 'utf8'), CONFIG)
    const { snapshots } = await computeTrends(root, config.collections.startups, await mainLine(root, config), trendsMetrics(config))
    type Phases = { counts: Record<string, number>; unreadable: number; unmapped: string[] }
    expect(snapshots[0]!.month).toBe('2018-11')
    expect(snapshots.at(-1)).toMatchObject({ month: '2026-08', products: 662 })
    for (const s of snapshots) {
      const p = s.phases as Phases
      expect(Object.values(p.counts).reduce((a, b) => a + b, 0) + p.unreadable, s.month).toBe(s.products)
      expect(p.unmapped.filter((n) => n !== 'incubation'), s.month).toEqual([])
    }
    // The few left are fiches whose YAML was broken at the time (`title: [Investigation en cours] OnStage`): counted, not dropped.
    expect(Math.max(...snapshots.map((s) => (s.phases as Phases).unreadable))).toBeLessThanOrEqual(3)
    // Standards: every month linted with one rule set, as of its last day; every fiche linted but those broken ones.
    type Standards = { linted: number; unreadable: number; categories: Record<string, { applicable: number; passed: number; failing: number; exempt: number; share: number | null }> }
    const version = trendsMetrics(config).find((m) => m.id === 'standards')!.version
    for (const s of snapshots) {
      const st = s.standards as Standards
      expect(s.rules.standards, s.month).toBe(version)
      expect(s.as_of.slice(0, 7), s.month).toBe(s.month)
      expect(st.linted + st.unreadable, s.month).toBe(s.products)
      expect(st.unreadable, s.month).toBe((s.phases as Phases).unreadable)
      for (const c of Object.values(st.categories)) expect(c.passed + c.failing + c.exempt, s.month).toBe(c.applicable)
    }
    // The status era (before July 2020) is read as phases: the impact rules, which apply from construction on, apply to products then.
    expect((snapshots.find((s) => s.month === '2019-06')!.standards as Standards).categories['impact']!.applicable).toBeGreaterThan(0)
  }, 60_000)

  it('reports May 2026: the two vocabulary commits as summaries, and the real phase transitions', async () => {
    const r = await run(['changes', '--root', root, '--config', CONFIG, '--since', '2026-05-01', '--until', '2026-06-30', '--format', 'json'])
    expect(r.code).toBe(0)
    const sets: { commit: string; date: string; fiches: number; summaries: { kind: string; count: number; phases?: Record<string, number> }[]; changes: { id: string; phase?: { from: string; to: string } }[] }[] = JSON.parse(r.stdout).change_sets
    expect(sets.every((s) => s.date >= '2026-05-01' && s.date <= '2026-06-30')).toBe(true)
    const first = sets.find((s) => s.commit.startsWith('2187db05'))!
    const second = sets.find((s) => s.commit.startsWith('b85284da'))!
    expect([first.date, first.fiches, second.date, second.fiches]).toEqual(['2026-05-11', 443, '2026-05-28', 73])
    const vocabulary = (s: typeof first) => s.summaries.find((x) => x.kind === 'vocabulary')!
    expect(vocabulary(first).count).toBeGreaterThan(400)
    expect(vocabulary(first).phases).toMatchObject({ 'alumni → abandon': expect.any(Number), 'alumni → abandon-investigation': 202, 'transfer → transfere': expect.any(Number) })
    expect(vocabulary(second)).toMatchObject({ count: 70, phases: { 'perennisation → consolidation': 70 } })
    // Not hundreds of transitions: the bulk commits list the few fiches changed otherwise.
    const transitions = sets.flatMap((s) => s.changes.filter((c) => c.phase).map((c) => `${s.date} ${c.id} ${c.phase!.from} → ${c.phase!.to}`))
    expect(transitions.length).toBeLessThan(60)
    expect(transitions).toEqual(
      expect.arrayContaining([
        '2026-05-05 je-deviens-etudiant construction → acceleration',
        '2026-05-27 potentiel acceleration → opere',
        '2026-05-29 handicompatible construction → acceleration',
      ]),
    )
    expect(first.changes.filter((c) => c.phase)).toHaveLength(1)
    expect(second.changes.filter((c) => c.phase)).toHaveLength(0)
    // Standards gained or lost: per fiche on the real transitions, as counts in the bulk commits' summaries.
    const lines = sets.flatMap((s) => s.changes.map((c) => ({ date: s.date, ...(c as { id: string; standards?: { gained: string[]; lost: string[] } }) })))
    expect(lines.find((c) => c.id === 'je-deviens-etudiant' && c.date === '2026-05-05')?.standards?.lost).toEqual(expect.arrayContaining(['analyse-risques', 'mon-service-securise']))
    for (const summary of [...first.summaries, ...second.summaries] as { standards?: { gained: Record<string, number>; lost: Record<string, number> } }[]) {
      for (const n of [...Object.values(summary.standards?.gained ?? {}), ...Object.values(summary.standards?.lost ?? {})]) expect(Number.isInteger(n) && n > 0).toBe(true)
    }
  }, 60_000)
})
