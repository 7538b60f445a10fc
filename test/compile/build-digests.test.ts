/**
 * The build's output, byte for byte, pinned by SHA-256 digests in
 * build-digests.json: the good fixture, the repository's own fiches and a
 * seeded synthetic registry of 300 startups, each copied outside any git
 * repository (no commit in index.json). A change of the parser, the bundle or
 * the compiler that changes one byte fails here. The digests were first written
 * by the code before the esbuild bundle and the YAML fast path (commit 6eef9d8);
 * an intended change of the output rewrites them with UPDATE_BUILD_DIGESTS=1.
 */
import { createHash } from 'node:crypto'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generate } from '../../scripts/bench/generate.ts'
import { cleanTemps, GOOD, REPO, run, snapshotTree, tempDir } from '../cli/run.ts'

const DIGESTS = path.join(REPO, 'test/compile/build-digests.json')
const expected: Record<string, Record<string, string>> = JSON.parse(readFileSync(DIGESTS, 'utf8'))
const actual: Record<string, Record<string, string>> = {}

afterAll(() => {
  if (process.env.UPDATE_BUILD_DIGESTS) writeFileSync(DIGESTS, `${JSON.stringify(actual, null, 1)}\n`)
  cleanTemps()
})

const REGISTRIES: [string, () => string][] = [
  ['good fixture', () => {
    const root = tempDir()
    cpSync(GOOD, root, { recursive: true })
    return root
  }],
  ['repository fiches', () => {
    const root = tempDir()
    for (const dir of ['startups', 'organisations', 'incubators']) cpSync(path.join(REPO, dir), path.join(root, dir), { recursive: true })
    return root
  }],
  ['synthetic 300', () => {
    const root = tempDir()
    generate(root, { startups: 300, seed: 14, commits: 0 })
    return root
  }],
]

describe('build output, byte for byte', () => {
  it.each(REGISTRIES)('is unchanged for the %s', async (name, make) => {
    const root = make()
    const out = path.join(tempDir(), 'dist')
    // Serial, then with the compile thread: both give the pinned bytes.
    for (const threads of ['0', '1']) {
      const r = await run(['build', '--root', root, '--out', out], { env: { REGISTRY_THREADS: threads } })
      expect(r.code, r.stderr).toBe(0)
      const digests = Object.fromEntries(
        Object.entries(snapshotTree(out))
          .filter(([file]) => !file.endsWith('/'))
          .map(([file, base64]) => [file, createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex').slice(0, 32)]),
      )
      actual[name] = digests
      if (!process.env.UPDATE_BUILD_DIGESTS) expect(digests).toEqual(expected[name])
    }
  }, 60_000)
})
