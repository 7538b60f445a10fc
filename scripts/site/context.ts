/**
 * What every page generator receives: the compiled data of the build (the
 * same items as api/v1/*.json, with their standards blocks and history
 * fields), the lint's findings per fiche, the trends when history gave them,
 * and the configuration. Pure data, no `node:` import.
 */
import type { EvidenceChanges } from '../evidence/evidence-changes.ts'
import type { EvidenceFile } from '../evidence/types.ts'
import type { EvidenceMonth } from '../evidence/evidence-trends.ts'
import type { Collection, RegistryConfig } from '../load/config.ts'

import type { Check, Counts } from '../lint/standards-report.ts'

// The standards blocks' types are the lint's, which writes them (types only: nothing is loaded).
export type { Check, Counts }

/** A startup's `standards` block, as in api/v1/startups.json. */
export interface StandardsBlock {
  catalogue_version: string
  as_of: string | null
  phase: string | null
  categories: Record<string, Counts & { failing_rules: string[]; checks: Check[] }>
}

/** An item of api/v1/startups.json (the fiche's fields as written, then derived fields). */
export interface StartupItem {
  id: string
  file: string
  title?: string
  mission?: string
  incubator?: string
  incubator_ids: string[]
  sponsor_ids: string[]
  phases?: { name: string; start?: string; end?: string; comment?: string }[]
  events?: { name: string; date?: string; comment?: string }[]
  current_phase?: string
  status: 'active' | 'ended'
  created_at?: string
  updated_at?: string
  standards?: StandardsBlock
  body: string
  [field: string]: unknown
}

export interface IncubatorItem {
  id: string
  file: string
  title?: string
  owner_id: string | null
  startup_ids: string[]
  body: string
  [field: string]: unknown
}

export interface OrganisationItem {
  id: string
  file: string
  name?: string
  startup_ids: string[]
  body: string
  [field: string]: unknown
}

/** api/v1/standards.json. */
export interface StandardsAggregate {
  catalogue: { version: string; released: string }
  as_of: string | null
  /** Whether the build had online evidence (registry build --evidence). */
  online_evidence?: boolean
  startups: number
  rules: Record<string, Counts & { category: string; standards: readonly string[]; evidence: string }>
  categories: Record<string, Counts>
  incubators: Record<string, Record<string, Counts>>
  phases: Record<string, Record<string, Counts>>
}

/** api/v1/trends.json (the parts the site reads). */
export interface Trends {
  snapshots: { month: string; products: number; standards: { categories: Record<string, Counts & { share: number }> } }[]
  /** The online evidence month by month, when the build had it. */
  evidence?: EvidenceMonth[]
}

/** A lint finding on a fiche, in French: what is missing and what to write. */
export interface Finding {
  rule: string
  message: string
  hint: string
}

/** The editor's script as bundled (scripts/bundle/bundle.mjs, editorBundle): its files and which of them the page needs at once. */
export interface EditorScripts {
  /** Every file, site-relative (editer/editeur.js first, then its chunks). */
  files: readonly string[]
  /** The chunks the entry imports statically (preloaded by the page); the others load on demand. */
  eager: readonly string[]
}

export interface SiteContext {
  startups: readonly StartupItem[]
  incubators: readonly IncubatorItem[]
  organisations: readonly OrganisationItem[]
  config: RegistryConfig
  /** api/v1/standards.json's content; undefined when the build had no standards lint. */
  standards?: StandardsAggregate
  /** The lint's findings per fiche file (repo-relative path), for the standards sections. */
  findings: ReadonlyMap<string, readonly Finding[]>
  /** api/v1/trends.json, when history gave it. */
  trends?: Trends
  /** The online evidence the build was given (api/v1/evidence.json), and what changed at its last run. */
  evidence?: EvidenceFile
  evidenceChanges?: EvidenceChanges
  /** The as-of date of the build (YYYY-MM-DD), if known. */
  asOf?: string
  /** The site's base path, from `siteUrl` ('/' or '/sub/path/'); pages use relative URLs and need it only for absolute links. */
  base: string
  /** Every file of the feed and APIs (site-relative paths), for the data page. */
  dataFiles: readonly string[]
  /** Every fiche as read by the build: the editor ships their summary (editer/registre.json) and the startups' texts (editer/fiches/). */
  fiches?: readonly { file: string; collection: Collection; id: string; text: string; data: Record<string, unknown> }[]
  /** The editor's script files (site-relative, under editer/): the entry first, and those it imports before it runs. */
  editorScripts?: EditorScripts
}

/** A page generator: yields [site-relative file path, HTML], e.g. ['startups/abc/index.html', '<!doctype html>…']. */
export type PageGenerator = (context: SiteContext) => Iterable<[string, string]>
