// The git door of the history stage, on real repositories.
import { afterEach, describe, expect, it } from 'vitest'
import { readBlobs, repoState } from '../../scripts/history/git.ts'
import { cleanRepos, Repo, tempFolder } from './git-repo.ts'

afterEach(cleanRepos)

describe('readBlobs', () => {
  it('reads many blobs in one process, leaves out missing and oversized ones, keeps UTF-8 intact', async () => {
    const repo = Repo.init()
    const big = 'x'.repeat(300_000)
    const files: Record<string, string> = { 'a.md': 'é😀\n', 'empty.md': '', 'big.md': big }
    for (let i = 0; i < 200; i++) files[`f${i}.md`] = `fiche ${i}\n${'-'.repeat(i * 37)}`
    repo.commit('2020-01-01T00:00:00+00:00', files)
    // Every blob's id from one git process (rev-parse prints one line per argument, in order).
    const names = Object.keys(files)
    const lines = repo.git('rev-parse', ...names.map((f) => `HEAD:${f}`)).trim().split('\n')
    expect(lines).toHaveLength(names.length)
    const ids = Object.fromEntries(names.map((f, i) => [f, lines[i]!]))
    const missing = '0123456789abcdef0123456789abcdef01234567'
    const got = await readBlobs(repo.root, [...Object.values(ids), missing, ids['a.md']!])
    expect(got.size).toBe(new Set(Object.values(ids)).size)
    for (const [f, text] of Object.entries(files)) expect(got.get(ids[f]!), f).toBe(text)
    const bounded = await readBlobs(repo.root, [ids['big.md']!, ids['a.md']!], 100_000)
    expect([...bounded.values()]).toEqual(['é😀\n'])
  })
})

describe('repoState', () => {
  it('tells a repository with commits, one without, and a plain folder apart', async () => {
    const repo = Repo.init()
    expect(await repoState(repo.root)).toEqual({ kind: 'empty' })
    const head = repo.commit('2020-01-01T00:00:00+00:00', { 'a.md': 'a' })
    expect(await repoState(repo.root)).toEqual({ kind: 'ok', head, shallow: false, remote: false })
    expect(await repoState(tempFolder())).toEqual({ kind: 'none' })
  })
})
