/**
 * Change reports: what happened to the fiches between two points of the
 * history, commit by commit (first parents, a merge counting as one change
 * set). For each fiche a commit touches: added, removed, renamed or modified,
 * the fields that changed, a phase transition (retired phase names mapped to
 * today's, see vocabulary.ts), incubator and sponsor changes. A commit that
 * touches many fiches the same way (the member space's sync bot) is
 * summarised: one line per kind of change instead of hundreds.
 */
import type { Collection, RegistryConfig } from '../load/config.ts'
import { organisationId } from '../validate/references.ts'
import { readBlobs } from './git.ts'
import type { LogCommit } from './log.ts'
import { readPastFiche, type PastFiche } from './past-fiche.ts'
import { failingRules } from './past-standards.ts'
import { currentPhaseName, isRetiredPhase, readPhase } from './vocabulary.ts'

/** A change set touching more fiches than this is read as a bulk change: its kinds of change with more fiches than this become summaries. */
export const BULK_THRESHOLD = 20

export interface FicheChange {
  kind: 'added' | 'removed' | 'renamed' | 'modified'
  collection: Collection
  id: string
  file: string
  /** For a rename: the id before. */
  from?: string
  title?: string
  /** Front matter keys that changed (`body` for the text), sorted. */
  fields?: string[]
  /** A real phase transition: the current phase before (today's name; null for an addition) and after, with the new phase's start. */
  phase?: { from: string | null; to: string; start?: string }
  /** A retired phase name rewritten to today's vocabulary: not a transition. */
  vocabulary?: { from: string; to: string }
  incubator?: { from: string | null; to: string | null }
  sponsors?: { added: string[]; removed: string[] }
  /**
   * Startups: the standards rules (field evidence, as of the commit's date, on
   * both versions) that stopped failing (`gained`: failing before, passing or
   * exempt after) and that started failing (`lost`: failing after, not before,
   * newly applicable included). A rule that merely stops applying is neither.
   */
  standards?: { gained: string[]; lost: string[] }
  /** The fiche's front matter could not be read (before or after). */
  unreadable?: true
}

export interface ChangeSummary {
  /** `vocabulary` (retired phase names rewritten) or `fields` (the same fields changed). */
  kind: 'vocabulary' | 'fields' | 'added' | 'removed' | 'renamed'
  count: number
  fields?: string[]
  /** For vocabulary: how many fiches went from each old name to each new one (`alumni → abandon`). */
  phases?: Record<string, number>
  /** The standards gained and lost by the summarised fiches: how many fiches per rule id. */
  standards?: { gained: Record<string, number>; lost: Record<string, number> }
  ids: string[]
}

export interface ChangeSet {
  commit: string
  date: string
  time: string
  author: string
  subject: string
  /** Number of fiches the commit touched. */
  fiches: number
  changes: FicheChange[]
  summaries: ChangeSummary[]
}

