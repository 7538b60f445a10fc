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
})
