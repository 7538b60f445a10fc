/**
 * api/v1/index.json: the entry point of the API, and what makes it cheap to
 * follow. Besides the counts and the addresses, it lists every published file
 * (manifest.ts: its SHA-256 and size) with `updated`, the date its content may
 * last have changed, derived from the git history alone, never from the clock
 * (the same commit gives the same index):
 *
 * - a fiche's own file (api/v1/startups/<id>.json, api/v3/startups/<id>.json):
 *   the date of the last commit of the main line (first parents: a merge
 *   counts on the day it is merged) that touched the fiche; for the v1 file,
 *   also the start of its current phase when that phase began after the commit
 *   (its current_phase and status changed that day, without a commit);
 * - a file that aggregates fiches: the last main-line commit that touched one
 *   of the folders it reads (an added, changed, renamed or removed fiche);
 * - content that depends on the as-of date (the standards, the current phases
 *   of startups.json): the as-of date too;
 * - the change reports and trends: the last commit that touched the fiches;
 * - with online evidence (registry build --evidence): evidence.json, the day
 *   of its last run; what reads it (the standards, startups.json's standards
 *   blocks, the evaluations, trends.json) that day too, if later;
 * - the schemas, the OpenAPI document and the TypeScript declarations, which
 *   only the tool changes: the day the contract was released (CONTRACT_RELEASED).
 *
 * A new version of the tool may change any file (a field added): index.json
 * says which contract it follows (`contract.version`, `contract.released`);
 * a consumer who sees a contract released after its last reading compares
 * every fingerprint rather than the dates.
 *
 * Without history (no git, a shallow clone) every date is null, as are the
 * feed's created_at/updated_at; so is the date of a fiche not yet committed.
 * The SHA-256 is exact in every case: a consumer who keeps the fingerprints of
 * its copies compares them (docs/api.md has such a script).
 */
import type { Collection, RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import type { LogCommit } from '../history/log.ts'
import { currentPhase } from '../lint/phase.ts'
import { compareBytes } from '../load/byte-order.ts'
import { API_VERSION, CONTRACT_RELEASED, DATA_LICENCE, FEED_FILES, INDEX_FILES, schemaUrl } from './feed-schema.ts'
import { HISTORY_FEED_FILES } from './history-schema.ts'
import { INDEX_PATH, type Manifest } from './manifest.ts'

const EVIDENCE_PATH = 'api/v1/evidence.json'

/** Which fiches' folders each aggregate file reads, and whether its content depends on the as-of date, the history or the online evidence. */
const AGGREGATES: Record<string, { reads: readonly Collection[]; asOf?: true; history?: true; evidence?: true }> = {
  'api/v1/startups.json': { reads: ['startups'], asOf: true, evidence: true },
  'api/v1/organisations.json': { reads: ['startups', 'organisations'] },
  'api/v1/incubators.json': { reads: ['startups', 'incubators'] },
  'api/v1/standards.json': { reads: ['startups'], asOf: true, evidence: true },
  'api/v1/evaluations.json': { reads: ['startups'], asOf: true, evidence: true },
  'api/v1/changes.json': { reads: ['startups', 'organisations', 'incubators'], history: true },
  'api/v1/changes.atom': { reads: ['startups', 'organisations', 'incubators'], history: true },
  'api/v1/trends.json': { reads: ['startups', 'organisations', 'incubators'], history: true, evidence: true },
  'api/v2.7/startups.json': { reads: ['startups', 'incubators'] },
  'api/v2.7/incubators.json': { reads: ['startups', 'incubators'] },
  'api/v2.7/organisations.json': { reads: ['organisations'] },
  'api/v2.7/sponsors.json': { reads: ['organisations'] },
  'api/v2.7/startups.csv': { reads: ['startups'] },
  'api/v3/startups.json': { reads: ['startups'] },
}

const max = (dates: readonly (string | undefined)[]): string | undefined => dates.reduce<string | undefined>((a, b) => (b !== undefined && (a === undefined || b > a) ? b : a), undefined)

/**
 * The `updated` date of each published path (see above), from the main line
 * of the history (history-files.ts' mainLine: first parents, oldest first).
 * `commits` null or undefined: no history, every date is null.
 */
export function publishedDates(records: readonly ParsedRecord[], config: RegistryConfig, commits: readonly LogCommit[] | null | undefined, asOf: string | undefined, evidenceDay?: string): (path: string) => string | null {
  if (!commits || commits.length === 0) return () => null
  const byFile = new Map<string, string>()
  const byFolder = new Map<Collection, string>()
  const folders = Object.entries(config.collections) as [Collection, string][]
  const collectionOf = (file: string) => folders.find(([, folder]) => file.startsWith(`${folder}/`))?.[0]
  for (const commit of commits) {
    for (const change of commit.changes) {
      for (const file of change.from === undefined ? [change.path] : [change.path, change.from]) {
        byFile.set(file, commit.date)
        const collection = collectionOf(file)
        if (collection) byFolder.set(collection, commit.date)
      }
    }
  }
  const last = commits[commits.length - 1]!.date
  const startups = new Map(records.filter((r) => r.collection === 'startups').map((r) => [r.id, r]))
  return (path) => {
    const own = /^api\/v([13])\/startups\/(.+)\.json$/.exec(path)
    if (own) {
      const record = startups.get(own[2]!)
      const committed = record && byFile.get(record.file)
      if (!committed) return null
      const phase = own[1] === '1' ? currentPhase(record.data, asOf)?.start : undefined
      return max([committed, phase])!
    }
    if (path === EVIDENCE_PATH) return evidenceDay ?? null
    const aggregate = AGGREGATES[path]
    if (!aggregate) return CONTRACT_RELEASED
    const evidence = aggregate.evidence ? evidenceDay : undefined
    if (aggregate.history) return max([last, evidence])!
    return max([...aggregate.reads.map((c) => byFolder.get(c)), aggregate.asOf ? asOf : undefined, evidence]) ?? last
  }
}

export interface IndexInput {
  commit: string | null
  counts: { startups: number; startups_active: number; startups_ended: number; organisations: number; incubators: number }
  /** Whether the build wrote the history files (changes.json, trends.json; changes.atom with siteUrl). */
  history: boolean
  updated: (path: string) => string | null
}

/** The text of api/v1/index.json, from the fingerprints of every other published file. */
export function indexJson(manifest: Manifest, config: RegistryConfig, input: IndexInput): string {
  const site = config.siteUrl
  const written = (file: string) => manifest.has(file) || file.includes('{id}')
  const files = Object.fromEntries(
    Object.entries(INDEX_FILES)
      .filter(([, file]) => written(file) && (input.history || !HISTORY_PATHS.has(file)))
      .map(([key, file]) => [key, `${site}/${file}`]),
  )
  const published = [...manifest.keys()]
    .filter((path) => path !== INDEX_PATH)
    .sort(compareBytes)
    .map((path) => ({ path, ...manifest.get(path)!, updated: input.updated(path) }))
  const index = {
    api_version: API_VERSION,
    contract: { version: API_VERSION, released: CONTRACT_RELEASED, openapi: `${site}/api/openapi.json` },
    licence: DATA_LICENCE,
    source: { commit: input.commit },
    counts: input.counts,
    files,
    schemas: Object.fromEntries([...FEED_FILES, ...HISTORY_FEED_FILES, 'evidence' as const].map((f) => [f, schemaUrl(site, f)])),
    published,
  }
  return `${JSON.stringify(index, null, 2)}\n`
}

const HISTORY_PATHS = new Set(['api/v1/changes.json', 'api/v1/changes.atom', 'api/v1/trends.json'])
