/**
 * One run's online results merged into the evidence accumulated before (pure;
 * the clock is the run's date, given by the caller). What it keeps true:
 * - "since": a target that keeps failing keeps the date of its first failure,
 *   run after run, however old; a success ends the streak;
 * - an observation is made once: a result the checker took from its cache
 *   (same `checkedAt` as last run) changes nothing;
 * - a forge that refused to answer (`rate-limited`) says nothing: the target
 *   keeps its last known result;
 * - flapping: a target that failed, came back and failed again within the
 *   last `flapping_runs` runs is flapping, so that a page that comes and goes
 *   is reported as such rather than as newly broken each week (a page that
 *   broke once and was repaired is just repaired);
 * - bounded: at most `runs` runs and `days` days of runs and observations
 *   (the observation in force when the window starts is kept), and only the
 *   targets the fiches name today.
 */
import type { OnlineRunStats } from '../lint/online/check.ts'
import type { OnlineResult } from '../lint/online/types.ts'
import {
  DEFAULT_RETENTION,
  EVIDENCE_VERSION,
  repositoryToEvidence,
  stateOf,
  targetKey,
  type EvidenceFile,
  type EvidenceObservation,
  type EvidenceRetention,
  type EvidenceRun,
  type EvidenceTarget,
} from './types.ts'

export interface EvidenceRunInput {
  /** The run's date (ISO 8601). */
  at: string
  /** Every target of the run, with its result. */
  results: Iterable<OnlineResult>
  /** Target key → the ids of the startups naming it. */
  startups: ReadonlyMap<string, readonly string[]>
  stats?: OnlineRunStats
}

/** A previous evidence file whose last run is not older than this run: merging would rewrite the past. */
export class EvidenceOrderError extends Error {
  constructor(
    readonly previousAt: string,
    readonly at: string,
  ) {
    super(`The previous evidence's last run (${previousAt}) is not older than this run (${at}).`)
    this.name = 'EvidenceOrderError'
  }
}

const DAY_MS = 86_400_000

export function mergeEvidence(previous: EvidenceFile | undefined, run: EvidenceRunInput, retention: EvidenceRetention = previous?.retention ?? DEFAULT_RETENTION): EvidenceFile {
  const last = previous?.runs[previous.runs.length - 1]
  if (last && Date.parse(last.at) >= Date.parse(run.at)) throw new EvidenceOrderError(last.at, run.at)
  const horizon = new Date(Date.parse(run.at) - retention.days * DAY_MS).toISOString()
  const room = Math.max(1, retention.runs) - 1 // this run takes the last place
  const recent = (previous?.runs ?? []).filter((r) => r.at >= horizon)
  const kept = room === 0 ? [] : recent.slice(-room)
  const runAts = [...kept.map((r) => r.at), run.at]
  const windowStart = runAts[0]!
  const flapStart = runAts[Math.max(0, runAts.length - Math.max(1, retention.flapping_runs))]!

  const before = new Map((previous?.targets ?? []).map((t) => [targetKey(t), t]))
  const targets: EvidenceTarget[] = []
  for (const result of run.results) {
    const key = targetKey(result)
    const startups = [...new Set(run.startups.get(key) ?? [])].sort()
    targets.push(mergeTarget(before.get(key), result, startups, windowStart, flapStart))
  }
  // By kind, then URL: the order of their keys.
  targets.sort((a, b) => {
    const [x, y] = [targetKey(a), targetKey(b)]
    return x < y ? -1 : x > y ? 1 : 0
  })

  const count = (state: EvidenceTarget['state']) => targets.filter((t) => t.state === state).length
  const summary: EvidenceRun = {
    at: run.at,
    targets: targets.length,
    holding: count('holds'),
    failing: count('fails'),
    unknown: count('unknown'),
    from_cache: run.stats?.cached ?? 0,
    ...(run.stats ? { github: github(run.stats) } : {}),
    categories: {},
  }
  return { evidence_version: EVIDENCE_VERSION, generated_at: run.at, retention, runs: [...kept, summary], targets }
}

