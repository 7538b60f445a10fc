/** What the main thread and the compile worker thread say to each other (structured clones), and the work both can do. */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import { createHash } from 'node:crypto'
import { STARTUP_FILES_DIR, startupFile, startupItem } from './build-feed.ts'
import { V3_STARTUP_FILES_DIR, v3StartupFile } from './build-api-v3.ts'
import type { Manifest } from './manifest.ts'
import { writeTextFile } from './write-text.ts'

/** A record as sent to the worker: `body`, the end of `text`, is not copied twice but given by where it starts. */
export type SentRecord = Omit<ParsedRecord, 'body'> & { bodyStart: number }

export interface WorkerData {
  /** The worker's module, loaded by worker-boot.mjs. */
  entry: string
  /** The folder the worker writes into (`api/v2.7/`, `api/v1/startups/` and `api/v3/startups/`, moved into the build's staging folder at the end). */
  dir: string
  config: RegistryConfig
  /** The build's as-of date, for the current phase of each startup (see BuildMeta.asOf). */
  asOf: string | undefined
  /**
   * Shared counters: [CONSUMED] batches the worker has taken, so that the main
   * thread stays at most a few batches ahead; [FAILED] set to 1 when the
   * worker stops on an error, so that the main thread stops sending.
   */
  progress: Int32Array
}

export const CONSUMED = 0
export const FAILED = 1

export type ToWorker =
  /**
   * Parsed records, in the order of the sources (file paths, byte by byte):
   * incubators, organisations, then startups. `written`: the main thread has
   * already written their per-startup files (it does, rather than wait, when
   * the worker falls behind).
   */
  | { type: 'records'; records: SentRecord[]; written: boolean }
  /** The registry is valid: `files` are its records, which the worker checks it has received, in order. */
  | { type: 'end'; files: string[] }

/** `manifest`: the fingerprints of the files the worker wrote (manifest.ts), as entries. */
export type FromWorker = { type: 'done'; count: number; manifest: [string, { sha256: string; size: number }][] } | { type: 'error'; code?: string; message: string }

/** Writes `api/v1/startups/<id>.json` and `api/v3/startups/<id>.json` for the startups among `records`, under `dir`, recording them in `manifest`: on either thread. */
export function writeStartupFiles(dir: string, records: readonly ParsedRecord[], asOf: string | undefined, manifest: Manifest): void {
  let made = false
  for (const r of records) {
    if (r.collection !== 'startups') continue
    if (!made) for (const folder of [STARTUP_FILES_DIR, V3_STARTUP_FILES_DIR]) mkdirSync(path.join(dir, folder), { recursive: true })
    made = true
    for (const [file, content] of [startupFile(startupItem(r, asOf)), v3StartupFile(r)]) {
      const hash = createHash('sha256')
      const size = writeTextFile(path.join(dir, file), content, hash)
      manifest.set(file, { sha256: hash.digest('hex'), size })
    }
  }
}

export function sent(record: ParsedRecord): SentRecord {
  const { file, collection, id, data, text, yamlStart, yamlEnd, body, history } = record
  return { file, collection, id, data, text, yamlStart, yamlEnd, bodyStart: text.length - body.length, ...(history && { history }) }
}

export function received(record: SentRecord): ParsedRecord {
  const { bodyStart, ...rest } = record
  return { ...rest, body: record.text.slice(bodyStart) }
}
