/**
 * The string formats used by the fiche schemas, checked by the registry's Ajv.
 * Every check is linear in the length of the value: values come from strangers'
 * pull requests, and a regular expression with two quantifiers that can match
 * the same characters (`[^@\s]+\.[^@\s]+`, `\s*(…)?\s*$`) backtracks in
 * quadratic time (a 200 KB contact took 47 s). The expressions below are
 * anchored, and no two neighbouring quantifiers can match the same character;
 * test/hostile/linear-time.test.ts times them on adversarial values.
 */
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
  email: isLooseEmail,
  'url-or-empty': isUrlOrEmpty,
  'non-blank': (s) => /\S/.test(s),
  'organisation-ref': (s) => /^\/organisations\/[^/\s]+$/.test(s),
  'organisation-ref-or-empty': (s) => s === '' || /^\/organisations\/[^/\s]+$/.test(s),
  'absolute-path': (s) => /^\/\S*$/.test(s),
  'member-id': (s) => /^[a-z0-9][a-z0-9._-]*$/.test(s),
}

/**
 * `someone@domain.tld`, loose on purpose (real fiches use
 * `adresse@domaine?subject=…` as mailto targets): one @, no spaces, a dot in
 * the domain that is neither its first nor its last character. Surrounding
 * spaces are tolerated here and reported by value/untrimmed.
 */
export function isLooseEmail(s: string): boolean {
  const t = s.trim()
  const at = t.indexOf('@')
  if (at < 1 || t.indexOf('@', at + 1) !== -1 || /\s/.test(t)) return false
  const domain = t.slice(at + 1)
  const dot = domain.indexOf('.', 1)
  return dot !== -1 && dot < domain.length - 1
}

/** An http(s) address, or nothing; surrounding spaces are tolerated here and reported by value/untrimmed. */
export function isUrlOrEmpty(s: string): boolean {
  const t = s.trim()
  return t === '' || /^https?:\/\/[^\s/$.?#]\S*$/i.test(t)
}

export function isDateShaped(s: string): boolean {
  return DATE.test(s)
}
