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
  const named = namedTargets(records, rules)
  return [...named.keys()].sort().map((k) => named.get(k)!.target)
}

/** Each target the rules read (keyed by `onlineKey`), with the ids of the records that name it, in the records' order. */
export function namedTargets(records: readonly ParsedRecord[], rules: readonly LintRule<any>[]): Map<string, { target: OnlineTarget; ids: string[] }> {
  const named = new Map<string, { target: OnlineTarget; ids: string[] }>()
  for (const r of records) {
    for (const rule of rules) {
      if (!rule.targets || !rule.collections.includes(r.collection)) continue
      for (const target of rule.targets(r.data)) {
        const key = onlineKey(target)
        const entry = named.get(key)
        if (!entry) named.set(key, { target, ids: [r.id] })
        else if (entry.ids[entry.ids.length - 1] !== r.id) entry.ids.push(r.id)
      }
    }
  }
  return named
}

export function onlineResult(online: OnlineResults | undefined, kind: OnlineTarget['kind'], url: string | undefined): OnlineResult | undefined {
  return online && url !== undefined ? online.get(onlineKey({ kind, url })) : undefined
}
