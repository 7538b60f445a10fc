/**
 * The editor's browser bundle (scripts/bundle/bundle.mjs, browserBundleOptions):
 * the project's own checking modules, no `node:` module (esbuild refuses to
 * resolve one for the browser, so such an import fails here), and, once
 * bundled, the same diagnostics as the sources.
 */
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { pathToFileURL } from 'node:url'
import * as esbuild from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserBundleOptions, editorBundleOptions, editorFiles } from '../../scripts/bundle/bundle.mjs'
import { COLLECTIONS, DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import * as sources from '../../scripts/registry-core.ts'
import type { ShippedFile } from '../../scripts/registry-core.ts'
import { BAD, cleanTemps, GOOD, tempDir } from '../cli/run.ts'

const CHECK_ENTRY = 'scripts/site/editor/check.ts'

let checkBundle: { text: string; inputs: string[] }
let dir: string

beforeAll(async () => {
  const result = await esbuild.build(browserBundleOptions(CHECK_ENTRY))
  checkBundle = { text: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) }
  dir = tempDir('browser-bundle-')
}, 60_000)

afterAll(cleanTemps)

function shipped(root: string): ShippedFile[] {
  return COLLECTIONS.flatMap((collection) => {
    const folder = path.join(root, collection)
    return fs
      .readdirSync(folder)
      .sort()
      .map((name) => ({ file: `${collection}/${name}`, collection, id: name.slice(0, -3), text: fs.readFileSync(path.join(folder, name), 'utf8') }))
  })
}

describe('the editor bundle', () => {
  it('is made of the project’s own modules: parse, generated validators, references, standards rules, messages, finalize', () => {
    const own = checkBundle.inputs.filter((p) => p.startsWith('scripts/'))
    for (const module of [
      'scripts/registry-core.ts',
      'scripts/load/parse-record.ts',
      'scripts/validate/validate-record.ts',
      'scripts/validate/validators.generated.ts',
      'scripts/validate/references.ts',
      'scripts/lint/run-rules.ts',
      'scripts/lint/rules/index.ts',
      'scripts/lint/rules/vocabulary-case.ts',
      'scripts/report/finalize.ts',
      'scripts/report/messages.ts',
    ]) {
      expect(own).toContain(module)
    }
    // package.json's browser field: the validators compiled ahead of time, never Ajv's compiler.
    expect(own).toContain('scripts/validate/ajv.browser.ts')
    expect(own).not.toContain('scripts/validate/ajv.ts')
    expect(checkBundle.inputs.filter((p) => /node_modules\/ajv\/dist\/(core|compile|2020)/.test(p))).toEqual([])
    expect(checkBundle.inputs.filter((p) => p.startsWith('node:'))).toEqual([])
    expect(checkBundle.text).not.toMatch(/["']node:/)
  })

  it('fails when a module pulls a node: module', async () => {
    const entry = path.join(dir, 'pulls-node.ts')
    fs.writeFileSync(entry, `import { readFileSync } from 'node:fs'\nimport { checkFiche } from ${JSON.stringify(path.resolve(CHECK_ENTRY))}\nexport { readFileSync, checkFiche }\n`)
    await expect(esbuild.build(browserBundleOptions(entry))).rejects.toThrow(/node:fs/)
  })

  it('gives, bundled, the diagnostics of the sources (fixtures, and a duplicated sponsor, which the bundled Ajv runtime checks)', async () => {
    const file = path.join(dir, 'check.mjs')
    fs.writeFileSync(file, checkBundle.text)
    const bundled = (await import(pathToFileURL(file).href)) as typeof import('../../scripts/site/editor/check.ts')
    const roots = [GOOD, ...fs.readdirSync(BAD).map((n) => path.join(BAD, n))]
    let compared = 0
    for (const root of roots) {
      const files = shipped(root)
      const a = sources.ficheContext(DEFAULT_CONFIG, files)
      const b = bundled.ficheContext(DEFAULT_CONFIG, files)
      const texts = files.map((f) => [f.file, f.text] as const)
      texts.push(['startups/double.md', files.find((f) => f.file === 'startups/exemple.md')!.text.replace('  - /organisations/dinum', '  - /organisations/dinum\n  - /organisations/dinum')])
      for (const [name, text] of texts) {
        for (const lang of ['fr', 'en'] as const) {
          const want = sources.checkFiche(text, name, a, lang, '2026-06-15')
          const got = bundled.checkFiche(text, name, b, lang, '2026-06-15')
          expect(got.validate, name).toEqual(want.validate)
          expect(got.lint, name).toEqual(want.lint)
          compared += want.validate.length + want.lint.length
          if (name === 'startups/double.md') expect(got.validate.map((d) => d.ruleId)).toContain('schema/unique-items')
        }
      }
    }
    expect(compared).toBeGreaterThan(50)
  })

  it('builds the editor page script in chunks: what opening a fiche needs at once, the preview on demand, and says its size', async () => {
    const result = await esbuild.build(editorBundleOptions())
    expect(Object.keys(result.metafile.inputs).filter((p) => p.startsWith('node:'))).toEqual([])
    const { files, eager } = editorFiles(result)
    const names = files.map((f) => f.name)
    expect(names[0]).toBe('editeur.js')
    const bytesOf = (name: string) => files.find((f) => f.name === name)!.contents
    // What the page needs before it shows the first check: the entry, the editor and the checks, preloaded.
    const needed = ['editeur.js', ...eager]
    expect(eager.some((n) => n.startsWith('editor-'))).toBe(true)
    // The entry is small and waits for none of the checks' code: it starts the downloads at once.
    expect(bytesOf('editeur.js').length).toBeLessThan(2_000)
    // The preview (the site's page code and markdown-it) is a chunk of its own, fetched on demand.
    const inputsOf = (name: string) => Object.keys(Object.entries(result.metafile.outputs).find(([p]) => p.endsWith(`/${name}`))![1].inputs)
    const eagerInputs = needed.flatMap(inputsOf)
    expect(eagerInputs.filter((p) => /markdown-it|scripts\/site\/pages\/startup\.ts|scripts\/site\/editor\/preview\.ts/.test(p))).toEqual([])
    const lazy = names.filter((n) => !needed.includes(n))
    expect(lazy.some((n) => inputsOf(n).some((p) => p.includes('node_modules/markdown-it/')))).toBe(true)
    // One YAML reader in the page (js-yaml 5, the reference): the fast path's js-yaml 4 stays out (package.json's browser field).
    expect(eagerInputs.filter((p) => p.includes('js-yaml-4'))).toEqual([])
    // The budget stated in docs/editeur.md and docs/performance.md (issue 25: under 120 KB gzip for
    // what the page needs at once): 170,580 bytes for the single script before the split.
    const size = (list: string[]) => list.reduce((n, name) => n + gzipSync(bytesOf(name)).length, 0)
    expect(size(needed)).toBeLessThan(112_000)
    expect(needed.reduce((n, name) => n + bytesOf(name).length, 0)).toBeLessThan(400_000)
    // Deterministic: registry build copies these bytes into dist/ (the bundle test compares builds).
    const again = editorFiles(await esbuild.build(editorBundleOptions()))
    expect(again.files.map((f) => f.name)).toEqual(names)
    for (const f of again.files) expect(Buffer.from(f.contents).equals(Buffer.from(bytesOf(f.name))), f.name).toBe(true)
  })
})
