/**
 * The editor page's script (dist/editer/editeur.js and its chunks) for
 * `registry build`: the browser bundle that `npm run bundle` (and `npm ci`)
 * wrote in .registry-bin/editor/; from the sources (tsx, the tests), the same
 * bundle made now by esbuild with the same options, so that it is never older
 * than the sources. esbuild is deterministic: both give the same bytes.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { EditorScripts } from '../site/context.ts'
import { EDITOR_PATH } from '../site/pages/editor.ts'
import { FROM_SOURCES, TOOL_ROOT } from '../tool-root.ts'

// Named through variables: the command's own bundle must not take esbuild (or this script) in.
const BUNDLE_SCRIPT = 'scripts/bundle/bundle.mjs'
const ESBUILD = 'esbuild'

export interface EditorScriptFiles {
  /** Site-relative path (editer/…) and text of each file, the entry first. */
  files: [string, string][]
  /** What the page needs to know of them (site-relative paths). */
  scripts: EditorScripts
}

type Bundler = typeof import('./bundle.mjs')

export async function editorScripts(): Promise<EditorScriptFiles> {
  const bundler = (await import(pathToFileURL(path.join(TOOL_ROOT, BUNDLE_SCRIPT)).href)) as Bundler
  const site = (name: string) => `${EDITOR_PATH}${name}`
  if (!FROM_SOURCES) {
    const dir = path.join(TOOL_ROOT, '.registry-bin', bundler.EDITOR_DIR)
    const list = JSON.parse(await readFile(path.join(dir, bundler.EDITOR_SCRIPTS_LIST), 'utf8')) as { files: string[]; eager: string[] }
    const files = await Promise.all(list.files.map(async (name): Promise<[string, string]> => [site(name), await readFile(path.join(dir, name), 'utf8')]))
    return { files, scripts: { files: list.files.map(site), eager: list.eager.map(site) } }
  }
  const esbuild = (await import(ESBUILD)) as typeof import('esbuild')
  const { files, eager } = bundler.editorFiles(await esbuild.build(bundler.editorBundleOptions()))
  const decoder = new TextDecoder()
  return { files: files.map((f): [string, string] => [site(f.name), decoder.decode(f.contents)]), scripts: { files: files.map((f) => site(f.name)), eager: eager.map(site) } }
}
