/**
 * The worker thread that makes and writes the startups' pages while the main thread makes and
 * writes the feed, the APIs and the site's other pages, then joins in (sharedStartupPages: each
 * startup's page goes to whichever thread asks first): on two cores, most of the site happens at
 * the same time as the rest. Started with the build, so that it has loaded its modules before the
 * records come; it receives them once, with everything else the pages need, and writes into the
 * build's staging folder. The bytes are those the main thread would write (the same functions on
 * the same data).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { received } from '../compile/compile-messages.ts'
import { writeFiles } from '../compile/write-output.ts'
import { sharedStartupPages, type FromSiteWorker, type SiteWorkerData, type ToSiteWorker } from './site-messages.ts'
import { siteContext } from './site.ts'

const port = parentPort!
const say = (message: FromSiteWorker) => port.postMessage(message)

async function run(message: ToSiteWorker): Promise<number> {
  const { staging, input } = message
  const context = siteContext({ ...input, records: input.records.map(received) })
  return writeFiles(staging, sharedStartupPages(context, (workerData as SiteWorkerData).next))
}

port.once('message', (message: ToSiteWorker) => {
  run(message).then(
    (count) => {
      say({ type: 'done', count })
      port.close()
    },
    (err: unknown) => {
      say({ type: 'error', code: (err as NodeJS.ErrnoException).code, message: err instanceof Error ? err.message : String(err) })
      port.close()
    },
  )
})
