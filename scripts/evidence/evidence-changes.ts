/**
 * What changed at the last run of an evidence file, read from the file alone
 * (pure): the targets that broke, were repaired, or changed while flapping
 * (reported as flapping, never as newly broken or repaired), and the new
 * targets that fail from their first check. The change list of the job
 * summary, of the site's page and of the notifications.
 */
import { stateOf, type EvidenceFile, type EvidenceState, type EvidenceTarget } from './types.ts'

export type ChangeKind = 'broken' | 'repaired' | 'flapping' | 'new-failing'

export interface EvidenceChange {
  change: ChangeKind
  target: EvidenceTarget
  /** The result before the last run, when there was one. */
  before?: EvidenceTarget['result']
}

export interface EvidenceChanges {
  /** The last run's date, and the previous run's (absent on the first run: nothing is "since"). */
  at: string
  previousAt?: string
  changes: EvidenceChange[]
  /** Targets failing before the last run and still failing (not listed one by one). */
  stillFailing: number
  /** Targets that fail in all. */
  failing: number
  targets: number
}

const ORDER: Record<ChangeKind, number> = { broken: 0, 'new-failing': 1, flapping: 2, repaired: 3 }

/** The state of a target just before `at`, from its observations (undefined: not observed before). */
function stateBefore(target: EvidenceTarget, at: string): { state: EvidenceState; result: EvidenceTarget['result'] } | undefined {
  let found: EvidenceTarget['history'][number] | undefined
  for (const o of target.history) if (o.at <= at) found = o
  return found ? { state: stateOf(found.result), result: found.result } : undefined
}

export function evidenceChanges(evidence: EvidenceFile): EvidenceChanges {
  const runs = evidence.runs
  const at = runs[runs.length - 1]?.at ?? evidence.generated_at
  const previousAt = runs.length > 1 ? runs[runs.length - 2]!.at : undefined
  const changes: EvidenceChange[] = []
  let stillFailing = 0
  for (const target of evidence.targets) {
    if (target.state === 'unknown') continue
    if (previousAt === undefined) continue // a first run: nothing is "since"
    const before = stateBefore(target, previousAt)
    if (!before) {
      if (target.state === 'fails' && target.history.length > 0) changes.push({ change: 'new-failing', target })
      continue
    }
    if (before.state === target.state) {
      if (target.state === 'fails') stillFailing++
      continue
    }
    const change: ChangeKind = target.flapping ? 'flapping' : target.state === 'fails' ? 'broken' : 'repaired'
    changes.push({ change, target, before: before.result })
  }
  changes.sort((a, b) => ORDER[a.change] - ORDER[b.change] || (a.target.url < b.target.url ? -1 : a.target.url > b.target.url ? 1 : 0))
  return {
    at,
    ...(previousAt !== undefined ? { previousAt } : {}),
    changes,
    stillFailing,
    failing: evidence.targets.filter((t) => t.state === 'fails').length,
    targets: evidence.targets.length,
  }
}
