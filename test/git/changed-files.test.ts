// validate --changed against real git repositories in temporary folders.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/main.ts'
import { changedFiles, statusPaths } from '../../scripts/git/changed-files.ts'
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

  it('is refused with build and --base is refused without --changed', async () => {
    const io = { stdout: () => {}, stderr: () => {}, env: {}, cwd: os.tmpdir(), isTTY: false }
    expect(await main(['build', '--changed'], io)).toBe(2)
    expect(await main(['validate', '--base', 'main'], io)).toBe(2)
  })
})
