/**
 * readRecords on real temporary folders: what is read, what is refused, and
 * where the problems are located once the pipeline has run.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runValidation } from '../../scripts/registry/check.ts'
import { ConfigError, DEFAULT_CONFIG, type RegistryConfig } from '../../scripts/load/config.ts'
import { decode, listCollections, readRecords } from '../../scripts/load/read-records.ts'
import { BASE } from '../helpers.ts'

const temps: string[] = []
afterEach(() => {
  for (const dir of temps.splice(0)) {
    // Give back the rights taken for the permission test, then remove.
    spawnSync('chmod', ['-R', 'u+rwX', dir])
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-records-'))
  temps.push(dir)
  return dir
}

/** A valid registry (the helpers' BASE) on disk, with extra files. */
function registry(extra: Record<string, string | Uint8Array> = {}): string {
  const root = tmp()
  for (const c of ['startups', 'organisations', 'incubators']) fs.mkdirSync(path.join(root, c))
  for (const [rel, content] of Object.entries({ ...BASE, ...extra })) fs.writeFileSync(path.join(root, rel), content)
  return root
}

const config = (limits: Partial<RegistryConfig['limits']> = {}): RegistryConfig => ({ ...structuredClone(DEFAULT_CONFIG), limits: { ...DEFAULT_CONFIG.limits, ...limits } })

const BASE_FILES = Object.keys(BASE).sort()
const EXEMPLE = BASE['startups/exemple.md']!

/** [file, ruleId, line, column, severity] of every diagnostic of a registry on disk. */
async function located(root: string, cfg = config()) {
  const { diagnostics } = await runValidation(root, cfg, 'fr')
  return diagnostics.map((d) => [d.file, d.ruleId, d.line, d.column, d.severity])
}

describe('a valid registry', () => {
  it('is read whole, sorted, with ids from the file names', async () => {
    const read = await readRecords(registry(), config())
    expect(read.problems).toEqual([])
    expect(read.sources.map((s) => [s.file, s.collection, s.id])).toEqual(
      BASE_FILES.map((f) => [f, f.split('/')[0], path.basename(f, '.md')]),
    )
    expect(read.sources.find((s) => s.file === 'startups/exemple.md')?.text).toBe(EXEMPLE)
    expect(read.entries.map((e) => e.file).sort()).toEqual(BASE_FILES)
  })

  it('reads only the files asked for, but lists every entry', async () => {
    const read = await readRecords(registry(), config(), (file) => file === 'startups/exemple.md')
    expect(read.sources.map((s) => s.file)).toEqual(['startups/exemple.md'])
    expect(read.entries.map((e) => e.file).sort()).toEqual(BASE_FILES)
  })
})

describe('collection folders', () => {
  it('throws a ConfigError when a folder is missing, a link or a file', async () => {
    const missing = registry()
    fs.rmSync(path.join(missing, 'organisations'), { recursive: true })
    await expect(readRecords(missing, config())).rejects.toThrow(new ConfigError(`Le dossier « organisations » de la collection organisations est introuvable dans ${missing}.`))

    const linked = registry()
    const elsewhere = tmp()
    fs.renameSync(path.join(linked, 'incubators'), path.join(elsewhere, 'incubators'))
    fs.symlinkSync(path.join(elsewhere, 'incubators'), path.join(linked, 'incubators'))
    await expect(readRecords(linked, config())).rejects.toThrow(new ConfigError("Le dossier « incubators » de la collection incubators est un lien symbolique ; il n’est pas suivi."))

    const file = registry()
    fs.rmSync(path.join(file, 'startups'), { recursive: true })
    fs.writeFileSync(path.join(file, 'startups'), '')
    await expect(readRecords(file, config())).rejects.toThrow(new ConfigError("« startups » (collection startups) n’est pas un dossier."))
  })

  it('reports the first broken folder in the collections’ order, though they are listed together', async () => {
    const root = registry()
    fs.rmSync(path.join(root, 'incubators'), { recursive: true })
    fs.rmSync(path.join(root, 'organisations'), { recursive: true })
    await expect(readRecords(root, config())).rejects.toThrow(new ConfigError(`Le dossier « organisations » de la collection organisations est introuvable dans ${root}.`))
  })
})

