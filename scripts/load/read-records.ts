/**
 * The only module that reads fiches from disk. It lists each collection folder
 * without following symbolic links, refuses what is not a regular file, reads
 * each file with O_NOFOLLOW under a size limit and decodes it as strict UTF-8.
 * Everything it finds wrong becomes a Problem; it never throws for bad input.
 */
import { closeSync, constants, fstatSync, openSync, promises as fsp, readSync, type Dirent } from 'node:fs'
import { isUtf8 } from 'node:buffer'
import path from 'node:path'
import { TOOL_ROOT } from '../tool-root.ts'
import type { Problem } from '../report/diagnostic.ts'
import { compareBytes } from './byte-order.ts'
import { fileTooLarge, missingExtension } from './file-checks.ts'
import { COLLECTIONS, ConfigError, type Collection, type RegistryConfig } from './config.ts'

export interface SourceFile {
  /** Repository-relative POSIX path. */
  file: string
  collection: Collection
  /** The file name without `.md`. */
  id: string
  text: string
}

export interface ReadResult {
  sources: SourceFile[]
  /** Every entry found in the collection folders, read or not: ids that exist. */
  entries: { file: string; collection: Collection; id: string }[]
  problems: Problem[]
  /** Files that are not valid UTF-8, decoded lossily: where to locate (and show) their encoding error. */
  undecodable: { file: string; text: string }[]
  /** The filter that chose the files read (resolved, when it was given as a promise); undefined: every file. */
  only?: ReadFilter
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export function idFromName(name: string): string {
  return name.endsWith('.md') ? name.slice(0, -3) : name
}

/** Which listed files to read; the others only count as existing ids (validate --changed). */
export type ReadFilter = (file: string, collection: Collection) => boolean

/** The collection folders listed, before any file is read: see listCollections. */
export interface Listing {
  /** Every entry found, as ReadResult['entries']. */
  entries: ReadResult['entries']
  /** What the listing found wrong (links, folders, names). */
  problems: Problem[]
  /** Per collection, its absolute folder and its entries (entries[from, to)). */
  folders: { dir: string; from: number; to: number }[]
}

/**
 * Per collection, the only files to list (repository-relative paths), the folder's other names
 * being unchanged (see changed-scope.ts); as a promise, as validate --changed knows it once git
 * has answered. A collection absent here, or whose promise gives undefined, is listed whole.
 * A promise is awaited only once its folder is checked: one that may reject needs a handler
 * already (listedOf in changed-scope.ts attaches one).
 */
export type Listed = Partial<Record<Collection, Promise<readonly string[] | undefined>>>

/**
 * Lists every collection folder (sorted, as git lists files), without reading a file.
 * validate starts it before loading its checks: the folders (tens of thousands of
 * names in a large registry) are listed by libuv's threads while the modules compile.
 * The folders are listed concurrently; a collection in `listed` waits for its answer first
 * (validate --changed: the others are listed while git answers). Errors come in the
 * collections' order, as if they were listed one after the other.
 * `timings`, when given, receives the time spent listing folders (`list`).
 */
export async function listCollections(root: string, config: RegistryConfig, timings?: { add(stage: string, ms: number): void }, listed: Listed = {}): Promise<Listing> {
  const settled = await Promise.allSettled(
    COLLECTIONS.map(async (collection) => {
      const folder = config.collections[collection]
      const dir = await collectionDir(root, folder, collection)
      const only = await listed[collection]
      const listStart = performance.now()
      let found: FileKind[]
      try {
        found = only ? await someFiles(dir, folder, only) : await fsp.readdir(dir, { withFileTypes: true })
      } catch (err) {
        throw new ConfigError(`Le dossier « ${folder} » de la collection ${collection} ne peut pas être lu (${(err as NodeJS.ErrnoException).code ?? 'EIO'}) : vérifiez ses droits (chmod 755).`)
      }
      timings?.add('list', performance.now() - listStart)
      // Sorted and classified at once: a folder listed early (while git answers) is ready when the others are.
      found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      const entries: Listing['entries'] = []
      const problems: Problem[] = []
      for (const kind of found) {
        const name = kind.name
        const file = `${folder}/${name}`
        const problem = classify(kind, file)
        if (problem === 'skip') continue
        if (problem) {
          problems.push(problem)
          if (problem.severity !== 'warning' || problem.ruleId !== 'file/extension') continue
        }
        entries.push({ file, collection, id: idFromName(name) })
      }
      return { dir, entries, problems }
    }),
  )
  const listing: Listing = { entries: [], problems: [], folders: [] }
  for (const result of settled) {
    if (result.status === 'rejected') throw result.reason
    const { dir, entries, problems } = result.value
    const from = listing.entries.length
    for (const entry of entries) listing.entries.push(entry)
    for (const problem of problems) listing.problems.push(problem)
    listing.folders.push({ dir, from, to: listing.entries.length })
  }
  return listing
}

/** A folder entry: its name and kind, as a Dirent or lstat's Stats say. */
type FileKind = Pick<Dirent, 'name' | 'isSymbolicLink' | 'isDirectory' | 'isFile'>

/** The given files of a folder that exist (repository-relative paths), with their kind (lstat: a link is not followed). */
async function someFiles(dir: string, folder: string, files: readonly string[]): Promise<FileKind[]> {
  const found = await Promise.all(
    files.map(async (file): Promise<FileKind | undefined> => {
      const name = file.slice(folder.length + 1)
      try {
        const stat = await fsp.lstat(path.join(dir, name))
        return { name, isSymbolicLink: () => stat.isSymbolicLink(), isDirectory: () => stat.isDirectory(), isFile: () => stat.isFile() }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw err
      }
    }),
  )
  return found.filter((f) => f !== undefined)
}

/**
 * `only` may be a promise (validate --changed: the files git says changed): the folders
 * are listed meanwhile, and only the reading waits for it; `onListed` sees the entries
 * before that wait.
 * `timings`, when given, receives the time spent listing folders (`list`), which the caller's read time includes.
 * `listing`: the folders' listing if already started (listCollections), else they are listed here.
 */
export async function readRecords(
  root: string,
  config: RegistryConfig,
  only?: ReadFilter | Promise<ReadFilter | undefined>,
  timings?: { add(stage: string, ms: number): void },
  onListed?: (entries: ReadResult['entries']) => void,
  listing: Promise<Listing> = listCollections(root, config, timings),
): Promise<ReadResult> {
  const { entries, problems, folders } = await listing
  const result: ReadResult = { sources: [], entries, problems: [...problems], undecodable: [] }
  onListed?.(result.entries)
  const filter = await only
  result.only = filter
  for (const { dir, from, to } of folders) {
    for (let i = from; i < to; i++) {
      const { file, collection, id } = result.entries[i]!
      if (!filter || filter(file, collection)) readOne(path.join(dir, file.slice(file.lastIndexOf('/') + 1)), file, collection, id, config, result)
    }
  }
  // Byte order (as git lists files): collections first (incubators, organisations, startups), then names.
  result.sources.sort((a, b) => compareBytes(a.file, b.file))
  return result
}

/**
 * The absolute folder of a collection, checked one level at a time from the
 * root without following a symbolic link at any level: `content/_startups`
 * where `content` is a link would read (and quote) files outside the registry.
 */
async function collectionDir(root: string, folder: string, collection: Collection): Promise<string> {
  let dir = root
  for (const part of folder.split('/')) {
    if (part === '' || part === '.') continue
    dir = path.join(dir, part)
    const shown = path.relative(root, dir).split(path.sep).join('/')
    let stat
    try {
      stat = await fsp.lstat(dir)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new ConfigError(`Le dossier « ${folder} » de la collection ${collection} est introuvable dans ${root}.${await configHint(root)}`)
      throw new ConfigError(`Le dossier « ${folder} » de la collection ${collection} ne peut pas être lu (${code ?? 'EIO'}) : vérifiez les droits de « ${shown} ».`)
    }
    if (stat.isSymbolicLink()) {
      throw new ConfigError(
        shown === folder
          ? `Le dossier « ${folder} » de la collection ${collection} est un lien symbolique ; il n’est pas suivi.`
          : `Le dossier « ${folder} » de la collection ${collection} passe par « ${shown} », qui est un lien symbolique ; il n’est pas suivi.`,
      )
    }
    if (!stat.isDirectory()) throw new ConfigError(`« ${folder} » (collection ${collection}) n’est pas un dossier.`)
  }
  return dir
}

/** What to do with a directory entry: read it (undefined), skip it, or report it. */
function classify(dirent: FileKind, file: string): Problem | 'skip' | undefined {
  const name = dirent.name
  if (dirent.isSymbolicLink()) return { file, ruleId: 'file/symlink', offset: 0 }
  if (dirent.isDirectory()) {
    return { file, ruleId: 'file/directory', severity: name.endsWith('.md') ? 'error' : 'warning', offset: 0, data: { name } }
  }
  if (!dirent.isFile()) return { file, ruleId: 'file/not-regular', offset: 0 }
  if (name.startsWith('.')) return name === '.gitkeep' ? 'skip' : { file, ruleId: 'file/ignored', offset: 0, data: { name } }
  return missingExtension(file)
}

/**
 * Reads one file, synchronously: the files of a registry are small and, in CI,
 * fresh from a checkout (in the page cache), where a synchronous read costs a
 * third of a promise-based one (measured on 12,550 files: 0.35 s against 1.1 s
 * with 32 reads in flight), and a build has nothing else to do meanwhile.
 */
function readOne(abs: string, file: string, collection: Collection, id: string, config: RegistryConfig, result: ReadResult): void {
  let fd: number
  try {
    // O_NOFOLLOW: a file swapped for a link after listing is refused, not followed.
    // O_NONBLOCK: a file swapped for a named pipe cannot block the open (it is then refused as not regular).
    fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ELOOP') result.problems.push({ file, ruleId: 'file/symlink', offset: 0 })
    else result.problems.push({ file, ruleId: 'file/unreadable', offset: 0, data: { code } })
    return
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) {
      result.problems.push({ file, ruleId: 'file/not-regular', offset: 0 })
      return
    }
    const limit = config.limits.maxFileBytes
    const large = fileTooLarge(file, stat.size, limit)
    if (large) {
      result.problems.push(large)
      return
    }
    // Read at most limit + 1 bytes: a file that grows after stat is still bounded.
    // Only the bytes read are ever looked at, so the buffer need not be zeroed; it is
    // reused from file to file (decoding copies the text out of it).
    const capacity = Math.min(stat.size, limit) + 1
    const buffer = scratch(capacity)
    let length = 0
    for (;;) {
      const bytesRead = readSync(fd, buffer, length, capacity - length, length)
      if (bytesRead === 0) break
      length += bytesRead
      if (length === capacity) break
    }
    const grown = fileTooLarge(file, length, limit)
    if (grown) {
      result.problems.push(grown)
      return
    }
    const bytes = buffer.subarray(0, length)
    const decoded = decode(bytes)
    if (typeof decoded !== 'string') {
      result.problems.push({ file, ruleId: 'file/encoding', offset: decoded.offset, data: {} })
      result.undecodable.push({ file, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) })
      return
    }
    result.sources.push({ file, collection, id, text: decoded })
  } catch (err) {
    result.problems.push({ file, ruleId: 'file/unreadable', offset: 0, data: { code: (err as NodeJS.ErrnoException).code ?? 'EIO' } })
  } finally {
    closeSync(fd)
  }
}

