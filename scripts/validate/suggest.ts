/**
 * "Did you mean…": the closest candidate within a small edit distance, if any.
 *
 * Bounded work: comparing every unknown reference with every known id was
 * quadratic (a few incubator fiches listing thousands of unknown startups took
 * 215 s). A Suggester indexes its candidates by length (only lengths within
 * the tolerance are compared), compares at most MAX_CANDIDATES_PER_QUERY of
 * them, stops a comparison as soon as it exceeds the tolerance, remembers its
 * answers, and has a budget of character comparisons for its whole life:
 * once spent, it makes no more suggestions (the diagnostics stay, without
 * "did you mean"). Inputs longer than MAX_SUGGEST_LENGTH get no suggestion.
 */
export const MAX_SUGGEST_LENGTH = 100
export const MAX_CANDIDATES_PER_QUERY = 1000
/** Character comparisons (cells of the distance table) for one Suggester: tens of milliseconds. */
export const SUGGEST_BUDGET = 10_000_000

interface Candidate {
  original: string
  lower: string
}

export class Suggester {
  private readonly byLength = new Map<number, Candidate[]>()
  /** Lower-cased candidate → the first candidate written that way. */
  private readonly exact = new Map<string, string>()
  private readonly cache = new Map<string, string | undefined>()
  private budget: number

  constructor(candidates: Iterable<string>, budget = SUGGEST_BUDGET) {
    this.budget = budget
    for (const original of candidates) {
      const lower = original.toLowerCase()
      if (lower.length > MAX_SUGGEST_LENGTH + 3) continue
      if (!this.exact.has(lower)) this.exact.set(lower, original)
      let list = this.byLength.get(lower.length)
      if (!list) this.byLength.set(lower.length, (list = []))
      list.push({ original, lower })
    }
  }

  suggest(input: string): string | undefined {
    const needle = input.trim().toLowerCase()
    if (needle === '' || needle.length > MAX_SUGGEST_LENGTH) return undefined
    if (this.cache.has(needle)) return this.cache.get(needle)
    const found = this.search(needle)
    if (found !== null) this.cache.set(needle, found)
    return found ?? undefined
  }

  /** The suggestion, or null when the budget ran out (the answer is then not remembered). */
  private search(needle: string): string | undefined | null {
    const same = this.exact.get(needle)
    if (same !== undefined) return same
    if (this.budget <= 0) return null
    const max = Math.max(1, Math.min(3, Math.floor(needle.length / 3)))
    let best: string | undefined
    let bestDistance = Infinity
    let compared = 0
    for (let length = needle.length - max; length <= needle.length + max; length++) {
      for (const c of this.byLength.get(length) ?? []) {
        if (compared++ >= MAX_CANDIDATES_PER_QUERY) return bestDistance <= max ? best : undefined
        const cost = (needle.length + 1) * (c.lower.length + 1)
        if (this.budget < cost) {
          this.budget = 0
          return bestDistance <= max ? best : null
        }
        this.budget -= cost
        const d = boundedDistance(needle, c.lower, Math.min(max, bestDistance))
        if (d < bestDistance || (d === bestDistance && best !== undefined && c.original < best)) {
          best = c.original
          bestDistance = d
        }
      }
    }
    return bestDistance <= max ? best : undefined
  }
}

/** One-off suggestion among a few candidates (field names, enum values). */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  return new Suggester(candidates).suggest(input)
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Math.abs(a.length - b.length)
  return boundedDistance(a, b, Infinity)
}

/**
 * The optimal string alignment distance of a and b if it is at most `max`;
 * otherwise some value above `max` (the comparison stops as soon as a whole
 * row of the table exceeds it).
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Math.abs(a.length - b.length)
  const cols = b.length + 1
  if (scratch.length < 3 * cols) scratch = new Int32Array(3 * cols * 2)
  // Three rows of the table in one reused buffer: i-2, i-1 and i.
  let before = 0
  let previous = cols
  let current = 2 * cols
  const d = scratch
  for (let j = 0; j < cols; j++) d[previous + j] = j
  let previousMin = 0
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1)
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1
    d[current] = i
    let rowMin = i
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1)
      let v = d[previous + j - 1]! + (ai === bj ? 0 : 1)
      const up = d[previous + j]! + 1
      if (up < v) v = up
      const left = d[current + j - 1]! + 1
      if (left < v) v = left
      if (j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj && i > 1) {
        const t = d[before + j - 2]! + 1
        if (t < v) v = t
      }
      d[current + j] = v
      if (v < rowMin) rowMin = v
    }
    // A transposition reaches back two rows: stop only when neither row can lead to `max` or less.
    if (rowMin > max && previousMin >= max) return max + 1
    previousMin = rowMin
    const t = before
    before = previous
    previous = current
    current = t
  }
  return d[previous + cols - 1]!
}

let scratch = new Int32Array(3 * 64)
