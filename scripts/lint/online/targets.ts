/**
 * What an online run checks in a fiche: the pages that should answer and the
 * source repository. Pure; the lint rules whose evidence is `online` look
 * their results up with `onlineKey` on the same targets.
 */
import type { OnlineTarget } from './types.ts'

/** Front-matter fields holding a web page that should answer. */
export const ONLINE_URL_FIELDS = ['link', 'stats_url', 'budget_url', 'impact_url', 'dashlord_url'] as const

/** Front-matter fields holding a source repository. */
export const ONLINE_REPOSITORY_FIELDS = ['repository'] as const

const isWebAddress = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\//i.test(v.trim())

/** The targets a fiche's front matter names, in field order; values that are not http(s) URLs are skipped. */
export function onlineTargets(data: unknown): OnlineTarget[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return []
  const record = data as Record<string, unknown>
  const targets: OnlineTarget[] = []
  for (const field of ONLINE_URL_FIELDS) {
    if (Object.hasOwn(record, field) && isWebAddress(record[field])) targets.push({ kind: 'url', url: record[field] })
  }
  for (const field of ONLINE_REPOSITORY_FIELDS) {
    if (Object.hasOwn(record, field) && isWebAddress(record[field])) targets.push({ kind: 'repository', url: record[field] })
  }
  return targets
}
