/**
 * Phases as of a date: the current phase is the latest phase whose start is
 * on or before the as-of date (fiches may announce a future phase). Without
 * an as-of date, the last phase as written.
 */
import type { Applies } from './define-rule.ts'

export const ENDED_PHASES: ReadonlySet<string> = new Set(['transfere', 'abandon', 'abandon-investigation'])
/** Incubation: the phases in which the programme's investment committees decide (not opere: « n’est plus dans une logique d’incubation »). */
const INCUBATION: ReadonlySet<string> = new Set(['investigation', 'construction', 'acceleration', 'consolidation'])
const FROM_CONSTRUCTION: ReadonlySet<string> = new Set(['construction', 'acceleration', 'consolidation', 'opere'])
const FROM_ACCELERATION: ReadonlySet<string> = new Set(['acceleration', 'consolidation', 'opere'])

const DATE = /^\d{4}-\d{2}-\d{2}$/

export interface PhaseEntry {
  name: string
  start: string
  end?: string
}

/** phasesOf of a fiche with a malformed phase: every rule asks for the phases of the same, never modified, data. */
const PHASES = new WeakMap<object, readonly PhaseEntry[]>()
const NO_PHASES: readonly PhaseEntry[] = Object.freeze([])

const wellFormed = (p: unknown): p is PhaseEntry => typeof p === 'object' && p !== null && typeof (p as PhaseEntry).name === 'string' && typeof (p as PhaseEntry).start === 'string' && DATE.test((p as PhaseEntry).start)

/**
 * The well-formed phases of a fiche (anything else is the schema's business). Read-only: when
 * every phase is well-formed (most fiches), it is the fiche's own list, neither copied nor cached.
 */
export function phasesOf(data: Record<string, unknown>): readonly PhaseEntry[] {
  const list = data.phases
  if (!Array.isArray(list)) return NO_PHASES
  if (list.every(wellFormed)) return list
  let phases = PHASES.get(list)
  if (!phases) PHASES.set(list, (phases = list.filter(wellFormed)))
  return phases
}

export function currentPhase(data: Record<string, unknown>, asOf: string | undefined): PhaseEntry | undefined {
  const phases = phasesOf(data)
  if (asOf === undefined) return phases[phases.length - 1]
  let best: PhaseEntry | undefined
  for (const p of phases) if (p.start <= asOf && (best === undefined || p.start >= best.start)) best = p
  return best
}

/** Dates of the fiche's events of one kind, well-formed only. */
export function eventDates(data: Record<string, unknown>, name: string): string[] {
  if (!Array.isArray(data.events)) return []
  return data.events.filter((e) => typeof e === 'object' && e !== null && e.name === name && typeof e.date === 'string' && DATE.test(e.date)).map((e) => e.date as string)
}

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '')
}

/**
 * What makes the fiche show the product live (docs/standards.md, [en-ligne-1] and [en-ligne-2]):
 * its phase (acceleration or later), its `link`, or a `product_launch` event dated after the start
 * of construction (a launch dated the day construction starts marks the project's start), on or
 * before the as-of date. Undefined: the fiche does not show it live (investigation, ended, no phase).
 */
export type LiveEvidence = { by: 'phase'; phase: string } | { by: 'link' } | { by: 'launch'; date: string }

export function liveEvidence(phase: string | undefined, data: Record<string, unknown>, asOf: string | undefined): LiveEvidence | undefined {
  if (phase === undefined) return undefined
  if (FROM_ACCELERATION.has(phase)) return { by: 'phase', phase }
  if (phase !== 'construction') return undefined
  if (!isBlank(data.link)) return { by: 'link' }
  const since = phasesOf(data).find((p) => p.name === 'construction')?.start
  if (since === undefined) return undefined
  let first: string | undefined
  for (const d of eventDates(data, 'product_launch')) if (d > since && (asOf === undefined || d <= asOf) && (first === undefined || d < first)) first = d
  return first === undefined ? undefined : { by: 'launch', date: first }
}

/** Whether a rule that applies `applies` concerns a startup in `phase`. Ended products only get `always` rules ([termine-1]). */
export function appliesTo(applies: Applies, phase: string | undefined, data: Record<string, unknown>, asOf: string | undefined): boolean {
  if (applies === 'always') return true
  if (phase !== undefined && ENDED_PHASES.has(phase)) return false
  if (applies === 'active') return true
  if (phase === undefined) return false
  if (applies === 'incubation') return INCUBATION.has(phase)
  if (applies === 'construction') return FROM_CONSTRUCTION.has(phase)
  if (applies === 'acceleration') return FROM_ACCELERATION.has(phase)
  return liveEvidence(phase, data, asOf) !== undefined
}

/** `date` plus `months` months (day clamped to the month's end), as YYYY-MM-DD. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}