function locate(file: string, folders: [Collection, string][]): { collection: Collection; id: string } | undefined {
  for (const [collection, folder] of folders) {
    const prefix = folder === '' || folder === '.' ? '' : `${folder.replace(/\/+$/, '')}/`
    if (!file.startsWith(prefix)) continue
    const name = file.slice(prefix.length)
    if (name.includes('/')) continue
    return { collection, id: name.replace(/\.md$/, '') }
  }
  return undefined
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
const text = (v: unknown) => (typeof v === 'string' ? v : null)
const sponsorIds = (d: Record<string, unknown> | undefined) =>
  (Array.isArray(d?.sponsors) ? d.sponsors : []).map((s) => (typeof s === 'string' ? (organisationId(s) ?? s) : null)).filter((s): s is string => s !== null)

/** What changed between two versions of one fiche (either may be absent). */
/**
 * `bulk`: the commit rewrites many fiches at once; a retired phase name replaced
 * there is a reclassification into today's vocabulary, not a transition.
 */
export function diffFiche(before: PastFiche | undefined, after: PastFiche | undefined, collection: Collection, bulk = false): Partial<FicheChange> {
  const out: Partial<FicheChange> = {}
  const b = before?.data
  const a = after?.data
  if ((before && !b) || (after && !a)) out.unreadable = true
  out.title = text(a?.title) ?? text(a?.name) ?? text(b?.title) ?? text(b?.name) ?? undefined
  if (out.title === undefined) delete out.title
  if (before && after) {
    const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !same(b?.[k], a?.[k]))
    if (before.body !== after.body) keys.push('body')
    out.fields = keys.sort()
  }
  if (collection !== 'startups') return out
  const pb = readPhase(b)
  const pa = readPhase(a)
  if (pa.name !== null && pb.raw !== pa.raw) {
    const retired = pb.raw !== null && isRetiredPhase(pb.raw)
    if (retired && (pb.name === pa.name || bulk)) out.vocabulary = { from: pb.raw!, to: pa.raw! }
    else if (pb.name !== pa.name) out.phase = { from: pb.name, to: pa.name, ...(pa.start && { start: pa.start }) }
  }
  if (!out.vocabulary && !out.phase && before && after) {
    // A retired name rewritten earlier in the list (the current phase unchanged).
    const nb = phaseNames(b)
    const na = phaseNames(a)
    const i = nb.findIndex((n, k) => n !== na[k])
    if (i >= 0 && nb.length === na.length && isRetiredPhase(nb[i]!) && nb.every((n, k) => currentPhaseName(n) === currentPhaseName(na[k]!))) out.vocabulary = { from: nb[i]!, to: na[i]! }
  }
  const ib = before ? text(b?.incubator) : null
  const ia = after ? text(a?.incubator) : null
  if (before && after && ib !== ia) out.incubator = { from: ib, to: ia }
  if (before && after) {
    const sb = new Set(sponsorIds(b))
    const sa = new Set(sponsorIds(a))
    const added = [...sa].filter((s) => !sb.has(s)).sort()
    const removed = [...sb].filter((s) => !sa.has(s)).sort()
    if (added.length || removed.length) out.sponsors = { added, removed }
  }
  return out
}

const sortedCounts = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)))

const phaseNames = (d: Record<string, unknown> | undefined): string[] =>
  (Array.isArray(d?.phases) ? d.phases : []).map((p) => (p && typeof p === 'object' && typeof (p as { name?: unknown }).name === 'string' ? (p as { name: string }).name : ''))

/** The kind of a change, for grouping a bulk commit's changes. */
function signature(c: FicheChange): string {
  if (c.vocabulary) return 'vocabulary'
  // Real phase transitions are never summarised.
  if (c.phase) return `phase:${c.file}`
  if (c.kind !== 'modified') return c.kind
  return `fields:${(c.fields ?? []).join(',')}`
}

/**
 * The change sets of `commits` (oldest first, first parents), reading the fiches' blobs in one git process.
 * `parsed`: fiches already parsed, by blob id (a build's own records), not read again.
 */
export async function changeSets(root: string, config: RegistryConfig, commits: readonly LogCommit[], parsed?: ReadonlyMap<string, PastFiche>): Promise<ChangeSet[]> {
  const folders = Object.entries(config.collections) as [Collection, string][]
  const blobs = new Set<string>()
  for (const commit of commits) {
    for (const c of commit.changes) {
      if (!locate(c.path, folders)) continue
      if (c.before && !parsed?.has(c.before)) blobs.add(c.before)
      if (c.after && !parsed?.has(c.after)) blobs.add(c.after)
    }
  }
  const contents = await readBlobs(root, blobs)
  const cache = new Map<string, PastFiche>()
  const fiche = (blob: string | undefined): PastFiche | undefined => {
    if (blob === undefined) return undefined
    let f = parsed?.get(blob) ?? cache.get(blob)
    if (!f) {
      const t = contents.get(blob)
      f = t === undefined ? { body: '' } : readPastFiche(t)
      cache.set(blob, f)
    }
    return f
  }
  const results = new Map<string, ReturnType<typeof failingRules>>()
  const standards: StandardsOf = (blob, asOf) => {
    const key = `${blob}@${asOf}`
    if (!results.has(key)) results.set(key, failingRules(fiche(blob)!, asOf, config))
    return results.get(key)
  }
  return commits.map((commit) => changeSet(commit, folders, fiche, standards))
}

