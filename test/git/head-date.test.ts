import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { headDate, mayBeInRepository } from '../../scripts/git/head-date.ts'
import { cleanRepos, Repo, tempFolder } from '../history/git-repo.ts'

afterAll(cleanRepos)

/** Whether the machine's temporary folder is itself inside a repository (then every folder made in it is too). */
const tmpInRepository = mayBeInRepository(os.tmpdir(), {})

/** An environment whose `git` is a script that notes each start in `log` and answers a fixed date. */
function fakeGit(): { env: NodeJS.ProcessEnv; started: () => boolean } {
  const bin = tempFolder('registry-fake-git-')
  const log = path.join(bin, 'started')
  writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho started >> '${log}'\necho 2031-02-03T04:05:06+00:00\n`)
  chmodSync(path.join(bin, 'git'), 0o755)
  const { GIT_DIR: _dir, GIT_WORK_TREE: _tree, ...rest } = process.env
  return { env: { ...rest, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` }, started: () => existsSync(log) }
}

describe('headDate: the commit date of HEAD, the registry’s as-of date', () => {
  it('reads it with git, in the committer’s time zone, from the root or a folder under it', async () => {
    const repo = Repo.init()
    repo.commit('2024-03-05T23:30:00+02:00', { 'startups/a.md': 'x' })
    expect(await headDate(repo.root)).toBe('2024-03-05')
    expect(await headDate(path.join(repo.root, 'startups'))).toBe('2024-03-05')
  })

  it('is null in a repository without commits', async () => {
    expect(await headDate(Repo.init().root)).toBeNull()
  })

  it.skipIf(tmpInRepository)('is null outside any repository, without starting git', async () => {
    const folder = tempFolder('registry-no-repo-')
    mkdirSync(path.join(folder, 'startups'))
    const git = fakeGit()
    expect(await headDate(path.join(folder, 'startups'), git.env)).toBeNull()
    expect(git.started()).toBe(false)
  })

  it.each([
    ['a .git folder', (dir: string) => mkdirSync(path.join(dir, '.git')), {}],
    ['a .git file (a linked work tree, a submodule)', (dir: string) => writeFileSync(path.join(dir, '.git'), 'gitdir: /elsewhere\n'), {}],
    ['a bare repository (HEAD and objects)', (dir: string) => (writeFileSync(path.join(dir, 'HEAD'), 'ref: refs/heads/main\n'), mkdirSync(path.join(dir, 'objects'))), {}],
    ['GIT_DIR in the environment', () => {}, { GIT_DIR: '/elsewhere/.git' }],
    ['GIT_WORK_TREE in the environment', () => {}, { GIT_WORK_TREE: '/elsewhere' }],
  ] as const)('leaves it to git wherever git might find a repository: %s', async (_, make, extra) => {
    const folder = tempFolder('registry-maybe-repo-')
    make(folder)
    mkdirSync(path.join(folder, 'startups'))
    const git = fakeGit()
    expect(await headDate(path.join(folder, 'startups'), { ...git.env, ...extra })).toBe('2031-02-03')
    expect(git.started()).toBe(true)
  })
})
