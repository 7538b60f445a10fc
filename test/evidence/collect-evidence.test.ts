/**
 * Three scheduled runs end to end through the API (`evidence()` of
 * scripts/registry.ts, which composes collectEvidence and the files): a page
 * that dies, a repository archived, a page that flaps; the evidence file, the
 * "since" dates, the change list, and what GitHub was asked.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EvidenceResult } from '../../scripts/registry.ts'
import { parseEvidence } from '../../scripts/evidence/parse-evidence.ts'
import { serializeEvidence } from '../../scripts/evidence/evidence-files.ts'
import { GOOD } from '../cli/run.ts'
import { RUN_DATES, scheduledRun, startScenario, TOKEN, type Scenario } from './scheduled-runs.ts'

let scenario: Scenario
let dir: string
const runs: EvidenceResult[] = []

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-runs-'))
  scenario = await startScenario(dir, GOOD)
  for (let week = 0; week < 3; week++) runs.push(await scheduledRun(scenario, week, runs[week - 1]?.evidence))
})

afterAll(async () => {
  await scenario.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** A page by its path on the test site, or a repository by its URL. */
const target = (run: EvidenceResult, where: string) => run.evidence.targets.find((t) => t.url === (where.startsWith('/') ? `${scenario.site.origin}${where}` : where))!

describe('three scheduled runs', () => {
  it('every run writes a file that its own schema and checks accept', () => {
    for (const r of runs) expect(parseEvidence(serializeEvidence(r.evidence)).evidence).toEqual(r.evidence)
    // What each run wrote is what it returned, and the next run read it back.
    runs.forEach((r, week) => expect(fs.readFileSync(path.join(dir, '.evidence-runs', `evidence-${week}.json`), 'utf8')).toBe(serializeEvidence(r.evidence)))
    expect(runs.map((r) => r.first)).toEqual([false, false, false])
    expect(runs[2]!.evidence.runs.map((r) => r.at)).toEqual(RUN_DATES)
  })

  it('the page that died: failing since the second run, still at the third, with its last success', () => {
    expect(target(runs[2]!, '/vivante/stats')).toMatchObject({ result: 'dead', status: 404, state: 'fails', failing_since: RUN_DATES[1], last_success: RUN_DATES[0], checked_at: RUN_DATES[2], flapping: false, startups: ['vivante'] })
  })

  it('the archived repository: failing since the second run, with what GitHub said', () => {
    expect(target(runs[2]!, 'https://github.com/betagouv/vivante')).toMatchObject({ kind: 'repository', result: 'repo-archived', failing_since: RUN_DATES[1], last_success: RUN_DATES[0], repository: { archived: true, full_name: 'betagouv/vivante' } })
  })

  it('the page that flaps: failed, came back, failed again: flagged as flapping, failing since the third run', () => {
    expect(target(runs[2]!, '/instable')).toMatchObject({ result: 'dead', status: 503, state: 'fails', failing_since: RUN_DATES[2], last_success: RUN_DATES[1], flapping: true })
    expect(target(runs[2]!, '/instable').history.map((h) => [h.at, h.result])).toEqual([[RUN_DATES[0], 'dead'], [RUN_DATES[1], 'ok'], [RUN_DATES[2], 'dead']])
  })

  it('the page that never answered: failing since the first run, never a success', () => {
    expect(target(runs[2]!, '/abandonnee')).toMatchObject({ failing_since: RUN_DATES[0], last_success: null })
  })

  it('the change lists: nothing at the first run; at the second, what broke and what came back; at the third, the flapping page (not "newly broken")', () => {
    const list = (r: EvidenceResult) => r.changes.changes.map((c) => [c.change, c.target.url.replace(scenario.site.origin, '')])
    expect(list(runs[0]!)).toEqual([])
    expect(list(runs[1]!)).toEqual([
      ['broken', '/vivante/stats'],
      ['broken', 'https://github.com/betagouv/vivante'],
      ['repaired', '/instable'],
    ])
    expect(runs[1]!.changes.stillFailing).toBe(1)
    expect(list(runs[2]!)).toEqual([['flapping', '/instable']])
    expect(runs[2]!.changes.stillFailing).toBe(3)
  })

  it('GitHub: asked with the ETags of the week before; unchanged repositories answer 304 and cost nothing', () => {
    expect(runs.map((r) => r.evidence.runs[r.evidence.runs.length - 1]!.github)).toEqual([
      { requests: 2, not_modified: 0, remaining: 4998, limit: 5000 },
      { requests: 2, not_modified: 1, remaining: 4997, limit: 5000 }, // vivante was archived: a new answer
      { requests: 2, not_modified: 2, remaining: 4997, limit: 5000 },
    ])
    expect(scenario.github.counted()).toBe(3)
    for (const q of scenario.github.requests) expect(q.headers.authorization).toBe(`token ${TOKEN}`)
    expect(fs.readFileSync(path.join(dir, '.cache', 'online-checks.json'), 'utf8') + JSON.stringify(runs.map((r) => r.evidence))).not.toContain(TOKEN)
  })

  it('the share of startups whose evidence holds, per category, at each run', () => {
    expect(runs.map((r) => r.evidence.runs[r.evidence.runs.length - 1]!.categories)).toEqual([
      { 'qualité-logicielle': { startups: 2, holding: 2 }, transparence: { startups: 3, holding: 1 } },
      { 'qualité-logicielle': { startups: 2, holding: 1 }, transparence: { startups: 3, holding: 1 } },
      { 'qualité-logicielle': { startups: 2, holding: 1 }, transparence: { startups: 3, holding: 0 } },
    ])
  })

  it('the checks identify themselves with a User-Agent naming the registry', () => {
    for (const q of scenario.site.requests) expect(q.headers['user-agent']).toMatch(/^registre-startups-beta \(online evidence check/)
  })
})