describe('listCollections with files given for a collection (validate --changed)', () => {
  it('looks only at those files of it: missing ones are skipped, links and folders reported as a listing would', async () => {
    const root = registry({ 'startups/autre.md': EXEMPLE, 'startups/Pas-Lu.md': EXEMPLE })
    fs.symlinkSync('exemple.md', path.join(root, 'startups/lien.md'))
    fs.mkdirSync(path.join(root, 'startups/dossier.md'))
    const given = ['startups/lien.md', 'startups/exemple.md', 'startups/absente.md', 'startups/dossier.md']
    const listing = await listCollections(root, config(), undefined, { startups: Promise.resolve(given) })
    expect(listing.entries.filter((e) => e.collection === 'startups').map((e) => e.file)).toEqual(['startups/exemple.md'])
    expect(listing.problems).toEqual([
      { file: 'startups/dossier.md', ruleId: 'file/directory', severity: 'error', offset: 0, data: { name: 'dossier.md' } },
      { file: 'startups/lien.md', ruleId: 'file/symlink', offset: 0 },
    ])
    // The other collections are listed whole.
    expect(listing.entries.filter((e) => e.collection !== 'startups').map((e) => e.file).sort()).toEqual(BASE_FILES.filter((f) => !f.startsWith('startups/')))
  })

  it('lists the folder whole when the promise gives undefined, and passes its failure on', async () => {
    const root = registry({ 'startups/autre.md': EXEMPLE })
    const whole = await listCollections(root, config(), undefined, { startups: Promise.resolve(undefined) })
    expect(whole.entries.filter((e) => e.collection === 'startups').map((e) => e.file)).toEqual(['startups/autre.md', 'startups/exemple.md'])
    // As listedOf does: a handler is attached, the listing awaits the promise only after checking the folder.
    const refused = Promise.reject(new Error('git a refusé'))
    refused.catch(() => {})
    await expect(listCollections(root, config(), undefined, { startups: refused })).rejects.toThrow('git a refusé')
  })
})