function github(stats: OnlineRunStats): NonNullable<EvidenceRun['github']> {
  const g = stats.github
  return { requests: g.requests, not_modified: g.notModified, ...(g.remaining !== undefined ? { remaining: g.remaining } : {}), ...(g.limit !== undefined ? { limit: g.limit } : {}) }
}

/** What the result says about the target, apart from the dates. */
function observed(result: OnlineResult): Pick<EvidenceTarget, 'result' | 'status' | 'final_url' | 'detail' | 'repository'> {
  return {
    result: result.outcome,
    ...(result.status !== undefined ? { status: result.status } : {}),
    ...(result.finalUrl !== undefined ? { final_url: result.finalUrl } : {}),
    ...(result.detail !== undefined ? { detail: result.detail } : {}),
    ...(result.repository ? { repository: repositoryToEvidence(result.repository) } : {}),
  }
}

function observation(result: OnlineResult): EvidenceObservation {
  return { at: result.checkedAt, result: result.outcome, ...(result.status !== undefined ? { status: result.status } : {}) }
}

/** The observations since `windowStart`, and the one in force when it started. */
function prune(history: readonly EvidenceObservation[], windowStart: string): EvidenceObservation[] {
  let first = 0
  while (first + 1 < history.length && history[first + 1]!.at <= windowStart) first++
  return history.slice(first)
}

/**
 * The failing streaks that reach into the window starting at `flapStart`: a
 * streak starts with an observation that fails after one that did not (or
 * with the first observation), and ends with the next one that does not fail.
 */
export function failingStreaks(history: readonly EvidenceObservation[], flapStart: string): number {
  let streaks = 0
  for (let i = 0; i < history.length; i++) {
    if (stateOf(history[i]!.result) !== 'fails' || (i > 0 && stateOf(history[i - 1]!.result) === 'fails')) continue
    let end = i + 1
    while (end < history.length && stateOf(history[end]!.result) === 'fails') end++
    if (end === history.length || history[end]!.at > flapStart) streaks++
  }
  return streaks
}

/** Flapping: failed, came back, and failed again within the window (two failing streaks or more). */
const isFlapping = (history: readonly EvidenceObservation[], flapStart: string): boolean => failingStreaks(history, flapStart) >= 2

/** A target as this result shows it, with its dates and history. */
function entry(result: OnlineResult, startups: string[], history: EvidenceObservation[], dates: Pick<EvidenceTarget, 'failing_since' | 'last_success' | 'flapping'>): EvidenceTarget {
  return { kind: result.kind, url: result.url, ...observed(result), state: stateOf(result.outcome), checked_at: result.checkedAt, ...dates, startups, history }
}

function mergeTarget(before: EvidenceTarget | undefined, result: OnlineResult, startups: string[], windowStart: string, flapStart: string): EvidenceTarget {
  const state = stateOf(result.outcome)
  const at = result.checkedAt
  if (!before) {
    const history = state === 'unknown' ? [] : [observation(result)]
    return entry(result, startups, history, { failing_since: state === 'fails' ? at : null, last_success: state === 'holds' ? at : null, flapping: false })
  }
  if (state === 'unknown' || at <= before.checked_at) {
    // Nothing observed this time: the last known result stands, the window moves on.
    const history = prune(before.history, windowStart)
    return { ...before, startups, history, flapping: isFlapping(history, flapStart) }
  }
  const previous = before.history[before.history.length - 1]
  const history = prune(previous && previous.result === result.outcome ? before.history : [...before.history, observation(result)], windowStart)
  return entry(result, startups, history, {
    failing_since: state === 'fails' ? (before.state === 'fails' ? before.failing_since : at) : null,
    last_success: state === 'holds' ? at : before.last_success,
    flapping: isFlapping(history, flapStart),
  })
}
