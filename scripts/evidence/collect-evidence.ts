/**
 * One scheduled run of the online checks, from the fiches to the new evidence
 * file: the pages and repositories the enabled online rules read, checked
 * (through the checker's cache, conditionally for GitHub), merged into the
 * previous evidence, with the share of startups whose evidence holds per
 * category. The network is the checker's; everything else is pure. The clock
 * is injected (`now`): the run's date is the date of every check it makes.
 */
import type { RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import { runOnlineChecks, type OnlineOptions, type OnlineRunStats } from '../lint/online/check.ts'
import { namedTargets } from '../lint/online-targets.ts'
import { categoryEvidence, onlineRules } from './category-evidence.ts'
import { evidenceChanges, type EvidenceChanges } from './evidence-changes.ts'
import { mergeEvidence } from './merge-evidence.ts'
import { evidenceResults, type EvidenceFile, type EvidenceRetention } from './types.ts'

export interface CollectEvidenceOptions extends OnlineOptions {
  /** The evidence of the runs before, if any. */
  previous?: EvidenceFile
  /** Default: the previous file's, or DEFAULT_RETENTION. */
  retention?: EvidenceRetention
  /** The date for phase-aware rules (which startups the online rules apply to). */
  asOf?: string
}

export interface CollectedEvidence {
  evidence: EvidenceFile
  changes: EvidenceChanges
  stats: OnlineRunStats
}

export async function collectEvidence(records: readonly ParsedRecord[], config: RegistryConfig, options: CollectEvidenceOptions = {}): Promise<CollectedEvidence> {
  const at = (options.now ?? (() => new Date()))()
  const named = namedTargets(records, onlineRules(config))
  const keys = [...named.keys()].sort()
  const run = await runOnlineChecks(
    keys.map((k) => named.get(k)!.target),
    { ...options, now: () => at },
  )
  const startups = new Map(keys.map((k) => [k, named.get(k)!.ids]))
  const evidence = mergeEvidence(options.previous, { at: at.toISOString(), results: run.results.values(), startups, stats: run.stats }, options.retention)
  evidence.runs[evidence.runs.length - 1]!.categories = categoryEvidence(records, config, options.asOf, evidenceResults(evidence))
  return { evidence, changes: evidenceChanges(evidence), stats: run.stats }
}
