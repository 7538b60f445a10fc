/** Hand-built online results, as an online run would hand them to the rules. */
import type { OnlineOutcome, OnlineResult, OnlineResults, OnlineTargetKind } from '../../scripts/lint/online/types.ts'
import { onlineKey } from '../../scripts/lint/online/types.ts'

export function results(...entries: [OnlineTargetKind, string, OnlineOutcome, Partial<OnlineResult>?][]): OnlineResults {
  return new Map(entries.map(([kind, url, outcome, extra]) => [onlineKey({ kind, url }), { kind, url, outcome, checkedAt: '2024-05-30T08:00:00.000Z', ...extra }]))
}
