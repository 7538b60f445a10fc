// Regression tests for the hardening issue: each defect found by the hostile
// review (a crash, CPU exhaustion, reading outside the registry, deleting what
// is not ours, invalid text reaching consumers, unbounded configuration, ids
// that cannot be file names, environment faults with a stack trace) has a
// test here that failed on the code before the fix.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { OutputError, takeoverMarker, writeOutput } from '../../scripts/compile/write-output.ts'
import { MAX_DIAGNOSTICS_PER_FILE } from '../../scripts/report/finalize.ts'
import { BASE, check, editStartup } from '../helpers.ts'
import { cleanTemps, GOOD, hasStackTrace, REPO, run, snapshotTree, tempDir } from '../cli/run.ts'

afterEach(cleanTemps)

const VALID = fs.readFileSync(path.join(GOOD, 'startups/exemple.md'), 'utf8')

/** A copy of the good registry plus a second broken fiche, which must always be reported too. */
function registry(files: Record<string, string> = {}): string {
  const root = tempDir('registry-hardening-')
  fs.cpSync(GOOD, root, { recursive: true })
  fs.writeFileSync(path.join(root, 'startups/autre.md'), VALID.replace(/^incubator: .*$/m, 'incubator: inconnu'))
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(root, file), text)
  return root
}

type JsonDiagnostic = { file: string; ruleId: string; line: number; severity: string; message: string }
const diagnosticsOf = (stdout: string): JsonDiagnostic[] => JSON.parse(stdout).diagnostics

/** A fiche of about `bytes` bytes whose phases are flow mappings full of unknown keys. */
export function flowMappingBomb(bytes: number): string {
  const keys = Array.from({ length: 150 }, (_, i) => `k${i}: 1`).join(', ')
  const line = `  - {name: idee, start: 2020-01-01, ${keys}}\n`
  const count = Math.max(1, Math.floor((bytes - VALID.length) / line.length))
  return VALID.replace('phases:\n', `phases:\n${line.repeat(count)}`)
}

describe('a fiche full of errors', () => {
  it('gives at most the capped number of diagnostics, ending with "and N more", and the other fiches are still reported', async () => {
    const bomb = flowMappingBomb(1024 * 1024 - 4096)
    expect(Buffer.byteLength(bomb)).toBeLessThanOrEqual(1024 * 1024)
    const root = registry({ 'startups/bombe.md': bomb })
    const r = await run(['validate', '--root', root, '--format', 'json'])
    expect(hasStackTrace(r)).toBe(false)
    expect(r.code).toBe(1)
    const diagnostics = diagnosticsOf(r.stdout)
    const mine = diagnostics.filter((d) => d.file === 'startups/bombe.md')
    expect(mine.length).toBe(MAX_DIAGNOSTICS_PER_FILE + 1)
    const last = mine[mine.length - 1]!
    expect(last.ruleId).toBe('report/too-many-problems')
    expect(last.severity).toBe('error')
    expect(last.message).toMatch(/^Et \d+ autres problèmes/)
    expect(diagnostics.map((d) => [d.file, d.ruleId])).toContainEqual(['startups/autre.md', 'ref/unknown-incubator'])
  })
})

