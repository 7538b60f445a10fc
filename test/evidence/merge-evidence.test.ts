import { describe, expect, it } from 'vitest'
import { EvidenceOrderError, mergeEvidence } from '../../scripts/evidence/merge-evidence.ts'
import { evidenceResults, type EvidenceRetention } from '../../scripts/evidence/types.ts'
import { byUrl, runOf, runs, WEEK } from './helpers.ts'

const A = 'https://a.example/stats'
const F = 'https://flap.example/'
const N = 'https://never.example/'
const R = 'https://github.com/betagouv/app'

describe('mergeEvidence: three weekly runs (a page dies, a repository is archived, a page flaps)', () => {
  const run1 = runOf(WEEK[0]!, [['url', A, 'ok', { status: 200 }], ['url', F, 'dead'], ['url', N, 'dead', { status: 404 }], ['repository', R, 'ok', { repository: { host: 'github.com', public: true, archived: false, licence: 'MIT' } }]])
  const run2 = runOf(WEEK[1]!, [['url', A, 'dead', { status: 404 }], ['url', F, 'ok'], ['url', N, 'dead', { status: 404 }], ['repository', R, 'repo-archived', { repository: { host: 'github.com', public: true, archived: true, licence: 'MIT' } }]])
  const run3 = runOf(WEEK[2]!, [['url', A, 'dead', { status: 404 }], ['url', F, 'dead', { status: 503 }], ['url', N, 'timeout'], ['repository', R, 'repo-archived', { repository: { host: 'github.com', public: true, archived: true, licence: 'MIT' } }]])
  const evidence = runs([run1, run2, run3])

  it.each([
    // url, result, state, failing_since, last_success, flapping, history results
    [A, 'dead', 'fails', WEEK[1], WEEK[0], false, ['ok', 'dead']],
    [R, 'repo-archived', 'fails', WEEK[1], WEEK[0], false, ['ok', 'repo-archived']],
    [F, 'dead', 'fails', WEEK[2], WEEK[1], true, ['dead', 'ok', 'dead']],
    [N, 'timeout', 'fails', WEEK[0], null, false, ['dead', 'timeout']],
  ])('%s: %s (%s), failing since %s, last success %s, flapping %s', (url, result, state, since, success, flapping, history) => {
    const t = byUrl(evidence, url!)
    expect(t).toMatchObject({ result, state, failing_since: since, last_success: success, flapping, checked_at: WEEK[2] })
    expect(t.history.map((h) => h.result)).toEqual(history)
  })

  it('"since" stays the date of the first failure across runs, and the facts are today’s', () => {
    expect(byUrl(evidence, A).history).toEqual([{ at: WEEK[0], result: 'ok', status: 200 }, { at: WEEK[1], result: 'dead', status: 404 }])
    expect(byUrl(evidence, R).repository).toEqual({ host: 'github.com', public: true, archived: true, licence: 'MIT' })
  })

  it('one summary per run, with its counts', () => {
    expect(evidence.runs.map((r) => [r.at, r.targets, r.holding, r.failing, r.unknown])).toEqual([
      [WEEK[0], 4, 2, 2, 0],
      [WEEK[1], 4, 1, 3, 0],
      [WEEK[2], 4, 0, 4, 0],
    ])
    expect(evidence.generated_at).toBe(WEEK[2])
  })

  it('targets are sorted by kind then address, with the startups naming them', () => {
    expect(evidence.targets.map((t) => `${t.kind} ${t.url}`)).toEqual([`repository ${R}`, `url ${A}`, `url ${F}`, `url ${N}`])
    expect(evidence.targets.every((t) => t.startups.join() === 'exemple')).toBe(true)
  })

  it('evidenceResults gives the online rules the last known results', () => {
    const results = evidenceResults(evidence)
    expect(results.get(`url ${A}`)).toEqual({ kind: 'url', url: A, outcome: 'dead', checkedAt: WEEK[2], status: 404 })
    expect(results.get(`repository ${R}`)!.repository).toEqual({ host: 'github.com', public: true, archived: true, licence: 'MIT' })
  })
})

