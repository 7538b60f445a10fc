/**
 * The site's worker thread (the bundled `registry build` below 1,000 startups on two cores or
 * more; test/bundle/bundle.test.ts builds with it from the bundle): a build that uses it writes
 * exactly the bytes of a build without threads, whichever thread makes each startup's page; and
 * when it fails, the build fails cleanly and the previous output stays.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { generate } from '../../scripts/bench/generate.ts'
import { MARKER, writeOutput } from '../../scripts/compile/write-output.ts'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { readRecords } from '../../scripts/load/read-records.ts'
import { SiteThread } from '../../scripts/site/site-thread.ts'
import { siteContext, sitePages } from '../../scripts/site/site.ts'
import { startupPages } from '../../scripts/site/pages/startup-pages.ts'
import { parseSources } from '../../scripts/validate/validate-registry.ts'
import { build, readConfig } from '../../scripts/registry.ts'
import { cleanTemps, copyRegistry, snapshotTree, tempDir, writeFiles } from '../cli/run.ts'

afterEach(cleanTemps)

/** Builds `root` without threads and with the site's thread (forced: from the sources it is off by default), through the API. */
async function buildBoth(root: string): Promise<[Record<string, string>, Record<string, string>]> {
  const out = tempDir()
  const config = await readConfig(root)
  const serial = await build({ root, config, lang: 'fr', out: path.join(out, 'serial'), thread: false, history: false })
  const threaded = await build({ root, config, lang: 'fr', out: path.join(out, 'threaded'), siteThread: true, history: false })
  expect([serial.written, serial.summary.errors]).toEqual([threaded.written, 0])
  // Nothing left next to the output: no staging folder, no lock.
  expect(fs.readdirSync(out).sort()).toEqual(['serial', 'threaded'])
  return [snapshotTree(path.join(out, 'serial')), snapshotTree(path.join(out, 'threaded'))]
}

describe('a build with the site’s thread', () => {
  it('writes the same bytes as a build without threads, for the fixtures', async () => {
    const [serial, threaded] = await buildBoth(copyRegistry())
    expect(Object.keys(threaded).filter((f) => /^startups\/[^/]+\/index\.html$/.test(f)).length).toBeGreaterThan(0)
    expect(threaded).toEqual(serial)
  })

  it('writes the same bytes with no startup at all', async () => {
    const root = copyRegistry()
    for (const f of fs.readdirSync(path.join(root, 'startups'))) fs.rmSync(path.join(root, 'startups', f))
    writeFiles(root, { 'registry.config.json': JSON.stringify({ rules: { 'id/format': 'warning' } }) })
    const [serial, threaded] = await buildBoth(root)
    expect(threaded).toEqual(serial)
  })
})

describe('SiteThread', () => {
  it('makes in the worker the startups’ pages the main thread does not take, the same bytes', async () => {
    const root = tempDir()
    generate(root, { startups: 60, seed: 11, commits: 0 })
    const read = await readRecords(root, DEFAULT_CONFIG)
    const records = parseSources(read.sources, DEFAULT_CONFIG).records
    const input = { records, config: DEFAULT_CONFIG, dataFiles: [] }
    const dir = tempDir()
    const serial = path.join(dir, 'serial')
    await writeOutput(serial, sitePages(siteContext(input), (page) => page === startupPages))
    // The main thread takes no page here: the worker makes every startup's page.
    const out = path.join(dir, 'threaded')
    const thread = new SiteThread()
    try {
      expect(await writeOutput(out, [], thread.writer(() => input))).toBe(60)
    } finally {
      await thread.stop()
    }
    expect(snapshotTree(out)).toEqual(snapshotTree(serial))
    expect(Object.keys(snapshotTree(out)).filter((f) => /^startups\/[^/]+\/index\.html$/.test(f))).toHaveLength(60)
  }, 60_000)

  it('fails the build when the worker cannot write its pages, stops, and leaves the previous output', async () => {
    const read = await readRecords(copyRegistry(), DEFAULT_CONFIG)
    const records = parseSources(read.sources, DEFAULT_CONFIG).records
    // A startup whose page folder cannot be made (a name longer than a file system allows).
    const broken = records.map((r) => (r.collection === 'startups' ? { ...r, id: 'x'.repeat(300) } : r))
    const dir = tempDir()
    const out = path.join(dir, 'dist')
    await writeOutput(out, [['old.txt', 'old\n']])
    const thread = new SiteThread()
    try {
      const writer = thread.writer(() => ({ records: broken, config: DEFAULT_CONFIG, dataFiles: [] }))
      await expect(writeOutput(out, [['new.txt', 'new\n']], writer)).rejects.toThrow(/ne peut pas être écrit \(ENAMETOOLONG\)/)
      expect(snapshotTree(out)).toEqual({ [MARKER]: expect.any(String), 'old.txt': Buffer.from('old\n').toString('base64') })
      expect(fs.readdirSync(dir)).toEqual(['dist'])
    } finally {
      await thread.stop()
    }
  })
})
