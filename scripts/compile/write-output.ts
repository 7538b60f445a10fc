/**
 * Writes a build's files so that the output folder is always either the
 * previous build or the new one, complete: files go to a staging folder next
 * to it, then two renames swap the folders. A lock file keeps two builds from
 * swapping at once; a build killed between the two renames is repaired by the
 * next one (the previous output is put back before anything else happens).
 */
import { createHash, randomBytes } from 'node:crypto'
import { closeSync, mkdirSync, openSync, promises as fsp, utimes } from 'node:fs'
import { hostname } from 'node:os'
import path from 'node:path'
import type { LazyFiles, StreamedFiles } from './output.ts'
import { isPublished, type Manifest } from './manifest.ts'
import { writeText, writeTextFile } from './write-text.ts'
import { OutputError } from '../errors.ts'
export { OutputError } from '../errors.ts'

const MESSAGES: Record<string, string> = {
  EACCES: "n’est pas accessible en écriture (droits insuffisants)",
  EPERM: "n’est pas accessible en écriture (opération refusée)",
  EROFS: 'est sur un système de fichiers en lecture seule',
  ENOSPC: "est sur un disque plein : libérez de l’espace",
  EDQUOT: 'a dépassé son quota de disque',
  ENOTDIR: "a dans son chemin un fichier à la place d’un dossier",
  EEXIST: "a dans son chemin un fichier à la place d’un dossier",
}

