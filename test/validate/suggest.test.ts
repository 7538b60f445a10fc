/** "Did you mean…": the edit distance and the choice of the closest candidate. */
import { describe, expect, it } from 'vitest'
import { distance, suggest } from '../../scripts/validate/suggest.ts'

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
