/** "Did you mean…": the edit distance and the choice of the closest candidate. */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { boundedDistance, distance, MAX_CANDIDATES_PER_QUERY, MAX_SUGGEST_LENGTH, suggest, Suggester } from '../../scripts/validate/suggest.ts'

const PHASES = ['investigation', 'construction', 'acceleration', 'consolidation', 'transfere', 'opere', 'abandon', 'abandon-investigation']

describe('distance (optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['a', '', 1],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    ['abc', 'abd', 1], // substitution
    ['abc', 'abcd', 1], // insertion
    ['abcd', 'abc', 1], // deletion
    ['abc', 'acb', 1], // adjacent transposition counts once
    ['acceleraton', 'acceleration', 1],
    ['reposiroty', 'repository', 2],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3], // OSA, not full Damerau (which gives 2)
    ['a', 'abcde', 4], // a length gap over 3 is returned as is
    ['promo', 'promotion', 4],
    ['abcdefgh', 'a', 7],
  ])('%j ↔ %j = %i', (a, b, d) => {
    expect(distance(a, b)).toBe(d)
    expect(distance(b, a)).toBe(d)
  })
})

describe('suggest', () => {
  it.each([
    ['acceleraton', PHASES, 'acceleration'],
    ['constrution', PHASES, 'construction'],
    ['Construction', PHASES, 'construction'], // case-insensitive, returns the candidate as written
    ['  opere  ', PHASES, 'opere'], // trimmed
    ['abandon investigation', PHASES, 'abandon-investigation'],
    ['reposiroty', ['repository', 'link', 'title'], 'repository'],
    ['dinun', ['dinum', 'ademe'], 'dinum'],
    ['DINUM', ['Dinum'], 'Dinum'],
    // The tolerance grows with the length: 1 up to 5 letters, then length/3, at most 3.
    ['dat', ['date'], 'date'],
    ['dt', ['date'], undefined],
    ['dnm', ['dinum'], undefined],
    ['comitee', ['committee'], 'committee'], // 7 letters: 2 edits allowed
    ['incubtr', ['incubator'], 'incubator'], // 2 edits, 7 letters
    ['acelration', ['acceleration'], 'acceleration'], // 2 edits
    ['xyz', ['dinum', 'ademe'], undefined],
    ['promo', ['promotion', 'montant'], undefined],
    ['', ['a'], undefined],
    ['   ', ['a'], undefined],
    ['abc', [], undefined],
    // Ties go to the smallest candidate, whatever the order.
    ['ab', ['ac', 'aa'], 'aa'],
    ['ab', ['aa', 'ac'], 'aa'],
  ] as [string, string[], string | undefined][])('%j among %j → %j', (input, candidates, expected) => {
    expect(suggest(input, candidates)).toBe(expected)
  })

  it('accepts any iterable of candidates', () => {
    expect(suggest('ademee', new Set(['dinum', 'ademe']))).toBe('ademe')
  })
})

/** The textbook optimal string alignment distance, full table. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
    }
  }
  return d[a.length]![b.length]!
}

describe('bounded suggestions', () => {
  it('boundedDistance agrees with distance whenever the distance is within the bound, and exceeds the bound otherwise', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', 'c', 'é') }), fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', 'c', 'é') }), fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const exact = referenceDistance(a, b)
        const bounded = boundedDistance(a, b, max)
        if (exact <= max) expect(bounded).toBe(exact)
        else expect(bounded).toBeGreaterThan(max)
      }),
      { numRuns: 2000, seed: 8 },
    )
  })

  it('gives no suggestion for a very long input', () => {
    expect(suggest('a'.repeat(MAX_SUGGEST_LENGTH + 1), ['a'.repeat(MAX_SUGGEST_LENGTH + 1)])).toBeUndefined()
  })

  it('compares at most MAX_CANDIDATES_PER_QUERY candidates per input', () => {
    const candidates = Array.from({ length: MAX_CANDIDATES_PER_QUERY }, (_, i) => `x${String(i).padStart(6, '0')}`)
    // The only close candidate comes after the cap.
    expect(new Suggester([...candidates, 'produit']).suggest('prodiut')).toBeUndefined()
    expect(new Suggester(['produit', ...candidates]).suggest('prodiut')).toBe('produit')
  })

  it('stops suggesting once its budget is spent, and remembers what it found before', () => {
    const s = new Suggester(['dinum', 'ademe'], 2 * 36)
    expect(s.suggest('dinun')).toBe('dinum')
    expect(s.suggest('adema')).toBeUndefined()
    expect(s.suggest('dinun')).toBe('dinum')
    // An exact match (case aside) costs nothing.
    expect(s.suggest('ADEME')).toBe('ademe')
  })
})