describe('entries that are not plain .md files', () => {
  it('refuses symbolic links, inside or outside the registry, and never follows them', async () => {
    const outside = tmp()
    fs.writeFileSync(path.join(outside, 'secret.md'), '---\ntitle: SECRET\n---\n')
    fs.mkdirSync(path.join(outside, 'dossier'))
    const root = registry()
    fs.symlinkSync(path.join(root, 'startups/exemple.md'), path.join(root, 'startups/copie.md'))
    fs.symlinkSync('exemple.md', path.join(root, 'startups/relatif.md'))
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'startups/dehors.md'))
    fs.symlinkSync(path.join(outside, 'dossier'), path.join(root, 'organisations/dossier'))
    fs.symlinkSync(path.join(outside, 'absent.md'), path.join(root, 'incubators/casse.md'))
    const read = await readRecords(root, config())
    // In collection order (startups, organisations, incubators), then by name.
    expect(read.problems).toEqual([
      { file: 'startups/copie.md', ruleId: 'file/symlink', offset: 0 },
      { file: 'startups/dehors.md', ruleId: 'file/symlink', offset: 0 },
      { file: 'startups/relatif.md', ruleId: 'file/symlink', offset: 0 },
      { file: 'organisations/dossier', ruleId: 'file/symlink', offset: 0 },
      { file: 'incubators/casse.md', ruleId: 'file/symlink', offset: 0 },
    ])
    expect(read.sources.map((s) => s.file)).toEqual(BASE_FILES)
    expect(read.sources.some((s) => s.text.includes('SECRET'))).toBe(false)
    expect(read.entries.map((e) => e.file).sort()).toEqual(BASE_FILES)
    expect(await located(root)).toEqual([
      ['incubators/casse.md', 'file/symlink', 1, 1, 'error'],
      ['organisations/dossier', 'file/symlink', 1, 1, 'error'],
      ['startups/copie.md', 'file/symlink', 1, 1, 'error'],
      ['startups/dehors.md', 'file/symlink', 1, 1, 'error'],
      ['startups/relatif.md', 'file/symlink', 1, 1, 'error'],
    ])
  })

  it('reads a file without .md, with a warning; its id is the whole name', async () => {
    const root = registry({ 'startups/sans-extension': EXEMPLE, 'startups/notes.txt': EXEMPLE })
    const read = await readRecords(root, config())
    expect(read.problems).toEqual([
      { file: 'startups/notes.txt', ruleId: 'file/extension', severity: 'warning', offset: 0, data: { id: 'notes.txt' } },
      { file: 'startups/sans-extension', ruleId: 'file/extension', severity: 'warning', offset: 0, data: { id: 'sans-extension' } },
    ])
    expect(read.sources.filter((s) => s.collection === 'startups').map((s) => [s.file, s.id, s.text === EXEMPLE])).toEqual([
      ['startups/exemple.md', 'exemple', true],
      ['startups/notes.txt', 'notes.txt', true],
      ['startups/sans-extension', 'sans-extension', true],
    ])
    expect(await located(root)).toEqual([
      ['startups/notes.txt', 'file/extension', 1, 1, 'warning'],
      ['startups/sans-extension', 'file/extension', 1, 1, 'warning'],
    ])
    const { diagnostics } = await runValidation(root, config(), 'fr')
    expect(diagnostics[1]?.message).toBe("Le fichier n’a pas l’extension .md ; il est lu comme la fiche « sans-extension ».")
  })

  it('ignores a hidden file with a warning, and skips .gitkeep silently', async () => {
    const root = registry({ 'startups/.brouillon.md': 'pas une fiche', 'startups/.gitkeep': '', 'incubators/.gitkeep': '' })
    const read = await readRecords(root, config())
    expect(read.problems).toEqual([{ file: 'startups/.brouillon.md', ruleId: 'file/ignored', offset: 0, data: { name: '.brouillon.md' } }])
    expect(read.sources.map((s) => s.file)).toEqual(BASE_FILES)
    expect(read.entries.map((e) => e.file).sort()).toEqual(BASE_FILES)
    expect(await located(root)).toEqual([['startups/.brouillon.md', 'file/ignored', 1, 1, 'warning']])
  })

  it('does not read a sub-folder: a warning, or an error when it is named like a fiche', async () => {
    const root = registry()
    fs.mkdirSync(path.join(root, 'startups/archives'))
    fs.writeFileSync(path.join(root, 'startups/archives/ancienne.md'), 'pas lue')
    fs.mkdirSync(path.join(root, 'startups/x.md'))
    const read = await readRecords(root, config())
    expect(read.problems).toEqual([
      { file: 'startups/archives', ruleId: 'file/directory', severity: 'warning', offset: 0, data: { name: 'archives' } },
      { file: 'startups/x.md', ruleId: 'file/directory', severity: 'error', offset: 0, data: { name: 'x.md' } },
    ])
    expect(read.sources.map((s) => s.file)).toEqual(BASE_FILES)
    expect(read.entries.map((e) => e.file).sort()).toEqual(BASE_FILES)
    expect(await located(root)).toEqual([
      ['startups/archives', 'file/directory', 1, 1, 'warning'],
      ['startups/x.md', 'file/directory', 1, 1, 'error'],
    ])
  })

  it('refuses a named pipe without opening it (no hang)', async (ctx) => {
    const root = registry()
    const made = spawnSync('mkfifo', [path.join(root, 'startups/tube.md')])
    if (made.error || made.status !== 0) ctx.skip()
    const read = await readRecords(root, config())
    expect(read.problems).toEqual([{ file: 'startups/tube.md', ruleId: 'file/not-regular', offset: 0 }])
    expect(read.sources.map((s) => s.file)).toEqual(BASE_FILES)
    expect(await located(root)).toEqual([['startups/tube.md', 'file/not-regular', 1, 1, 'error']])
  })

  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('reports a file it may not read, and still reads the others', async () => {
    const root = registry({ 'startups/fermee.md': EXEMPLE.replace('Exemple', 'Fermée') })
    fs.chmodSync(path.join(root, 'startups/fermee.md'), 0o000)
    const read = await readRecords(root, config())
    expect(read.problems).toEqual([{ file: 'startups/fermee.md', ruleId: 'file/unreadable', offset: 0, data: { code: 'EACCES' } }])
    expect(read.sources.map((s) => s.file)).toEqual(BASE_FILES)
    expect(read.entries.map((e) => e.file)).toContain('startups/fermee.md')
    const { diagnostics } = await runValidation(root, config(), 'fr')
    expect(diagnostics.map((d) => [d.file, d.ruleId, d.message])).toEqual([['startups/fermee.md', 'file/unreadable', 'Le fichier ne peut pas être lu (EACCES).']])
  })
})

