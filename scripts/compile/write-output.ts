/**
 * Writes a build's files so that the output folder is always either the
 * previous build or the new one, complete: files go to a staging folder next
 * to it, then two renames swap the folders. A lock file keeps two builds from
 * swapping at once; a build killed between the two renames is repaired by the
 * next one (the previous output is put back before anything else happens).
 */
import { randomBytes } from 'node:crypto'
import { closeSync, mkdirSync, openSync, promises as fsp } from 'node:fs'
import path from 'node:path'
import type { LazyFiles, StreamedFiles } from './output.ts'
import { writeText, writeTextFile } from './write-text.ts'

export class OutputError extends Error {}

const MESSAGES: Record<string, string> = {
  EACCES: "n'est pas accessible en écriture (droits insuffisants)",
  EPERM: "n'est pas accessible en écriture (opération refusée)",
  EROFS: 'est sur un système de fichiers en lecture seule',
  ENOSPC: "est sur un disque plein : libérez de l'espace",
  EDQUOT: 'a dépassé son quota de disque',
  ENOTDIR: "a dans son chemin un fichier à la place d'un dossier",
  EEXIST: "a dans son chemin un fichier à la place d'un dossier",
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

async function exists(p: string): Promise<boolean> {
  try {
    await fsp.lstat(p)
    return true
  } catch {
    return false
  }
}

async function acquireLock(lock: string, out: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fsp.writeFile(lock, String(process.pid), { flag: 'wx' })
      return
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw describe(err, out)
      const pid = Number((await fsp.readFile(lock, 'utf8').catch(() => '')).trim())
      if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new OutputError(`Une autre compilation (processus ${pid}) écrit déjà dans ${out}. Attendez qu'elle se termine, ou supprimez ${lock} si ce processus n'existe plus.`)
      }
      await fsp.rm(lock, { force: true })
    }
  }
  throw new OutputError(`Impossible de prendre le verrou ${lock}.`)
}

/** Removes staging folders left by builds that were killed. */
async function sweep(parent: string, base: string): Promise<void> {
  const names = await fsp.readdir(parent).catch(() => [] as string[])
  for (const name of names) {
    const m = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.tmp-(\\d+)-`).exec(name)
    if (m && !alive(Number(m[1]))) await fsp.rm(path.join(parent, name), { recursive: true, force: true })
  }
}

/**
 * Puts the previous output back if a build was killed between its two renames
 * (the only moment when the output folder is briefly absent).
 */
export async function repairOutput(outDir: string): Promise<void> {
  const out = path.resolve(outDir)
  if (!(await exists(out)) && (await exists(`${out}.previous`))) await fsp.rename(`${out}.previous`, out)
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
 * another thread are awaited.
 */
export async function writeFiles(dir: string, files: StreamedFiles): Promise<number> {
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
    if (typeof content === 'string') {
      writeTextFile(target, content)
      continue
    }
    const fd = openSync(target, 'w')
    try {
      let pending: string[] = []
      let size = 0
      const add = (chunk: string) => {
        pending.push(chunk)
        size += chunk.length
        if (size >= CHUNK_BYTES) {
          writeText(fd, pending.join(''))
          pending = []
          size = 0
        }
      }
      if (Symbol.asyncIterator in content) for await (const chunk of content) add(chunk)
      else for (const chunk of content) add(chunk)
      if (pending.length > 0) writeText(fd, pending.join(''))
    } finally {
      closeSync(fd)
    }
  }
  return count
}

/** Files that another writer (a worker thread) puts into the staging folder, at the same time. */
export interface SideWriter {
  /** Writes into `staging`; resolves with how many files were written. */
  write(staging: string): Promise<number>
  /** Stops writing: resolves once nothing more will be written. */
  abort(): Promise<void>
}

/** Writes the files (and those of `side`, at the same time) atomically in place of `outDir`; returns how many were written. */
export async function writeOutput(outDir: string, files: LazyFiles, side?: SideWriter): Promise<number> {
  const out = path.resolve(outDir)
  const parent = path.dirname(out)
  const base = path.basename(out)
  const lock = `${out}.lock`
  const previous = `${out}.previous`
  try {
    await fsp.mkdir(parent, { recursive: true })
  } catch (err) {
    throw describe(err, out)
  }
  await acquireLock(lock, out)
  const staging = `${out}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
  try {
    await repairOutput(out)
    await sweep(parent, base)
    const stat = await fsp.lstat(out).catch(() => undefined)
    if (stat && (!stat.isDirectory() || stat.isSymbolicLink())) throw new OutputError(`${out} existe et n'est pas un dossier ; il n'est pas remplacé.`)

    await fsp.mkdir(staging)
    const own = writeFiles(staging, files)
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

    await fsp.rm(previous, { recursive: true, force: true })
    if (stat) await fsp.rename(out, previous)
    await fsp.rename(staging, out)
    await fsp.rm(previous, { recursive: true, force: true })
    return count + sideCount
  } catch (err) {
    await fsp.rm(staging, { recursive: true, force: true }).catch(() => {})
    if (err instanceof OutputError) throw err
    throw describe(err, out)
  } finally {
    await fsp.rm(lock, { force: true }).catch(() => {})
  }
}