describe('text that strict consumers reject', () => {
  it.each([
    ['a lone surrogate', '"Simplifier \\ud800 une démarche"', 'U+D800'],
    ['a NUL written as an escape', '"Simplifier \\x00"', 'U+0000'],
    ['an escape character', '"Simplifier \\e[31m"', 'U+001B'],
    ['a carriage return written as an escape', '"Simplifier\\rune démarche"', 'U+000D'],
    ['a C1 control character', '"Simplifier \\x85"', 'U+0085'],
  ])('%s is a located error', (_, value, code) => {
    const d = check(editStartup('mission: Simplifier une démarche pour les usagers', `mission: ${value}`))
    const found = d.filter((x) => x.ruleId === 'value/invalid-text')
    expect(found.map((x) => [x.file, x.line, x.severity])).toEqual([['startups/exemple.md', 3, 'error']])
    expect(found[0]!.message).toContain(code)
  })

  it('a control character in the body is a located error; tabs and newlines are not', () => {
    const text = `${BASE['startups/exemple.md']}Texte\tavec tabulation.\nEt \u001b[31mrouge.\n`
    const d = check({ 'startups/exemple.md': text })
    expect(d.filter((x) => x.ruleId === 'value/invalid-text').map((x) => [x.line, x.column])).toEqual([[text.split('\n').length - 1, 4]])
  })

  it('a control character in a key is reported too', () => {
    const d = check(editStartup('title: Exemple', 'title: Exemple\n"cl\\u0007é": 1'))
    expect(d.map((x) => x.ruleId)).toContain('value/invalid-text')
  })

  it('ordinary text, emoji and right-to-left letters are accepted', () => {
    expect(check(editStartup('title: Exemple', 'title: "Exemple 🚀 مرحبا ج\\tfin"'))).toEqual([])
  })

  it.each([
    ['an override in a value', editStartup('title: Exemple', 'title: "Exemple\u202egnp.exe"'), 2, 'La valeur de title contient un caractère de contrôle bidirectionnel invisible, U+202E (forçage droite-à-gauche)'],
    ['an isolate written as a YAML escape', editStartup('title: Exemple', 'title: "Exemple \\u2066x\\u2069"'), 2, 'U+2066 (isolat gauche-à-droite)'],
    ['an embedding in a list item', editStartup('title: Exemple', 'title: Exemple\nthematiques:\n  - "a\u202bb"'), 4, 'La valeur de thematiques n°1 contient'],
    ['an override in a key', editStartup('title: Exemple', 'title: Exemple\n"ti\u202etle": x'), 3, 'Le nom de champ contient'],
  ])('a bidirectional control is a located error: %s', (_name, files, line, words) => {
    const d = check(files).filter((x) => x.ruleId === 'value/bidi-control')
    expect(d.map((x) => [x.file, x.line, x.severity])).toEqual([['startups/exemple.md', line, 'error']])
    expect(d[0]!.message).toContain(words)
    expect(d[0]!.hint).toContain('Supprimez ce caractère')
  })

  it('a bidirectional control in the body is a located error, at its column', () => {
    const text = `${BASE['startups/exemple.md']}Fichier : rapport\u202egpj.exe\n`
    const d = check({ 'startups/exemple.md': text }).filter((x) => x.ruleId === 'value/bidi-control')
    expect(d.map((x) => [x.line, x.column, x.severity])).toEqual([[text.split('\n').length - 1, 18, 'error']])
    expect(d[0]!.message).toContain('Le texte de présentation contient')
  })
})

describe('ids that cannot be file names', () => {
  it.each(['con', 'NUL', 'aux', 'com1', 'LPT9', 'prn.beta', 'com¹'])('%s is reserved on Windows', (id) => {
    const d = check({ [`startups/${id}.md`]: BASE['startups/exemple.md']! })
    expect(d.filter((x) => x.ruleId === 'id/reserved').map((x) => [x.file, x.line, x.severity])).toEqual([[`startups/${id}.md`, 1, 'error']])
  })

  it.each(['console', 'nul-part', 'com10', 'lpt0', 'auxiliaire'])('%s is not reserved', (id) => {
    expect(check({ [`startups/${id}.md`]: BASE['startups/exemple.md']! }).filter((x) => x.ruleId === 'id/reserved')).toEqual([])
  })

  it('an id of 251 characters is a located error, not a write failure blamed on the output folder', async () => {
    const id = 'a'.repeat(251)
    expect(check({ [`startups/${id}.md`]: BASE['startups/exemple.md']! }).map((x) => [x.ruleId, x.line])).toContainEqual(['id/too-long', 1])
    const root = registry()
    fs.rmSync(path.join(root, 'startups/autre.md'))
    fs.renameSync(path.join(root, 'startups/exemple.md'), path.join(root, `startups/${id}.md`))
    const r = await run(['build', '--root', root, '--format', 'json'])
    expect(r.code).toBe(1)
    expect(diagnosticsOf(r.stdout).map((d) => d.ruleId)).toContain('id/too-long')
  })

  it('an id of 200 characters is still accepted', () => {
    expect(check({ [`startups/${'a'.repeat(200)}.md`]: BASE['startups/exemple.md']! }).filter((x) => x.ruleId.startsWith('id/'))).toEqual([])
  })
})

