// validate --changed against real git repositories in temporary folders.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/main.ts'
import { changedFiles, changes, diffChanges, statusChanges, statusPaths } from '../../scripts/git/changed-files.ts'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { changedScope } from '../../scripts/validate/changed-scope.ts'
import { BASE } from '../helpers.ts'

const temps: string[] = []
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true })
})

function repo(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'registry-git-'))
  temps.push(root)
  for (const [file, text] of Object.entries(BASE)) {
    mkdirSync(path.join(root, path.dirname(file)), { recursive: true })
    writeFileSync(path.join(root, file), text)
  }
  const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { stdio: 'pipe' })
  git('init', '-q', '-b', 'main')
  git('-c', 'user.email=t@example.org', '-c', 'user.name=T', 'add', '.')
  git('-c', 'user.email=t@example.org', '-c', 'user.name=T', 'commit', '-qm', 'init')
  return root
}

async function validate(root: string, ...args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await main(['validate', '--root', root, '--format', 'json', '--changed', ...args], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: {},
    cwd: root,
    isTTY: false,
  })
  return { code, json: stdout ? JSON.parse(stdout) : undefined, stderr }
}

describe('changedFiles', () => {
  it('lists modified, added (untracked) and deleted files since HEAD, with non-ASCII names intact', async () => {
    const root = repo()
    writeFileSync(path.join(root, 'startups/exemple.md'), `${BASE['startups/exemple.md']}\nplus\n`)
    writeFileSync(path.join(root, 'startups/données.md'), BASE['startups/exemple.md']!)
    unlinkSync(path.join(root, 'incubators/ademe.md'))
    expect(await changedFiles(root, 'HEAD')).toEqual(['incubators/ademe.md', 'startups/données.md', 'startups/exemple.md'])
  })

  it('refuses an unknown base and a folder outside git', async () => {
    await expect(changedFiles(repo(), 'nope')).rejects.toThrow(/introuvable/)
    const plain = mkdtempSync(path.join(os.tmpdir(), 'registry-nogit-'))
    temps.push(plain)
    await expect(changedFiles(plain, 'HEAD')).rejects.toThrow(/dépôt git/)
  })
})

describe('changes: which files were only modified in place', () => {
  const commit = (root: string, ...args: string[]) => execFileSync('git', ['-C', root, '-c', 'user.email=t@example.org', '-c', 'user.name=T', ...args], { stdio: 'pipe' })

  it('in the work tree and the index: modified (staged or not) only; added, untracked, deleted and type changes are not', async () => {
    const root = repo()
    writeFileSync(path.join(root, 'startups/exemple.md'), `${BASE['startups/exemple.md']}\nplus\n`)
    writeFileSync(path.join(root, 'organisations/dinum.md'), `${BASE['organisations/dinum.md']}\nplus\n`)
    commit(root, 'add', 'organisations/dinum.md')
    writeFileSync(path.join(root, 'startups/nouvelle.md'), 'x')
    writeFileSync(path.join(root, 'startups/indexee.md'), 'x')
    commit(root, 'add', 'startups/indexee.md')
    unlinkSync(path.join(root, 'incubators/ademe.md'))
    unlinkSync(path.join(root, 'organisations/ademe.md'))
    symlinkSync('dinum.md', path.join(root, 'organisations/ademe.md'))
    expect(await changes(root, 'HEAD')).toEqual([
      { file: 'incubators/ademe.md', modified: false },
      { file: 'organisations/ademe.md', modified: false },
      { file: 'organisations/dinum.md', modified: true },
      { file: 'startups/exemple.md', modified: true },
      { file: 'startups/indexee.md', modified: false },
      { file: 'startups/nouvelle.md', modified: false },
    ])
  })

  it('since a base: a file added on the branch stays added though modified again since', async () => {
    const root = repo()
    commit(root, 'checkout', '-q', '-b', 'feature')
    writeFileSync(path.join(root, 'startups/ajoutee.md'), 'x')
    writeFileSync(path.join(root, 'startups/exemple.md'), `${BASE['startups/exemple.md']}\nplus\n`)
    commit(root, 'add', '.')
    commit(root, 'commit', '-qm', 'branch')
    writeFileSync(path.join(root, 'startups/ajoutee.md'), 'y')
    expect(await changes(root, 'main')).toEqual([
      { file: 'startups/ajoutee.md', modified: false },
      { file: 'startups/exemple.md', modified: true },
    ])
  })
})

