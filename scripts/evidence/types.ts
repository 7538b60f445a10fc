/**
 * The evidence file (`evidence.json`, described by `schemas/evidence.schema.json`):
 * what the scheduled online checks found for every page and repository the
 * fiches name, accumulated run after run so that "since" stays true and a
 * page that comes and goes is told apart from one that just broke. Pure data.
 *
 * One entry per target (a page or a repository), keyed like the online
 * checker's results (`kind` + `url`, see `lint/online/types.ts`):
 * - `result`, `checked_at`: the last observation (an online outcome, and when it was made);
 * - `state`: `holds` (the page answers, the repository is public, licensed, active),
 *   `fails` (anything else), or `unknown` (never observed: the forge refused to answer);
 * - `failing_since`: the first failed observation of the current failing streak;
 * - `last_success`: the last observation that held;
 * - `flapping`: it failed, came back and failed again within the last runs;
 * - `history`: the observations where the result changed, oldest first, bounded in time.
 */
import type { OnlineOutcome, OnlineResult, OnlineTargetKind } from '../lint/online/types.ts'

export const EVIDENCE_VERSION = 1

export type EvidenceState = 'holds' | 'fails' | 'unknown'

/** A change of result: from `at` on, the target gave `result`. */
export interface EvidenceObservation {
  at: string
  result: OnlineOutcome
  status?: number
}

export interface EvidenceRepositoryFacts {
  host: string
  full_name?: string
  public?: boolean
  licence?: string | null
  pushed_at?: string | null
  archived?: boolean
}

export interface EvidenceTarget {
  kind: OnlineTargetKind
  url: string
  result: OnlineOutcome
  state: EvidenceState
  checked_at: string
  failing_since: string | null
  last_success: string | null
  flapping: boolean
  status?: number
  final_url?: string
  detail?: string
  repository?: EvidenceRepositoryFacts
  /** The startups whose fiche names this target, as of the last run (ids, sorted). */
  startups: string[]
  history: EvidenceObservation[]
}

/** Per category of standards: startups with online evidence in it, and how many of them hold all of theirs. */
export interface CategoryEvidence {
  startups: number
  holding: number
}

export interface EvidenceRun {
  at: string
  targets: number
  holding: number
  failing: number
  unknown: number
  /** Results the checker took from its cache (checked less than a day before). */
  from_cache: number
  /** What the run asked GitHub's API: requests sent, answered 304 (free), the quota left and the hourly limit. */
  github?: { requests: number; not_modified: number; remaining?: number; limit?: number }
  categories: Record<string, CategoryEvidence>
}

export interface EvidenceRetention {
  /** At most this many runs are kept (the oldest go first). */
  runs: number
  /** Runs and observations older than this many days go (the one in force when the window starts is kept). */
  days: number
  /** A target that failed, came back and failed again within this many runs is flapping. */
  flapping_runs: number
}

export interface EvidenceFile {
  evidence_version: typeof EVIDENCE_VERSION
  /** The date of the last run. */
  generated_at: string
  retention: EvidenceRetention
  /** Oldest first. */
  runs: EvidenceRun[]
  /** Sorted by kind, then URL. */
  targets: EvidenceTarget[]
}

export const DEFAULT_RETENTION: EvidenceRetention = { runs: 100, days: 366, flapping_runs: 6 }

/** Whether an outcome shows the evidence holding, failing, or says nothing (the forge refused to answer). */
export function stateOf(outcome: OnlineOutcome): EvidenceState {
  if (outcome === 'ok') return 'holds'
  if (outcome === 'rate-limited') return 'unknown'
  return 'fails'
}

export const targetKey = (t: { kind: OnlineTargetKind; url: string }): string => `${t.kind} ${t.url}`

/** The evidence as the online rules read it: the last known result of every target observed at least once. */
export function evidenceResults(evidence: EvidenceFile): Map<string, OnlineResult> {
  const results = new Map<string, OnlineResult>()
  for (const t of evidence.targets) {
    if (t.state === 'unknown') continue
    const result: OnlineResult = { kind: t.kind, url: t.url, outcome: t.result, checkedAt: t.checked_at }
    if (t.status !== undefined) result.status = t.status
    if (t.final_url !== undefined) result.finalUrl = t.final_url
    if (t.detail !== undefined) result.detail = t.detail
    if (t.repository) result.repository = repositoryFromEvidence(t.repository)
    results.set(targetKey(t), result)
  }
  return results
}

export function repositoryToEvidence(r: NonNullable<OnlineResult['repository']>): EvidenceRepositoryFacts {
  const out: EvidenceRepositoryFacts = { host: r.host }
  if (r.fullName !== undefined) out.full_name = r.fullName
  if (r.public !== undefined) out.public = r.public
  if (r.licence !== undefined) out.licence = r.licence
  if (r.pushedAt !== undefined) out.pushed_at = r.pushedAt
  if (r.archived !== undefined) out.archived = r.archived
  return out
}

function repositoryFromEvidence(r: EvidenceRepositoryFacts): NonNullable<OnlineResult['repository']> {
  const out: NonNullable<OnlineResult['repository']> = { host: r.host }
  if (r.full_name !== undefined) out.fullName = r.full_name
  if (r.public !== undefined) out.public = r.public
  if (r.licence !== undefined) out.licence = r.licence
  if (r.pushed_at !== undefined) out.pushedAt = r.pushed_at
  if (r.archived !== undefined) out.archived = r.archived
  return out
}
