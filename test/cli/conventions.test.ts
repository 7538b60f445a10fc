// CLI conventions: --version, command help, colours, --output-file, `registry new`.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { useColor } from '../../scripts/cli/main.ts'
import { BAD, cleanTemps, copyRegistry, GOOD, parseReport, REPO, run, tempDir } from './run.ts'

afterEach(cleanTemps)

describe('--version and --help', () => {
  it('--version prints package.json version', async () => {
    const version = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version
    for (const flag of ['--version', '-v']) {
      const r = await run([flag])
      expect(r).toMatchObject({ code: 0, stdout: `${version}\n` })
    }
  })

  it.each(['validate', 'build', 'docs', 'report', 'new', 'propose'])('%s --help prints the command help', async (name) => {
    const r = await run([name, '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`^Utilisation : registry ${name}`))
    const en = await run([name, '--help', '--lang', 'en'])
    expect(en.stdout).toMatch(new RegExp(`^Usage: registry ${name}`))
  })

  it('--help alone prints the global help, with the new commands', async () => {
    const r = await run(['--help'])
    expect(r.stdout).toMatch(/^Utilisation : registry <commande>/)
    for (const c of ['report', 'new', 'propose', '--version', '--output-file', '--no-color']) expect(r.stdout).toContain(c)
  })
})

describe('colours', () => {
  it.each([
    [undefined, {}, true, true],
    [undefined, {}, false, false],
    [undefined, { NO_COLOR: '1' }, true, false],
    [undefined, { NO_COLOR: '' }, true, true],
    [undefined, { TERM: 'dumb' }, true, false],
    [undefined, { FORCE_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '0' }, true, false],
    [true, { NO_COLOR: '1' }, false, true],
    [false, { FORCE_COLOR: '1' }, true, false],
  ])('flag %s, env %j, tty %s → %s', (flag, env, tty, expected) => {
    expect(useColor(flag, env as Record<string, string>, tty)).toBe(expected)
  })

  it('--color puts ANSI codes in the listing, --no-color removes them on a terminal', async () => {
    const root = `${BAD}/unknown-incubator`
    expect((await run(['validate', '--root', root, '--color'])).stdout).toContain('\u001b[31m')
    expect((await run(['validate', '--root', root, '--no-color'], { isTTY: true })).stdout).not.toContain('\u001b[')
    expect((await run(['validate', '--root', root], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[')
    expect((await run(['validate', '--root', root, '--color', '--no-color'])).code).toBe(2)
  })
})

describe('--output-file', () => {
  it('writes what validate prints to the file, keeps the exit code', async () => {
    const out = path.join(tempDir(), 'a', 'b.json')
    const r = await run(['validate', '--root', `${BAD}/unknown-incubator`, '--format', 'json', '--output-file', out])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(parseReport(fs.readFileSync(out, 'utf8')).summary.errors).toBe(1)
  })

  it('an unwritable output file is a French error, exit 2', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'file'), '')
    const r = await run(['validate', '--root', GOOD, '--output-file', path.join(dir, 'file', 'x.txt')])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("--output-file : impossible d’écrire")
  })
})

describe('registry new', () => {
  it.each([
    ['startup', 'startups'],
    ['organisation', 'organisations'],
    ['incubator', 'incubators'],
  ])('new %s writes a commented fiche from the schema that validates', async (kind, folder) => {
    const root = copyRegistry()
    const r = await run(['new', kind, 'mon-essai', '--root', root, '--title', 'Mon essai', ...(kind === 'startup' ? ['--incubator', 'dinum'] : [])])
    expect(r.stderr).toContain(`${folder}/mon-essai.md`)
    expect(r.code).toBe(0)
    const text = fs.readFileSync(path.join(root, folder, 'mon-essai.md'), 'utf8')
    expect(text.startsWith('---\n# ')).toBe(true)
    expect(text).toContain('# Champs facultatifs')
    expect((await run(['validate', '--root', root])).code).toBe(0)
  })

  it('never overwrites, refuses a bad id or kind', async () => {
    const root = copyRegistry()
    const before = fs.readFileSync(path.join(root, 'startups/exemple.md'), 'utf8')
    const r = await run(['new', 'startup', 'exemple', '--root', root, '--title', 'T', '--incubator', 'dinum'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('existe déjà')
    expect(fs.readFileSync(path.join(root, 'startups/exemple.md'), 'utf8')).toBe(before)
    expect((await run(['new', 'startup', '../evil', '--root', root, '--title', 'T', '--incubator', 'dinum'])).code).toBe(2)
    expect((await run(['new', 'startup', 'Mon Produit', '--root', root, '--title', 'T', '--incubator', 'dinum'])).code).toBe(2)
    expect((await run(['new', 'robot', 'x', '--root', root])).code).toBe(2)
    expect((await run(['new', 'startup', '--root', root])).code).toBe(2)
  })
})

describe('one French word per severity, and a hint for a beta.gouv.fr checkout', () => {
  it('the listing and the summary both say "avertissement"', async () => {
    const root = copyRegistry()
    const text = fs.readFileSync(path.join(root, 'startups/exemple.md'), 'utf8')
    fs.writeFileSync(path.join(root, 'startups/exemple.md'), text.replace('title: Exemple', "title: 'Exemple '"))
    const r = await run(['validate', '--root', root])
    expect(r.stdout).toMatch(/ {2}\d+:\d+ {2}avertissement {2}/)
    expect(r.stdout).toContain('1 avertissement dans')
    expect(r.stdout).not.toContain('attention')
  })

  it('a missing collection folder in a beta.gouv.fr checkout points at the shipped configuration', async () => {
    const root = tempDir()
    fs.mkdirSync(path.join(root, 'content', '_startups'), { recursive: true })
    const r = await run(['validate', '--root', root])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('ressemble à un dépôt beta.gouv.fr')
    expect(r.stderr).toContain(`--config ${path.join(REPO, 'config', 'beta.gouv.fr.config.json')}`)
    const plain = await run(['validate', '--root', tempDir()])
    expect(plain.stderr).not.toContain('beta.gouv.fr')
  })
})