/** The standards rules a startup blob fails and passes as of a date (undefined: it cannot be linted). */
export type StandardsOf = (blob: string, asOf: string) => { failing: string[]; passing: string[] } | undefined

/** The standards gained and lost between two versions of a startup fiche, both judged as of `asOf` (so that only the edit counts, not the passing of time). */
export function standardsDiff(before: ReturnType<StandardsOf>, after: ReturnType<StandardsOf>): FicheChange['standards'] | undefined {
  if (!before || !after) return undefined
  const failedBefore = new Set(before.failing)
  const gained = after.passing.filter((r) => failedBefore.has(r))
  const lost = after.failing.filter((r) => !failedBefore.has(r))
  return gained.length || lost.length ? { gained, lost } : undefined
}

export function changeSet(commit: LogCommit, folders: [Collection, string][], fiche: (blob: string | undefined) => PastFiche | undefined, standards?: StandardsOf): ChangeSet {
  const changes: FicheChange[] = []
  const located = commit.changes.filter((c) => locate(c.path, folders))
  const bulk = located.length > BULK_THRESHOLD
  for (const c of located) {
    const where = locate(c.path, folders)!
    const kind = c.status === 'A' ? 'added' : c.status === 'D' ? 'removed' : c.status === 'R' ? 'renamed' : 'modified'
    const change: FicheChange = { kind, collection: where.collection, id: where.id, file: c.path }
    if (c.status === 'R' && c.from) change.from = locate(c.from, folders)?.id ?? c.from
    Object.assign(change, diffFiche(fiche(c.before), fiche(c.after), where.collection, bulk))
    if (kind === 'added' || kind === 'removed') delete change.fields
    if (standards && where.collection === 'startups' && c.before && c.after && c.before !== c.after) {
      const diff = standardsDiff(standards(c.before, commit.date), standards(c.after, commit.date))
      if (diff) change.standards = diff
    }
    changes.push(change)
  }
  const set: ChangeSet = { commit: commit.id, date: commit.date, time: commit.iso, author: commit.author, subject: commit.subject, fiches: changes.length, changes, summaries: [] }
  if (!bulk) return set
  const groups = new Map<string, FicheChange[]>()
  for (const c of changes) {
    const key = signature(c)
    const group = groups.get(key)
    if (group) group.push(c)
    else groups.set(key, [c])
  }
  const kept: FicheChange[] = []
  for (const [key, group] of groups) {
    if (group.length <= BULK_THRESHOLD) {
      kept.push(...group)
      continue
    }
    const summary: ChangeSummary = { kind: key === 'vocabulary' ? 'vocabulary' : key.startsWith('fields:') ? 'fields' : (key as ChangeSummary['kind']), count: group.length, ids: group.map((c) => c.id).sort() }
    if (key.startsWith('fields:')) summary.fields = key.slice(7).split(',').filter(Boolean)
    if (key === 'vocabulary') {
      const phases: Record<string, number> = {}
      for (const c of group) if (c.vocabulary) phases[`${c.vocabulary.from} → ${c.vocabulary.to}`] = (phases[`${c.vocabulary.from} → ${c.vocabulary.to}`] ?? 0) + 1
      summary.phases = sortedCounts(phases)
    }
    const gained: Record<string, number> = {}
    const lost: Record<string, number> = {}
    for (const c of group) {
      for (const r of c.standards?.gained ?? []) gained[r] = (gained[r] ?? 0) + 1
      for (const r of c.standards?.lost ?? []) lost[r] = (lost[r] ?? 0) + 1
    }
    if (Object.keys(gained).length || Object.keys(lost).length) summary.standards = { gained: sortedCounts(gained), lost: sortedCounts(lost) }
    set.summaries.push(summary)
  }
  const keep = new Set(kept)
  set.changes = changes.filter((c) => keep.has(c))
  return set
}
