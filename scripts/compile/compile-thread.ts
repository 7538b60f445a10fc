/**
 * The main thread's side of the compile worker (compile-worker.ts): started
 * before the fiches are read, so that it has loaded its modules long before
 * the records come; then sent the records, in batches, at most a few batches
 * ahead of the worker so that the records are never held twice; at the end,
 * its folder is moved into the build's staging folder.
 */
import { randomBytes } from 'node:crypto'
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import { API_V2_7_DIR } from './build-api-v2-7.ts'
import { STARTUP_FILES_DIR } from './build-feed.ts'
import { V3_STARTUP_FILES_DIR } from './build-api-v3.ts'
import type { Manifest } from './manifest.ts'
import { CONSUMED, FAILED, sent, writeStartupFiles, type FromWorker, type ToWorker, type WorkerData } from './compile-messages.ts'
import type { SideWriter } from './write-output.ts'
import { FROM_SOURCES } from '../tool-root.ts'

/** Records per message, messages sent ahead of the worker, and how long to wait for it before giving up on it. */
export interface ThreadOptions {
  batch: number
  ahead: number
  stallMs: number
}
// At most 24 messages of 128 records (about 40 MB of fiches) wait in the worker's queue.
const DEFAULTS: ThreadOptions = { batch: 128, ahead: 24, stallMs: 60_000 }

export class WorkerError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message)
  }
}

export class CompileThread {
  private readonly worker: Worker
  private readonly dir: string
  private readonly progress = new Int32Array(new SharedArrayBuffer(8))
  private readonly done: Promise<number>
  /** The fingerprints of the files written by the worker and by this thread's share of the per-startup files. */
  private readonly written: Manifest = new Map()
  private pending: ParsedRecord[] = []
  private posted = 0
  private sending = true
  /** An error of the main thread's share of the writing. */
  private failure: Error | undefined
  private stopped = false

  private readonly options: ThreadOptions

  /** Starts the worker; `out` is the build's output folder, next to which the worker writes. */
  constructor(out: string, config: RegistryConfig, options: Partial<ThreadOptions> = {}, private readonly asOf?: string) {
    this.options = { ...DEFAULTS, ...options }
    // Named like writeOutput's staging folders, so that a killed build's folder is swept by the next one.
    this.dir = `${path.resolve(out)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}-v2.7`
    // From the sources, the worker registers tsx (worker-boot.mjs) and loads compile-worker.ts;
    // bundled, compile-worker.mjs sits next to this chunk and is plain JavaScript.
    const data: WorkerData = { entry: new URL('./compile-worker.ts', import.meta.url).href, dir: this.dir, config, asOf, progress: this.progress }
    this.worker = new Worker(new URL(FROM_SOURCES ? './worker-boot.mjs' : './compile-worker.mjs', import.meta.url), { workerData: data })
    this.done = new Promise<number>((resolve, reject) => {
      this.worker.on('message', (message: FromWorker) => {
        if (message.type === 'done') {
          for (const [file, entry] of message.manifest) this.written.set(file, entry)
          resolve(message.count)
        }
        else reject(new WorkerError(message.message, message.code))
      })
      this.worker.on('error', (err) => reject(new WorkerError(`Le fil d’exécution de la compilation a échoué : ${err.message}`)))
      this.worker.on('exit', (code) => reject(new WorkerError(`Le fil d’exécution de la compilation s’est arrêté (code ${code}).`)))
    })
    // Reported by write(), or not at all when the build stops before.
    this.done.catch(() => {})
  }

  /** A record has been parsed: it is sent with the next batch. Synchronous, called from the parsing loop. */
  send(record: ParsedRecord): void {
    if (!this.sending) return
    this.pending.push(record)
    if (this.pending.length >= this.options.batch) this.flush()
  }

  private flush(): void {
    if (!this.sending || this.pending.length === 0) return
    // The parsing loop is synchronous: it waits for the worker on the shared counter, not on
    // messages. Rather than wait, it first writes the batch's per-startup files itself: the work
    // is shared between the threads as their speeds require.
    const deadline = Date.now() + this.options.stallMs
    let written = false
    while (this.posted - Atomics.load(this.progress, CONSUMED) >= this.options.ahead) {
      if (!written) {
        try {
          writeStartupFiles(this.dir, this.pending, this.asOf, this.written)
        } catch (err) {
          // Reported by write(), as the worker's own errors are: parsing goes on.
          this.failure = err as Error
          this.sending = false
          this.pending = []
          return
        }
        written = true
        continue
      }
      if (Atomics.load(this.progress, FAILED) !== 0 || Date.now() > deadline) {
        // The worker has failed (or is stuck): write() reports it.
        this.sending = false
        this.pending = []
        return
      }
      Atomics.wait(this.progress, CONSUMED, Atomics.load(this.progress, CONSUMED), 100)
    }
    this.post({ type: 'records', records: this.pending.map(sent), written })
    this.posted++
    this.pending = []
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message)
  }

  /** A writer of the worker's files for `records` (all of them sent before), for writeOutput. */
  writer(records: readonly ParsedRecord[]): SideWriter {
    return {
      write: async (staging) => {
        this.flush()
        if (!this.sending) {
          // The worker failed while records were parsed (its own error says why), or stalled, or
          // the main thread could not write its share.
          if (this.failure) throw this.failure
          if (Atomics.load(this.progress, FAILED) !== 0) await this.done
          throw new WorkerError("Le fil d’exécution de la compilation ne répond plus.")
        }
        this.post({ type: 'end', files: records.map((r) => r.file) })
        const count = await this.done
        for (const folder of [API_V2_7_DIR, STARTUP_FILES_DIR, V3_STARTUP_FILES_DIR]) {
          // No api/v1/startups/ nor api/v3/startups/ folder without startups, as without the worker.
          if (folder !== API_V2_7_DIR && !records.some((r) => r.collection === 'startups')) continue
          await fsp.mkdir(path.join(staging, path.dirname(folder)), { recursive: true })
          await fsp.rename(path.join(this.dir, folder), path.join(staging, folder))
        }
        await fsp.rm(this.dir, { recursive: true, force: true })
        return count
      },
      abort: () => this.stop(),
      manifest: () => this.written,
    }
  }

  /** Stops the worker (idle, or in the middle of writing) and removes its folder. */
  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    this.sending = false
    await this.worker.terminate()
    await fsp.rm(this.dir, { recursive: true, force: true })
  }
}
