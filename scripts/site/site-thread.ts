/**
 * The main thread's side of the site's worker (site-worker.ts): started
 * before the fiches are read, so that it has loaded its modules long before
 * the records come; given the records and what the pages need once the
 * staging folder exists, it makes and writes startups' pages into it while the
 * main thread writes the feed and the other pages, then the main thread takes
 * the startups left (pages()). A failure is the build's: writeOutput stops
 * both writers and removes the staging folder (the previous output stays).
 */
import { Worker } from 'node:worker_threads'
import { sent } from '../compile/compile-messages.ts'
import { WorkerError } from '../compile/compile-thread.ts'
import type { SideWriter } from '../compile/write-output.ts'
import { FROM_SOURCES } from '../tool-root.ts'
import type { SiteContext } from './context.ts'
import { startupPages } from './pages/startup-pages.ts'
import { sharedStartupPages, type FromSiteWorker, type SiteWorkerData, type ToSiteWorker } from './site-messages.ts'
import { sitePages, type SiteInput } from './site.ts'

export class SiteThread {
  private readonly worker: Worker
  private readonly done: Promise<number>
  private readonly next = new Int32Array(new SharedArrayBuffer(4))
  private stopped = false

  constructor() {
    // From the sources, the worker registers tsx (worker-boot.mjs) and loads site-worker.ts;
    // bundled, site-worker.mjs sits next to this chunk and is plain JavaScript.
    const data: SiteWorkerData = { entry: new URL('./site-worker.ts', import.meta.url).href, next: this.next }
    this.worker = new Worker(new URL(FROM_SOURCES ? '../compile/worker-boot.mjs' : './site-worker.mjs', import.meta.url), { workerData: data })
    this.done = new Promise<number>((resolve, reject) => {
      this.worker.on('message', (message: FromSiteWorker) => {
        if (message.type === 'done') resolve(message.count)
        else reject(new WorkerError(message.message, message.code))
      })
      this.worker.on('error', (err) => reject(new WorkerError(`Le fil d’exécution du site a échoué : ${err.message}`)))
      this.worker.on('exit', (code) => reject(new WorkerError(`Le fil d’exécution du site s’est arrêté (code ${code}).`)))
    })
    // Reported by write(), or not at all when the build stops before.
    this.done.catch(() => {})
  }

  /** The main thread's pages: every page but the startups', then the startups' pages the worker has not taken. */
  *pages(context: SiteContext): Generator<[string, string]> {
    yield* sitePages(context, (page) => page !== startupPages)
    yield* sharedStartupPages(context, this.next)
  }

  /** A writer of the worker's share of the startups' pages, made from `input()` (asked for once the staging folder exists), for writeOutput. */
  writer(input: () => SiteInput): SideWriter {
    return {
      write: async (staging) => {
        const { records, standards, ...rest } = input()
        // What the pages read of the standards (the feed's may carry more, functions among them).
        const message: ToSiteWorker = { type: 'pages', staging, input: { ...rest, ...(standards && { standards: { blocks: standards.blocks, aggregate: standards.aggregate } }), records: records.map(sent) } }
        this.worker.postMessage(message)
        return this.done
      },
      abort: () => this.stop(),
    }
  }

  /** Stops the worker (idle, or in the middle of writing). */
  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    await this.worker.terminate()
  }
}
