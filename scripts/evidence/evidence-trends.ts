/**
 * The online evidence month by month, for api/v1/trends.json (pure): for each
 * month with a run, its last run's share of startups whose online evidence
 * holds, per category of standards (4 decimals, null when no startup has
 * evidence in the category).
 */
import type { EvidenceFile } from './types.ts'

export interface EvidenceMonth {
  /** YYYY-MM */
  month: string
  /** The date of the month's last run. */
  at: string
  categories: Record<string, { startups: number; holding: number; share: number | null }>
}

const share = (holding: number, startups: number) => (startups === 0 ? null : Math.round((holding / startups) * 10000) / 10000)

export function evidenceTrends(evidence: EvidenceFile): EvidenceMonth[] {
  const last = new Map<string, EvidenceFile['runs'][number]>()
  for (const run of evidence.runs) last.set(run.at.slice(0, 7), run)
  return [...last].map(([month, run]) => ({
    month,
    at: run.at,
    categories: Object.fromEntries(Object.entries(run.categories).map(([c, k]) => [c, { startups: k.startups, holding: k.holding, share: share(k.holding, k.startups) }])),
  }))
}
