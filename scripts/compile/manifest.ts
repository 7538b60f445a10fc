/**
 * The published files' fingerprints, for api/v1/index.json: the SHA-256 and
 * the size of every file under `api/` (the index itself aside), taken while
 * the files are written (the bytes are hashed as they leave the write buffer:
 * nothing is read back), or from the contents when a build is made in memory.
 */
import { createHash } from 'node:crypto'

export const INDEX_PATH = 'api/v1/index.json'

export interface ManifestEntry {
  sha256: string
  size: number
}

/** By output path (relative, POSIX). */
export type Manifest = Map<string, ManifestEntry>

/** Whether index.json lists a file: everything the API publishes, but the index itself. */
export function isPublished(path: string): boolean {
  return path.startsWith('api/') && path !== INDEX_PATH
}

export function entryOf(text: string): ManifestEntry {
  const bytes = Buffer.from(text, 'utf8')
  return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length }
}

/** The manifest of files held in memory. */
export function manifestOf(files: ReadonlyMap<string, string>): Manifest {
  const out: Manifest = new Map()
  for (const [path, text] of files) if (isPublished(path)) out.set(path, entryOf(text))
  return out
}
