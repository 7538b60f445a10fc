// Whether the bundle in .registry-bin/ was made from the sources as they are now. Plain
// JavaScript, as bin/registry.mjs imports it before anything is compiled.
//
// bundle.mjs writes .registry-bin/manifest.json: every source file esbuild read (from the
// metafile, so a file is listed as soon as something imports it), with its size, mtime and
// SHA-256. A file whose size and mtime are unchanged is taken as unchanged (as git and make
// do: a stat per file, about a millisecond in all); any other is hashed, so that a checkout
// or a copy that only touched mtimes does not count as a change, and an edit that kept the
// size and mtime is the only one missed.
import { readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

// node:crypto is loaded only when a file must be hashed (its size and mtime changed): every
// start of the command checks the bundle, and loading it costs about 3 ms of a 25 ms budget.
const require = createRequire(import.meta.url)

export const BUNDLE_DIR = '.registry-bin'
export const MANIFEST = 'manifest.json'

/** The digest written in the manifest for one source file. */
export function sha256(bytes) {
  return require('node:crypto').createHash('sha256').update(bytes).digest('hex')
}

/**
 * 'fresh', 'missing' (no bundle, or an unreadable manifest) or 'stale' (a source changed
 * or is gone since the bundle was made). `root` is the tool's folder (package.json's).
 */
export function bundleState(root) {
  let manifest
  try {
    manifest = JSON.parse(readFileSync(path.join(root, BUNDLE_DIR, MANIFEST), 'utf8'))
  } catch {
    return 'missing'
  }
  if (!manifest || manifest.version !== 1 || !Array.isArray(manifest.inputs)) return 'missing'
  for (const input of manifest.inputs) {
    const file = path.join(root, input.path)
    let stat
    try {
      stat = statSync(file)
    } catch {
      return 'stale'
    }
    if (stat.size === input.size && stat.mtimeMs === input.mtimeMs) continue
    if (stat.size !== input.size) return 'stale'
    try {
      if (sha256(readFileSync(file)) !== input.sha256) return 'stale'
    } catch {
      return 'stale'
    }
  }
  return 'fresh'
}
