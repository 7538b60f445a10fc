/**
 * Maturity trends: for each month of the history, the number of products in
 * each phase and the standards checks passed per category, as the fiches
 * stood at the month's last commit (first parents), judged as of the month's
 * last day (months without commits included: time-based rules see them).
 * Past fiches are read leniently and their retired phase names mapped to
 * today's (vocabulary.ts); a name that cannot be mapped is counted under its
 * own name and listed in `unmapped`, an unreadable fiche under `unreadable`.
 *
 * What is computed for a snapshot is a list of metrics (`SnapshotMetric`,
 * map per fiche then reduce over the moment's startups), each with a version
 * that goes into the snapshot's `rules`, so that trends never compare numbers
 * computed with different rules without saying so. Phases are the first
 * metric, the standards rules the second (trendsMetrics in history-files.ts).
 *
 * Incremental: the snapshots, the state at the last commit seen (path →
 * blob id) and the contributions of its blobs as of the last month's end are
 * cached in the repository's git folder; a later build reads only the
 * commits since, and computes only the new months (a blob unchanged in the
 * same month is not looked at again), provided the metrics' versions are the same and
 * the cached commit is still on the first-parent line.
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { git, readBlobs } from './git.ts'
import type { LogCommit } from './log.ts'
import { readPastFiche, type PastFiche } from './past-fiche.ts'
import { isCurrentPhase, readPhase, VOCABULARY_VERSION } from './vocabulary.ts'

/**
 * A measure of each snapshot, in two steps so that later builds stay
 * incremental: `map` gives what one fiche contributes (a small JSON value,
 * depending on the fiche's content only: it is computed once per blob and
 * cached), `reduce` turns the contributions of all the startups of a moment
 * into the snapshot's value.
 */
export interface SnapshotMetric<V = unknown> {
  /** Key of the metric's value in each snapshot (`phases`). */
  id: string
  /** Changes when the rules behind the metric change (e.g. the standards catalogue's version). */
  version: string
  /** `asOf`: the snapshot's month end (YYYY-MM-DD), for rules that depend on a date. */
  map(fiche: PastFiche, asOf: string): V
  reduce(values: readonly V[]): unknown
}

export const PHASES_METRIC: SnapshotMetric<string | null> = {
  id: 'phases',
  version: `vocabulary-${VOCABULARY_VERSION}`,
  map: (fiche) => readPhase(fiche.data).name,
  reduce(values) {
    const counts: Record<string, number> = {}
    const unmapped = new Set<string>()
    let unreadable = 0
    for (const name of values) {
      if (name === null) {
        unreadable++
        continue
      }
      if (!isCurrentPhase(name)) unmapped.add(name)
      counts[name] = (counts[name] ?? 0) + 1
    }
    const sorted = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    return { counts: sorted, unreadable, unmapped: [...unmapped].sort() }
  },
}

export interface Snapshot {
  /** YYYY-MM */
  month: string
  /** The date and id of the month's last commit (or of the last commit before, for a month without any). */
  date: string
  commit: string
  /** The month's last day: the date the metrics judge the fiches as of (phases, committees…). */
  as_of: string
  /** Number of startup fiches. */
  products: number
  /** Version of the rules behind each metric. */
  rules: Record<string, string>
  [metric: string]: unknown
}

interface Cache {
  format: 3
  key: string
  commit: string
  /** Startup path → blob id at `commit`. */
  state: Record<string, string>
  snapshots: Snapshot[]
  /** `blob@as-of` → each metric's contribution, for the blobs of `state` as of the last snapshot's date. */
  values: Record<string, unknown[]>
}

const nextMonth = (m: string): string => {
  const [y, mo] = m.split('-').map(Number) as [number, number]
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`
}

/** YYYY-MM → its last day, YYYY-MM-DD. */
export function monthEnd(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number]
  return `${m}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')}`
}

/** Where the cache lives: in the git folder of the work tree (never in the tree, never committed; each `git worktree` has its own). */
export async function trendsCachePath(root: string): Promise<string> {
  const dir = (await git(root, ['rev-parse', '--absolute-git-dir'])).trim()
  return path.join(dir, 'registry', 'trends-cache.json')
}

export interface TrendsResult {
  snapshots: Snapshot[]
  /** Commits read this time (all of them on a first run). */
  read: number
  cached: boolean
}

/**
 * `commits`: first parents, oldest first, up to HEAD. `startupsFolder`: the
 * startups' folder relative to the root. `cacheFile`: undefined for no cache.
 */