describe('statusChanges and diffChanges', () => {
  it.each([
    [' M a.md\0M  b.md\0MM c.md\0', [['a.md', true], ['b.md', true], ['c.md', true]]],
    ['?? a.md\0A  b.md\0AM c.md\0 D d.md\0D  e.md\0 T f.md\0UU g.md\0', [['a.md', false], ['b.md', false], ['c.md', false], ['d.md', false], ['e.md', false], ['f.md', false], ['g.md', false]]],
    ['R  new.md\0old.md\0 M x.md\0', [['new.md', false], ['old.md', false], ['x.md', true]]],
  ])('status %j', (output, expected) => {
    expect(statusChanges(output).map((c) => [c.file, c.modified])).toEqual(expected)
  })

  it.each([
    ['M\0a.md\0A\0b.md\0D\0c.md\0T\0d.md\0', [['a.md', true], ['b.md', false], ['c.md', false], ['d.md', false]]],
    ['R100\0old.md\0new.md\0M\0x.md\0', [['old.md', false], ['new.md', false], ['x.md', true]]],
    ['', []],
  ])('diff --name-status %j', (output, expected) => {
    expect(diffChanges(output).map((c) => [c.file, c.modified])).toEqual(expected)
  })
})

describe('changedFiles in a registry below the top of its repository', () => {
  it('gives paths relative to the registry and ignores changes outside it', async () => {
    const top = repo()
    const root = path.join(top, 'registre')
    mkdirSync(path.join(root, 'startups'), { recursive: true })
    writeFileSync(path.join(root, 'startups/a.md'), 'x')
    writeFileSync(path.join(top, 'startups/dehors.md'), 'y')
    expect(await changedFiles(root, 'HEAD')).toEqual(['startups/a.md'])
  })
})

describe('statusPaths', () => {
  it.each([
    [' M startups/a.md\0?? startups/b.md\0', ['startups/a.md', 'startups/b.md']],
    ['R  startups/new.md\0startups/old.md\0D  incubators/x.md\0', ['startups/new.md', 'startups/old.md', 'incubators/x.md']],
    ['', []],
  ])('%j', (output, paths) => {
    expect(statusPaths(output)).toEqual(paths)
  })
})

describe('changedScope', () => {
  it.each([
    [['startups/a.md', 'README.md'], ['startups/a.md'], true],
    [['organisations/x.md'], ['organisations/x.md'], false],
    [['incubators/y.md', 'startups/a.md'], ['incubators/y.md', 'startups/a.md'], false],
    [['startups/sub/a.md'], [], true],
  ])('%j → fiches %j, reduced: %s', (changed, fiches, reduced) => {
    const scope = changedScope(changed, DEFAULT_CONFIG)
    expect(scope.fiches).toEqual(fiches)
    expect(scope.filter !== undefined).toBe(reduced)
  })

  it.each([
    [['startups/a.md', 'startups/b.md', 'README.md'], ['startups/a.md', 'startups/b.md'], [], { startups: ['startups/a.md', 'startups/b.md'] }],
    [['startups/a.md', 'startups/b.md'], ['startups/b.md'], [], undefined],
    [['startups/a.md', 'startups/b.md'], ['startups/a.md', 'startups/b.md'], ['startups/b.md'], undefined],
    [['README.md'], [], [], { startups: [] }],
  ])('changed %j, modified in place %j, deleted %j: lists %j', (changed, modified, deleted, listed) => {
    expect(changedScope(changed, DEFAULT_CONFIG, new Set(deleted), new Set(modified)).listed).toEqual(listed)
  })

  it('an organisation changed in place still means a full validation, every folder listed', () => {
    const scope = changedScope(['organisations/x.md'], DEFAULT_CONFIG, new Set(), new Set(['organisations/x.md']))
    expect([scope.filter, scope.listed]).toEqual([undefined, undefined])
  })

  it.each([
    [[], false],
    [['startups/a.md'], true],
  ])('reads the incubators only when a changed startup is deleted (deleted: %j → %s)', (deleted, incubators) => {
    const scope = changedScope(['startups/a.md', 'startups/b.md'], DEFAULT_CONFIG, new Set(deleted))
    expect(scope.filter!('incubators/dinum.md', 'incubators')).toBe(incubators)
    expect(scope.filter!('startups/b.md', 'startups')).toBe(true)
    expect(scope.filter!('startups/c.md', 'startups')).toBe(false)
    expect(scope.filter!('organisations/dinum.md', 'organisations')).toBe(false)
  })
})

