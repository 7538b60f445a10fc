import { describe, expect, it } from 'vitest'
import type { OnlineWarning } from '../../../scripts/lint/online/check.ts'
import { describeOnlineResult, describeOnlineWarning } from '../../../scripts/lint/online/describe.ts'
import type { OnlineOutcome, OnlineResult } from '../../../scripts/lint/online/types.ts'

const OUTCOMES: OnlineOutcome[] = [
  'ok', 'dead', 'timeout', 'unreachable', 'refused-address', 'refused-scheme', 'too-many-redirects',
  'rate-limited', 'repo-not-found', 'repo-private', 'repo-no-licence', 'repo-inactive', 'repo-archived',
]

const result = (outcome: OnlineOutcome, extra: Partial<OnlineResult> = {}): OnlineResult => ({
  kind: outcome.startsWith('repo') ? 'repository' : 'url',
  url: 'https://example.org/',
  outcome,
  checkedAt: '2026-11-29T10:00:00.000Z',
  ...extra,
})

describe('describeOnlineResult', () => {
  it('gives every outcome its own sentence in French and in English', () => {
    for (const lang of ['fr', 'en'] as const) {
      const texts = OUTCOMES.map((o) => describeOnlineResult(result(o), lang))
      expect(new Set(texts).size).toBe(OUTCOMES.length)
      for (const text of texts) expect(text).not.toMatch(/undefined|null|\{\{/)
    }
    expect(describeOnlineResult(result('dead'), 'fr')).not.toBe(describeOnlineResult(result('dead'), 'en'))
  })

  it('names the status, the refused range, the last push and the reset time', () => {
    expect(describeOnlineResult(result('dead', { status: 404 }), 'en')).toContain('HTTP 404')
    expect(describeOnlineResult(result('refused-address', { detail: 'loopback' }), 'fr')).toContain('la machine locale')
    const inactive = result('repo-inactive', { repository: { host: 'github.com', pushedAt: '2023-05-04T10:00:00Z' } })
    expect(describeOnlineResult(inactive, 'fr')).toContain('2023-05-04')
    expect(describeOnlineResult(result('rate-limited', { detail: '2027-01-01T00:00:00.000Z' }), 'en')).toContain('2027-01-01')
  })
})

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
