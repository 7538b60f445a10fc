/** "Did you mean…": the closest candidate within a small edit distance, if any. */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.trim().toLowerCase()
  if (needle === '') return undefined
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const c = candidate.toLowerCase()
    if (c === needle) return candidate
    const d = distance(needle, c)
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate
      bestDistance = d
    }
  }
  const max = Math.max(1, Math.min(3, Math.floor(needle.length / 3)))
  return bestDistance <= max ? best : undefined
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Math.abs(a.length - b.length)
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1)
      d[i]![j] = v
    }
  }
  return d[rows - 1]![cols - 1]!
}