function describe(err: unknown, out: string): OutputError {
  const code = (err as NodeJS.ErrnoException).code ?? ''
  return new OutputError(`Le dossier de sortie ${out} ${MESSAGES[code] ?? `ne peut pas être écrit (${code || (err as Error).message})`}. La sortie précédente est intacte.`)
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * The file that marks a folder as a build's output. `build --out` replaces
 * only an empty folder or one that holds this file: a folder of someone's
 * documents given by mistake is refused and left untouched.
 */
export const MARKER = '.registry-build'
const MARKER_TEXT = 'Ce dossier est écrit par « registry build », qui le remplace entièrement à chaque compilation : n’y rangez rien.\nThis folder is written by "registry build", which replaces it wholesale on every build: keep nothing here.\n'

/** Whether `dir` may be replaced by a build: missing, empty, or marked as a build's output. */
async function checkReplaceable(out: string): Promise<void> {
  const stat = await fsp.lstat(out).catch(() => undefined)
  if (!stat) return
  if (!stat.isDirectory() || stat.isSymbolicLink()) throw new OutputError(`${out} existe et n’est pas un dossier ; il n’est pas remplacé.`)
  const names = await fsp.readdir(out).catch((err) => {
    throw describe(err, out)
  })
  if (names.length === 0) return
  const marker = await fsp.lstat(path.join(out, MARKER)).catch(() => undefined)
  if (marker?.isFile()) return
  throw new OutputError(
    `Le dossier de sortie ${out} existe et n’a pas été écrit par registry build (il n’a pas de fichier ${MARKER}) : build le remplacerait entièrement, il n’y touche donc pas. ` +
      `Choisissez un dossier vide ou qui n’existe pas ; si c’est la sortie d’une version précédente de l’outil, supprimez-la d’abord (rm -r ${out}).`,
  )
}

/** A lock that is not refreshed for this long belongs to a build that is gone (or frozen), whatever its process id. */
export const LOCK_STALE_MS = 60_000
const LOCK_HEARTBEAT_MS = 10_000

interface LockInfo {
  pid?: number
  host?: string
  token?: string
}

function readLockInfo(text: string): LockInfo {
  const t = text.trim()
  if (/^\d+$/.test(t)) return { pid: Number(t) } // written by an earlier version: a process id alone
  try {
    const v = JSON.parse(t) as LockInfo
    return typeof v === 'object' && v !== null ? v : {}
  } catch {
    return {}
  }
}

/**
 * Whether a lock is left by a build that is gone: not refreshed for
 * LOCK_STALE_MS (a live process that merely reuses the id of a dead build
 * never refreshes it), or held by a process of this machine that has exited.
 */
function isStale(info: LockInfo, mtimeMs: number): boolean {
  if (Date.now() - mtimeMs > LOCK_STALE_MS) return true
  const here = info.host === undefined || info.host === hostname()
  return here && Number.isSafeInteger(info.pid) && info.pid! > 0 && !alive(info.pid!)
}

/** The file that the one build taking over a stale lock creates first: two builds cannot both take it over. */
export function takeoverMarker(lock: string, stat: { ino: number; mtimeMs: number }): string {
  return `${lock}.takeover-${stat.ino}-${Math.floor(stat.mtimeMs)}`
}

interface HeldLock {
  release(): Promise<void>
}

/**
 * Takes the lock next to the output folder. The lock file appears complete
 * (written aside, then hard-linked into place: never seen empty) and holds
 * the process id, the host and a random token; it is refreshed every few
 * seconds while the build writes. A stale lock (isStale) is taken over by
 * one build only: the one that creates its takeover marker; any other is told
 * that a build is running.
 */
async function acquireLock(lock: string, out: string): Promise<HeldLock> {
  const token = randomBytes(8).toString('hex')
  // Named with the process id, like the staging folders: a build killed while writing it leaves a file the next one can sweep.
  const mine = `${lock}.${process.pid}-${token}`
  const content = `${JSON.stringify({ pid: process.pid, host: hostname(), token })}\n`
  try {
    await fsp.writeFile(mine, content, { flag: 'wx' })
  } catch (err) {
    throw describe(err, out)
  }
  const busy = (info: LockInfo) =>
    new OutputError(
      `Une autre compilation${info.pid ? ` (processus ${info.pid}${info.host && info.host !== hostname() ? ` sur ${info.host}` : ''})` : ''} écrit déjà dans ${out}. ` +
        `Attendez qu’elle se termine ; un verrou abandonné est repris automatiquement après ${LOCK_STALE_MS / 1000} s, ou supprimez ${lock}.`,
    )
  try {
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        await fsp.link(mine, lock)
        return holdLock(lock, token)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw describe(err, out)
      }
      const stat = await fsp.lstat(lock).catch(() => undefined)
      if (!stat) continue
      // Never followed nor read if it is not a small regular file, never taken over if it is not a lock we write.
      const info = stat.isFile() && stat.size <= 4096 ? readLockInfo(await fsp.readFile(lock, 'utf8').catch(() => '')) : undefined
      if (!info || (info.token === undefined && info.pid === undefined)) {
        throw new OutputError(`${lock} existe mais n’est pas un verrou écrit par registry build : il n’est ni lu ni supprimé. Supprimez-le s’il n’a rien à faire là.`)
      }
      if (!isStale(info, stat.mtimeMs)) throw busy(info)
      const marker = takeoverMarker(lock, stat)
      try {
        await fsp.writeFile(marker, content, { flag: 'wx' })
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw describe(err, out)
        // Another build is taking this lock over; its marker is itself stale if that build died meanwhile.
        const m = await fsp.lstat(marker).catch(() => undefined)
        if (m?.isFile() && m.size <= 4096 && isStale(readLockInfo(await fsp.readFile(marker, 'utf8').catch(() => '')), m.mtimeMs)) {
          await fsp.rm(marker, { force: true })
          continue
        }
        throw busy({})
      }
      try {
        const now = await fsp.lstat(lock).catch(() => undefined)
        if (now && now.ino === stat.ino && now.mtimeMs === stat.mtimeMs) await fsp.unlink(lock).catch(() => {})
      } finally {
        await fsp.rm(marker, { force: true })
      }
    }
    throw new OutputError(`Impossible de prendre le verrou ${lock}.`)
  } finally {
    await fsp.rm(mine, { force: true }).catch(() => {})
  }
}