describe('configuration', () => {
  it.each([
    ['maxDepth', 100_000],
    ['maxFileBytes', 600 * 1024 * 1024],
    ['maxItems', 10_000_000],
    ['maxLineLength', 2 ** 40],
  ])('refuses limits.%s = %d with a configuration error (exit 2)', async (key, value) => {
    const root = registry()
    fs.writeFileSync(path.join(root, 'registry.config.json'), JSON.stringify({ limits: { [key]: value } }))
    const r = await run(['validate', '--root', root])
    expect(r.code).toBe(2)
    expect(hasStackTrace(r)).toBe(false)
    expect(r.stderr).toMatch(new RegExp(`limits\\.${key} » ne peut pas dépasser`))
  })

  it('refuses a registry.config.json that is a symbolic link, without reading or quoting its target', async () => {
    const root = registry()
    const secret = path.join(tempDir(), 'secret')
    fs.writeFileSync(secret, 'root:MOT-DE-PASSE-SECRET\n')
    fs.symlinkSync(secret, path.join(root, 'registry.config.json'))
    const r = await run(['validate', '--root', root])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/lien symbolique/)
    expect(r.stdout + r.stderr).not.toContain('SECRET')
  })

  it('refuses a configuration that is a named pipe before opening it (no hang)', async () => {
    const root = registry()
    const made = spawnSync('mkfifo', [path.join(root, 'registry.config.json')])
    if (made.status !== 0) return
    const r = await run(['validate', '--root', root])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/n’est pas un fichier ordinaire/)
  })

  it('does not quote the content of an invalid configuration file in its error', async () => {
    const root = registry()
    fs.writeFileSync(path.join(root, 'registry.config.json'), 'MOT-DE-PASSE-SECRET')
    const r = await run(['validate', '--root', root])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/n’est pas du JSON valide/)
    expect(r.stderr).not.toContain('SECRET')
  })

  it('refuses a collection path that passes through a symbolic link', async () => {
    const root = registry()
    const outside = tempDir()
    fs.mkdirSync(path.join(outside, 'startups'))
    fs.writeFileSync(path.join(outside, 'startups/secret.md'), '---\ntitle: MOT-DE-PASSE-SECRET\n---\n')
    fs.symlinkSync(outside, path.join(root, 'content'))
    fs.writeFileSync(path.join(root, 'registry.config.json'), JSON.stringify({ collections: { startups: 'content/startups' } }))
    const r = await run(['validate', '--root', root])
    expect(r.code).toBe(2)
    expect(hasStackTrace(r)).toBe(false)
    expect(r.stderr).toMatch(/passe par « content », qui est un lien symbolique/)
    expect(r.stdout + r.stderr).not.toContain('SECRET')
  })
})

