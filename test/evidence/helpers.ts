/** Online results and runs made by hand, as a scheduled run would hand them to mergeEvidence. */
import type { OnlineOutcome, OnlineResult, OnlineTargetKind } from '../../scripts/lint/online/types.ts'
import { mergeEvidence, type EvidenceRunInput } from '../../scripts/evidence/merge-evidence.ts'
import { categoryEvidence, onlineRules } from '../../scripts/evidence/category-evidence.ts'
import { evidenceResults } from '../../scripts/evidence/types.ts'
import { namedTargets } from '../../scripts/lint/online-targets.ts'
import type { RegistryConfig } from '../../scripts/load/config.ts'
import type { ParsedRecord } from '../../scripts/load/parse-record.ts'
import { targetKey, type EvidenceFile, type EvidenceRetention } from '../../scripts/evidence/types.ts'

/** Weekly run dates, Monday mornings, all in the past (a file from the future is refused). */
export const WEEK = ['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09'].map((d) => `${d}T05:17:00.000Z`)

export function result(kind: OnlineTargetKind, url: string, outcome: OnlineOutcome, checkedAt: string, extra: Partial<OnlineResult> = {}): OnlineResult {
  return { kind, url, outcome, checkedAt, ...extra }
}

/** One run at `at`: each [kind, url, outcome, extra?] checked at `at` (or at `extra.checkedAt`), named by startup `owner` (or `exemple`). */
export function runOf(at: string, entries: [OnlineTargetKind, string, OnlineOutcome, Partial<OnlineResult>?][], owner = 'exemple'): EvidenceRunInput {
  const results = entries.map(([kind, url, outcome, extra]) => result(kind, url, outcome, at, extra))
  return { at, results, startups: new Map(results.map((r) => [targetKey(r), [owner]])) }
}

/** Runs merged one after the other, from nothing. */
export function runs(list: EvidenceRunInput[], retention?: EvidenceRetention): EvidenceFile {
  let evidence: EvidenceFile | undefined
  for (const run of list) evidence = mergeEvidence(evidence, run, retention)
  return evidence!
}

export const byUrl = (e: EvidenceFile, url: string) => e.targets.find((t) => t.url === url)!

/**
 * Two weekly runs over a registry's own targets, without any network: every
 * third page dies at the second run, every repository holds but the first,
 * archived. For builds that publish evidence (the consumers' test corpus).
 */
export function evidenceOf(records: readonly ParsedRecord[], config: RegistryConfig, at: [string, string]): EvidenceFile {
  const named = namedTargets(records, onlineRules(config))
  const keys = [...named.keys()].sort()
  let evidence: EvidenceFile | undefined
  at.forEach((date, week) => {
    const results = keys.map((k, i): OnlineResult => {
      const { kind, url } = named.get(k)!.target
      if (kind === 'repository') return result(kind, url, i === 0 && week === 1 ? 'repo-archived' : 'ok', date, { repository: { host: 'github.com', public: true, licence: 'MIT', archived: i === 0 && week === 1, pushedAt: '2026-04-01T10:00:00Z' } })
      return result(kind, url, week === 1 && i % 3 === 0 ? 'dead' : 'ok', date, { status: week === 1 && i % 3 === 0 ? 404 : 200 })
    })
    evidence = mergeEvidence(evidence, { at: date, results, startups: new Map(keys.map((k) => [k, named.get(k)!.ids])) })
    evidence.runs[evidence.runs.length - 1]!.categories = categoryEvidence(records, config, date.slice(0, 10), evidenceResults(evidence))
  })
  return evidence!
}