function holdLock(lock: string, token: string): HeldLock {
  const timer = setInterval(() => {
    const now = new Date()
    utimes(lock, now, now, () => {})
  }, LOCK_HEARTBEAT_MS)
  timer.unref()
  return {
    async release() {
      clearInterval(timer)
      // Only our own lock is removed, never one that another build took over meanwhile.
      const info = readLockInfo(await fsp.readFile(lock, 'utf8').catch(() => ''))
      if (info.token === token) await fsp.rm(lock, { force: true }).catch(() => {})
    },
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fsp.lstat(p)
    return true
  } catch {
    return false
  }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The names of what a build leaves next to its output: staging folders (`-v2.7`: the worker's), the previous output during the swap, lock files. */
function leftover(base: string): RegExp {
  return new RegExp(`^${escapeRegExp(base)}\\.tmp-(\\d+)-[0-9a-f]{8}(-v2\\.7|-previous)?$`)
}

/** Removes staging folders left by builds that were killed (by their exact names only), and lock files they left aside. */
async function sweep(parent: string, base: string): Promise<void> {
  const names = await fsp.readdir(parent).catch(() => [] as string[])
  const ours = leftover(base)
  const lockAside = new RegExp(`^${escapeRegExp(base)}\\.lock\\.(?:(\\d+)-[0-9a-f]{16}|takeover-\\d+-\\d+)$`)
  for (const name of names) {
    const m = ours.exec(name) ?? lockAside.exec(name)
    if (m?.[1] !== undefined && !alive(Number(m[1]))) await fsp.rm(path.join(parent, name), { recursive: true, force: true })
    else if (m && m[0].includes('.lock.takeover-')) {
      const stat = await fsp.lstat(path.join(parent, name)).catch(() => undefined)
      if (!stat?.isFile() || stat.size > 4096) continue
      const info = readLockInfo(await fsp.readFile(path.join(parent, name), 'utf8').catch(() => ''))
      if (isStale(info, stat.mtimeMs)) await fsp.rm(path.join(parent, name), { force: true })
    }
  }
}

/**
 * Puts the previous output back if a build was killed between its two renames
 * (the only moment when the output folder is briefly absent). The previous
 * output waits under a name only a build uses (`<out>.tmp-<pid>-<hex>-previous`):
 * a `dist.previous` committed to the repository is never taken for it.
 */
export async function repairOutput(outDir: string): Promise<void> {
  const out = path.resolve(outDir)
  if (await exists(out)) return
  const parent = path.dirname(out)
  const ours = leftover(path.basename(out))
  const names = (await fsp.readdir(parent).catch(() => [] as string[])).filter((n) => ours.exec(n)?.[2] === '-previous').sort()
  for (const name of names.reverse()) {
    const stat = await fsp.lstat(path.join(parent, name)).catch(() => undefined)
    if (stat?.isDirectory()) {
      await fsp.rename(path.join(parent, name), out)
      return
    }
  }
}

const CHUNK_BYTES = 1 << 20
const YIELD_MS = 4

/**
 * Writes every file under `dir`, pulling them one at a time from the lazy
 * list so that only the file being written is in memory; chunked contents are
 * written in pieces of about 1 MiB. Synchronously, one file after the other:
 * with a worker thread compiling on the other core, promise-based writes (32
 * in flight) kept the main thread's writing at 2.9 s for 10,000 startups,
 * their thread-pool threads competing with both for two cores; a synchronous
 * write has no hop to make. Only the chunks of a content that arrives from
 * another thread are awaited. With a manifest, each published file's bytes
 * are hashed as they are written (isPublished).
 */
export async function writeFiles(dir: string, files: StreamedFiles, manifest?: Manifest): Promise<number> {
  const made = new Set<string>([dir])
  let count = 0
  let turn = performance.now()
  for (const [rel, content] of files) {
    // Every few milliseconds, the event loop gets a turn: a worker thread's messages (its
    // errors, its end) must not wait for the end of this loop.
    if (performance.now() - turn > YIELD_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve))
      turn = performance.now()
    }
    count++
    const target = path.join(dir, rel)
    const parent = path.dirname(target)
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true })
      made.add(parent)
    }
    const hash = manifest && isPublished(rel) ? createHash('sha256') : undefined
    let bytes = 0
    if (typeof content === 'string') {
      bytes = writeTextFile(target, content, hash)
    } else {
      const fd = openSync(target, 'w')
      try {
        let pending: string[] = []
        let size = 0
        const add = (chunk: string) => {
          pending.push(chunk)
          size += chunk.length
          if (size >= CHUNK_BYTES) {
            bytes += writeText(fd, pending.join(''), hash)
            pending = []
            size = 0
          }
        }
        if (Symbol.asyncIterator in content) for await (const chunk of content) add(chunk)
        else for (const chunk of content) add(chunk)
        if (pending.length > 0) bytes += writeText(fd, pending.join(''), hash)
      } finally {
        closeSync(fd)
      }
    }
    if (hash) manifest!.set(rel, { sha256: hash.digest('hex'), size: bytes })
  }
  return count
}

