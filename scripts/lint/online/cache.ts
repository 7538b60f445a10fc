/**
 * The on-disk cache of online results, so that a scheduled run does not ask
 * the same servers again before the expiry. Each entry keeps the date it was
 * checked. The file is data from the past and maybe from someone else: a
 * missing, corrupt, oversized or hostile file is ignored with a warning, an
 * invalid entry is dropped, and nothing in it can crash the run. Parsing and
 * serialising are pure; `readCache` and `writeCache` do the I/O.
 */
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { randomUUID } from 'node:crypto'
import { onlineKey, type OnlineOutcome, type OnlineResult } from './types.ts'

export const CACHE_VERSION = 1
const MAX_CACHE_BYTES = 32 * 1024 * 1024
const MAX_TEXT = 4096

const OUTCOMES: Record<OnlineOutcome, true> = {
  ok: true,
  dead: true,
  timeout: true,
  unreachable: true,
  'refused-address': true,
  'refused-scheme': true,
  'too-many-redirects': true,
  'rate-limited': true,
  'repo-not-found': true,
  'repo-private': true,
  'repo-no-licence': true,
  'repo-inactive': true,
  'repo-archived': true,
}

export type CacheProblem =
  | { reason: 'json' }
  | { reason: 'shape' }
  | { reason: 'version'; version: unknown }
  | { reason: 'too-large'; bytes: number }
  | { reason: 'io'; code: string }

/** A cached result, with the forge's ETag when it gave one (to ask again conditionally once the entry has expired). */
export type CachedResult = OnlineResult & { etag?: string }

export interface ParsedCache {
  entries: Map<string, CachedResult>
  /** Entries dropped because they were not valid results. */
  dropped: number
  problem?: CacheProblem
}

/** A weak or strong ETag as GitHub sends it (`W/"…"` or `"…"`), nothing else. */
export function isEtag(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 200 && /^(W\/)?"[\x21\x23-\x7e]*"$/.test(value)
}

const isText = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max
const isDate = (v: unknown): v is string => isText(v, 40) && Number.isFinite(Date.parse(v))
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k)

/** A clean copy of one cached result, or null when anything in it is off. */
export function cleanResult(key: string, value: unknown): CachedResult | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const v = value as Record<string, unknown>
  if (v.kind !== 'url' && v.kind !== 'repository') return null
  if (!isText(v.url) || onlineKey({ kind: v.kind, url: v.url }) !== key) return null
  if (typeof v.outcome !== 'string' || !own(OUTCOMES, v.outcome)) return null
  if (!isDate(v.checkedAt)) return null
  const result: CachedResult = {
    kind: v.kind,
    url: v.url,
    outcome: v.outcome as OnlineOutcome,
    checkedAt: new Date(Date.parse(v.checkedAt)).toISOString(),
  }
  if (own(v, 'status')) {
    if (!Number.isInteger(v.status) || (v.status as number) < 100 || (v.status as number) > 599) return null
    result.status = v.status as number
  }
  if (own(v, 'finalUrl')) {
    if (!isText(v.finalUrl)) return null
    result.finalUrl = v.finalUrl
  }
  if (own(v, 'detail')) {
    if (!isText(v.detail, 64) || !/^[A-Za-z0-9._:+-]+$/.test(v.detail)) return null
    result.detail = v.detail
  }
  if (own(v, 'repository')) {
    const repository = cleanRepository(v.repository)
    if (!repository) return null
    result.repository = repository
  }
  if (own(v, 'etag')) {
    if (!isEtag(v.etag) || v.kind !== 'repository') return null
    result.etag = v.etag
  }
  return result
}

function cleanRepository(value: unknown): OnlineResult['repository'] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const r = value as Record<string, unknown>
  if (!isText(r.host, 255)) return null
  const out: NonNullable<OnlineResult['repository']> = { host: r.host }
  if (own(r, 'fullName')) {
    if (!isText(r.fullName, 512)) return null
    out.fullName = r.fullName
  }
  for (const flag of ['public', 'archived'] as const) {
    if (!own(r, flag)) continue
    if (typeof r[flag] !== 'boolean') return null
    out[flag] = r[flag] as boolean
  }
  if (own(r, 'licence')) {
    if (r.licence !== null && !isText(r.licence, 128)) return null
    out.licence = r.licence as string | null
  }
  if (own(r, 'pushedAt')) {
    if (r.pushedAt !== null && !isDate(r.pushedAt)) return null
    out.pushedAt = r.pushedAt as string | null
  }
  return out
}

/** Reads the cache file's text (pure): what is valid is kept, the rest counted or reported. */
export function parseCache(text: string): ParsedCache {
  const entries = new Map<string, CachedResult>()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { entries, dropped: 0, problem: { reason: 'json' } }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { entries, dropped: 0, problem: { reason: 'shape' } }
  }
  const file = json as Record<string, unknown>
  if (file.version !== CACHE_VERSION) return { entries, dropped: 0, problem: { reason: 'version', version: file.version } }
  const raw = file.entries
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { entries, dropped: 0, problem: { reason: 'shape' } }
  }
  let dropped = 0
  for (const [key, value] of Object.entries(raw)) {
    const result = cleanResult(key, value)
    if (result) entries.set(key, result)
    else dropped++
  }
  return { entries, dropped }
}

/** The cache file's text: sorted keys, stable layout, trailing newline (pure). */
export function serializeCache(entries: ReadonlyMap<string, CachedResult>): string {
  const sorted: Record<string, CachedResult> = {}
  for (const key of [...entries.keys()].sort()) sorted[key] = entries.get(key)!
  return `${JSON.stringify({ version: CACHE_VERSION, entries: sorted }, null, 2)}\n`
}

/** Whether a cached result may still be used at `nowMs` (checked in the past, within `maxAgeMs`). */
export function isFresh(result: OnlineResult, nowMs: number, maxAgeMs: number): boolean {
  const age = nowMs - Date.parse(result.checkedAt)
  return age >= 0 && age < maxAgeMs
}

const codeOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,39}$/.test(code) ? code : 'ERROR'
}

/** Reads the cache file; a missing file is an empty cache without a problem. */
export async function readCache(file: string): Promise<ParsedCache> {
  try {
    const info = await stat(file)
    if (!info.isFile()) return { entries: new Map(), dropped: 0, problem: { reason: 'shape' } }
    if (info.size > MAX_CACHE_BYTES) {
      return { entries: new Map(), dropped: 0, problem: { reason: 'too-large', bytes: info.size } }
    }
    return parseCache(await readFile(file, 'utf8'))
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return { entries: new Map(), dropped: 0 }
    return { entries: new Map(), dropped: 0, problem: { reason: 'io', code: codeOf(error) } }
  }
}

/** Writes the cache atomically (a temporary file renamed over it); returns an error code on failure. */
export async function writeCache(file: string, entries: ReadonlyMap<string, CachedResult>): Promise<string | null> {
  const temporary = `${file}.${randomUUID()}.tmp`
  try {
    await mkdir(dirname(file), { recursive: true })
    await writeFile(temporary, serializeCache(entries), { encoding: 'utf8', mode: 0o644 })
    await rename(temporary, file)
    return null
  } catch (error) {
    await unlink(temporary).catch(() => {})
    return codeOf(error)
  }
}
