/**
 * Compiles valid records into the files of the v1 feed: a map from output
 * path to content. Pure and deterministic: records sorted by id, keys in
 * schema order, values exactly as written in the fiches, no clock. The files
 * of the beta.gouv.fr-compatible APIs v2.7 (build-api-v2-7.ts) and v3
 * (build-api-v3.ts), the OpenAPI document that describes them all
 * (openapi.ts) and the TypeScript declarations (types-files.ts) are added to
 * the same map, so that one build writes every API; api/v1/index.json comes
 * last, from the fingerprints of all the others (feedIndex).
 */
import { currentPhase } from '../lint/phase.ts'
import type { Collection, RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import { FICHE_SCHEMAS } from '../validate/schemas.ts'
import { organisationId } from '../validate/references.ts'
import { apiV27Files } from './build-api-v2-7.ts'
import { apiV3SchemaFiles, v3StartupFile, v3StartupsList } from './build-api-v3.ts'
import { ENDED_PHASES, fields, startupItem } from './startup-item.ts'
import { materialize, type Content, type OutputFiles } from './output.ts'
import { jsonChunks } from './json-chunks.ts'
import { API_VERSION, evidenceFeedSchema, FEED_FILES, feedSchema, schemaUrl } from './feed-schema.ts'
import { HISTORY_FEED_FILES, historySchema } from './history-schema.ts'
import type { EvidenceFile } from '../evidence/types.ts'
import type { LogCommit } from '../history/log.ts'
import { INDEX_PATH, manifestOf } from './manifest.ts'
import { indexJson, publishedDates } from './published-index.ts'
import { openApiFile } from './openapi.ts'
import { typesFiles } from './types-files.ts'
import type { Finish } from './write-output.ts'

export { startupItem } from './startup-item.ts'

export interface BuildMeta {
  /** The git commit of the fiches, or null outside a git repository. */
  commit: string | null
  /**
   * True when a worker thread writes the v2.7 files and the per-startup files
   * (`api/v1/startups/<id>.json`, made by startupFile): the feed leaves them out.
   */
  worker?: boolean
  /**
   * The standards lint's results (scripts/lint/standards-report.ts), computed
   * by the caller: each startup item of startups.json gets its `standards`
   * block and `api/v1/standards.json` is written. Absent: neither is written.
   */
  standards?: FeedStandards
  /** Files computed from git history (api/v1/changes.json, changes.atom, trends.json), already serialised. */
  extra?: readonly [string, string][]
  /** The main line of the history (history-files.ts' mainLine), for the dates of index.json; absent or null: no dates. */
  commits?: readonly LogCommit[] | null
  /** The online evidence the build was given (registry build --evidence): written as api/v1/evidence.json. */
  evidence?: EvidenceFile
  /**
   * The as-of date (HEAD's commit date or --as-of): a startup's current phase
   * is its latest phase started on or before it (a fiche may announce a future
   * phase). Undefined: the last phase written.
   */
  asOf?: string
}

/** What the feed needs of the standards lint: one block per startup id, the aggregate file and the evaluations file. */
export interface FeedStandards {
  blocks: ReadonlyMap<string, unknown>
  aggregate: unknown
  evaluations: (siteUrl: string) => unknown
}

const byId = (a: ParsedRecord, b: ParsedRecord): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export function serialize(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

function withStandards(item: ReturnType<typeof startupItem>, block: unknown): ReturnType<typeof startupItem> {
  const { body, ...rest } = item
  return { ...rest, standards: block, body } as ReturnType<typeof startupItem>
}

function withoutStandards(item: ReturnType<typeof startupItem>): ReturnType<typeof startupItem> {
  if (!Object.hasOwn(item, 'standards')) return item
  const { standards: _, ...rest } = item as ReturnType<typeof startupItem> & { standards?: unknown }
  return rest as ReturnType<typeof startupItem>
}

/** `api/v1/startups/<id>.json`. */
export function startupFile(item: ReturnType<typeof startupItem>): [string, string] {
  return [`${STARTUP_FILES_DIR}/${item.id}.json`, serialize(item)]
}

export const STARTUP_FILES_DIR = 'api/v1/startups'

/** Every file of a build, in memory (tests, small registries), index.json included. */
export function buildFeed(records: readonly ParsedRecord[], config: RegistryConfig, meta: BuildMeta): OutputFiles {
  const files = materialize(feedFiles(records, config, meta))
  for (const [path, content] of feedIndex(records, config, meta)(manifestOf(files))) files.set(path, content as string)
  return files
}

/** api/v1/index.json, made once every other file is written (writeOutput's `finish`), from their fingerprints. */
export function feedIndex(records: readonly ParsedRecord[], config: RegistryConfig, meta: BuildMeta): Finish {
  return (manifest) => {
    const startups = records.filter((r) => r.collection === 'startups')
    const ended = startups.filter((r) => ENDED_PHASES.has(currentPhase(r.data, meta.asOf)?.name ?? '')).length
    const count = (c: Collection) => records.filter((r) => r.collection === c).length
    const counts = { startups: startups.length, startups_active: startups.length - ended, startups_ended: ended, organisations: count('organisations'), incubators: count('incubators') }
    const updated = publishedDates(records, config, meta.commits, meta.asOf, meta.evidence?.generated_at.slice(0, 10))
    return [[INDEX_PATH, indexJson(manifest, config, { commit: meta.commit, counts, history: Boolean(meta.extra?.length), updated })]]
  }
}

/**
 * The feed's files, lazily: each per-startup file is serialised when the
 * writer reaches it and the large lists are streamed in chunks, so that a
 * build never holds the whole output in memory.
 */
export function* feedFiles(records: readonly ParsedRecord[], config: RegistryConfig, meta: BuildMeta): Generator<[string, Content]> {
  const of = (c: Collection) => records.filter((r) => r.collection === c).sort(byId)
  const startups = of('startups')
  const organisations = of('organisations')
  const incubators = of('incubators')

  const sponsored = new Map<string, string[]>()
  const incubated = new Map<string, string[]>()
  const push = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key)
    if (list) list.push(id)
    else map.set(key, [id])
  }

  const startupItems = startups.map((r) => {
    const block = meta.standards?.blocks.get(r.id)
    // The block goes before `body`, so that the key order follows the schema's.
    const item = block === undefined ? startupItem(r, meta.asOf) : withStandards(startupItem(r, meta.asOf), block)
    for (const i of item.incubator_ids) push(incubated, i, r.id)
    for (const s of item.sponsor_ids) push(sponsored, s, r.id)
    return item
  })
  const organisationItems = organisations.map((r) => ({ id: r.id, file: r.file, ...fields(r), startup_ids: sponsored.get(r.id) ?? [], ...r.history, body: r.body }))
  const incubatorItems = incubators.map((r) => ({
    id: r.id,
    file: r.file,
    ...fields(r),
    owner_id: organisationId(r.data.owner) ?? null,
    startup_ids: incubated.get(r.id) ?? [],
    ...r.history,
    body: r.body,
  }))

  const site = config.siteUrl
  const list = (name: 'startups' | 'organisations' | 'incubators', items: unknown[]): [string, Content] => [
    `api/v1/${name}.json`,
    jsonChunks({ $schema: schemaUrl(site, name), api_version: API_VERSION, count: items.length, [name]: items }),
  ]
  yield list('startups', startupItems)
  yield list('organisations', organisationItems)
  yield list('incubators', incubatorItems)
  // The per-startup files are written as the fiches are parsed (by the worker thread on large
  // registries), before the registry-wide lint: they carry no standards block.
  if (!meta.worker) {
    for (const item of startupItems) yield startupFile(withoutStandards(item))
    for (const r of startups) yield v3StartupFile(r)
  }
  yield v3StartupsList(records)
  if (meta.standards) {
    yield ['api/v1/standards.json', serialize(meta.standards.aggregate)]
    yield ['api/v1/evaluations.json', serialize(meta.standards.evaluations(site))]
  }
  for (const f of FEED_FILES) yield [`api/v1/schemas/${f}.schema.json`, serialize(feedSchema(f, site))]
  for (const f of HISTORY_FEED_FILES) yield [`api/v1/schemas/${f}.schema.json`, serialize(historySchema(f, site))]
  yield ['api/v1/schemas/evidence.schema.json', serialize(evidenceFeedSchema(site))]
  yield* apiV3SchemaFiles(site)
  yield* typesFiles()
  yield openApiFile(site)
  if (meta.extra) yield* meta.extra
  if (meta.evidence) yield ['api/v1/evidence.json', serialize(meta.evidence)]
  if (!meta.worker) yield* apiV27Files(records, config)
}
