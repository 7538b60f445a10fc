import { describe, expect, it } from 'vitest'
import { BASE, check, editStartup, triples } from './helpers.ts'

describe('the base registry of the test helpers', () => {
  it('is valid', () => {
    expect(check({})).toEqual([])
  })
  it('reports an impossible date at its value', () => {
    expect(triples(check(editStartup('start: 2023-07-01', 'start: 2023-02-30')))).toEqual([['schema/format', 14, 12]])
  })
  it('has a startup file', () => {
    expect(Object.keys(BASE)).toContain('startups/exemple.md')
  })
})
