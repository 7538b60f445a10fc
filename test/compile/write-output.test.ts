import { spawn } from 'node:child_process'
import fs, { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { MARKER, OutputError, repairOutput, writeOutput } from '../../scripts/compile/write-output.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const temps: string[] = []
function tmp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'registry-out-'))
  temps.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Every file under a folder, path → content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (d === dir && e.name === MARKER) continue // checked on its own
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else out[path.relative(dir, p)] = readFileSync(p, 'utf8')
    }
  }
  walk(dir)
  return out
}

const files = (label: string, n = 3) => new Map(Array.from({ length: n }, (_, i) => [`api/v1/f${i}.json`, `${label}-${i}\n`]))

describe('writeOutput', () => {
  it('creates the output folder with every file', async () => {
    const out = path.join(tmp(), 'dist')
    await writeOutput(out, files('a'))
    expect(snapshot(out)).toEqual({ 'api/v1/f0.json': 'a-0\n', 'api/v1/f1.json': 'a-1\n', 'api/v1/f2.json': 'a-2\n' })
    expect(readFileSync(path.join(out, MARKER), 'utf8')).toMatch(/registry build/)
  })

  it('replaces the previous output as a whole: stale files disappear, no temporary folder is left', async () => {
    const dir = tmp()
    const out = path.join(dir, 'dist')
    await writeOutput(out, files('a', 3))
    await writeOutput(out, files('b', 1))
    expect(snapshot(out)).toEqual({ 'api/v1/f0.json': 'b-0\n' })
    expect(readdirSync(dir)).toEqual(['dist'])
  })

  it('refuses to write while another live build holds the lock, and leaves the output alone', async () => {
    const out = path.join(tmp(), 'dist')
    await writeOutput(out, files('a'))
    writeFileSync(`${out}.lock`, String(process.ppid))
    await expect(writeOutput(out, files('b'))).rejects.toThrow(/Une autre compilation/)
    expect(snapshot(out)['api/v1/f0.json']).toBe('a-0\n')
  })

  it('takes over the lock of a build that died', async () => {
    const out = path.join(tmp(), 'dist')
    writeFileSync(`${out}.lock`, '999999999')
    await writeOutput(out, files('a'))
    expect(existsSync(`${out}.lock`)).toBe(false)
    expect(snapshot(out)['api/v1/f0.json']).toBe('a-0\n')
  })

  it('puts back the previous output of a build killed between its two renames', async () => {
    const dir = tmp()
    const out = path.join(dir, 'dist')
    const previous = `${out}.tmp-999999999-0123abcd-previous`
    mkdirSync(previous)
    writeFileSync(`${previous}/old.json`, 'old\n')
    await repairOutput(out)
    expect(snapshot(out)).toEqual({ 'old.json': 'old\n' })
  })

  it('gives a clear error when the output cannot be created', async () => {
    const dir = tmp()
    writeFileSync(path.join(dir, 'file'), '')
    const error = await writeOutput(path.join(dir, 'file', 'dist'), files('a')).catch((e) => e)
    expect(error).toBeInstanceOf(OutputError)
    expect(error.message).toMatch(/un fichier à la place d’un dossier/)
  })

  it('refuses to replace an output path that is a file', async () => {
    const dir = tmp()
    writeFileSync(path.join(dir, 'dist'), 'not a folder')
    await expect(writeOutput(path.join(dir, 'dist'), files('a'))).rejects.toThrow(/n’est pas un dossier/)
    expect(readFileSync(path.join(dir, 'dist'), 'utf8')).toBe('not a folder')
  })

  // A build killed with SIGKILL at any moment leaves the previous output complete.
  it.each([0, 2, 5, 10, 20, 40, 80, 160])('survives a SIGKILL %i ms into writing', async (delay) => {
    const dir = tmp()
    const out = path.join(dir, 'dist')
    const count = 1000
    const old = new Map(Array.from({ length: count }, (_, i) => [`api/v1/startups/s${String(i).padStart(5, '0')}.json`, `old ${i}\n`]))
    await writeOutput(out, old)
    const before = snapshot(out)
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'slow-writer.ts'), out, 'new', String(count)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let finished = false
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('start')) setTimeout(() => child.kill('SIGKILL'), delay)
        if (chunk.toString().includes('done')) finished = true
      })
      child.on('exit', () => resolve())
    })
    if (!existsSync(out)) {
      // Killed between the two renames: the previous output is whole, next to it.
      const previous = readdirSync(dir).filter((n) => /^dist\.tmp-\d+-[0-9a-f]{8}-previous$/.test(n))
      expect(previous).toHaveLength(1)
      expect(snapshot(path.join(dir, previous[0]!))).toEqual(before)
      await repairOutput(out)
    }
    const after = snapshot(out)
    if (finished || after['api/v1/startups/s00000.json'] !== 'old 0\n') {
      expect(Object.keys(after)).toHaveLength(count)
      expect(Object.values(after).every((c) => c.includes('"label":"new"'))).toBe(true)
    } else {
      expect(after).toEqual(before)
    }
    // The next build is not blocked by what the killed one left behind.
    await writeOutput(out, files('c', 1))
    expect(snapshot(out)).toEqual({ 'api/v1/f0.json': 'c-0\n' })
    expect(readdirSync(dir), `delay ${delay}`).toEqual(['dist'])
  })
})

describe('writeOutput with lazy contents', () => {
  it('writes chunked contents whole and pulls files one at a time', async () => {
    const out = path.join(tmp(), 'dist')
    let pulled = 0
    function* lazy(): Generator<[string, string | Iterable<string>]> {
      for (let i = 0; i < 100; i++) {
        pulled++
        yield [`a/${i}.txt`, `${i}\n`]
      }
      yield ['big.json', (function* () {
        for (let i = 0; i < 50_000; i++) yield `${i},`
      })()]
    }
    expect(await writeOutput(out, lazy())).toBe(101)
    expect(pulled).toBe(100)
    const big = readFileSync(path.join(out, 'big.json'), 'utf8')
    expect(big.split(',').length).toBe(50_001)
    expect(big.startsWith('0,1,2,')).toBe(true)
    expect(readFileSync(path.join(out, 'a/42.txt'), 'utf8')).toBe('42\n')
  })
})

describe('writeOutput on a folder it may not write', () => {
  // As root, file modes do not stop writes: /sys (sysfs) refuses them instead.
  it('gives a clear French error and no stack', async () => {
    let out: string
    if (process.getuid?.() === 0) out = '/sys/registry-test-dist'
    else {
      const dir = tmp()
      fs.chmodSync(dir, 0o555)
      out = path.join(dir, 'dist')
    }
    const error = await writeOutput(out, files('a')).catch((e) => e)
    expect(error).toBeInstanceOf(OutputError)
    expect(error.message).toMatch(/n’est pas accessible en écriture|lecture seule/)
    expect(error.message).toMatch(/La sortie précédente est intacte/)
  })
})