let scratchBuffer = Buffer.allocUnsafe(1 << 16)

/**
 * One buffer for every read (grown when a file needs more): a buffer per file
 * (most fiches are larger than Node's pooled 4 KB) is external memory that
 * only a garbage collection gives back, and they made the reading stage's GCs.
 */
function scratch(size: number): Buffer {
  if (scratchBuffer.length < size) scratchBuffer = Buffer.allocUnsafe(Math.max(size, scratchBuffer.length * 2))
  return scratchBuffer
}

export function decode(bytes: Uint8Array): string | { offset: number } {
  // The same check as the fatal decoder's (simdutf, several times faster on a registry), then a plain decoding.
  if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  try {
    return decoder.decode(bytes)
  } catch {
    // The longest prefix that is valid UTF-8 (an incomplete last character
    // allowed): found by bisection, as a file may hold a literal U+FFFD
    // before its first bad byte. Its decoded length is the offset.
    const valid = (n: number): boolean => {
      try {
        new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, n), { stream: true })
        return true
      } catch {
        return false
      }
    }
    let lo = 0
    let hi = bytes.length
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1
      if (valid(mid)) lo = mid
      else hi = mid
    }
    return { offset: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, lo), { stream: true }).length }
  }
}

/**
 * A beta.gouv.fr checkout keeps its fiches under content/_startups…: when
 * the default folders are missing there, say which configuration to use.
 */
async function configHint(root: string): Promise<string> {
  const isDir = await fsp.lstat(path.join(root, 'content', '_startups')).then(
    (s) => s.isDirectory(),
    () => false,
  )
  if (!isDir) return ''
  const shipped = path.join(TOOL_ROOT, 'config', 'beta.gouv.fr.config.json')
  return `\nCe dossier ressemble à un dépôt beta.gouv.fr (content/_startups existe) : ajoutez --config ${shipped} pour lire ses fiches.`
}