const NOBODY = { uid: 65534, gid: 65534 }
function canRunAsNobody(): boolean {
  if (process.getuid?.() !== 0) return true
  const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(path.join(REPO, 'bin/registry.mjs'))}); require(${JSON.stringify(path.join(REPO, 'node_modules/tsx/package.json'))})`], { ...NOBODY, cwd: os.tmpdir() })
  return probe.status === 0
}

describe('environment faults', () => {
  it.skipIf(!canRunAsNobody())('an unreadable collection folder gives a clear French error, exit 2, no stack trace', () => {
    const root = registry()
    fs.chmodSync(root, 0o755)
    fs.chmodSync(path.join(root, 'organisations'), 0o000)
    const asNobody = process.getuid?.() === 0 ? NOBODY : {}
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin/registry.mjs'), 'validate', '--root', root], { cwd: os.tmpdir(), encoding: 'utf8', ...asNobody })
    expect(r.status).toBe(2)
    expect(hasStackTrace({ stdout: r.stdout, stderr: r.stderr })).toBe(false)
    expect(r.stderr).toMatch(/Le dossier « organisations » de la collection organisations ne peut pas être lu/)
  })
})

describe('build --out never deletes what is not ours', () => {
  it('refuses an existing folder with unrelated files, exit 2, and leaves it untouched', async () => {
    const root = registry()
    fs.rmSync(path.join(root, 'startups/autre.md'))
    const out = path.join(tempDir(), 'mes-documents')
    fs.mkdirSync(path.join(out, 'photos'), { recursive: true })
    fs.writeFileSync(path.join(out, 'photos/vacances.txt'), 'souvenirs\n')
    const before = snapshotTree(out)
    const r = await run(['build', '--root', root, '--out', out])
    expect(r.code).toBe(2)
    expect(hasStackTrace(r)).toBe(false)
    expect(r.stderr).toMatch(/n’a pas été écrit par registry build/)
    expect(snapshotTree(out)).toEqual(before)
    expect(fs.readdirSync(path.dirname(out))).toEqual(['mes-documents'])
  })

  it('writes into an empty folder, marks it, and replaces it on the next build', async () => {
    const root = registry()
    fs.rmSync(path.join(root, 'startups/autre.md'))
    const out = path.join(tempDir(), 'vide')
    fs.mkdirSync(out)
    expect((await run(['build', '--root', root, '--out', out])).code).toBe(0)
    expect(fs.existsSync(path.join(out, '.registry-build'))).toBe(true)
    expect((await run(['build', '--root', root, '--out', out])).code).toBe(0)
  })

  it('a committed dist.previous link does not break builds, and is left alone', async () => {
    const root = registry()
    fs.rmSync(path.join(root, 'startups/autre.md'))
    const out = path.join(root, 'dist')
    fs.symlinkSync('startups', `${out}.previous`)
    expect((await run(['build', '--root', root])).code).toBe(0)
    expect((await run(['build', '--root', root])).code).toBe(0)
    expect(fs.readlinkSync(`${out}.previous`)).toBe('startups')
    expect(fs.existsSync(path.join(root, 'startups/exemple.md'))).toBe(true)
  })
})

describe('the output lock', () => {
  const files = (label: string) => new Map([[`api/v1/f.json`, `${label}\n`]])

  it('a lock left with the pid of a live unrelated process does not block forever', async () => {
    const out = path.join(tempDir(), 'dist')
    await writeOutput(out, files('a'))
    // pid 1 is always alive, but this lock has not been refreshed for ten minutes.
    fs.writeFileSync(`${out}.lock`, '1')
    const old = new Date(Date.now() - 10 * 60_000)
    fs.utimesSync(`${out}.lock`, old, old)
    await writeOutput(out, files('b'))
    expect(fs.readFileSync(path.join(out, 'api/v1/f.json'), 'utf8')).toBe('b\n')
  })

  it.each([
    ['a link to /dev/zero', (lock: string) => fs.symlinkSync('/dev/zero', lock)],
    ['a folder', (lock: string) => fs.mkdirSync(lock)],
    ['a file that is not a lock', (lock: string) => fs.writeFileSync(lock, 'ne pas supprimer\n')],
  ])('a dist.lock that is %s is neither followed nor deleted, and the build says so', async (_, make) => {
    const out = path.join(tempDir(), 'dist')
    await writeOutput(out, files('a'))
    make(`${out}.lock`)
    const old = new Date(Date.now() - 10 * 60_000)
    fs.lutimesSync(`${out}.lock`, old, old)
    await expect(writeOutput(out, files('b'))).rejects.toThrow(/n’est pas un verrou écrit par registry build/)
    expect(fs.existsSync(`${out}.lock`)).toBe(true)
    expect(fs.readFileSync(path.join(out, 'api/v1/f.json'), 'utf8')).toBe('a\n')
  })

  it('a dead lock that another build is already taking over is not taken over a second time', async () => {
    const out = path.join(tempDir(), 'dist')
    await writeOutput(out, files('a'))
    fs.writeFileSync(`${out}.lock`, '999999999')
    // Another build found the same dead lock first and is replacing it with its own.
    const marker = takeoverMarker(`${out}.lock`, fs.statSync(`${out}.lock`))
    fs.writeFileSync(marker, JSON.stringify({ pid: process.ppid, host: os.hostname(), token: 'autre' }))
    await expect(writeOutput(out, files('b'))).rejects.toThrow(/Une autre compilation/)
    expect(fs.readFileSync(`${out}.lock`, 'utf8')).toBe('999999999')
    expect(fs.readFileSync(path.join(out, 'api/v1/f.json'), 'utf8')).toBe('a\n')
  })

  it('a dead lock is taken over only once: of two builds that find it, one writes and the other is refused', async () => {
    const out = path.join(tempDir(), 'dist')
    await writeOutput(out, files('a'))
    fs.writeFileSync(`${out}.lock`, '999999999')
    const results = await Promise.allSettled([writeOutput(out, files('b')), writeOutput(out, files('c'))])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(rejected).toHaveLength(1)
    expect(rejected[0]!.reason).toBeInstanceOf(OutputError)
    expect(['b\n', 'c\n']).toContain(fs.readFileSync(path.join(out, 'api/v1/f.json'), 'utf8'))
    expect(fs.existsSync(`${out}.lock`)).toBe(false)
  })
})
