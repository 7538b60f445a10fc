/**
 * The editor's timeline: starting a new phase closes the current one the day before (the
 * way the fiches write it: `end: 2024-02-29`, then `- name: construction`, `start:
 * 2024-03-01`). Pure, on plain values; no `node:` import.
 */
export interface Phase {
  name?: unknown
  start?: unknown
  end?: unknown
  [key: string]: unknown
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether `text` is a date of the calendar written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  const m = DATE.exec(text)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}

/** The day before a YYYY-MM-DD date (2024-03-01 → 2024-02-29); undefined for anything else. */
export function dayBefore(day: string): string | undefined {
  if (!isDay(day)) return undefined
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10)
}

const USUAL = ['investigation', 'construction', 'acceleration', 'consolidation']

/** The phase a product usually goes to after the last one written: investigation for none, the next of the usual four, else the same. */
export function nextPhaseName(phases: readonly Phase[]): string {
  const last = phases[phases.length - 1]?.name
  if (typeof last !== 'string') return 'investigation'
  const at = USUAL.indexOf(last)
  return at === -1 ? last : (USUAL[at + 1] ?? last)
}

/**
 * The phases with a new one, `name` from `start`: the last phase, if it is still open (no
 * end) and started before `start`, ends the day before. Nothing else changes.
 */
export function startPhase(phases: readonly Phase[], name: string, start: string): Phase[] {
  const out = phases.map((p) => ({ ...p }))
  const last = out[out.length - 1]
  const end = dayBefore(start)
  if (last && (last.end === undefined || last.end === null || last.end === '') && end && typeof last.start === 'string' && last.start <= end) last.end = end
  out.push({ name, start })
  return out
}
