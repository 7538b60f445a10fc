/**
 * The worker thread that writes the v2.7 files and the per-startup files
 * (`api/v1/startups/<id>.json`, `api/v3/startups/<id>.json`) while the main thread runs the standards rules,
 * makes the feed and writes the v1 lists: on two cores, most of the compile
 * stage happens at the same time as the rest. It receives the records, in
 * batches, once the whole registry is checked and dated by git, and writes
 * into a folder of its own, which the build's output takes in at the end (or
 * removes, when the build fails).
 */
import { mkdirSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { compareBytes } from '../load/byte-order.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import { API_V2_7_DIR, apiV27OtherFiles, OTHER_FILES_STARTUP_KEYS, startupsJsonStream } from './build-api-v2-7.ts'
import { CONSUMED, FAILED, received, writeStartupFiles, type FromWorker, type ToWorker, type WorkerData } from './compile-messages.ts'
import { writeFiles } from './write-output.ts'
import type { Manifest } from './manifest.ts'

const { dir, config, asOf, progress } = workerData as WorkerData
const port = parentPort!
const inbox: ToWorker[] = []
let wake: (() => void) | undefined
port.on('message', (message: ToWorker) => {
  inbox.push(message)
  wake?.()
})

async function next(): Promise<ToWorker> {
  while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve))
  wake = undefined
  return inbox.shift()!
}

/** The fingerprints of the files this thread writes, sent back with `done`. */
const manifest: Manifest = new Map()

async function run(): Promise<number> {
  const files: string[] = []
  const incubators: ParsedRecord[] = []
  const organisations: ParsedRecord[] = []
  // What incubators.json and startups.csv need of each startup, kept once its startups.json item is written.
  const startups: ParsedRecord[] = []
  let expected: string[] | undefined
  async function* startupBatches(): AsyncGenerator<ParsedRecord[]> {
    for (;;) {
      const message = await next()
      if (message.type === 'end') {
        expected = message.files
        return
      }
      const batch: ParsedRecord[] = []
      for (const record of message.records.map(received)) {
        if (files.length > 0 && compareBytes(files[files.length - 1]!, record.file) >= 0) throw new Error(`records out of order: ${record.file}`)
        files.push(record.file)
        if (record.collection === 'startups') batch.push(record)
        else if (record.collection === 'incubators') incubators.push(record)
        else organisations.push(record)
      }
      Atomics.add(progress, CONSUMED, 1)
      Atomics.notify(progress, CONSUMED)
      if (batch.length === 0) continue
      yield batch
      if (!message.written) writeStartupFiles(dir, batch, asOf, manifest)
      for (const r of batch) {
        const data: Record<string, unknown> = {}
        for (const key of OTHER_FILES_STARTUP_KEYS) if (Object.hasOwn(r.data, key)) data[key] = r.data[key]
        startups.push({ ...r, data, text: '', body: '' })
      }
    }
  }
  mkdirSync(dir, { recursive: true })
  let count = await writeFiles(dir, [[`${API_V2_7_DIR}/startups.json`, startupsJsonStream(startupBatches(), incubators, config)]], manifest)
  if (!expected || expected.length !== files.length || expected.some((f, i) => f !== files[i])) {
    throw new Error('the records received differ from the registry’s records')
  }
  count += await writeFiles(dir, apiV27OtherFiles([...startups, ...incubators, ...organisations], config), manifest)
  // Two files per startup (v1 and v3), whichever thread wrote them.
  return count + 2 * startups.length
}

const say = (message: FromWorker) => port.postMessage(message)
run().then(
  (count) => {
    say({ type: 'done', count, manifest: [...manifest] })
    port.close()
  },
  (err: unknown) => {
    Atomics.store(progress, FAILED, 1)
    Atomics.notify(progress, CONSUMED)
    say({ type: 'error', code: (err as NodeJS.ErrnoException).code, message: err instanceof Error ? err.message : String(err) })
    port.close()
  },
)
