/**
 * The editor page's script (dist/editer/editeur.js) for `registry build`: the
 * browser bundle that `npm run bundle` (and `npm ci`) wrote in
 * .registry-bin/editor.js; from the sources (tsx, the tests), the same bundle
 * made now by esbuild with the same options, so that it is never older than
 * the sources. esbuild is deterministic: both give the same bytes.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { FROM_SOURCES, TOOL_ROOT } from '../tool-root.ts'

// Named through variables: the command's own bundle must not take esbuild (or this script) in.
const BUNDLE_SCRIPT = 'scripts/bundle/bundle.mjs'
const ESBUILD = 'esbuild'

export async function editorScript(): Promise<string> {
  if (!FROM_SOURCES) return readFile(path.join(TOOL_ROOT, '.registry-bin', 'editor.js'), 'utf8')
  const bundler = (await import(pathToFileURL(path.join(TOOL_ROOT, BUNDLE_SCRIPT)).href)) as typeof import('./bundle.mjs')
  const esbuild = (await import(ESBUILD)) as typeof import('esbuild')
  const result = await esbuild.build(bundler.browserBundleOptions(bundler.EDITOR_ENTRY))
  return result.outputFiles[0]!.text
}
