/**
 * Where the registry is, for a command run without --root. Light on purpose: the command line
 * imports it at start, and registry/config.ts brings the catalogue of rules (about 200 KB of
 * code that `registry --help` does not need). The default collection folders are the
 * collections' names (load/config.ts's DEFAULT_CONFIG; test/registry/find-root.test.ts).
 */
import { statSync } from 'node:fs'
import path from 'node:path'
import { COLLECTIONS } from '../load/collections.ts'

/**
 * The registry's root for a command run in `cwd`, found as git finds its repository: the
 * nearest folder, from `cwd` up, that holds a \`registry.config.json\` or one of the collection
 * folders (startups/, organisations/, incubators/). Undefined when no folder up to the
 * file system's root does (the command then says which folder is missing, in `cwd`).
 */
export function findRoot(cwd: string): string | undefined {
  const markers = ['registry.config.json', ...COLLECTIONS]
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (markers.some((m, i) => isKind(path.join(dir, m), i === 0 ? 'file' : 'directory'))) return dir
    if (path.dirname(dir) === dir) return undefined
  }
}

function isKind(file: string, kind: 'file' | 'directory'): boolean {
  try {
    const s = statSync(file)
    return kind === 'file' ? s.isFile() : s.isDirectory()
  } catch {
    return false
  }
}
