// created_at / updated_at / last_commit on real repositories with fixed dates.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { historyFields } from '../../scripts/history/history-fields.ts'
import { parseLog } from '../../scripts/history/log.ts'
import { cleanRepos, Repo, startup, tempFolder } from './git-repo.ts'

afterEach(cleanRepos)

const fields = async (root: string) => {
  const h = await historyFields(root, DEFAULT_CONFIG)
  return { files: h.files && Object.fromEntries(h.files), rules: h.problems.map((p) => [p.ruleId, p.data?.reason]) }
}

describe('historyFields', () => {
  it('dates each fiche from its commits: modification, rename, deletion, re-addition', async () => {
    const repo = Repo.init()
    const c1 = repo.commit('2020-01-01T10:00:00+00:00', { 'startups/a.md': startup('A'), 'startups/c.md': startup('C'), 'startups/d.md': startup('D') })
    const c2 = repo.commit('2020-02-01T00:30:00+02:00', { 'startups/a.md': startup('A', [['construction', '2020-01-31']]) })
    const c3 = repo.mv('startups/a.md', 'startups/b.md', '2020-03-01T09:00:00+00:00')
    const c4 = repo.commit('2020-04-01T09:00:00-05:00', { 'startups/c.md': null, 'startups/d.md': null })
    const c5 = repo.commit('2020-05-01T23:59:59-11:00', { 'startups/d.md': startup('D again') })
    expect(new Set([c1, c2, c3, c4, c5]).size).toBe(5)
    expect(await fields(repo.root)).toEqual({
      files: {
        // The committer's own date (2020-02-01 at 00:30 in UTC+2), as git log --format=%cs says.
        'startups/b.md': { created_at: '2020-01-01', updated_at: '2020-03-01', last_commit: c3 },
        'startups/d.md': { created_at: '2020-05-01', updated_at: '2020-05-01', last_commit: c5 },
      },
      rules: [],
    })
    expect(repo.git('log', '-1', '--format=%cs', '--', 'startups/b.md').trim()).toBe('2020-03-01')
  })

  it('follows a rename whose content changed too, and a name reused after a rename', async () => {
    const repo = Repo.init()
    repo.commit('2021-01-01T10:00:00+00:00', { 'startups/old.md': startup('Old') })
    repo.git('mv', 'startups/old.md', 'startups/new.md')
    const c2 = repo.commit('2021-02-01T10:00:00+00:00', { 'startups/new.md': startup('Old', [['construction', '2021-01-20']]) })
    const c3 = repo.commit('2021-03-01T10:00:00+00:00', { 'startups/old.md': startup('Another product entirely, with its own name') })
    // Renamed, then deleted: neither name is a fiche of today.
    repo.commit('2021-04-01T10:00:00+00:00', { 'startups/x.md': startup('X') })
    repo.mv('startups/x.md', 'startups/y.md', '2021-05-01T10:00:00+00:00')
    repo.commit('2021-06-01T10:00:00+00:00', { 'startups/y.md': null })
    const { files } = await fields(repo.root)
    expect(files).toEqual({
      'startups/new.md': { created_at: '2021-01-01', updated_at: '2021-02-01', last_commit: c2 },
      'startups/old.md': { created_at: '2021-03-01', updated_at: '2021-03-01', last_commit: c3 },
    })
  })

  it('dates a fiche of a merged branch from its own commits', async () => {
    const repo = Repo.init()
    const c1 = repo.commit('2022-01-01T10:00:00+00:00', { 'startups/main.md': startup('Main') })
    repo.git('checkout', '-q', '-b', 'feature')
    const c2 = repo.commit('2022-01-05T10:00:00+00:00', { 'startups/branch.md': startup('Branch') })
    repo.git('checkout', '-q', 'main')
    const c3 = repo.commit('2022-01-07T10:00:00+00:00', { 'organisations/o.md': '---\nname: O\n---\n' })
    repo.merge('feature', '2022-01-10T10:00:00+00:00')
    expect((await fields(repo.root)).files).toEqual({
      'startups/main.md': { created_at: '2022-01-01', updated_at: '2022-01-01', last_commit: c1 },
      'startups/branch.md': { created_at: '2022-01-05', updated_at: '2022-01-05', last_commit: c2 },
      'organisations/o.md': { created_at: '2022-01-07', updated_at: '2022-01-07', last_commit: c3 },
    })
  })

  it('reads a registry in a subfolder of its repository, with paths relative to the registry', async () => {
    const repo = Repo.init()
    const c1 = repo.commit('2023-02-01T10:00:00+00:00', { 'registre/startups/a.md': startup('A'), 'startups/outside.md': startup('Outside') })
    expect((await fields(path.join(repo.root, 'registre'))).files).toEqual({ 'startups/a.md': { created_at: '2023-02-01', updated_at: '2023-02-01', last_commit: c1 } })
  })

  it('ignores the work tree: uncommitted changes keep the committed dates, an untracked fiche has none', async () => {
    const repo = Repo.init()
    const c1 = repo.commit('2023-06-01T10:00:00+00:00', { 'startups/a.md': startup('A') })
    repo.write({ 'startups/a.md': startup('A changed'), 'startups/new.md': startup('New') })
    repo.git('add', 'startups/new.md')
    expect((await fields(repo.root)).files).toEqual({ 'startups/a.md': { created_at: '2023-06-01', updated_at: '2023-06-01', last_commit: c1 } })
  })

  it('reads a shallow clone after fetching its history from the remote', async () => {
    const repo = Repo.init()
    repo.commit('2020-01-01T10:00:00+00:00', { 'startups/a.md': startup('A') })
    const c2 = repo.commit('2020-02-01T10:00:00+00:00', { 'startups/b.md': startup('B') })
    const clone = tempFolder()
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.root}`, clone])
    expect(execFileSync('git', ['-C', clone, 'rev-parse', '--is-shallow-repository'], { encoding: 'utf8' }).trim()).toBe('true')
    expect((await fields(clone)).files).toEqual({
      'startups/a.md': { created_at: '2020-01-01', updated_at: '2020-01-01', last_commit: expect.any(String) },
      'startups/b.md': { created_at: '2020-02-01', updated_at: '2020-02-01', last_commit: c2 },
    })
    expect(execFileSync('git', ['-C', clone, 'rev-parse', '--is-shallow-repository'], { encoding: 'utf8' }).trim()).toBe('false')
  })

  it('leaves the fields out of a shallow clone whose history cannot be fetched, never a wrong date', async () => {
    const repo = Repo.init()
    repo.commit('2020-01-01T10:00:00+00:00', { 'startups/a.md': startup('A') })
    repo.commit('2020-02-01T10:00:00+00:00', { 'startups/a.md': startup('A', [['construction', '2020-01-20']]) })
    const clone = tempFolder()
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.root}`, clone])
    execFileSync('git', ['-C', clone, 'remote', 'set-url', 'origin', `file://${tempFolder()}/absent`])
    expect(await fields(clone)).toEqual({ files: null, rules: [['history/shallow', 'fetch-failed']] })
    execFileSync('git', ['-C', clone, 'remote', 'remove', 'origin'])
    expect(await fields(clone)).toEqual({ files: null, rules: [['history/shallow', 'no-remote']] })
  })

  it('has no fields in a repository without commits, nor outside git', async () => {
    const repo = Repo.init()
    repo.write({ 'startups/a.md': startup('A') })
    expect(await fields(repo.root)).toEqual({ files: null, rules: [['history/no-commits', undefined]] })
    expect(await fields(tempFolder())).toEqual({ files: null, rules: [['history/no-repository', undefined]] })
  })
})

describe('parseLog', () => {
  it('reads additions, renames with their old path, deletions and blob ids', () => {
    const z = '0'.repeat(40)
    const a = 'a'.repeat(40)
    const b = 'b'.repeat(40)
    const out = `\x01${'1'.repeat(40)}\x002024-01-02\x001704153600\x002024-01-02T00:00:00+00:00\x00Bot\x00chore: sync\x00\x00\n:000000 100644 ${z} ${a} A\x00startups/données.md\x00:100644 100644 ${a} ${b} R087\x00startups/x.md\x00startups/y.md\x00:100644 000000 ${b} ${z} D\x00startups/z.md\x00`
    expect(parseLog(out)).toEqual([
      {
        id: '1'.repeat(40),
        date: '2024-01-02',
        time: 1704153600,
        iso: '2024-01-02T00:00:00+00:00',
        author: 'Bot',
        subject: 'chore: sync',
        changes: [
          { status: 'A', path: 'startups/données.md', after: a },
          { status: 'R', from: 'startups/x.md', path: 'startups/y.md', before: a, after: b },
          { status: 'D', path: 'startups/z.md', before: b },
        ],
      },
    ])
  })
})