describe('mergeEvidence: what an observation is', () => {
  it('a result from the checker’s cache (same date as before) changes nothing', () => {
    const first = runs([runOf(WEEK[0]!, [['url', A, 'ok']])])
    const cached = mergeEvidence(first, { ...runOf(WEEK[1]!, []), results: [{ kind: 'url', url: A, outcome: 'ok', checkedAt: WEEK[0]! }], startups: new Map([[`url ${A}`, ['exemple']]]) })
    expect(byUrl(cached, A)).toMatchObject({ checked_at: WEEK[0], last_success: WEEK[0] })
  })

  it('a rate limit says nothing: the last known result stands; with nothing known, the target is unknown', () => {
    const evidence = runs([runOf(WEEK[0]!, [['repository', R, 'repo-no-licence']]), runOf(WEEK[1]!, [['repository', R, 'rate-limited'], ['repository', `${R}2`, 'rate-limited']])])
    expect(byUrl(evidence, R)).toMatchObject({ result: 'repo-no-licence', state: 'fails', failing_since: WEEK[0], checked_at: WEEK[0] })
    expect(byUrl(evidence, `${R}2`)).toMatchObject({ result: 'rate-limited', state: 'unknown', failing_since: null, last_success: null, history: [] })
    expect(evidence.runs[1]).toMatchObject({ failing: 1, unknown: 1 })
    expect(evidenceResults(evidence).has(`repository ${R}2`)).toBe(false)
  })

  it('a change of failure (dead, then timeout) keeps the streak; a success ends it', () => {
    const evidence = runs([runOf(WEEK[0]!, [['url', A, 'dead']]), runOf(WEEK[1]!, [['url', A, 'timeout']]), runOf(WEEK[2]!, [['url', A, 'ok']]), runOf(WEEK[3]!, [['url', A, 'dead']])])
    expect(byUrl(evidence, A)).toMatchObject({ failing_since: WEEK[3], last_success: WEEK[2], flapping: true }) // dead, timeout: one streak; dead again: two
  })

  it('a target no fiche names any more leaves the evidence', () => {
    const evidence = runs([runOf(WEEK[0]!, [['url', A, 'ok'], ['url', N, 'dead']]), runOf(WEEK[1]!, [['url', A, 'ok']])])
    expect(evidence.targets.map((t) => t.url)).toEqual([A])
  })

  it('refuses a previous evidence whose last run is not older than this one (the past is never rewritten)', () => {
    const evidence = runs([runOf(WEEK[1]!, [['url', A, 'ok']])])
    expect(() => mergeEvidence(evidence, runOf(WEEK[1]!, [['url', A, 'ok']]))).toThrow(EvidenceOrderError)
    expect(() => mergeEvidence(evidence, runOf(WEEK[0]!, [['url', A, 'ok']]))).toThrow(EvidenceOrderError)
  })
})

describe('mergeEvidence: flapping', () => {
  const flap = (outcomes: ('ok' | 'dead')[], retention?: EvidenceRetention) => byUrl(runs(outcomes.map((o, i) => runOf(WEEK[i]!, [['url', F, o]])), retention), F)

  it.each([
    [['ok', 'dead'], false], // broke: newly broken
    [['ok', 'dead', 'dead', 'dead'], false],
    [['dead', 'ok'], false], // repaired
    [['ok', 'dead', 'ok'], false], // broke once, repaired: repaired
    [['dead', 'ok', 'dead'], true], // failed again after coming back
    [['ok', 'dead', 'ok', 'dead'], true],
    [['ok', 'dead', 'ok', 'dead', 'ok'], true], // holds today, but came and went
    [['dead', 'ok', 'dead', 'ok', 'ok', 'ok'], true], // both streaks within the last 6 runs
    [['dead', 'ok', 'dead', 'ok', 'ok', 'ok', 'ok'], false], // the first streak has left the window
  ] as const)('%j → flapping %s', (outcomes, flapping) => {
    expect(flap([...outcomes]).flapping).toBe(flapping)
  })

  it('the window is the retention’s flapping_runs', () => {
    expect(flap(['dead', 'ok', 'dead', 'ok'], { runs: 100, days: 366, flapping_runs: 3 }).flapping).toBe(false)
    expect(flap(['dead', 'ok', 'dead', 'ok'], { runs: 100, days: 366, flapping_runs: 4 }).flapping).toBe(true)
  })
})

describe('mergeEvidence: bounded', () => {
  it('keeps at most `runs` runs; history older than the window goes, except the observation in force; "since" survives', () => {
    const retention = { runs: 3, days: 366, flapping_runs: 6 }
    const evidence = runs([runOf(WEEK[0]!, [['url', A, 'ok']]), runOf(WEEK[1]!, [['url', A, 'dead']]), runOf(WEEK[2]!, [['url', A, 'timeout']]), runOf(WEEK[3]!, [['url', A, 'dead']]), runOf(WEEK[4]!, [['url', A, 'dead']])], retention)
    expect(evidence.runs.map((r) => r.at)).toEqual([WEEK[2], WEEK[3], WEEK[4]])
    const t = byUrl(evidence, A)
    expect(t.history.map((h) => [h.at, h.result])).toEqual([[WEEK[2], 'timeout'], [WEEK[3], 'dead']])
    expect(t).toMatchObject({ failing_since: WEEK[1], last_success: WEEK[0] })
  })

  it('keeps no run older than `days` days', () => {
    const evidence = runs([runOf('2025-01-06T05:17:00.000Z', [['url', A, 'ok']]), runOf(WEEK[0]!, [['url', A, 'ok']])])
    expect(evidence.runs.map((r) => r.at)).toEqual([WEEK[0]])
    expect(byUrl(evidence, A).history).toEqual([{ at: '2025-01-06T05:17:00.000Z', result: 'ok' }]) // the observation in force
  })
})
