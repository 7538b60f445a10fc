/**
 * What an online run checks: the web pages and repositories that the online
 * rules read results for, listed from the records (pure, deduplicated, sorted).
 */
import type { ParsedRecord } from '../load/parse-record.ts'
import type { LintRule } from './define-rule.ts'
import type { OnlineResult, OnlineResults, OnlineTarget } from './online/types.ts'
import { onlineKey } from './online/types.ts'

/** The page fields whose URL should answer, with the link itself first. */
export const PAGE_FIELDS = ['stats_url', 'budget_url', 'impact_url', 'dashlord_url'] as const

/** The URL a fiche gives for a field, trimmed, when it is an http(s) address; `is_private_url` keeps the link out. */
export function urlOf(data: Record<string, unknown>, field: string): string | undefined {
  const v = data[field]
  if (typeof v !== 'string') return undefined
  const url = v.trim()
  if (!/^https?:\/\/\S+$/i.test(url)) return undefined
  if (field === 'link' && data.is_private_url === true) return undefined
  return url
}

/** The targets of some fields of a fiche. */
export function targetsOf(data: Record<string, unknown>, kind: OnlineTarget['kind'], fields: readonly string[]): OnlineTarget[] {
  return fields.flatMap((f) => {
    const url = urlOf(data, f)
    return url === undefined ? [] : [{ kind, url }]
  })
}

/**
 * Everything the online rules read, for the records they apply to
 * (`rules` are the enabled online rules), deduplicated and sorted.
 */
export function onlineTargets(records: readonly ParsedRecord[], rules: readonly LintRule<any>[]): OnlineTarget[] {
  const seen = new Map<string, OnlineTarget>()
  for (const r of records) {
    for (const rule of rules) {
      if (!rule.targets || !rule.collections.includes(r.collection)) continue
      for (const t of rule.targets(r.data)) seen.set(onlineKey(t), t)
    }
  }
  return [...seen.keys()].sort().map((k) => seen.get(k)!)
}

export function onlineResult(online: OnlineResults | undefined, kind: OnlineTarget['kind'], url: string | undefined): OnlineResult | undefined {
  return online && url !== undefined ? online.get(onlineKey({ kind, url })) : undefined
}
