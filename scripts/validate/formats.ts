/** The string formats used by the fiche schemas, checked by the registry's Ajv. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A real calendar date written YYYY-MM-DD (2024-02-30 is refused, never shifted). */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s)
  if (!m) return false
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  if (month < 1 || month > 12 || day < 1) return false
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
  return day <= days
}

export const FORMATS: Record<string, (s: string) => boolean> = {
  date: isCalendarDate,
  // Loose on purpose: real fiches use `adresse@domaine?subject=…` as mailto targets.
  email: (s) => /^\s*[^@\s]+@[^@\s]+\.[^@\s]+\s*$/.test(s),
  // Surrounding spaces are tolerated here and reported by value/untrimmed.
  'url-or-empty': (s) => /^\s*(https?:\/\/[^\s/$.?#][^\s]*)?\s*$/i.test(s),
  'non-blank': (s) => /\S/.test(s),
  'organisation-ref': (s) => /^\/organisations\/[^/\s]+$/.test(s),
  'organisation-ref-or-empty': (s) => s === '' || /^\/organisations\/[^/\s]+$/.test(s),
  'absolute-path': (s) => /^\/\S*$/.test(s),
  'member-id': (s) => /^[a-z0-9][a-z0-9._-]*$/.test(s),
}

export function isDateShaped(s: string): boolean {
  return DATE.test(s)
}
