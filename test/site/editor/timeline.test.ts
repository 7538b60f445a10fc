/** The timeline: a new phase closes the current one the day before; dates by the calendar. */
import { describe, expect, it } from 'vitest'
import { dayBefore, isDay, nextPhaseName, startPhase } from '../../../scripts/site/editor/timeline.ts'

describe('timeline', () => {
  it.each([
    ['2024-03-01', '2024-02-29'],
    ['2023-03-01', '2023-02-28'],
    ['2025-01-01', '2024-12-31'],
    ['2025-06-02', '2025-06-01'],
    ['2025-02-30', undefined],
    ['2025-2-3', undefined],
    ['', undefined],
  ])('the day before %s is %s', (day, before) => {
    expect(dayBefore(day)).toBe(before)
    expect(isDay(day)).toBe(before !== undefined)
  })

  it('starts a phase: the open one ends the day before, nothing else changes', () => {
    const phases = [{ name: 'investigation', start: '2023-01-02', end: '2023-06-30' }, { name: 'construction', start: '2023-07-01', comment: 'Équipe complète' }]
    expect(startPhase(phases, 'acceleration', '2024-03-01')).toEqual([
      { name: 'investigation', start: '2023-01-02', end: '2023-06-30' },
      { name: 'construction', start: '2023-07-01', comment: 'Équipe complète', end: '2024-02-29' },
      { name: 'acceleration', start: '2024-03-01' },
    ])
    // The given list is not changed.
    expect(phases[1]).not.toHaveProperty('end')
  })

  it.each([
    ['no phase yet', [], [{ name: 'investigation', start: '2025-01-06' }]],
    ['a last phase already ended', [{ name: 'construction', start: '2023-07-01', end: '2024-01-31' }], [{ name: 'construction', start: '2023-07-01', end: '2024-01-31' }, { name: 'investigation', start: '2025-01-06' }]],
    ['a last phase that starts after the new one (not closed)', [{ name: 'construction', start: '2026-01-01' }], [{ name: 'construction', start: '2026-01-01' }, { name: 'investigation', start: '2025-01-06' }]],
  ])('with %s, only adds', (_name, phases, expected) => {
    expect(startPhase(phases, 'investigation', '2025-01-06')).toEqual(expected)
  })

  it.each([
    [[], 'investigation'],
    [[{ name: 'investigation' }], 'construction'],
    [[{ name: 'construction' }], 'acceleration'],
    [[{ name: 'acceleration' }], 'consolidation'],
    [[{ name: 'consolidation' }], 'consolidation'],
    [[{ name: 'opere' }], 'opere'],
  ])('after %j comes %s', (phases, next) => {
    expect(nextPhaseName(phases)).toBe(next)
  })
})
