/**
 * Past phase vocabularies, as data. Before May 2026 the fiches used other
 * phase names; two bot commits of the beta.gouv.fr repository renamed them
 * (2187db05, 2026-05-11, 443 fiches; b85284da, 2026-05-28, 73 fiches).
 * The mapping follows what those commits did to most fiches (the same as
 * config/beta.gouv.fr.config.json's renamedValues, which `registry fix`
 * applies; a test keeps the two in step).
 * Before July 2020 a fiche had no `phases` list but a `status` (bbe056a0,
 * 2020-07-24, turned it into `phases`): its value is read as the current
 * phase, with the status names of that time (`transfert`, `death`). When
 * history is read, a retired name is mapped to today's name it became, so
 * that change reports and trends compare like with like. A name that is
 * neither today's nor listed here is kept as written (never an error, never
 * dropped): trends count it under its own name and flag it.
 */

import { FICHE_SCHEMAS } from '../validate/schemas.ts'

/** Today's phase names (schemas/startup.schema.json). */
export const CURRENT_PHASES: readonly string[] = FICHE_SCHEMAS.startups.$defs.phase.properties.name.enum

export interface RetiredPhase {
  name: string
  /** The commit and date that renamed it across the fiches. */
  retired: { date: string; commit: string }
  /** Today's name, or how to choose it from the phase before (its `previous` name, already mapped). */
  to: string | ((previous: string | undefined) => string)
  note: string
}

export const RETIRED_PHASES: readonly RetiredPhase[] = [
  {
    name: 'alumni',
    retired: { date: '2026-05-11', commit: '2187db0549b10db09876dba3f7d968753eb9656a' },
    to: (previous) => (previous === undefined || previous === 'investigation' ? 'abandon-investigation' : 'abandon'),
    note: "Produit sorti du programme. Renommé abandon-investigation après une investigation (ou seul), abandon sinon (202 et 114 fiches) ; l’équipe a classé quelques fiches en transfere ou opere à la main, ce qu’aucune règle ne retrouve. En status (avant juillet 2020, phase précédente inconnue) : abandon.",
  },
  {
    name: 'transfer',
    retired: { date: '2026-05-11', commit: '2187db0549b10db09876dba3f7d968753eb9656a' },
    to: 'consolidation',
    note: 'La phase de transfert vers une administration. Renommé perennisation le 2026-05-11 (62 des 72 phases transfer ; 9 phases finales sont devenues transfere, une abandon, à la main), puis consolidation le 2026-05-28.',
  },
  {
    name: 'success',
    retired: { date: '2026-05-11', commit: '2187db0549b10db09876dba3f7d968753eb9656a' },
    to: 'transfere',
    note: "Produit sorti du programme avec succès. Renommé transfere (54 des 69 phases success ; 11 sont devenues opere, 2 perennisation et 2 abandon, à la main).",
  },
  {
    name: 'transfert',
    retired: { date: '2020-07-24', commit: 'bbe056a0' },
    to: 'consolidation',
    note: 'Valeur de `status` (avant la liste `phases`), devenue transfer dans phases, puis perennisation et consolidation.',
  },
  {
    name: 'death',
    retired: { date: '2020-07-24', commit: 'bbe056a0' },
    to: 'abandon',
    note: 'Valeur de `status` des produits arrêtés (la dernière fiche en death date de 2019).',
  },
  {
    name: 'perennisation',
    retired: { date: '2026-05-28', commit: 'b85284da0742ec94cd5185f2fb0d1aee1b29c9dc' },
    to: 'consolidation',
    note: 'Renommé consolidation (73 fiches).',
  },
]

/** Changes whenever a mapping above changes: trends snapshots carry it. */
export const VOCABULARY_VERSION = '2026-12-07'

const CURRENT = new Set<string>(CURRENT_PHASES)
const RETIRED = new Map(RETIRED_PHASES.map((r) => [r.name, r]))

export function isRetiredPhase(name: string): boolean {
  return RETIRED.has(name.trim().toLowerCase())
}

/** Today's name of a phase (case and spaces aside: `Consolidation` was written); `previous` is the phase before it (today's name). Unknown names are returned as written. */
export function currentPhaseName(name: string, previous?: string): string {
  const key = name.trim().toLowerCase()
  if (CURRENT.has(key)) return key
  const retired = RETIRED.get(key)
  if (!retired) return name
  return typeof retired.to === 'string' ? retired.to : retired.to(previous)
}

export interface PhaseReading {
  /** The last phase's name as written, or null when the fiche has no readable phase. */
  raw: string | null
  /** Today's name for it. */
  name: string | null
  /** Start date of the last phase, as written. */
  start?: string
}

/**
 * The current phase of a past fiche's data (the last of `phases`, as the
 * feed's current_phase; before July 2020, `status`), leniently. Names are
 * trimmed (`investigation ` was written).
 */
export function readPhase(data: Record<string, unknown> | undefined): PhaseReading {
  if (!Array.isArray(data?.phases) && typeof data?.status === 'string' && data.status.trim() !== '') {
    const raw = data.status.trim()
    return { raw, name: currentPhaseName(raw, '') }
  }
  const phases = Array.isArray(data?.phases) ? (data.phases as unknown[]) : []
  const names = phases.map((p) => (p && typeof p === 'object' && typeof (p as { name?: unknown }).name === 'string' ? (p as { name: string }).name.trim() : null))
  const last = names.length - 1
  if (last < 0 || names[last] === null) return { raw: null, name: null }
  const previous = last > 0 && names[last - 1] ? currentPhaseName(names[last - 1]!) : undefined
  const start = (phases[last] as { start?: unknown }).start
  return { raw: names[last]!, name: currentPhaseName(names[last]!, previous), ...(typeof start === 'string' && { start }) }
}

export function isCurrentPhase(name: string): boolean {
  return CURRENT.has(name)
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * A past fiche's data in today's phase vocabulary, for the rules of today to
 * read it (trends, change reports): each phase name trimmed and mapped (with
 * the phase before it); before July 2020, `status` becomes a one-phase list,
 * as bbe056a0 did, starting at the fiche's `start` (the only date such a
 * fiche gives; without one the phase has no start and counts as unknown).
 * Never throws: anything unexpected is left as written.
 */
export function withCurrentPhases(data: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(data.phases)) {
    if (typeof data.status !== 'string' || data.status.trim() === '') return data
    const start = typeof data.start === 'string' && DAY.test(data.start) ? { start: data.start } : {}
    return { ...data, phases: [{ name: currentPhaseName(data.status.trim(), ''), ...start }] }
  }
  let previous: string | undefined
  const phases = data.phases.map((p) => {
    if (!p || typeof p !== 'object' || typeof (p as { name?: unknown }).name !== 'string') return p
    const name = currentPhaseName((p as { name: string }).name.trim(), previous)
    previous = name
    return { ...(p as object), name }
  })
  return { ...data, phases }
}