/** `parsed`: fiches already parsed, by blob id (a build's own records), not read again. */
export async function computeTrends(root: string, startupsFolder: string, commits: readonly LogCommit[], metrics: readonly SnapshotMetric[], cacheFile?: string, parsed?: ReadonlyMap<string, PastFiche>): Promise<TrendsResult> {
  const key = JSON.stringify({ folder: startupsFolder, metrics: metrics.map((m) => [m.id, m.version]) })
  const rules = Object.fromEntries(metrics.map((m) => [m.id, m.version]))
  let cache: Cache | undefined
  if (cacheFile) {
    try {
      const c = JSON.parse(await fsp.readFile(cacheFile, 'utf8')) as Cache
      if (c.format === 3 && c.key === key) cache = c
    } catch {
      // No cache, or an unreadable one: computed from the start.
    }
  }
  let start = 0
  const state = new Map<string, string>()
  let snapshots: Snapshot[] = []
  const values = new Map<string, unknown[]>()
  /** The last month end computed (its state and commit), from which months without commits are carried. */
  let last: { month: string; commit: LogCommit } | undefined
  if (cache) {
    const cachedCommit = cache.commit
    const at = commits.findIndex((c) => c.id === cachedCommit)
    const lastSnapshot = cache.snapshots[cache.snapshots.length - 1]
    if (at >= 0 && lastSnapshot) {
      start = at + 1
      for (const [p, b] of Object.entries(cache.state)) state.set(p, b)
      for (const [b, v] of Object.entries(cache.values)) values.set(b, v)
      snapshots = cache.snapshots
      last = { month: lastSnapshot.month, commit: commits[at]! }
      // Snapshots of the new commits' months are recomputed.
    } else cache = undefined
  }
  const prefix = startupsFolder === '' || startupsFolder === '.' ? '' : `${startupsFolder.replace(/\/+$/, '')}/`
  const isStartup = (p: string) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/') && p.endsWith('.md')
  const todo = commits.slice(start)
  // First the states at each month's end (path → blob), months without commits included (their as-of date differs); then only the blobs they hold are read and parsed.
  const ends: { month: string; commit: LogCommit; state: [string, string][] }[] = []
  const sorted = () => [...state].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  for (let i = 0; i < todo.length; i++) {
    const commit = todo[i]!
    const month = commit.date.slice(0, 7)
    if (last && last.month < month) {
      const carried = sorted()
      for (let m = nextMonth(last.month); m < month; m = nextMonth(m)) ends.push({ month: m, commit: last.commit, state: carried })
    }
    for (const ch of commit.changes) {
      if (ch.from !== undefined && isStartup(ch.from)) state.delete(ch.from)
      if (!isStartup(ch.path)) continue
      if (ch.after) state.set(ch.path, ch.after)
      else state.delete(ch.path)
    }
    last = { month, commit }
    const next = todo[i + 1]
    if (next && next.date.slice(0, 7) === month) continue
    ends.push({ month, commit, state: sorted() })
  }
  // Each metric's contribution is known per blob and as-of date: only the missing ones are computed, each blob read and parsed once.
  const valueKey = (blob: string, month: string) => `${blob}@${monthEnd(month)}`
  const unknown = new Set<string>()
  for (const e of ends) for (const [, b] of e.state) if (!values.has(valueKey(b, e.month))) unknown.add(b)
  const contents = await readBlobs(root, [...unknown].filter((b) => !parsed?.has(b)))
  const fiches = new Map<string, PastFiche>()
  const ficheOf = (blob: string): PastFiche => {
    let f = parsed?.get(blob) ?? fiches.get(blob)
    if (!f) {
      const text = contents.get(blob)
      f = text === undefined ? { body: '' } : readPastFiche(text)
      fiches.set(blob, f)
    }
    return f
  }
  for (const { month, commit, state: files } of ends) {
    const asOf = monthEnd(month)
    const contributions = files.map(([, b]) => {
      const k = valueKey(b, month)
      let v = values.get(k)
      if (!v) values.set(k, (v = metrics.map((m) => m.map(ficheOf(b), asOf))))
      return v
    })
    const s: Snapshot = { month, date: commit.date, commit: commit.id, as_of: asOf, products: files.length, rules }
    metrics.forEach((m, i) => (s[m.id] = m.reduce(contributions.map((v) => v[i]))))
    // A month seen before (the cached last one) is replaced.
    snapshots = snapshots.filter((x) => x.month < month)
    snapshots.push(s)
  }
  const head = commits[commits.length - 1]
  if (cacheFile && head && todo.length > 0) {
    const lastMonth = snapshots[snapshots.length - 1]?.month ?? ''
    const kept = Object.fromEntries([...new Set(state.values())].map((b) => valueKey(b, lastMonth)).filter((k) => values.has(k)).map((k) => [k, values.get(k)!]))
    const data: Cache = { format: 3, key, commit: head.id, state: Object.fromEntries(state), snapshots, values: kept }
    await fsp.mkdir(path.dirname(cacheFile), { recursive: true })
    const tmp = `${cacheFile}.${process.pid}.tmp`
    await fsp.writeFile(tmp, JSON.stringify(data))
    await fsp.rename(tmp, cacheFile)
  }
  return { snapshots, read: todo.length, cached: cache !== undefined }
}
