/**
 * The site from the build's compiled data: the same startup items as
 * api/v1/startups.json (startupItem, with its standards block), the lint's
 * findings, the trends file when history gave one; then every page of
 * pages/index.ts. Pure: the static files come from assets.ts.
 */
import { startupItem } from '../compile/startup-item.ts'
import { evidenceChanges } from '../evidence/evidence-changes.ts'
import type { EvidenceFile } from '../evidence/types.ts'
import type { RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import type { Problem } from '../report/diagnostic.ts'
import { isLintRule, ruleText } from '../lint/rule-catalogue.ts'
import { organisationId } from '../validate/references.ts'
import type { EditorScripts, Finding, IncubatorItem, OrganisationItem, PageGenerator, SiteContext, StandardsAggregate, StartupItem, Trends } from './context.ts'
import { PAGES } from './pages/index.ts'

export interface SiteInput {
  records: readonly ParsedRecord[]
  config: RegistryConfig
  /** What the feed got from the standards lint: a block per startup id, and the aggregate. */
  standards?: { blocks: ReadonlyMap<string, unknown>; aggregate: unknown }
  /** The standards lint's problems (their messages and hints say what to fix). */
  problems?: readonly Problem[]
  /** The history files of the feed (api/v1/trends.json among them), serialised. */
  extra?: readonly (readonly [string, string])[]
  asOf?: string
  /** The online evidence (registry build --evidence), when the build was given it. */
  evidence?: EvidenceFile
  /** The feed's and APIs' files (site-relative paths). */
  dataFiles: readonly string[]
  /** The editor's script files, when the build wrote them (registry build: bundle/editor-script.ts). */
  editorScripts?: EditorScripts
}

function push(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key)
  if (list) list.push(id)
  else map.set(key, [id])
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The base path of `siteUrl` ('/' when it is empty or has no path). */
export function basePath(siteUrl: string): string {
  if (!siteUrl) return '/'
  const p = new URL(siteUrl).pathname
  return p.endsWith('/') ? p : `${p}/`
}

export function siteContext(input: SiteInput): SiteContext {
  const of = (c: string) => input.records.filter((r) => r.collection === c)
  const startups = of('startups')
    .map((r) => {
      const item = startupItem(r, input.asOf) as unknown as StartupItem
      const block = input.standards?.blocks.get(r.id)
      return (block === undefined ? item : { ...item, standards: block }) as StartupItem
    })
    .sort(byId)
  const sponsored = new Map<string, string[]>()
  const incubated = new Map<string, string[]>()
  for (const s of startups) {
    for (const i of s.incubator_ids) push(incubated, i, s.id)
    for (const o of s.sponsor_ids) push(sponsored, o, s.id)
  }
  const incubators: IncubatorItem[] = of('incubators')
    .map((r) => ({ ...r.data, id: r.id, file: r.file, owner_id: organisationId(r.data.owner) ?? null, startup_ids: incubated.get(r.id) ?? [], ...r.history, body: r.body }))
    .sort(byId)
  const organisations: OrganisationItem[] = of('organisations')
    .map((r) => ({ ...r.data, id: r.id, file: r.file, startup_ids: sponsored.get(r.id) ?? [], ...r.history, body: r.body }))
    .sort(byId)
  const findings = new Map<string, Finding[]>()
  for (const p of input.problems ?? []) {
    if (!isLintRule(p.ruleId)) continue
    const { message, hint } = ruleText(p.ruleId, 'fr', p.data ?? {})
    const list = findings.get(p.file) ?? []
    list.push({ rule: p.ruleId, message, hint })
    findings.set(p.file, list)
  }
  const trendsText = input.extra?.find(([file]) => file === 'api/v1/trends.json')?.[1]
  return {
    startups,
    incubators,
    organisations,
    config: input.config,
    standards: input.standards?.aggregate as StandardsAggregate | undefined,
    findings,
    trends: trendsText ? (JSON.parse(trendsText) as Trends) : undefined,
    ...(input.evidence ? { evidence: input.evidence, evidenceChanges: evidenceChanges(input.evidence) } : {}),
    asOf: input.asOf,
    base: basePath(input.config.siteUrl),
    dataFiles: input.dataFiles,
    fiches: input.records,
    ...(input.editorScripts ? { editorScripts: input.editorScripts } : {}),
  }
}

/** Every page of the site: [site-relative path, HTML]; with `only`, the pages of the generators it keeps. */
export function* sitePages(context: SiteContext, only: (page: PageGenerator) => boolean = () => true): Generator<[string, string]> {
  for (const page of PAGES) if (only(page)) yield* page(context)
}
