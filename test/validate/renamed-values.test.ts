/**
 * Vocabulary migrations: which values are reported renamed, to what, from
 * which date, after which phase; the schema's enum error they replace; a
 * rename with several possible values has no fix.
 */
import { describe, expect, it } from 'vitest'
import type { RenamedValue } from '../../scripts/load/config.ts'
import { parseRecord } from '../../scripts/load/parse-record.ts'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import type { Problem } from '../../scripts/report/diagnostic.ts'
import { applyRenamedValues, checkRenamedValues, findRenamedValues, renaming } from '../../scripts/validate/renamed-values.ts'

const P = '/phases/*/name'
const RENAMES: RenamedValue[] = [
  { field: P, from: 'alumni', to: 'abandon-investigation', date: '2026-05-11', previous: [null, 'investigation'] },
  { field: P, from: 'alumni', to: 'abandon', date: '2026-05-11' },
  { field: P, from: 'transfer', to: 'perennisation', date: '2026-05-11' },
  { field: P, from: 'perennisation', to: 'consolidation', date: '2026-05-28' },
  { field: P, from: 'success', to: ['transfere', 'opere'], date: '2026-05-11' },
  { field: '/usertypes/*', from: 'entreprises', to: 'entreprise', date: '2026-01-01' },
  { field: P, from: 'a', to: 'b', date: '2026-01-01' },
  { field: P, from: 'b', to: 'a', date: '2026-01-01' },
]

describe('renaming', () => {
  it.each([
    ['alumni first', 'alumni', null, { to: 'abandon-investigation', date: '2026-05-11' }],
    ['alumni after an investigation', 'alumni', 'investigation', { to: 'abandon-investigation', date: '2026-05-11' }],
    ['alumni after a construction', 'alumni', 'construction', { to: 'abandon', date: '2026-05-11' }],
    ['alumni, the item before unknown', 'alumni', undefined, { to: 'abandon', date: '2026-05-11' }],
    ['a chain, dated by its first rename', 'transfer', 'acceleration', { to: 'consolidation', date: '2026-05-11' }],
    ['several possible values', 'success', 'acceleration', { to: ['transfere', 'opere'], date: '2026-05-11' }],
    ["today's value", 'consolidation', null, undefined],
    ['a cycle', 'a', null, undefined],
  ])('%s', (_, value, previous, expected) => {
    expect(renaming(RENAMES, value, previous)).toEqual(expected)
  })
})

const fiche = (phases: string[], extra = '') =>
  parseRecord({ file: 'startups/x.md', collection: 'startups', id: 'x', text: `---\ntitle: X\n${extra}phases:\n${phases.map((n, i) => `  - name: ${n}\n    start: 202${i}-01-01\n`).join('')}---\n` }, DEFAULT_CONFIG.limits).record!

const found = (phases: string[], asOf: string | undefined, extra = '') => findRenamedValues([fiche(phases, extra)], RENAMES, asOf).map((p) => [p.path, p.data!.to, p.fix])

describe('findRenamedValues', () => {
  it('reads the phase before in its own today name (transfer, then alumni: abandon)', () => {
    expect(found(['investigation', 'transfer', 'alumni'], '2026-06-01')).toEqual([
      ['/phases/1/name', 'consolidation', { value: 'consolidation' }],
      ['/phases/2/name', 'abandon', { value: 'abandon' }],
    ])
  })
  it('applies a rename from its date on', () => {
    expect(found(['transfer', 'perennisation'], '2026-05-20')).toEqual([['/phases/0/name', 'perennisation', { value: 'perennisation' }]])
    expect(found(['transfer'], '2026-05-10')).toEqual([])
    expect(found(['transfer'], undefined)).toEqual([['/phases/0/name', 'consolidation', { value: 'consolidation' }]])
  })
  it('gives no fix when the new value depends on what the fiche does not say', () => {
    expect(found(['construction', 'success'], '2026-06-01')).toEqual([['/phases/1/name', ['transfere', 'opere'], undefined]])
  })
  it('finds values in a list of texts', () => {
    expect(found(['investigation'], '2026-06-01', 'usertypes:\n  - entreprises\n  - etat\n')).toEqual([['/usertypes/0', 'entreprise', { value: 'entreprise' }]])
  })
})

describe('checkRenamedValues', () => {
  const enumAt = (path: string): Problem => ({ file: 'startups/x.md', ruleId: 'schema/enum', path, data: {} })
  it('replaces the schema enum error of the old value, and keeps the others', () => {
    const others = [enumAt('/phases/1/name'), enumAt('/phases/2/name'), { file: 'startups/x.md', ruleId: 'schema/enum', path: '/phases/0/name' }]
    const out = checkRenamedValues([fiche(['investigation', 'alumni', 'beta'])], RENAMES, '2026-06-01', others)
    expect(out.map((p) => [p.ruleId, p.path])).toEqual([
      ['schema/enum', '/phases/2/name'],
      ['schema/enum', '/phases/0/name'],
      ['vocabulary/renamed', '/phases/1/name'],
    ])
  })
  it('accepts, as of a date before its rename, the old value that was right then', () => {
    const out = checkRenamedValues([fiche(['construction', 'perennisation'])], RENAMES, '2026-05-20', [enumAt('/phases/1/name')])
    expect(out).toEqual([])
  })
  it('changes nothing without renames', () => {
    const others = [enumAt('/phases/0/name')]
    expect(checkRenamedValues([fiche(['alumni'])], [], '2026-06-01', others)).toEqual(others)
  })
})

describe('applyRenamedValues', () => {
  it('gives the records today’s values where the new value is certain, and leaves the others as written', () => {
    const record = fiche(['investigation', 'transfer', 'success'], 'usertypes:\n  - entreprises\n')
    expect(applyRenamedValues([record], RENAMES, '2026-06-01')).toBe(2)
    expect(record.data.phases).toEqual([
      { name: 'investigation', start: '2020-01-01' },
      { name: 'consolidation', start: '2021-01-01' },
      { name: 'success', start: '2022-01-01' },
    ])
    expect(record.data.usertypes).toEqual(['entreprise'])
  })
})
