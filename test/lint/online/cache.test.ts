import { describe, expect, it } from 'vitest'
import { cleanResult, isFresh, parseCache, serializeCache } from '../../../scripts/lint/online/cache.ts'
import type { OnlineResult } from '../../../scripts/lint/online/types.ts'

const full: OnlineResult = {
  kind: 'repository',
  url: 'https://github.com/betagouv/x',
  outcome: 'repo-no-licence',
  checkedAt: '2026-11-29T10:00:00.000Z',
  status: 200,
  finalUrl: 'https://github.com/betagouv/y',
  detail: 'ENOTFOUND',
  repository: { host: 'github.com', fullName: 'betagouv/y', public: true, licence: null, pushedAt: null, archived: false },
}

describe('cache file', () => {
  it('round-trips results, sorted by key, with a trailing newline', () => {
    const other: OnlineResult = { kind: 'url', url: 'https://a.example/', outcome: 'ok', checkedAt: '2026-11-29T10:00:00.000Z' }
    const text = serializeCache(new Map([['repository https://github.com/betagouv/x', full], ['url https://a.example/', other]]))
    expect(text.endsWith('}\n')).toBe(true)
    const parsed = parseCache(text)
    expect(parsed.dropped).toBe(0)
    expect([...parsed.entries.keys()]).toEqual(['repository https://github.com/betagouv/x', 'url https://a.example/'])
    expect(parsed.entries.get('repository https://github.com/betagouv/x')).toEqual(full)
  })

  it('keeps only known fields', () => {
    const cleaned = cleanResult('url https://a.example/', {
      kind: 'url', url: 'https://a.example/', outcome: 'ok', checkedAt: '2026-11-29T10:00:00Z', token: 'x', extra: { deep: 1 },
    })
    expect(cleaned).toEqual({ kind: 'url', url: 'https://a.example/', outcome: 'ok', checkedAt: '2026-11-29T10:00:00.000Z' })
  })

  it.each([
    ['a non-boolean public', { repository: { host: 'github.com', public: 'yes' } }],
    ['a bad pushedAt', { repository: { host: 'github.com', pushedAt: 'soon' } }],
    ['a long URL', { url: `https://a.example/${'x'.repeat(5000)}` }],
    ['a fractional status', { status: 200.5 }],
    ['an unknown kind', { kind: 'ftp' }],
  ])('drops an entry with %s', (_name, change) => {
    const value = { ...full, ...change }
    expect(cleanResult(`${value.kind} ${value.url}`, value)).toBeNull()
  })

  it('is fresh only when checked in the past and within the age', () => {
    const at = Date.parse(full.checkedAt)
    expect(isFresh(full, at + 1000, 3600_000)).toBe(true)
    expect(isFresh(full, at + 3600_000, 3600_000)).toBe(false)
    expect(isFresh(full, at - 1000, 3600_000)).toBe(false)
  })
})