/** Files that another writer (a worker thread) puts into the staging folder, at the same time. */
export interface SideWriter {
  /** Writes into `staging`; resolves with how many files were written. */
  write(staging: string): Promise<number>
  /** Stops writing: resolves once nothing more will be written. */
  abort(): Promise<void>
  /** Once `write` has resolved: the fingerprints of the published files it wrote (see manifest.ts). */
  manifest?(): Manifest
}

/**
 * Files made once every other file is written, from the fingerprints of the
 * published ones (api/v1/index.json): written last, before the output is swapped in.
 */
export type Finish = (manifest: Manifest) => LazyFiles

/** Writes the files (and those of `side`, at the same time, then those of `finish`) atomically in place of `outDir`; returns how many were written. */
export async function writeOutput(outDir: string, files: LazyFiles, side?: SideWriter, finish?: Finish): Promise<number> {
  const out = path.resolve(outDir)
  const parent = path.dirname(out)
  const base = path.basename(out)
  const lock = `${out}.lock`
  try {
    await fsp.mkdir(parent, { recursive: true })
  } catch (err) {
    throw describe(err, out)
  }
  await checkReplaceable(out)
  const held = await acquireLock(lock, out)
  const id = `${process.pid}-${randomBytes(4).toString('hex')}`
  const staging = `${out}.tmp-${id}`
  const previous = `${out}.tmp-${id}-previous`
  try {
    await repairOutput(out)
    await sweep(parent, base)
    await checkReplaceable(out)
    const stat = await fsp.lstat(out).catch(() => undefined)

    await fsp.mkdir(staging)
    writeTextFile(path.join(staging, MARKER), MARKER_TEXT)
    const manifest: Manifest | undefined = finish ? new Map() : undefined
    const own = writeFiles(staging, files, manifest)
    const other = side ? side.write(staging) : Promise.resolve(0)
    let count: number
    let sideCount: number
    try {
      ;[count, sideCount] = await Promise.all([own, other])
    } catch (err) {
      // Both writers are stopped before the staging folder is removed below.
      await side?.abort().catch(() => {})
      await Promise.allSettled([own, other])
      throw err
    }
    if (finish) {
      for (const [path, entry] of side?.manifest?.() ?? []) manifest!.set(path, entry)
      count += await writeFiles(staging, finish(manifest!))
    }

    if (stat) await fsp.rename(out, previous)
    await fsp.rename(staging, out)
    await fsp.rm(previous, { recursive: true, force: true })
    return count + sideCount
  } catch (err) {
    await fsp.rm(staging, { recursive: true, force: true }).catch(() => {})
    if (err instanceof OutputError) throw err
    throw describe(err, out)
  } finally {
    await held.release()
  }
}
