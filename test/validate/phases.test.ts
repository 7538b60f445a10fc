/**
 * The phase rules a schema cannot say: a phase appears once, phases are in
 * the order of their starts (equal starts allowed), a phase does not end
 * before it starts, and (a warning) does not end after the next one starts.
 *
 * The phases replace lines 10-14 of the base startup, so the first phase
 * always starts at line 10:
 *   10   - name: …        (name value at col 11)
 *   11     start: …       (col 12)
 *   12     end: …         (col 10)
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { check, editStartup, onlyMessage, triples } from '../helpers.ts'

const BASE_PHASES = '  - name: investigation\n    start: 2023-01-02\n    end: 2023-06-30\n  - name: construction\n    start: 2023-07-01\n'

/** The base startup with its phases written as [name, start, end?] triples. */
function withPhases(...phases: [string, string, string?][]) {
  const yaml = phases.map(([name, start, end]) => `  - name: ${name}\n    start: ${start}\n${end ? `    end: ${end}\n` : ''}`).join('')
  return editStartup(BASE_PHASES, yaml)
}

type Triple = [string, number, number]

const CASES: [string, [string, string, string?][], Triple[]][] = [
  // Lines: each phase takes 2 lines, or 3 with an end.
  ['a phase twice (at the second name)', [['investigation', '2023-01-02'], ['investigation', '2023-07-01']], [['phases/duplicate', 12, 11]]],
  ['a phase twice, not next to each other', [['investigation', '2023-01-02'], ['construction', '2023-03-01'], ['investigation', '2023-07-01']], [['phases/duplicate', 14, 11]]],
  ['a phase that starts before the previous one (at its start)', [['investigation', '2023-07-01'], ['construction', '2023-01-02']], [['phases/order', 13, 12]]],
  ['the third phase before the first (compared with the last valid start)', [['investigation', '2023-03-01'], ['construction', '2023-02-30'], ['acceleration', '2023-01-01']], [['schema/format', 13, 12], ['phases/order', 15, 12]]],
  ['a phase that ends before it starts (at its end)', [['investigation', '2023-01-02', '2022-12-31']], [['phases/end-before-start', 12, 10]]],
  ['a phase that ends after the next one starts (warning, at its end)', [['investigation', '2023-01-02', '2023-07-15'], ['construction', '2023-07-01']], [['phases/overlap', 12, 10]]],
  ['out of order and overlapping', [['investigation', '2023-07-01', '2023-12-31'], ['construction', '2023-01-01']], [['phases/overlap', 12, 10], ['phases/order', 14, 12]]],
  ['a duplicate that also ends before it starts', [['investigation', '2023-01-02', '2023-02-01'], ['investigation', '2023-03-01', '2023-02-28']], [['phases/duplicate', 13, 11], ['phases/end-before-start', 15, 10]]],
]

const ACCEPTED: [string, [string, string, string?][]][] = [
  ['two phases that start the same day', [['investigation', '2023-07-01'], ['construction', '2023-07-01']]],
  ['a phase that ends the day it starts', [['investigation', '2023-07-01', '2023-07-01'], ['construction', '2023-07-02']]],
  ['a phase that ends the day the next one starts', [['investigation', '2023-01-02', '2023-07-01'], ['construction', '2023-07-01']]],
  ['a gap between two phases', [['investigation', '2023-01-02', '2023-03-01'], ['construction', '2023-07-01']]],
  ['a single phase without end', [['construction', '2023-07-01']]],
  ['every phase name once, in order', [['investigation', '2020-01-01'], ['construction', '2020-06-01'], ['acceleration', '2021-01-01'], ['consolidation', '2022-01-01'], ['transfere', '2023-01-01'], ['opere', '2023-06-01'], ['abandon', '2024-01-01'], ['abandon-investigation', '2024-02-01']]],
]

describe('phase rules', () => {
  it.each(CASES)('%s', (_case, phases, expected) => {
    expect(triples(check(withPhases(...phases)))).toEqual(expected)
  })

  it.each(ACCEPTED)('accepts %s', (_case, phases) => {
    expect(check(withPhases(...phases))).toEqual([])
  })

  it('skips the rules when a date is not a real date (the schema reports it once)', () => {
    expect(triples(check(withPhases(['investigation', '2023-07-01', '2023-02-30'], ['construction', '2023-13-01'])))).toEqual([
      ['schema/format', 12, 10],
      ['schema/format', 14, 12],
    ])
  })

  it('skips the rules when phases is not a list', () => {
    expect(triples(check(editStartup(`phases:\n${BASE_PHASES}`, 'phases: investigation\n')))).toEqual([['schema/type', 9, 9]])
  })

  it.each([
    ['phases/duplicate', 'error'],
    ['phases/order', 'error'],
    ['phases/end-before-start', 'error'],
    ['phases/overlap', 'warning'],
  ])('%s is an %s by default', (ruleId, severity) => {
    const diagnostics = check(withPhases(['investigation', '2023-07-01', '2023-06-01'], ['investigation', '2023-01-01', '2023-02-01'], ['construction', '2023-03-01']))
    const found = diagnostics.filter((d) => d.ruleId === ruleId)
    expect(found).toHaveLength(1)
    expect(found[0]!.severity).toBe(severity)
  })

  it('can be silenced or raised by the configuration', () => {
    const overlap = withPhases(['investigation', '2023-01-02', '2023-07-15'], ['construction', '2023-07-01'])
    expect(check(overlap, { config: { ...DEFAULT_CONFIG, rules: { 'phases/overlap': 'off' } } })).toEqual([])
    expect(check(overlap, { config: { ...DEFAULT_CONFIG, rules: { 'phases/overlap': 'error' } } }).map((d) => d.severity)).toEqual(['error'])
  })
})

describe('phase messages', () => {
  it.each([
    ['duplicate', [['investigation', '2023-01-02'], ['investigation', '2023-07-01']], 'La phase « investigation » apparaît déjà plus haut.'],
    ['order', [['investigation', '2023-07-01'], ['construction', '2023-01-02']], 'La phase « construction » commence (2023-01-02) avant la phase précédente « investigation » (2023-07-01).'],
    ['end before start', [['investigation', '2023-01-02', '2022-12-31']], 'La phase « investigation » se termine (2022-12-31) avant de commencer (2023-01-02).'],
    ['overlap', [['investigation', '2023-01-02', '2023-07-15'], ['construction', '2023-07-01']], 'La phase « investigation » se termine (2023-07-15) après le début de la phase « construction » (2023-07-01).'],
  ] as [string, [string, string, string?][], string][])('%s', (_case, phases, message) => {
    expect(onlyMessage(check(withPhases(...phases)))).toBe(message)
  })
})
