/**
 * The compile worker thread: a build that uses it writes exactly the bytes
 * of a build that does not, whatever the order, size or content of the
 * registry; and when it fails, the build fails cleanly.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { generate } from '../../scripts/bench/generate.ts'
import { feedFiles } from '../../scripts/compile/build-feed.ts'
import { CompileThread } from '../../scripts/compile/compile-thread.ts'
import { MARKER, writeOutput, type SideWriter } from '../../scripts/compile/write-output.ts'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { readRecords } from '../../scripts/load/read-records.ts'
import { parseSources } from '../../scripts/validate/validate-registry.ts'
import { cleanTemps, copyRegistry, hasStackTrace, REPO, run, snapshotTree, tempDir, writeFiles } from '../cli/run.ts'

afterEach(cleanTemps)

const SERIAL = { REGISTRY_THREADS: '0' }
const THREADED = { REGISTRY_THREADS: '1' }

async function buildBoth(root: string): Promise<[Record<string, string>, Record<string, string>]> {
  const out = tempDir()
  const serial = await run(['build', '--root', root, '--out', path.join(out, 'serial')], { env: SERIAL })
  const threaded = await run(['build', '--root', root, '--out', path.join(out, 'threaded')], { env: THREADED })
  expect([serial.code, threaded.code]).toEqual([0, 0])
  expect(threaded.stderr).toBe(serial.stderr.replace('serial', 'threaded'))
  // Nothing left next to the output: no staging folder, no worker folder, no lock.
  expect(fs.readdirSync(out).sort()).toEqual(['serial', 'threaded'])
  return [snapshotTree(path.join(out, 'serial')), snapshotTree(path.join(out, 'threaded'))]
}

describe('a build with the compile thread', () => {
  it('writes the same bytes as a build without it, for the fixtures', async () => {
    const [serial, threaded] = await buildBoth(copyRegistry())
    expect(Object.keys(threaded).length).toBeGreaterThan(20)
    expect(threaded).toEqual(serial)
  })

  it('writes the same bytes for a generated registry of 400 startups (several batches)', async () => {
    const root = tempDir()
    generate(root, { startups: 400, seed: 7, commits: 0 })
    const [serial, threaded] = await buildBoth(root)
    expect(Object.keys(threaded).filter((f) => f.startsWith('api/v1/startups/'))).toHaveLength(400 + 1)
    expect(Object.keys(threaded).filter((f) => f.startsWith('api/v3/startups/'))).toHaveLength(400 + 1)
    expect(threaded).toEqual(serial)
    // Two builds of 400 startups, each writing a v1 and a v3 file per startup: more than the default on a loaded machine.
  }, 60_000)

  it('writes the same bytes when file names sort differently by code unit and by byte, and with no startup at all', async () => {
    const root = copyRegistry()
    const fiche = fs.readFileSync(path.join(root, 'startups/exemple.md'), 'utf8')
    // U+FF21 (Ａ) sorts after U+1F600 (😀) by UTF-16 code unit, before it by UTF-8 byte.
    writeFiles(root, { 'startups/\uff21.md': fiche, 'startups/\u{1f600}.md': fiche, 'startups/é.md': fiche, 'registry.config.json': JSON.stringify({ rules: { 'id/format': 'warning' } }) })
    const [serial, threaded] = await buildBoth(root)
    expect(threaded).toEqual(serial)
    for (const f of fs.readdirSync(path.join(root, 'startups'))) fs.rmSync(path.join(root, 'startups', f))
    const [emptySerial, emptyThreaded] = await buildBoth(root)
    expect(emptyThreaded).toEqual(emptySerial)
  })

  it('writes nothing, and leaves no folder behind, when the registry has an error', async () => {
    const root = copyRegistry()
    writeFiles(root, { 'startups/casse.md': '---\ntitle: [\n---\n' })
    const out = tempDir()
    const r = await run(['build', '--root', root, '--out', path.join(out, 'dist')], { env: THREADED })
    expect(r.code).toBe(1)
    expect(hasStackTrace(r)).toBe(false)
    expect(fs.readdirSync(out)).toEqual([])
  })
})

describe('CompileThread', () => {
  async function records(root: string) {
    const read = await readRecords(root, DEFAULT_CONFIG)
    return parseSources(read.sources, DEFAULT_CONFIG).records
  }

  it('keeps the main thread at most `ahead` batches in front, sharing the per-startup files, and writes the same bytes', async () => {
    const root = tempDir()
    generate(root, { startups: 60, seed: 5, commits: 0 })
    const all = await records(root)
    const dir = tempDir()
    const serial = path.join(dir, 'serial')
    await writeOutput(serial, feedFiles(all, DEFAULT_CONFIG, { commit: null }))
    const out = path.join(dir, 'threaded')
    const thread = new CompileThread(out, DEFAULT_CONFIG, { batch: 3, ahead: 1 })
    try {
      for (const r of all) thread.send(r)
      await writeOutput(out, feedFiles(all, DEFAULT_CONFIG, { commit: null, worker: true }), thread.writer(all))
    } finally {
      await thread.stop()
    }
    expect(snapshotTree(out)).toEqual(snapshotTree(serial))
  })

  it('reports a worker that cannot write, without blocking the records being sent, and leaves the previous output', async () => {
    const all = await records(copyRegistry())
    const dir = tempDir()
    const out = path.join(dir, 'dist')
    await writeOutput(out, [['old.txt', 'old\n']])
    // The worker writes next to the output; here its folder's parent is a file.
    fs.writeFileSync(path.join(dir, 'file'), 'x')
    const thread = new CompileThread(path.join(dir, 'file', 'dist'), DEFAULT_CONFIG, { batch: 1, ahead: 1 })
    try {
      for (let i = 0; i < 20; i++) for (const r of all) thread.send(r)
      const writer = thread.writer(all)
      await expect(writeOutput(out, [['new.txt', 'new\n']], writer)).rejects.toThrow(/d’un dossier/)
      expect(snapshotTree(out)).toEqual({ [MARKER]: expect.any(String), 'old.txt': Buffer.from('old\n').toString('base64') })
      expect(fs.readdirSync(dir).sort()).toEqual(['dist', 'file'])
    } finally {
      await thread.stop()
    }
  })
})

describe('writeOutput with a side writer', () => {
  it('stops the side writer and removes everything when it fails; the previous output stays', async () => {
    const dir = tempDir()
    const out = path.join(dir, 'dist')
    await writeOutput(out, [['old.txt', 'old\n']])
    let aborted = false
    const side: SideWriter = {
      write: async (staging) => {
        fs.writeFileSync(path.join(staging, 'side.txt'), 'x')
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' })
      },
      abort: async () => {
        aborted = true
      },
    }
    await expect(writeOutput(out, [['new.txt', 'new\n']], side)).rejects.toThrow(/disque plein/)
    expect(aborted).toBe(true)
    expect(snapshotTree(out)).toEqual({ [MARKER]: expect.any(String), 'old.txt': Buffer.from('old\n').toString('base64') })
    expect(fs.readdirSync(dir)).toEqual(['dist'])
  })
})

describe('a threaded build killed with SIGKILL', () => {
  // Process start-up (tsx) takes about 400 ms here, the build of 300 startups about as long.
  it.each([200, 500, 800])('leaves the previous output whole, and the next build cleans up (%i ms)', async (delay) => {
    const root = tempDir()
    generate(root, { startups: 300, seed: 9, commits: 0 })
    const dir = tempDir()
    const out = path.join(dir, 'dist')
    expect((await run(['build', '--root', root, '--out', out], { env: THREADED })).code).toBe(0)
    const before = snapshotTree(out)
    fs.appendFileSync(path.join(root, 'startups/startup-000001.md'), '\nUne ligne de plus.\n')
    const child = spawn(process.execPath, [path.join(REPO, 'bin/registry.mjs'), 'build', '--root', root, '--out', out], { env: { ...process.env, ...THREADED }, stdio: 'ignore' })
    setTimeout(() => child.kill('SIGKILL'), delay)
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    const previous = () => fs.readdirSync(path.dirname(out)).find((n) => /^dist\.tmp-\d+-[0-9a-f]{8}-previous$/.test(n))!
    const after = fs.existsSync(out) ? snapshotTree(out) : snapshotTree(path.join(path.dirname(out), previous()))
    if (code === 0) expect(after).not.toEqual(before)
    else expect(after).toEqual(before)
    expect((await run(['build', '--root', root, '--out', out], { env: THREADED })).code).toBe(0)
    expect(fs.readdirSync(dir)).toEqual(['dist'])
  }, 60_000)
})
