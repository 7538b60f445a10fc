/**
 * A startup as the feed lists it (api/v1/startups.json): its fields in the schema's order, as
 * written, then what consumers derive from them (incubator and sponsor ids, current phase,
 * status). Pure and small: the site's pages and the editor's preview (in the browser) use it
 * without the rest of the feed.
 */
import { currentPhase } from '../lint/phase.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import { FICHE_SCHEMAS } from '../validate/schemas.ts'
import { organisationId } from '../validate/references.ts'

export const ENDED_PHASES: ReadonlySet<string> = new Set(['transfere', 'abandon', 'abandon-investigation'])

/** The fiche's fields, in the schema's order, as written. */
export function fields(record: ParsedRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(FICHE_SCHEMAS[record.collection].properties)) {
    if (Object.hasOwn(record.data, key)) out[key] = record.data[key]
  }
  return out
}

/** A startup as the feed lists it: its fields as written, then what consumers derive from them. */
export function startupItem(r: ParsedRecord, asOf?: string) {
  const d = r.data
  const incubatorIds = [...new Set([d.incubator as string, ...((d.incubators as string[] | undefined) ?? [])])]
  const sponsorIds = ((d.sponsors as string[] | undefined) ?? []).map((s) => organisationId(s)!).filter(Boolean)
  // A fiche without phases is valid (the lint reports it): it then has no current phase and counts as active.
  const current = currentPhase(d, asOf)?.name
  return {
    id: r.id,
    file: r.file,
    ...fields(r),
    incubator_ids: incubatorIds,
    sponsor_ids: sponsorIds,
    ...(current === undefined ? {} : { current_phase: current }),
    status: current !== undefined && ENDED_PHASES.has(current) ? 'ended' : 'active',
    ...r.history,
    body: r.body,
  }
}
