import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { COLLECTIONS } from '../../scripts/load/collections.ts'
import { findRoot } from '../../scripts/registry/find-root.ts'

const dir = mkdtempSync(path.join(os.tmpdir(), 'find-root-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('findRoot', () => {
  it('looks for the default folders: each collection in the folder of its name', () => {
    expect(Object.entries(DEFAULT_CONFIG.collections)).toEqual(COLLECTIONS.map((c) => [c, c]))
  })

  it.each([
    ['a startups folder', 'a', (root: string) => mkdirSync(path.join(root, 'startups'))],
    ['an incubators folder', 'b', (root: string) => mkdirSync(path.join(root, 'incubators'))],
    ['a registry.config.json', 'c', (root: string) => writeFileSync(path.join(root, 'registry.config.json'), '{}')],
  ])('finds the nearest folder up that holds %s', (_, name, make) => {
    const root = path.join(dir, name)
    mkdirSync(path.join(root, 'x', 'y'), { recursive: true })
    make(root)
    expect(findRoot(path.join(root, 'x', 'y'))).toBe(root)
  })

  it('goes past a folder whose startups is a file, not a folder', () => {
    const root = path.join(dir, 'none')
    mkdirSync(root)
    writeFileSync(path.join(root, 'startups'), '')
    expect(findRoot(root)).toBe(findRoot(dir))
    expect(findRoot(root)).not.toBe(root)
  })
})
