/**
 * The site the editor tests browse: `registry build` (in process, from the
 * sources) of a copy of the fixture registry whose configuration names a
 * repository, so that the page offers GitHub's pages.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'
import { GOOD, run, tempDir } from '../cli/run.ts'

export const REPOSITORY = 'https://github.com/betagouv/registre-test'

export async function buildEditorSite(): Promise<string> {
  const root = tempDir('editor-registry-')
  fs.cpSync(GOOD, root, { recursive: true })
  fs.writeFileSync(path.join(root, 'registry.config.json'), `${JSON.stringify({ repositoryUrl: REPOSITORY })}\n`)
  const out = path.join(tempDir('editor-site-'), 'dist')
  const r = await run(['build', '--root', root, '--out', out])
  expect(r.code, r.stderr).toBe(0)
  return out
}