describe('contents that are not text', () => {
  it('reads a file at the size limit, and refuses one byte more without reading it', async () => {
    const exact = '---\ntitle: x\n---\n'.padEnd(200, 'a')
    // Bytes that would raise encoding and NUL errors if they were read.
    const big = Buffer.concat([Buffer.from('---\n'), Buffer.alloc(100, 0xff), Buffer.alloc(97, 0)])
    expect([Buffer.byteLength(exact), big.length]).toEqual([200, 201])
    const root = registry({ 'startups/juste.md': exact, 'startups/gros.md': big })
    const cfg = config({ maxFileBytes: 200 })
    const read = await readRecords(root, cfg, (file) => ['startups/gros.md', 'startups/juste.md'].includes(file))
    expect(read.problems).toEqual([{ file: 'startups/gros.md', ruleId: 'file/too-large', offset: 0, data: { size: 201, limit: 200 } }])
    expect(read.sources.map((s) => [s.file, s.text])).toEqual([['startups/juste.md', exact]])
    expect(read.undecodable).toEqual([])
    const { diagnostics } = await runValidation(root, cfg, 'fr')
    expect(diagnostics.filter((d) => d.file === 'startups/gros.md').map((d) => [d.ruleId, d.line, d.column, d.message])).toEqual([
      ['file/too-large', 1, 1, "Le fichier pèse 201 octets, plus que la limite de 200 octets ; il n’est pas lu."],
    ])
  })

  it('locates invalid UTF-8 at the line and column of the first bad byte', async () => {
    // Latin-1 "é" (0xE9) on line 3, after "mission: Cr".
    const latin1 = Buffer.concat([Buffer.from('---\ntitle: Exemple\nmission: Cr'), Buffer.from([0xe9]), Buffer.from('er\n---\n')])
    // A literal U+FFFD (valid UTF-8) on line 2 must not be taken for the bad byte of line 4.
    const replacement = Buffer.concat([Buffer.from('---\ntitle: déjà � remplacé\nmission: x\nincubator: d'), Buffer.from([0xc3, 0x28]), Buffer.from('\n---\n')])
    const root = registry({ 'startups/latin1.md': latin1, 'startups/remplace.md': replacement })
    const read = await readRecords(root, config())
    expect(read.problems).toEqual([
      { file: 'startups/latin1.md', ruleId: 'file/encoding', offset: 30, data: {} },
      { file: 'startups/remplace.md', ruleId: 'file/encoding', offset: 50, data: {} },
    ])
    expect(read.sources.map((s) => s.file)).toEqual(BASE_FILES)
    expect(read.undecodable.map((u) => u.file)).toEqual(['startups/latin1.md', 'startups/remplace.md'])
    const { diagnostics, texts } = await runValidation(root, config(), 'fr')
    expect(diagnostics.map((d) => [d.file, d.ruleId, d.line, d.column])).toEqual([
      ['startups/latin1.md', 'file/encoding', 3, 12],
      ['startups/remplace.md', 'file/encoding', 4, 13],
    ])
    // The formatter's code frame shows the line, the bad byte replaced.
    expect(texts.get('startups/latin1.md')?.split('\n')[2]).toBe('mission: Cr\uFFFDer')
  })

  it('locates a NUL byte', async () => {
    const root = registry({ 'startups/binaire.md': Buffer.from('---\ntitle: Exemple\nmission: a\u0000b\n---\n') })
    expect(await located(root)).toEqual([['startups/binaire.md', 'file/nul-byte', 3, 11, 'error']])
  })

  it('decode gives the character offset of the first invalid sequence', () => {
    const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))))
    expect(decode(bytes('é😀'))).toBe('é😀')
    expect(decode(bytes('ab', [0xff]))).toEqual({ offset: 2 })
    expect(decode(bytes([0x80], 'ab'))).toEqual({ offset: 0 })
    expect(decode(bytes('�x', [0xfe]))).toEqual({ offset: 2 })
    expect(decode(bytes('x😀', [0xe2, 0x28, 0xa1]))).toEqual({ offset: 3 })
    // A character cut at the end of the file.
    expect(decode(bytes('é', [0xc3]))).toEqual({ offset: 1 })
    // An overlong encoding of "/" is not UTF-8.
    expect(decode(bytes('a', [0xc0, 0xaf]))).toEqual({ offset: 1 })
  })
})
