/** What the main thread and the site's worker thread (site-worker.ts) say to each other (structured clones), and the pages both make. */
import type { SentRecord } from '../compile/compile-messages.ts'
import type { SiteContext } from './context.ts'
import { startupPage } from './pages/startup-pages.ts'
import type { SiteInput } from './site.ts'

export interface SiteWorkerData {
  /** The worker's module, loaded by worker-boot.mjs from the sources. */
  entry: string
  /** Shared by both threads: [0] the index of the next startup whose page is to be made (sharedStartupPages). */
  next: Int32Array
}

/** The site's input with its records as sent (compile-messages.ts's `sent`): the worker writes its pages into `staging`. */
export type ToSiteWorker = { type: 'pages'; staging: string; input: Omit<SiteInput, 'records'> & { records: SentRecord[] } }

export type FromSiteWorker = { type: 'done'; count: number } | { type: 'error'; code?: string; message: string }

/**
 * The startups' pages of `context` that this thread takes: each startup goes to whichever thread
 * asks first (`next[0]`, the index of the next one in `context.startups`, which both threads make
 * from the same records in the same order), so that the work is shared as the threads' speeds allow.
 */
export function* sharedStartupPages(context: SiteContext, next: Int32Array): Generator<[string, string]> {
  for (let i = Atomics.add(next, 0, 1); i < context.startups.length; i = Atomics.add(next, 0, 1)) yield startupPage(context, context.startups[i]!)
}