describe('validate --changed', () => {
  it('reads only the changed startup, and reports its error', async () => {
    const root = repo()
    writeFileSync(path.join(root, 'startups/exemple.md'), BASE['startups/exemple.md']!.replace('incubator: dinum', 'incubator: dinun'))
    const { code, json, stderr } = await validate(root)
    expect(code).toBe(1)
    expect(stderr).toMatch(/1 fiche modifiée depuis HEAD/)
    expect(json.diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['ref/unknown-incubator'])
    expect(json.summary.files).toBe(1)
  })

  it('catches a deleted startup still highlighted by an incubator', async () => {
    const root = repo()
    unlinkSync(path.join(root, 'startups/exemple.md'))
    const { code, json } = await validate(root)
    expect(code).toBe(1)
    expect(json.diagnostics.map((d: { file: string; ruleId: string }) => [d.file, d.ruleId])).toEqual([['incubators/dinum.md', 'ref/unknown-startup']])
  })

  it('falls back to a full validation when an organisation changes', async () => {
    const root = repo()
    unlinkSync(path.join(root, 'organisations/ademe.md'))
    const { code, json, stderr } = await validate(root)
    expect(stderr).toMatch(/validation complète/)
    expect(code).toBe(1)
    expect(json.diagnostics.map((d: { file: string; ruleId: string }) => [d.file, d.ruleId])).toEqual([['incubators/ademe.md', 'ref/unknown-owner']])
  })

  it('compares with a base revision', async () => {
    const root = repo()
    execFileSync('git', ['-C', root, 'checkout', '-q', '-b', 'feature'])
    writeFileSync(path.join(root, 'startups/exemple.md'), BASE['startups/exemple.md']!.replace('start: 2023-07-01', 'start: 2023-02-30'))
    execFileSync('git', ['-C', root, '-c', 'user.email=t@example.org', '-c', 'user.name=T', 'commit', '-qam', 'change'])
    expect((await validate(root)).code).toBe(0)
    const { code, json } = await validate(root, '--base', 'main')
    expect(code).toBe(1)
    expect(json.diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain('schema/format')
  })

  it('a change that only modifies startups does not list the others: their older id problems are left to a full validation', async () => {
    const root = repo()
    // Committed before the change: a badly named startup (id/format), and a case collision.
    writeFileSync(path.join(root, 'startups/Ancienne.md'), BASE['startups/exemple.md']!)
    writeFileSync(path.join(root, 'startups/ancienne.md'), BASE['startups/exemple.md']!)
    execFileSync('git', ['-C', root, '-c', 'user.email=t@example.org', '-c', 'user.name=T', 'add', '.'])
    execFileSync('git', ['-C', root, '-c', 'user.email=t@example.org', '-c', 'user.name=T', 'commit', '-qm', 'old names'])
    const older = [['startups/Ancienne.md', 'id/format'], ['startups/ancienne.md', 'id/case-collision']]
    const rules = (json: { diagnostics: { file: string; ruleId: string }[] }) => json.diagnostics.map((d) => [d.file, d.ruleId])

    writeFileSync(path.join(root, 'startups/exemple.md'), BASE['startups/exemple.md']!.replace('incubator: dinum', 'incubator: dinun'))
    const inPlace = await validate(root)
    expect(rules(inPlace.json)).toEqual([['startups/exemple.md', 'ref/unknown-incubator']])

    // A startup added: the folder is listed again, and every id checked, as before.
    writeFileSync(path.join(root, 'startups/nouvelle.md'), BASE['startups/exemple.md']!)
    const added = await validate(root)
    expect(rules(added.json)).toEqual(expect.arrayContaining([...older, ['startups/exemple.md', 'ref/unknown-incubator']]))
    expect(added.json.summary.files).toBe(4)
  })

  it('a startup turned into a link is looked at, and refused', async () => {
    const root = repo()
    writeFileSync(path.join(root, 'startups/autre.md'), BASE['startups/exemple.md']!)
    execFileSync('git', ['-C', root, '-c', 'user.email=t@example.org', '-c', 'user.name=T', 'add', '.'])
    execFileSync('git', ['-C', root, '-c', 'user.email=t@example.org', '-c', 'user.name=T', 'commit', '-qm', 'autre'])
    unlinkSync(path.join(root, 'startups/autre.md'))
    symlinkSync('exemple.md', path.join(root, 'startups/autre.md'))
    const { code, json } = await validate(root)
    expect(code).toBe(1)
    expect(json.diagnostics.map((d: { file: string; ruleId: string }) => [d.file, d.ruleId])).toEqual([['startups/autre.md', 'file/symlink']])
  })

  it('outside a repository says so (git is asked before the configuration loads), even when a folder is missing too', async () => {
    const plain = mkdtempSync(path.join(os.tmpdir(), 'registry-nogit-'))
    temps.push(plain)
    for (const [file, text] of Object.entries(BASE)) {
      mkdirSync(path.join(plain, path.dirname(file)), { recursive: true })
      writeFileSync(path.join(plain, file), text)
    }
    const outside = await validate(plain)
    expect([outside.code, outside.stderr]).toEqual([2, expect.stringMatching(/--changed demande un dépôt git/)])
    rmSync(path.join(plain, 'incubators'), { recursive: true })
    const both = await validate(plain)
    expect([both.code, both.stderr]).toEqual([2, expect.stringMatching(/--changed demande un dépôt git/)])
  })

  it('is refused with build and --base is refused without --changed', async () => {
    const io = { stdout: () => {}, stderr: () => {}, env: {}, cwd: os.tmpdir(), isTTY: false }
    expect(await main(['build', '--changed'], io)).toBe(2)
    expect(await main(['validate', '--base', 'main'], io)).toBe(2)
  })
})
