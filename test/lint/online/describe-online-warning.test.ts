import { describe, expect, it } from 'vitest'
import type { OnlineWarning } from '../../../scripts/lint/online/check.ts'
import { describeOnlineWarning } from '../../../scripts/lint/online/describe-online-warning.ts'

describe('describeOnlineWarning', () => {
  const warnings: OnlineWarning[] = [
    { id: 'cache-ignored', file: 'c.json', problem: { reason: 'json' } },
    { id: 'cache-ignored', file: 'c.json', problem: { reason: 'too-large', bytes: 99 } },
    { id: 'cache-entries-dropped', file: 'c.json', count: 2 },
    { id: 'cache-unwritable', file: 'c.json', code: 'EACCES' },
    { id: 'github-rate-limited', authenticated: false },
    { id: 'github-rate-limited', resetAt: '2027-01-01T00:00:00.000Z', authenticated: true },
    { id: 'github-rate-limited', resetAt: '2027-01-01T00:00:00.000Z', authenticated: true, reserve: 100 },
  ]
  it.each(warnings)('%o reads in both languages', (warning) => {
    const fr = describeOnlineWarning(warning, 'fr')
    const en = describeOnlineWarning(warning, 'en')
    expect(fr).not.toBe(en)
    expect(fr + en).not.toMatch(/undefined/)
  })

  it('suggests GITHUB_TOKEN only when no token was used', () => {
    expect(describeOnlineWarning({ id: 'github-rate-limited', authenticated: false })).toContain('GITHUB_TOKEN')
    expect(describeOnlineWarning({ id: 'github-rate-limited', authenticated: true })).not.toContain('GITHUB_TOKEN')
  })

  it('says when the run stopped itself to keep a reserve for the other workflows', () => {
    expect(describeOnlineWarning({ id: 'github-rate-limited', authenticated: true, reserve: 100 })).toMatch(/100 requêtes .*autres workflows/)
  })

  it('no "(s)": one entry and several entries read as French', () => {
    expect(describeOnlineWarning({ id: 'cache-entries-dropped', file: 'c.json', count: 1 })).toBe('1 entrée invalide du cache c.json ignorée.')
    expect(describeOnlineWarning({ id: 'cache-entries-dropped', file: 'c.json', count: 3 })).toBe('3 entrées invalides du cache c.json ignorées.')
  })
})
