/**
 * Exemptions written in a fiche (`standards_exemptions:`). The runner applies
 * the valid ones; `rules/exemption-invalid.ts` reports the others.
 */
export const EXEMPTION_REASONS = ['not-applicable', 'not-supported', 'remediated', 'accepted-risk'] as const
export type ExemptionReason = (typeof EXEMPTION_REASONS)[number]

export interface Exemption {
  rule: string
  reason: ExemptionReason
  justification: string
  expires?: string
  /** Index in the fiche's list, for locating an unused exemption. */
  index: number
}

/** The exemptions of a record that are in force as of `asOf` (well-formed, for a known rule, not expired). */
export function validExemptions(data: Record<string, unknown>, ruleIds: ReadonlySet<string>, asOf: string | undefined): Exemption[] {
  const list = data.standards_exemptions
  if (!Array.isArray(list)) return []
  const out: Exemption[] = []
  list.forEach((e, index) => {
    if (typeof e !== 'object' || e === null) return
    const x = e as Record<string, unknown>
    if (typeof x.rule !== 'string' || !ruleIds.has(x.rule)) return
    if (typeof x.reason !== 'string' || !(EXEMPTION_REASONS as readonly string[]).includes(x.reason)) return
    if (typeof x.justification !== 'string' || x.justification.trim() === '') return
    if (typeof x.expires === 'string' && asOf !== undefined && x.expires < asOf) return
    out.push({ rule: x.rule, reason: x.reason as ExemptionReason, justification: x.justification, ...(typeof x.expires === 'string' ? { expires: x.expires } : {}), index })
  })
  return out
}
